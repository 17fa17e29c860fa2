// clean() on articles built straight from the bytes (NULs, controls, bidi marks, lone
// spaces kept), so the cleaner sees text no reader would hand it.
#include "fuzz_support.hpp"

using namespace khabar;

namespace {

bool has_bidi_control(std::string_view s) {
  for (std::size_t i = 0; i < s.size();) {
    char32_t c = detail::next_code_point(s, i);
    if ((c >= 0x202A && c <= 0x202E) || (c >= 0x2066 && c <= 0x2069)) return true;
  }
  return false;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  std::string_view bytes = fuzz::as_view(data, size);
  if (detail::first_invalid_utf8(bytes)) {
    Article bad;
    bad.title = std::string(bytes);
    fuzz::check(!fuzz::expect_error_only([&] { clean(bad); }), "clean accepted invalid UTF-8");
    return 0;
  }
  // Fields separated by '\n': title, subtitle, source, an author, then body blocks;
  // a block starting with '#' is a heading.
  Article a;
  std::vector<std::string> parts;
  for (std::size_t start = 0;;) {
    std::size_t nl = bytes.find('\n', start);
    parts.emplace_back(bytes.substr(start, nl - start));
    if (nl == std::string_view::npos || parts.size() > 200) break;
    start = nl + 1;
  }
  auto take = [&](std::size_t i) { return i < parts.size() ? parts[i] : std::string(); };
  a.title = take(0);
  a.subtitle = take(1);
  a.source = take(2);
  a.authors = {take(3)};
  a.image = Image{"https://example.com/i.jpg", take(4), take(4)};
  for (std::size_t i = 5; i < parts.size(); ++i) {
    bool heading = !parts[i].empty() && parts[i][0] == '#';
    a.body.push_back({heading ? Block::Kind::heading : Block::Kind::paragraph, parts[i]});
  }
  a.language = "ar";
  CleanedArticle c;
  if (!fuzz::expect_error_only([&] { c = clean(a); })) return 0;
  fuzz::check(c.original == a, "the original article was not kept");
  for (const std::string* s : {&c.article.title, &c.article.subtitle, &c.article.source}) {
    fuzz::check_utf8(*s, "cleaned field is not UTF-8");
    fuzz::check(!has_bidi_control(*s), "a bidi control survived cleaning", *s);
    fuzz::check(s->find('\0') == std::string::npos, "a NUL survived cleaning");
  }
  for (const auto& b : c.article.body) {
    fuzz::check(!b.text.empty(), "an empty block survived cleaning");
    fuzz::check_utf8(b.text, "cleaned block is not UTF-8");
    fuzz::check(!has_bidi_control(b.text), "a bidi control survived cleaning", b.text);
    fuzz::check(b.text.find('\0') == std::string::npos, "a NUL survived cleaning");
  }
  for (const Fix& f : c.fixes)
    fuzz::check(!f.kind.empty() && !f.field.empty(), "a fix without kind or field");
  return 0;
}
