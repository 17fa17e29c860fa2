#pragma once
// One HTML5 parse (Gumbo) of a page, and the few questions the readers ask of its tree.
// Every walk is iterative or bounded: a page may nest elements a million deep.
#include <gumbo.h>

#include <functional>
#include <memory>
#include <string>
#include <string_view>

namespace khabar::detail::html {

// Deeper elements are not visited (their text is ignored): no real page nests this deep.
inline constexpr int max_walk_depth = 400;

// Gumbo's tree builder checks the stack of open elements for each tag, so its time grows with
// the square of the nesting (100 000 nested <div> take 16 s). Before a parse, an upper bound of
// the nesting is counted (start tags of non-void elements minus end tags, over the bytes; implied
// end tags make it over-count, never under-count) and a page past this bound is refused with
// input.too_deep. Real pages nest below 100.
inline constexpr std::size_t max_nesting = 10000;
std::size_t nesting_bound(std::string_view html) noexcept;

// The memory of one parse (dom.cpp): Gumbo allocates every node, attribute, string and vector
// on its own; the pool serves them from a few blocks and frees them all at once.
class Pool;

class Document {
 public:
  explicit Document(std::string_view utf8);
  ~Document();
  Document(const Document&) = delete;
  Document& operator=(const Document&) = delete;

  const GumboNode* root() const { return output_->root; }  // <html>
  const GumboNode* head() const { return head_; }
  const GumboNode* body() const { return body_; }

 private:
  std::unique_ptr<Pool> pool_;
  std::string source_;  // the page as parsed, when it is not the caller's text (dom.cpp)
  GumboOutput* output_;
  const GumboNode* head_ = nullptr;
  const GumboNode* body_ = nullptr;
};

inline bool is_element(const GumboNode* n) { return n->type == GUMBO_NODE_ELEMENT; }
inline GumboTag tag_of(const GumboNode* n) {
  return n->type == GUMBO_NODE_ELEMENT ? n->v.element.tag : GUMBO_TAG_UNKNOWN;
}
inline const GumboVector& children_of(const GumboNode* n) {
  static const GumboVector none{nullptr, 0, 0};
  return n->type == GUMBO_NODE_ELEMENT || n->type == GUMBO_NODE_TEMPLATE ? n->v.element.children : none;
}

// An attribute's value ("" when absent); names are matched as Gumbo lower-cases them.
std::string_view attribute(const GumboNode* n, const char* name);
bool has_attribute(const GumboNode* n, const char* name);

// Every element under `from` (itself included), in document order, to max_walk_depth.
// `visit` returns false to skip the element's descendants.
void for_each_element(const GumboNode* from, const std::function<bool(const GumboNode*, int depth)>& visit);

// The text of a subtree, white space collapsed; <br> and block boundaries become one space.
std::string text_content(const GumboNode* n);

// The raw text of an element's text children (a <script> or <title>), unchanged.
std::string raw_text(const GumboNode* n);

// An element that starts a new line of text (p, div, li, h1-h6, ...).
bool is_block_tag(GumboTag tag);

}  // namespace khabar::detail::html
