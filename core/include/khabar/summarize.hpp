#pragma once
// The story in a few sentences: extractive summarization of a cleaned article, and the
// short text a card shows. "Characters" here are always user-perceived characters:
// extended grapheme clusters as ICU's character BreakIterator finds them (a letter with
// its harakat is one, an emoji ZWJ family is one).
#include <cstddef>
#include <string>
#include <string_view>

#include "khabar/analysis.hpp"
#include "khabar/article.hpp"

namespace khabar {

struct SummaryOptions {
  std::size_t max_sentences = 3;  // sentences chosen
  std::size_t max_chars = 280;    // characters of Summary::text; 0: no limit
};

// Chooses at most max_sentences sentences of the article's paragraphs (headings are
// never chosen) by a learned score (position in the article and the paragraph, centrality,
// likeness to the opening sentence and the title, word probabilities, figures, quotes,
// length): the set whose words a reader's summary is expected to keep most, against the lead
// at the same length or, with max_chars, within the room (only sentences that fit together),
// with redundancy control. Where the choice is not clearly better than the lead by the
// scorer's own account, the lead is chosen.
// Summary::sentences holds them in document order with their offsets into the cleaned text
// and their scores (the chance that a reader's summary keeps the sentence). Summary::text
// joins them; when the first alone does not fit max_chars it is cut at a word boundary with
// "…". An article without paragraph text gives an empty summary.
Summary summarize(const Analysis& analysis, const SummaryOptions& options = {});
Summary summarize(const Article& cleaned, const SummaryOptions& options = {});  // analyses it first

// The number of characters (grapheme clusters) of UTF-8 text.
std::size_t count_characters(std::string_view text);

// The text itself when it has at most max_chars characters; otherwise its longest prefix
// that ends at a word boundary and leaves room for "…", followed by "…". A single word
// longer than the limit is cut between grapheme clusters (never inside one, nor inside
// a lam-alef). The result never has more than max_chars characters.
std::string shorten(std::string_view text, std::size_t max_chars);

}  // namespace khabar
