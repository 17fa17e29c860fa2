#pragma once
// The news-text rules layered over ICU's sentence segmentation (UAX #29), kept apart
// from the ICU plumbing so each rule reads on its own.
#include <unicode/umachine.h>

#include <cstddef>
#include <string_view>
#include <vector>

namespace khabar::detail {

// A full stop at byte `dot` glued between the last word of a sentence and the first of
// the next: "القانون.المغرب", "attended.The"; not "ص.ب", "U.S", "e.g" or "hespress.com".
bool glued_full_stop(std::string_view s, std::size_t dot) noexcept;

// Bytes of a one-letter Arabic proclitic (و ف ب ل ك, tatweel allowed) that a word
// starts with when digits follow it directly ("و27", "بـ2020"); 0 otherwise.
std::size_t proclitic_before_digits(std::string_view word) noexcept;

// Digits of any script, possibly with separators inside ("1,000", "2.5", "١٬٠٠٠").
bool is_number_text(std::string_view word) noexcept;

// Sentence ends ICU does not see: after "…" followed by space and a word that does not
// start in lower case, and a Latin full stop glued to a capitalised word ("said.The").
// Sorted byte offsets of where the next sentence starts.
std::vector<std::size_t> extra_sentence_boundaries(std::string_view s);

// Whether a candidate boundary (the byte where the next sentence would start) stands:
// no after an abbreviation, an initial, or a ".." dash.
bool keep_sentence_boundary(std::string_view s, std::size_t boundary);

}  // namespace khabar::detail
