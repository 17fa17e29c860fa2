#pragma once
// Written by tests/eval's khabar_train from the EASC dev split; do not edit by hand. Weights
// over summary_features.hpp that rank an article's sentences as readers kept them (a softmax
// over its sentences, L2 30 / 100), then calibrated to the labels: a sentence's label is the share
// of its bigrams found in each of the five references, averaged. L2, redundancy, the min_gains
// and the lead_weights chosen by 5-fold cross-validation by topic. title_overlap is 0: EASC
// articles have no titles, so nothing could be learned.
#include "analyse/summary_rank.hpp"

namespace khabar::detail {

inline constexpr SummaryModel trained_summary_model{
    {
        -1.1619761217161733,    // bias
        0.43182294427305573,    // first_sentence
        0.303960094221012,      // position_inverse
        -0.68338693565065833,   // position_relative
        0.02074063233785986,    // paragraph_first
        0.76275475277401672,    // paragraph_inverse
        0.5697036949521781,     // centrality
        0.99652561247209204,    // lead_similarity
        0,                      // title_overlap
        0.25933329837895563,    // number_share
        -0.18553643479438953,   // has_number
        -0.20648977856651812,   // has_quote
        0.041648035961296681,   // log_words
        0.082264432016736,      // short_sentence
        -0.5571749670053211,    // long_sentence
        -0.063651733475780028,  // relative_length
        -0.41145429040858689,   // content_share
        0.29463287990036541,    // word_probability
        -0.22918756136348314,   // first_paragraph
        0.21843122013799016,    // in_paragraph_inverse
    },
    0.14999999999999999,   // redundancy
    0.050000000000000003,  // min_gain
    1,                     // lead_weight
    0.01,                  // card_min_gain
    0,                     // card_lead_weight
};

}  // namespace khabar::detail
