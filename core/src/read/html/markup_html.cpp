// Markup inside data (JSON-LD strings, meta content) read with the same parser as pages.
#include "khabar/error.hpp"
#include "read/html/dom.hpp"
#include "read/html/extract.hpp"
#include "read/markup.hpp"
#include "text/chars.hpp"

namespace khabar::detail::html {

std::string plain_text_of_markup(std::string_view markup) {
  if (nesting_bound(markup) > max_nesting)
    throw Error(codes::too_deep, "markup in the data nests deeper than " + std::to_string(max_nesting));
  Document fragment(markup);
  return fragment.body() ? text_content(fragment.body()) : std::string();
}

std::vector<Block> blocks_of_markup(std::string_view markup) {
  if (nesting_bound(markup) > max_nesting)
    throw Error(codes::too_deep, "markup in the data nests deeper than " + std::to_string(max_nesting));
  Document fragment(markup);
  if (!fragment.body()) return {};
  // Line breaks in the source separate paragraphs too, as in a plain articleBody.
  std::vector<Block> out;
  for (auto& b : blocks_of(fragment.body(), {}, true)) out.push_back(std::move(b));
  return out;
}

}  // namespace khabar::detail::html
