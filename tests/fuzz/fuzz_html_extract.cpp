// The HTML reader's own parts, below read_article's limits: the charset decoder, one Gumbo
// parse, the metadata collector and the main-text extractor (the markup reader used on data
// strings: fuzz_markup). Invariants: UTF-8 out, every block white-space collapsed and non-empty.
#include "fuzz_support.hpp"
#include "read/html/dom.hpp"
#include "read/html/encoding.hpp"
#include "read/html/main_text.hpp"
#include "read/html/metadata.hpp"
#include "text/chars.hpp"

namespace {

// Blocks taken from markup are white-space collapsed (white space in HTML is not the text's).
void check_blocks(const std::vector<khabar::Block>& blocks) {
  for (const auto& b : blocks) {
    khabar::fuzz::check_utf8(b.text, "a block is not UTF-8");
    khabar::fuzz::check(!b.text.empty(), "an empty block");
    khabar::fuzz::check(khabar::detail::collapse_space(b.text) == b.text,
                        "a block is not white-space collapsed", b.text);
  }
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  using namespace khabar::detail;
  std::string_view bytes = khabar::fuzz::as_view(data, size);
  if (html::nesting_bound(bytes) > html::max_nesting) return 0;  // refused before parsing
  khabar::Warnings warnings;
  std::optional<std::string> decoded;
  if (!khabar::fuzz::expect_error_only([&] { decoded = html::decode_page(bytes, warnings); })) return 0;
  std::string_view text = decoded ? std::string_view(*decoded) : bytes;
  if (first_invalid_utf8(text)) return 0;  // read_article refuses it here
  html::Document page(text);
  html::PageMetadata meta = html::read_metadata(page);
  for (const auto* list : {&meta.title, &meta.description, &meta.authors, &meta.url})
    for (const auto& f : *list) khabar::fuzz::check_utf8(f.value, "a metadata value is not UTF-8");
  khabar::fuzz::check_utf8(html::title_without_site(meta.title_element, "", meta.first_h1),
                           "title not UTF-8");
  if (page.body()) check_blocks(html::extract_main_text(page.body(), meta.first_h1));
  // The same bytes as a data string (an articleBody holding markup): fuzz_markup.
  return 0;
}
