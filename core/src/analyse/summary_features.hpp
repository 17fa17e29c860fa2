#pragma once
// What the summarizer knows of each sentence: features that carry over from one newspaper to
// another (where the sentence stands in the article and in its paragraph, how central it is,
// how much it shares with the title and with the opening sentence, figures, quotes, length,
// the sentence before it and the article's subject, and whether it opens leaning on the one before).
// Computed once per article; the scorer (summary_rank.hpp) weighs them with a learned table,
// and the evaluation's trainer (tests/eval) reads the very same values.
#include <array>
#include <cstddef>
#include <string_view>
#include <vector>

#include "analyse/term_vectors.hpp"
#include "khabar/analysis.hpp"

namespace khabar::detail {

enum Feature : std::size_t {
  bias,               // 1
  first_sentence,     // the article's first sentence
  position_inverse,   // 1 / (1 + sentence index)
  position_relative,  // sentence index / (sentences - 1)
  paragraph_first,    // opens its paragraph
  paragraph_inverse,  // 1 / (1 + paragraph index)
  centrality,         // TF-IDF cosine with the whole article, divided by the article's largest
  lead_similarity,    // TF-IDF cosine with the first sentence (0 for the first itself)
  title_overlap,      // TF-IDF cosine with the title and subtitle, divided by the largest
  number_share,       // share of the words that are numbers
  has_number,         // at least one number
  has_quote,          // a quotation mark: «», “”, or "
  log_words,          // ln(1 + words)
  short_sentence,     // fewer than 8 words
  long_sentence,      // more than 50 words
  relative_length,    // words / the article's mean words a sentence
  content_share,      // share of the words that are content terms (not stopwords, not numbers)
  word_probability,   // SumBasic: mean share of the article's content terms each of its terms has, / largest
  first_paragraph,    // in the article's first paragraph
  in_paragraph_inverse,  // 1 / (1 + sentence index in its paragraph)
  dangling_opener,       // opens with a connective or anaphor that leans on the sentence before
                         // (summary_openers.hpp)
  prev_centrality,       // the previous sentence's centrality (0 for the first)
  prev_lead_similarity,  // the previous sentence's cosine with the first (1 after the first; 0 for the first)
  paragraph_last,        // ends its paragraph
  paragraph_size_inverse,  // 1 / sentences in its paragraph
  subject_term,            // holds the first sentence's first content term (the article's subject)
  subject_terms,           // share of the first sentence's first two content terms it holds
  feature_count
};

inline constexpr std::array<std::string_view, feature_count> feature_names{"bias",
                                                                           "first_sentence",
                                                                           "position_inverse",
                                                                           "position_relative",
                                                                           "paragraph_first",
                                                                           "paragraph_inverse",
                                                                           "centrality",
                                                                           "lead_similarity",
                                                                           "title_overlap",
                                                                           "number_share",
                                                                           "has_number",
                                                                           "has_quote",
                                                                           "log_words",
                                                                           "short_sentence",
                                                                           "long_sentence",
                                                                           "relative_length",
                                                                           "content_share",
                                                                           "word_probability",
                                                                           "first_paragraph",
                                                                           "in_paragraph_inverse",
                                                                           "dangling_opener",
                                                                           "prev_centrality",
                                                                           "prev_lead_similarity",
                                                                           "paragraph_last",
                                                                           "paragraph_size_inverse",
                                                                           "subject_term",
                                                                           "subject_terms"};

using Features = std::array<double, feature_count>;

struct SummaryCandidate {
  Sentence where;
  std::string_view text;
  std::size_t words = 0;
  std::size_t numbers = 0;  // of the words
  std::size_t chars = 0;    // grapheme clusters, as the card counts them
  TermVector vector;        // TF-IDF over the article's sentences
  // Opens with a dangling connective or anaphor: shown only after the candidate before it
  // (never for the first, which has none).
  bool dangling = false;
  Features features{};
};

// Every paragraph sentence with words, in document order (headings are never candidates).
std::vector<SummaryCandidate> summary_candidates(const Analysis& analysis);

}  // namespace khabar::detail
