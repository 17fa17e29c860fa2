#pragma once
// The summarizer's sentence scorer and choice, exposed so the evaluation (tests/eval) can
// train and cross-validate the very code the card runs. summarize() uses trained_summary_model
// (summary_model.hpp, written by tests/eval's khabar_train).
#include <cstddef>
#include <string>
#include <vector>

#include "analyse/summary_features.hpp"
#include "khabar/error.hpp"
#include "khabar/summarize.hpp"

namespace khabar::detail {

struct SummaryModel {
  // Logistic regression over the features: the chance that a reader's summary keeps the
  // sentence is 1 / (1 + e^-(weights . features)).
  Features weights{};
  // The set chosen maximises the words a reader's summary is expected to keep (chance times
  // words), less redundancy times the words two of its sentences share (cosine times the
  // shorter's words), less lead_weight times what the lead cut to as many words keeps.
  double redundancy = 0.2;
  // Confidence: the words the choice is expected to keep must exceed those of the lead (as the
  // card shows it) by this much a word of the longer of the two, or the lead is shown.
  double min_gain = 0.0;
  double lead_weight = 1.0;
  // The same two under a character limit (the card): there the room fixes the length, and the
  // lead the choice competes with fills the same room.
  double card_min_gain = 0.0;
  double card_lead_weight = 0.0;
  // The summary and the card open with the article's first sentence that is not a fragment
  // (where the story starts and names its subject), and choose the rest. Not learned: a rule, measured by
  // cross- validation (docs/benchmarks.md).
  bool opens_with_first = true;
};

struct SummaryChoice {
  std::vector<std::size_t> chosen;  // candidate indices in document order
  std::vector<double> chance;       // every candidate's
  double gain = 0;                  // expected kept words a word, chosen minus the lead's
  bool lead = false;                // the lead replaced a choice below min_gain
};

// Up to options.max_sentences candidates. With options.max_chars, only sentences that fit in
// the room left are eligible, so none is chosen that the card would drop (the first chosen may
// be longer: the card cuts it). The lead is the first max_sentences candidates under the card's
// rule (card_text).
SummaryChoice choose(const std::vector<SummaryCandidate>& candidates, const SummaryModel& model,
                     const SummaryOptions& options);

// summarize() with a given model; when the lead replaced the choice and `warnings` is given,
// a "summary.lead_shown" warning says so and why.
Summary summarize_with(const Analysis& analysis, const SummaryOptions& options, const SummaryModel& model,
                       Warnings* warnings = nullptr);

// The card's text from sentences in document order: the first always opens it (cut with "…"
// when it alone is longer than max_chars), each later one that still fits whole follows.
std::string card_text(const std::vector<std::string>& sentences, std::size_t max_chars);

}  // namespace khabar::detail
