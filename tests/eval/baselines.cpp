#include "baselines.hpp"

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <numeric>

#include "analyse/term_vectors.hpp"
#include "khabar/analyse.hpp"

namespace khabar::eval {

namespace {

std::vector<std::string> paragraph_sentences(const Article& a) {
  std::vector<std::string> out;
  for (const Sentence& s : split_sentences(a))
    if (a.body[s.block].kind == Block::Kind::paragraph)
      out.push_back(a.body[s.block].text.substr(s.start, s.end - s.start));
  return out;
}

}  // namespace

std::vector<std::string> lead(const Article& a, std::size_t k) {
  auto sentences = paragraph_sentences(a);
  if (sentences.size() > k) sentences.resize(k);
  return sentences;
}

std::vector<std::string> paragraph_firsts(const Article& a) {
  std::vector<std::string> out;
  std::size_t last_block = SIZE_MAX;
  for (const Sentence& s : split_sentences(a))
    if (a.body[s.block].kind == Block::Kind::paragraph && s.block != last_block) {
      out.push_back(a.body[s.block].text.substr(s.start, s.end - s.start));
      last_block = s.block;
    }
  return out;
}

namespace {

// Sentence indices, best first.
std::vector<std::size_t> textrank_order(const std::vector<std::string>& sentences,
                                        const std::string& language) {
  std::size_t n = sentences.size();
  detail::TermIndex index(language);
  std::vector<std::vector<detail::TermId>> bags;
  for (const auto& s : sentences) bags.push_back(index.terms(s).ids);
  auto idf = detail::inverse_frequencies(bags, index.size());
  std::vector<detail::TermVector> v;
  for (const auto& b : bags) v.push_back(detail::tfidf(b, idf));

  std::vector<std::vector<double>> w(n, std::vector<double>(n, 0));
  std::vector<double> out_weight(n, 0);
  for (std::size_t i = 0; i < n; ++i)
    for (std::size_t j = 0; j < n; ++j)
      if (i != j) out_weight[i] += (w[i][j] = detail::cosine(v[i], v[j]));

  const double d = 0.85;
  std::vector<double> rank(n, 1.0 / static_cast<double>(n)), next(n);
  for (int iteration = 0; iteration < 100; ++iteration) {
    double change = 0;
    for (std::size_t j = 0; j < n; ++j) {
      double in = 0;
      for (std::size_t i = 0; i < n; ++i)
        if (out_weight[i] > 0) in += w[i][j] / out_weight[i] * rank[i];
      next[j] = (1 - d) / static_cast<double>(n) + d * in;
      change += std::abs(next[j] - rank[j]);
    }
    rank.swap(next);
    if (change < 1e-9) break;
  }
  std::vector<std::size_t> order(n);
  std::iota(order.begin(), order.end(), 0);
  // Ties go to the earlier sentence, so the result does not depend on sort stability.
  std::sort(order.begin(), order.end(),
            [&](std::size_t x, std::size_t y) { return rank[x] != rank[y] ? rank[x] > rank[y] : x < y; });
  return order;
}

}  // namespace

std::vector<std::string> textrank_ranked(const Article& a) {
  auto sentences = paragraph_sentences(a);
  std::vector<std::string> out;
  for (std::size_t i : textrank_order(sentences, a.language)) out.push_back(sentences[i]);
  return out;
}

std::vector<std::string> textrank(const Article& a, std::size_t k) {
  auto sentences = paragraph_sentences(a);
  if (sentences.size() <= k) return sentences;
  auto order = textrank_order(sentences, a.language);
  order.resize(k);
  std::sort(order.begin(), order.end());
  std::vector<std::string> out;
  for (std::size_t i : order) out.push_back(sentences[i]);
  return out;
}

}  // namespace khabar::eval
