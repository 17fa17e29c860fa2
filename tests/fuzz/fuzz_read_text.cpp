// read_article with the format forced to text: every input either reads into an article whose
// text is valid UTF-8 and within the limits, or throws khabar::Error.
#include "fuzz_support.hpp"

using namespace khabar;

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  ReadOptions options;
  options.format = InputFormat::text;
  // Small limits so the fuzzer reaches the limit paths with small inputs.
  options.limits.max_blocks = 64;
  options.limits.max_line_bytes = 4096;
  Article a;
  if (!fuzz::expect_error_only([&] { a = read_article(fuzz::as_view(data, size), options); })) return 0;
  fuzz::check(!a.title.empty() || !a.body.empty(), "an article without title or body was returned");
  fuzz::check(a.body.size() <= options.limits.max_blocks, "max_blocks not enforced");
  fuzz::check(!a.language.empty(), "language not set");
  fuzz::check_utf8(a.title, "title is not UTF-8");
  for (const auto& b : a.body) {
    fuzz::check_utf8(b.text, "body block is not UTF-8");
    fuzz::check(b.text.size() <= options.limits.max_line_bytes, "max_line_bytes not enforced", b.text);
  }
  // The Khabar JSON of what was read reads back to the same article.
  if (a.format == InputFormat::khabar_json) {
    Article again = read_article(to_khabar_json(a), {InputFormat::khabar_json, {}});
    again.format = a.format;
    again.warnings = a.warnings;
    fuzz::check(again.title == a.title && again.body == a.body, "to_khabar_json does not round-trip");
  }
  return 0;
}
