#pragma once
// Sentences as bags of content terms (stems of non-stopword analysis forms) and their
// TF-IDF vectors, shared by the summarizer and its evaluation baselines.
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <unordered_map>
#include <utility>
#include <vector>

#include "khabar/analyse.hpp"

namespace khabar {
class Analysis;
}

namespace khabar::detail {

using TermId = std::uint32_t;
using TermVector = std::vector<std::pair<TermId, double>>;  // sorted by term, unit length

// Term ids for one document. Each distinct analysis form is stemmed once.
class TermIndex {
 public:
  explicit TermIndex(std::string language) : language_(std::move(language)) {}
  // Stems through the analysis's cache, which the keywords share: each form of the article is
  // stemmed once per card.
  explicit TermIndex(const Analysis& analysis);

  struct Terms {
    std::vector<TermId> ids;  // content terms in text order, repeats kept
    std::size_t words = 0;    // every word, stopwords included
    std::size_t numbers = 0;  // words that are numbers
  };
  // Words with letters or digits; stopwords are counted but not kept as terms.
  Terms terms(const Word* first, const Word* last);
  Terms terms(const std::vector<Word>& words) { return terms(words.data(), words.data() + words.size()); }
  Terms terms(std::string_view text) { return terms(split_words(text, language_)); }
  std::size_t size() const { return next_; }

 private:
  std::string language_;
  const Analysis* analysis_ = nullptr;
  std::unordered_map<std::string, TermId> by_form_;  // analysis form -> id; npos: stopword
  std::unordered_map<std::string, TermId> by_stem_;
  TermId next_ = 0;
};

// Smoothed inverse sentence frequency of every term id below `vocabulary`.
std::vector<double> inverse_frequencies(const std::vector<std::vector<TermId>>& sentences,
                                        std::size_t vocabulary);

// The unit-length TF-IDF vector of a bag of terms (empty for an empty bag).
TermVector tfidf(const std::vector<TermId>& terms, const std::vector<double>& idf);

// Dot product of two unit vectors: their cosine.
double cosine(const TermVector& a, const TermVector& b);

}  // namespace khabar::detail
