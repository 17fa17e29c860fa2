#pragma once
// The baselines the summarizer must beat, over the same sentences it sees.
#include <cstddef>
#include <string>
#include <vector>

#include "khabar/article.hpp"

namespace khabar::eval {

// The first k paragraph sentences.
std::vector<std::string> lead(const Article& a, std::size_t k);

// The first sentence of every paragraph, in order.
std::vector<std::string> paragraph_firsts(const Article& a);

// Every paragraph sentence, best first by TextRank (below); ties to the earlier sentence.
std::vector<std::string> textrank_ranked(const Article& a);

// TextRank (Mihalcea and Tarau 2004) with TF-IDF cosine edges: PageRank (d = 0.85) over
// the sentence graph, the k best in document order. Centrality only, by design.
std::vector<std::string> textrank(const Article& a, std::size_t k);

}  // namespace khabar::eval
