#include "analyse/term_vectors.hpp"

#include <algorithm>
#include <cmath>
#include <limits>

#include "analyse/portable_math.hpp"
#include "khabar/analysis.hpp"
#include "text/utf8.hpp"

namespace khabar::detail {

namespace {

constexpr TermId stopword = std::numeric_limits<TermId>::max();

}  // namespace

TermIndex::TermIndex(const Analysis& analysis) : language_(analysis.language()), analysis_(&analysis) {}

TermIndex::Terms TermIndex::terms(const Word* first, const Word* last) {
  Terms out;
  for (const Word* w = first; w != last; ++w) {
    ++out.words;
    out.numbers += w->number;
    auto [it, inserted] = by_form_.try_emplace(w->form, stopword);
    if (inserted) {
      const std::string& form = it->first;
      // Numbers carry news ("196 دولة"); a lone letter rarely does.
      bool keep = w->number || (!is_stopword(form, language_) && count_code_points(form) > 1);
      if (keep) {
        auto [s, added] = by_stem_.try_emplace(w->number   ? form
                                               : analysis_ ? analysis_->stem(form)
                                                           : stem(form, language_),
                                               next_);
        if (added) ++next_;
        it->second = s->second;
      }
    }
    if (it->second != stopword) out.ids.push_back(it->second);
  }
  return out;
}

std::vector<double> inverse_frequencies(const std::vector<std::vector<TermId>>& sentences,
                                        std::size_t vocabulary) {
  std::vector<std::size_t> df(vocabulary, 0);
  std::vector<std::size_t> last_seen(vocabulary, std::numeric_limits<std::size_t>::max());
  for (std::size_t i = 0; i < sentences.size(); ++i)
    for (TermId t : sentences[i])
      if (t < vocabulary && last_seen[t] != i) last_seen[t] = i, ++df[t];
  std::vector<double> idf(vocabulary);
  double n = static_cast<double>(sentences.size());
  // +1 inside keeps a term found in every sentence above zero; unseen terms (title
  // words absent from the body) get the rarest weight.
  for (std::size_t t = 0; t < vocabulary; ++t)
    idf[t] = portable_log((n + 1.0) / (static_cast<double>(df[t]) + 0.5));
  return idf;
}

TermVector tfidf(const std::vector<TermId>& terms, const std::vector<double>& idf) {
  std::vector<TermId> sorted(terms);
  std::sort(sorted.begin(), sorted.end());
  TermVector v;
  for (std::size_t i = 0; i < sorted.size();) {
    std::size_t j = i;
    while (j < sorted.size() && sorted[j] == sorted[i]) ++j;
    double weight = sorted[i] < idf.size() ? idf[sorted[i]] : 0.0;
    if (weight > 0) v.emplace_back(sorted[i], static_cast<double>(j - i) * weight);
    i = j;
  }
  double norm = 0;
  for (auto& [t, w] : v) norm += w * w;
  norm = std::sqrt(norm);
  if (norm > 0)
    for (auto& [t, w] : v) w /= norm;
  return v;
}

double cosine(const TermVector& a, const TermVector& b) {
  double dot = 0;
  auto i = a.begin(), j = b.begin();
  while (i != a.end() && j != b.end()) {
    if (i->first < j->first)
      ++i;
    else if (j->first < i->first)
      ++j;
    else
      dot += (i++)->second * (j++)->second;
  }
  return dot;
}

}  // namespace khabar::detail
