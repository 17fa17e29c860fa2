// A Card read back from its JSON (card_from_json): every golden card's JSON gives the same Card
// again, written back byte for byte; bad JSON and wrong types give their stable codes.
#include <doctest/doctest.h>

#include <nlohmann/json.hpp>
#include <string>

#include "khabar/card.hpp"
#include "khabar/error.hpp"
#include "khabar/render.hpp"
#include "support.hpp"

using namespace khabar;
using test::error_code;

TEST_CASE("card_from_json: every golden card's JSON, read back and written again, is the same bytes") {
  auto spec = nlohmann::json::parse(test::read_file("tests/golden/cards/cases.json"));
  auto cases = spec["cases"];
  for (const auto& c : spec["html_cases"]) cases.push_back(c);
  int checked = 0;
  for (const auto& c : cases) {
    for (const auto& locale : c["locales"]) {
      std::string name = c["name"].get<std::string>() + "." + locale.get<std::string>() + ".json";
      CAPTURE(name);
      std::string expected = test::read_file("tests/golden/cards/expected/" + name);
      Card card = card_from_json(expected);
      CHECK(render_json(card) + '\n' == expected);
      // The other renderers see the same Card: the HTML card from it is the golden HTML.
      std::string html_name = name.substr(0, name.size() - 4) + "html";
      CHECK(render_html(card) + '\n' == test::read_file("tests/golden/cards/expected/" + html_name));
      // Compact JSON (as JSON.stringify sends it) reads the same.
      CHECK(card_from_json(nlohmann::json::parse(expected).dump()) == card);
      ++checked;
    }
  }
  CHECK(checked == 26);
}

TEST_CASE("card_from_json: absent and null fields keep their defaults") {
  Card card = card_from_json(R"({"khabar_card": 1, "title": "T", "published": null, "authors": null})");
  CHECK(card.title == "T");
  CHECK(!card.published);
  CHECK(card.authors.empty());
  CHECK(card.dir == Direction::ltr);
  CHECK(card.summary.sentences.empty());
}

TEST_CASE("card_from_json: bad input gives its stable code") {
  CHECK(error_code([] { card_from_json(""); }) == codes::empty_input);
  CHECK(error_code([] { card_from_json("{\"khabar_card\": 1,"); }) == codes::invalid_json);
  CHECK(error_code([] { card_from_json("{\"khabar_card\": 1, \"title\": \"\xff\"}"); }) ==
        codes::invalid_json);
  CHECK(error_code([] { card_from_json("[1, 2]"); }) == codes::invalid_field);
  CHECK(error_code([] { card_from_json("\"a card\""); }) == codes::invalid_field);
  CHECK(error_code([] { card_from_json(R"({"title": "no version"})"); }) == codes::invalid_field);
  CHECK(error_code([] { card_from_json(R"({"khabar_card": "1"})"); }) == codes::invalid_field);
  CHECK(error_code([] { card_from_json(R"({"khabar_card": 2})"); }) == codes::unsupported_version);
  CHECK(error_code([] { card_from_json(R"({"khabar_card": 1, "title": 5})"); }) == codes::invalid_field);
  CHECK(error_code([] { card_from_json(R"({"khabar_card": 1, "dir": "up"})"); }) == codes::invalid_field);
  CHECK(error_code([] { card_from_json(R"({"khabar_card": 1, "authors": "A"})"); }) == codes::invalid_field);
  CHECK(error_code([] { card_from_json(R"({"khabar_card": 1, "authors": ["A", 2]})"); }) ==
        codes::invalid_field);
  CHECK(error_code([] { card_from_json(R"({"khabar_card": 1, "published": "2025-11-21"})"); }) ==
        codes::invalid_field);
  CHECK(error_code([] { card_from_json(R"({"khabar_card": 1, "published": {"date_only": "yes"}})"); }) ==
        codes::invalid_field);
  CHECK(error_code([] { card_from_json(R"({"khabar_card": 1, "reading_time": {"minutes": -1}})"); }) ==
        codes::invalid_field);
  CHECK(error_code([] { card_from_json(R"({"khabar_card": 1, "reading_time": {"words": 1.5}})"); }) ==
        codes::invalid_field);
  CHECK(error_code([] { card_from_json(R"({"khabar_card": 1, "figures": [{"value": "196"}]})"); }) ==
        codes::invalid_field);
  CHECK(error_code([] { card_from_json(R"({"khabar_card": 1, "image": "https://x.example/a.jpg"})"); }) ==
        codes::invalid_field);
  CHECK(error_code([] { card_from_json(std::string(100, '[') + std::string(100, ']')); }) == codes::too_deep);
  Limits small;
  small.max_bytes = 10;
  CHECK(error_code([&] { card_from_json(R"({"khabar_card": 1, "title": "long"})", small); }) ==
        codes::too_large);
  // The message names the field.
  try {
    card_from_json(R"({"khabar_card": 1, "summary": {"sentences": [{"text": "a"}, {"score": "high"}]}})");
    FAIL("no error");
  } catch (const Error& e) {
    CHECK(e.code() == codes::invalid_field);
    CHECK(std::string(e.what()).find("card.summary.sentences[1].score") != std::string::npos);
  }
}
