#pragma once
// Cleaning scraped text without losing it: every change is recorded, and the
// original article is kept beside the cleaned one.
#include <cstddef>
#include <string>
#include <vector>

#include "khabar/article.hpp"

namespace khabar {

// One change (or one mark) the cleaner made. Kinds are stable strings:
//   "unicode.nfc"            text normalised to NFC
//   "space.collapsed"        a run of white space became one space (or was trimmed)
//   "space.after_sentence"   a missing space after a sentence end was added ("القانون.المغرب")
//   "char.removed"           a control, zero-width or bidi-override character was removed
//   "heading.split"          a sub-heading glued into a paragraph became its own block
//   "dash.double_dot"        ".." used as a dash: kept, and marked as no sentence end (a mark, no change)
struct Fix {
  std::string kind;
  std::string field;        // "title", "subtitle", "body[3]": the field in the original article
  std::size_t offset = 0;   // byte offset into that field's original text
  std::size_t length = 0;   // bytes of the original text concerned
  std::string replacement;  // what now stands there (empty for a removal or a split)
  bool operator==(const Fix&) const = default;
};

struct CleanedArticle {
  Article article;   // cleaned: what everything downstream reads
  Article original;  // as read: nothing is lost
  std::vector<Fix> fixes;
};

CleanedArticle clean(const Article& article);

}  // namespace khabar
