#include "read/markup.hpp"

#include "read/readers.hpp"
#include "text/chars.hpp"

namespace khabar::detail {
namespace {

bool is_ascii_alpha(char c) { return (c | 0x20) >= 'a' && (c | 0x20) <= 'z'; }

}  // namespace

bool looks_like_markup(std::string_view text) noexcept {
  for (std::size_t i = 0; i + 1 < text.size(); ++i) {
    char c = text[i], n = text[i + 1];
    if (c == '<' && (is_ascii_alpha(n) || n == '/' || n == '!')) return true;
    if (c == '&' && (is_ascii_alpha(n) || n == '#')) {
      // An entity reference ends with ';' within a few characters ("&amp;", "&#8220;", "&nbsp;").
      std::size_t semi = text.find(';', i);
      if (semi != std::string_view::npos && semi - i <= 32) return true;
    }
  }
  return false;
}

std::string plain_text(std::string_view text) {
#ifdef KHABAR_HTML
  if (looks_like_markup(text)) return html::plain_text_of_markup(text);
#endif
  return collapse_space(text);
}

std::vector<Block> text_blocks(std::string_view text) {
#ifdef KHABAR_HTML
  if (looks_like_markup(text)) return html::blocks_of_markup(text);
#endif
  std::vector<Block> out;
  for (auto& line : split_lines(text)) out.push_back({Block::Kind::paragraph, std::move(line)});
  return out;
}

}  // namespace khabar::detail
