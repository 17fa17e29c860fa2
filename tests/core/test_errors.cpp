#include <doctest/doctest.h>

#include "khabar/read.hpp"
#include "read/json.hpp"
#include "support.hpp"
#include "text/utf8.hpp"

using namespace khabar;
using khabar::test::error_code;

TEST_CASE("an Error carries its code in what() and on its own") {
  Error e(codes::invalid_json, "bad");
  CHECK(e.code() == "parse.invalid_json");
  CHECK(e.message() == "bad");
  CHECK(std::string(e.what()) == "[parse.invalid_json] bad");
}

TEST_CASE("every reading error has its stable code") {
  auto read = [](std::string_view bytes, ReadOptions o = {}) { return [=] { read_article(bytes, o); }; };

  CHECK(error_code(read("{\"title\": ")) == "parse.invalid_json");
  CHECK(error_code(read("[1, 2,]")) == "parse.invalid_json");
  CHECK(error_code(read("{\"@context\": \"https://schema.org\", \"@type\": \"Recipe\", \"name\": \"x\"}")) ==
        "parse.no_article");
  CHECK(error_code(read("<html><head><title>x</title></head></html>")) == "parse.no_article");
  CHECK(error_code(read("{}")) == "parse.no_article");
  CHECK(error_code(read("{\"title\": [\"x\"]}")) == "parse.invalid_field");
  // Khabar JSON checks every field's type the same way: a number is no title, as it is no author.
  CHECK(error_code(read("{\"khabar\": 1, \"title\": 5}")) == "parse.invalid_field");
  CHECK(error_code(read("{\"khabar\": 1, \"title\": \"x\", \"authors\": 5}")) == "parse.invalid_field");
  CHECK(error_code(read("{\"khabar\": 1, \"title\": \"x\", \"image\": {\"url\": 7}}")) ==
        "parse.invalid_field");
  CHECK(error_code(read("{\"title\": \"x\", \"body\": [{\"type\": \"table\", \"text\": \"y\"}]}")) ==
        "parse.invalid_field");
  CHECK(error_code(read("{\"khabar\": 2, \"title\": \"x\"}")) == "parse.unsupported_version");
  CHECK(error_code(read("")) == "input.empty");
  CHECK(error_code(read(" \n\t\r\n")) == "input.empty");
  CHECK(error_code(read("\xEF\xBB\xBF")) == "input.empty");
  CHECK(error_code(read("abc \xC3\x28 def")) == "input.invalid_utf8");      // bad continuation
  CHECK(error_code(read("abc \xC0\xAF")) == "input.invalid_utf8");          // overlong '/'
  CHECK(error_code(read("abc \xED\xA0\x80")) == "input.invalid_utf8");      // a UTF-16 surrogate
  CHECK(error_code(read("abc \xF4\x90\x80\x80")) == "input.invalid_utf8");  // past U+10FFFF
  CHECK(error_code(read("abc \xE2\x82")) == "input.invalid_utf8");          // cut short

  ReadOptions small;
  small.limits.max_bytes = 10;
  CHECK(error_code(read("Title\nA body that is longer than ten bytes", small)) == "input.too_large");

  ReadOptions few_blocks;
  few_blocks.limits.max_blocks = 2;
  CHECK(error_code(read("T\none.\ntwo.\nthree.\n", few_blocks)) == "input.too_many_blocks");

  ReadOptions short_lines;
  short_lines.limits.max_line_bytes = 10;
  CHECK(error_code(read("T\nThis line is longer than ten bytes.\n", short_lines)) == "input.line_too_long");
}

TEST_CASE("deep JSON is refused before it can exhaust a stack") {
  std::string deep(100000, '[');
  CHECK(error_code([&] { read_article(deep); }) == "input.too_deep");
  std::string objects;
  for (int i = 0; i < 100; ++i) objects += "{\"a\":";
  CHECK(error_code([&] { read_article(objects); }) == "input.too_deep");
  // Exactly at the limit is fine as JSON (and then not an article).
  std::string at_limit = std::string(63, '[') + std::string(63, ']');
  CHECK(error_code([&] { read_article(at_limit); }) == "parse.no_article");
}

TEST_CASE("what reading fixes travels as a warning") {
  Article a = read_article("\xEF\xBB\xBFTitle\nBody text.\n");
  REQUIRE(a.warnings.size() == 1);
  CHECK(a.warnings[0].code == "input.bom_removed");
  CHECK(a.title == "Title");

  Article b = read_article("{\"title\": \"x\", \"published\": \"last tuesday\"}");
  REQUIRE(b.warnings.size() == 1);
  CHECK(b.warnings[0].code == "parse.invalid_date");
  CHECK_FALSE(b.published);
}

TEST_CASE("a JSON error's message is UTF-8 even when the bytes it quotes are not") {
  // nlohmann quotes the bytes it last read: here a lone byte of a two-byte character (a JSON-LD
  // block cut by a page's encoding). The message becomes a warning and the card's JSON: once it
  // carried the byte through, and writing the card failed with internal.error.
  const std::string text = "{\"@context\": \"https://schema.org\",\n  \xa2\"x\": 1}";
  try {
    detail::parse_json(text, Limits{});
    FAIL("no error");
  } catch (const Error& e) {
    CHECK(e.code() == "parse.invalid_json");
    CHECK_FALSE(detail::first_invalid_utf8(e.message()).has_value());
    CHECK(e.message().find("\xEF\xBF\xBD") != std::string::npos);  // U+FFFD where the byte was
  }
  CHECK(detail::well_formed_utf8("a\xa2"
                                 "b") ==
        "a\xEF\xBF\xBD"
        "b");
  CHECK(detail::well_formed_utf8("سلام") == "سلام");
}
