#pragma once
// Written by tests/eval's khabar_train from the EASC dev split; do not edit by hand. Logistic
// regression over summary_features.hpp (L2 3); a sentence's label is the share of its bigrams found in each
// of the five references, averaged. L2, redundancy and min_gain chosen by 5-fold cross-validation by topic.
// title_overlap is 0: EASC articles have no titles, so nothing could be learned.
#include "analyse/summary_rank.hpp"

namespace khabar::detail {

inline constexpr SummaryModel trained_summary_model{
    {
        -1.1468094209633803,    // bias
        0.47016453924739199,    // first_sentence
        0.4463541173694634,     // position_inverse
        -0.62325033719843714,   // position_relative
        0.14743728761629957,    // paragraph_first
        0.29629796990521073,    // paragraph_inverse
        0.47792815017414636,    // centrality
        0.57152137893855748,    // lead_similarity
        0,                      // title_overlap
        -0.07988021513920579,   // number_share
        -0.15833972402131175,   // has_number
        -0.10220314056625021,   // has_quote
        0.062462749344340505,   // log_words
        0.091239257986860681,   // short_sentence
        -0.53948079513911351,   // long_sentence
        -0.012816071720570874,  // relative_length
    },
    0.14999999999999999,  // redundancy
    -1,                   // min_gain
};

}  // namespace khabar::detail
