// The markup reader on data strings (an articleBody or a description holding markup, as JSON-LD
// and Khabar JSON carry them): text_blocks parses what looks like markup into blocks and keeps
// the rest as lines. Split from fuzz_html_extract, which parsed every input a second time for it
// (Gumbo was half of that target's time). Invariants: UTF-8 out; blocks from markup white-space
// collapsed and non-empty; lines of plain text never blank and never holding a line break.
#include "fuzz_support.hpp"
#include "read/html/dom.hpp"
#include "read/markup.hpp"
#include "text/chars.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  using namespace khabar::detail;
  std::string_view text = khabar::fuzz::as_view(data, size);
  if (html::nesting_bound(text) > html::max_nesting) return 0;  // as fuzz_html_extract did
  if (first_invalid_utf8(text)) return 0;                       // the readers refuse it before this
  std::vector<khabar::Block> blocks;
  if (!khabar::fuzz::expect_error_only([&] { blocks = text_blocks(text); })) return 0;
  bool from_markup = looks_like_markup(text);
  for (const auto& b : blocks) {
    khabar::fuzz::check_utf8(b.text, "a block is not UTF-8");
    khabar::fuzz::check(!b.text.empty(), "an empty block");
    if (from_markup) {
      khabar::fuzz::check(collapse_space(b.text) == b.text, "a block is not white-space collapsed", b.text);
    } else {
      khabar::fuzz::check(!collapse_space(b.text).empty(), "a blank line as a block", b.text);
      khabar::fuzz::check(b.text.find_first_of("\r\n") == std::string::npos, "a line break inside a block",
                          b.text);
    }
  }
  return 0;
}
