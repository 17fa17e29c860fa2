#pragma once
// The main text of a page when its data carry none: a DOM-scoring extractor of the Readability /
// trafilatura family (our own code). Paragraph-like elements score their ancestors by text length
// and commas (the Arabic and CJK commas count); class, id and ARIA hints and link density weigh
// the candidates; the best one and its sibling parts of the same article are read into blocks,
// leaving out navigation, share bars, related lists, comments, cookie banners, bylines and captions.
#include <functional>
#include <string>
#include <string_view>
#include <vector>

#include "khabar/article.hpp"
#include "read/html/dom.hpp"

namespace khabar::detail::html {

// The subtree as blocks: headings (h1-h6) and paragraphs (block elements, <br><br>, list items),
// each white-space collapsed. `skip` (when set) leaves an element and its subtree out. With
// `newline_breaks`, a line break in the text also ends a paragraph (markup inside data, where
// writers separate paragraphs so).
std::vector<Block> blocks_of(const GumboNode* n, const std::function<bool(const GumboNode*)>& skip = {},
                             bool newline_breaks = false);

// Whether an element is page furniture by its ARIA role, hidden state or class/id words.
// strictness 0: any furniture word; 1: only the strong ones (comments, share bars, related
// lists, cookie banners); 2: no class/id words at all.
bool is_boilerplate(const GumboNode* n, int strictness = 0);

// The article's blocks under `from` (the body, or a microdata articleBody); a heading equal to
// `title` is dropped (the card shows the title already). `article`, when given, receives the
// element the blocks were read from (unchanged when there are none).
std::vector<Block> extract_main_text(const GumboNode* from, std::string_view title,
                                     const GumboNode** article = nullptr);

}  // namespace khabar::detail::html
