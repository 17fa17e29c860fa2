// Markup inside data (JSON-LD strings, meta content) read with the same parser as pages.
#include "khabar/error.hpp"
#include "read/html/dom.hpp"
#include "read/html/main_text.hpp"
#include "read/markup.hpp"
#include "text/chars.hpp"

namespace khabar::detail::html {
namespace {

bool is_tag_name_end(char c) { return c == '>' || c == ' ' || c == '/' || c == '\n' || c == '\t'; }

// Text that is still markup after one reading: the source escaped it twice (a CMS that
// HTML-escapes its article before JSON-encoding it: "&lt;p&gt;Police said…"). Only the common
// tags and entities count, so that a "<" in prose ("x<y") is left alone; with `tags_too` false,
// only entities count (a title or a name, where a tag is more likely quoted than meant).
bool escaped_twice(std::string_view text, bool tags_too) {
  static constexpr std::string_view tags[] = {
      "p",  "div",  "br",     "h1", "h2",  "h3", "h4", "h5", "h6",     "ul",         "ol",
      "li", "span", "strong", "em", "img", "a",  "b",  "i",  "figure", "blockquote", "iframe"};
  static constexpr std::string_view entities[] = {"&amp;",  "&quot;", "&lt;", "&gt;",
                                                  "&nbsp;", "&apos;", "&#"};
  for (std::size_t at = tags_too ? text.find('<') : std::string_view::npos; at != std::string_view::npos;
       at = text.find('<', at + 1)) {
    std::size_t name = at + 1 + (at + 1 < text.size() && text[at + 1] == '/');
    for (auto tag : tags)
      if (text.substr(name, tag.size()) == tag && name + tag.size() < text.size() &&
          is_tag_name_end(text[name + tag.size()]))
        return true;
  }
  for (auto e : entities)
    if (text.find(e) != std::string_view::npos) return true;
  return false;
}

void check_nesting(std::string_view markup) {
  if (nesting_bound(markup) > max_nesting)
    throw Error(codes::too_deep, "markup in the data nests deeper than " + std::to_string(max_nesting));
}

std::string text_of(std::string_view markup) {
  check_nesting(markup);
  Document fragment(markup);
  return fragment.body() ? text_content(fragment.body()) : std::string();
}

}  // namespace

std::string plain_text_of_markup(std::string_view markup) {
  std::string text = text_of(markup);
  return escaped_twice(text, false) ? text_of(text) : text;
}

std::vector<Block> blocks_of_markup(std::string_view markup) {
  check_nesting(markup);
  Document fragment(markup);
  if (!fragment.body()) return {};
  // Line breaks in the source separate paragraphs too, as in a plain articleBody.
  std::vector<Block> out = blocks_of(fragment.body(), {}, true);
  std::string text;
  for (const auto& b : out) text += b.text + "\n";
  if (!escaped_twice(text, true)) return out;
  check_nesting(text);
  Document again(text);
  return again.body() ? blocks_of(again.body(), {}, true) : std::vector<Block>{};
}

}  // namespace khabar::detail::html
