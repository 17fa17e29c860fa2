#pragma once
// Sub-headings that scraping glued into a paragraph (see the rule in clean_heading.cpp).
#include <cstddef>
#include <string_view>
#include <vector>

#include "clean/clean_text.hpp"

namespace khabar::detail {

struct HeadingSpan {
  std::size_t begin = 0, end = 0;  // bytes of the heading in the paragraph's text
};

// The glued headings of one paragraph, in order and disjoint. `glue` is find_glue(d);
// `paragraph_follows` says whether the article has a paragraph after this block (a
// heading at the very end of a block needs one to head).
std::vector<HeadingSpan> find_glued_headings(std::string_view text, const Decoded& d,
                                             const std::vector<Glue>& glue, bool paragraph_follows);

}  // namespace khabar::detail
