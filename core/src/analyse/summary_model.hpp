#pragma once
// Written by tests/eval's khabar_train from the EASC dev split; do not edit by hand. Weights
// over summary_features.hpp that rank an article's sentences as readers kept them (a softmax
// over its sentences, L2 10 / 100), then calibrated to the labels: a sentence's label is the share
// of its bigrams found in each of the five references, averaged. L2, redundancy, the min_gains
// and the lead_weights chosen by 5-fold cross-validation by topic. title_overlap is 0: EASC
// articles have no titles, so nothing could be learned.
#include "analyse/summary_rank.hpp"

namespace khabar::detail {

inline constexpr SummaryModel trained_summary_model{
    {
        -1.2883174591066644,    // bias
        -0.57713889097553195,   // first_sentence
        1.072286595581087,      // position_inverse
        -0.5029310000426126,    // position_relative
        -0.070959917183646831,  // paragraph_first
        1.0916439827113031,     // paragraph_inverse
        0.86157487205133199,    // centrality
        1.0757350633051195,     // lead_similarity
        0,                      // title_overlap
        0.30611979920368648,    // number_share
        -0.17706403363477921,   // has_number
        -0.20420253485021325,   // has_quote
        -0.052818728449736292,  // log_words
        0.074574866511359125,   // short_sentence
        -0.49894100399148983,   // long_sentence
        -0.098994341607588618,  // relative_length
        -0.52679813100337114,   // content_share
        0.044884865430294366,   // word_probability
        -0.30704220060925785,   // first_paragraph
        0.62240521269823001,    // in_paragraph_inverse
        -0.15154274511436416,   // dangling_opener
        0.089278086668866205,   // prev_centrality
        -0.61878111804241698,   // prev_lead_similarity
        0.28269175001570646,    // paragraph_last
        -0.60738313929285648,   // paragraph_size_inverse
        0.04073792092787587,    // subject_term
        0.1705110961338536,     // subject_terms
    },
    0.29999999999999999,   // redundancy
    0.050000000000000003,  // min_gain
    1,                     // lead_weight
    -1,                    // card_min_gain
    0,                     // card_lead_weight
    true,                  // opens_with_first
};

}  // namespace khabar::detail
