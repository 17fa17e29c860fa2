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
        -1.0723330543302454,    // bias
        0.42492722812088007,    // first_sentence
        0.3119046788451863,     // position_inverse
        -0.6838242848589603,    // position_relative
        0.010770444094121919,   // paragraph_first
        0.74943522528787943,    // paragraph_inverse
        0.58483448016936057,    // centrality
        0.98341542700477136,    // lead_similarity
        0,                      // title_overlap
        0.24454231577295799,    // number_share
        -0.18872054830121984,   // has_number
        -0.20663905858614523,   // has_quote
        0.022010070658989904,   // log_words
        0.074651407572098136,   // short_sentence
        -0.55273230090452885,   // long_sentence
        -0.052535908235411238,  // relative_length
        -0.43978019147024505,   // content_share
        0.28142228585963525,    // word_probability
        -0.22463718163909868,   // first_paragraph
        0.21767027278448414,    // in_paragraph_inverse
        -0.18273907074025406,   // dangling_opener
    },
    0.14999999999999999,  // redundancy
    -0.02,                // min_gain
    1,                    // lead_weight
    0.01,                 // card_min_gain
    0,                    // card_lead_weight
};

}  // namespace khabar::detail
