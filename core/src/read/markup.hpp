#pragma once
// Strings that may hold HTML (JSON-LD fields, articleBody with markup, meta content): the text
// a reader sees, entities decoded and tags dropped, block structure kept as paragraphs. Without
// the HTML reader (KHABAR_HTML off) the text is only split into lines.
#include <string>
#include <string_view>
#include <vector>

#include "khabar/article.hpp"

namespace khabar::detail {

// Whether the text holds something an HTML parser would change: a tag, a comment or an entity.
bool looks_like_markup(std::string_view text) noexcept;

// One line of text (a title, a name): entities decoded, tags dropped, white space collapsed.
std::string plain_text(std::string_view text);

// Paragraphs: from block elements and line breaks when the text is markup, from lines otherwise.
std::vector<Block> text_blocks(std::string_view text);

namespace html {
// The markup reader behind the two above (read/html/markup_html.cpp).
std::string plain_text_of_markup(std::string_view markup);
std::vector<Block> blocks_of_markup(std::string_view markup);
}  // namespace html

}  // namespace khabar::detail
