#pragma once
// Cleaning scraped text without losing it: every change is recorded, and the
// original article is kept beside the cleaned one.
#include <cstddef>
#include <string>
#include <vector>

#include "khabar/article.hpp"

namespace khabar {

// One change (or one mark) the cleaner made. Kinds are stable strings:
//   "unicode.nfc"            text normalised to NFC (one fix per changed normalisation
//                            segment, narrowed to the code points that differ)
//   "space.collapsed"        a run of white space (NBSP, U+3000, tab... included) became one
//                            space, or was trimmed (replacement "")
//   "space.after_sentence"   a missing space after a sentence end was added ("المنظمة.وفي"):
//                            an insertion, length 0, at the byte right after the mark
//   "char.removed"           a control, zero-width or bidi embedding/override/isolate character
//                            was removed, one fix per character (ZWNJ/ZWJ only where they join nothing)
//   "heading.split"          a sub-heading glued into a paragraph became its own block: the
//                            offset and length cover the heading in the original paragraph
//                            (offset + length is where the next paragraph begins) and the
//                            replacement is the heading block's text
//   "dash.double_dot"        ".." used as a dash: kept, and marked as no sentence end (a mark,
//                            no change: cleaning cleaned text finds the same marks again)
//   "block.dropped"          a body block empty after cleaning was dropped (offset 0, its whole length)
// A white-space run's span may include characters removed inside it, recorded on their own.
struct Fix {
  std::string kind;
  std::string field;        // "title", "subtitle", "body[3]" (index in the ORIGINAL body),
                            // "authors[0]", "source", "credit", "image.alt", "image.credit",
                            // "section", "tags[0]"
  std::size_t offset = 0;   // byte offset into that field's original text
  std::size_t length = 0;   // bytes of the original text concerned
  std::string replacement;  // what now stands there (empty for a removal)
  bool operator==(const Fix&) const = default;
};

struct CleanedArticle {
  Article article;         // cleaned: what everything downstream reads
  Article original;        // as read: nothing is lost
  std::vector<Fix> fixes;  // field by field, each field's in order of offset
};

// Title, subtitle and body get every rule; headings are split out of body paragraphs
// only. Authors, source, credit, image texts, section and tags get white space, removals and NFC.
// Throws Error(input.invalid_utf8) for a field that is not valid UTF-8 (read_article
// never returns one).
CleanedArticle clean(const Article& article);

}  // namespace khabar
