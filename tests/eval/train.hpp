#pragma once
// The summarizer's trainer (not shipped): weights over the core's own sentence features,
// learned from EASC's extractive references, and the redundancy, lead and confidence settings
// chosen by cross-validation by topic. khabar_train writes the result as
// core/src/analyse/summary_model.hpp; khabar_eval re-trains inside each fold to report
// cross-validated figures only.
#include <cstddef>
#include <memory>
#include <string>
#include <vector>

#include "analyse/summary_rank.hpp"
#include "easc.hpp"
#include "khabar/analysis.hpp"

namespace khabar::eval {

// One EASC article read once: its analysis, candidates, labels and tokens.
struct Prepared {
  const EascItem* item = nullptr;
  std::unique_ptr<Article> article;
  std::unique_ptr<Analysis> analysis;
  std::vector<detail::SummaryCandidate> candidates;
  std::vector<double> labels;  // reference_share
  std::vector<std::vector<std::string>> candidate_tokens, reference_tokens;
  std::size_t fold = 0;  // by topic
};

Prepared prepare(const EascItem& item, std::size_t folds);

// The share of the sentence's distinct bigrams (its word, for a one-word sentence) found in a
// reference, averaged over the references: references are extracts, cut into sentences their
// own way, and ROUGE counts the words a summary shares with them.
double reference_share(const std::vector<std::string>& sentence,
                       const std::vector<std::vector<std::string>>& references);

// Weights that rank each article's sentences as its labels do (a conditional logit: a softmax
// over the article's sentences fitted to its labels normalised to sum to 1), then a slope and a
// bias that put the chance sigmoid(weights . features) on the labels' scale.
detail::Features fit_ranking(const std::vector<const Prepared*>& docs, double l2);

struct Trained {
  detail::SummaryModel model;
  double l2 = 0;         // the regularisation chosen
  double objective = 0;  // the cross-validated objective at the chosen settings
};

// Weights from all `docs`; the regularisation and redundancy chosen on the same docs with
// weights learned without each doc's own fold (its `fold`), maximising the mean R-1 gain of the
// summary over the lead cut to its length (with its lead_weight and min_gain) plus that of the
// card over the lead shown as a card (with its card_lead_weight and card_min_gain).
Trained train(const std::vector<const Prepared*>& docs);

// R-1 F1 of tokens against the doc's references (mean).
double rouge1(const Prepared& doc, const std::vector<std::string>& tokens);

// The chosen sentences' tokens, and the card text's.
std::vector<std::string> summary_tokens(const Prepared& doc, const detail::SummaryChoice& choice);
std::string card_of(const Prepared& doc, const detail::SummaryChoice& choice, std::size_t max_chars);

}  // namespace khabar::eval
