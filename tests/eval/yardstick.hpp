#pragma once
// The yardstick of issue #25: every system's ROUGE on the same documents, beside the lead cut
// to the same length, with paired bootstrap confidence intervals of the difference.
//
// Length is counted in ROUGE tokens (rouge_tokens: runs of letters and digits after the EASC
// normalisation; a clitic stays attached to its word, as the references write it).
#include <cstddef>
#include <cstdint>
#include <span>
#include <string>
#include <vector>

#include "rouge.hpp"

namespace khabar::eval {

std::size_t token_count(const std::string& text);

// The first `tokens` ROUGE tokens of the sentences, joined with spaces: "the lead cut to our
// length". ROUGE sees only tokens, so the join loses nothing it would count.
std::string cut_to_tokens(const std::vector<std::string>& sentences, std::size_t tokens);

// Whole sentences, in the order given, while their tokens fit in `tokens` (the first is
// always taken). `skip`: one that does not fit is passed over and a later one may still fit
// (for a ranked list); otherwise the first that does not fit ends the list (for the lead).
std::vector<std::string> whole_sentences_within(const std::vector<std::string>& ranked, std::size_t tokens,
                                                bool skip);

// One system's per-document scores, in the documents' order.
struct SystemScores {
  std::string name;
  std::vector<RougeScores> scores;
  std::vector<std::size_t> lengths;  // tokens
};

struct Interval {
  double mean = 0, low = 0, high = 0;  // x100
};

// Paired bootstrap of mean(a - b) over documents: `resamples` draws of n documents with
// replacement from a generator seeded with `seed`; the 2.5th and 97.5th percentiles.
Interval paired_bootstrap(const std::vector<double>& a, const std::vector<double>& b, std::size_t resamples,
                          std::uint64_t seed);

// The table: mean R-1/R-2/R-L and length of every system, and each one's difference to
// `baseline` (an index into systems) with its 95% interval on all three measures.
void print_table(const std::string& heading, std::span<const SystemScores> systems, std::size_t baseline);

}  // namespace khabar::eval
