#pragma once
// The analysis form of a word (see khabar::analysis_form), shared by the word splitter
// and the stopword lists.
#include <string>
#include <string_view>

namespace khabar::detail {

std::string analysis_form(std::string_view word, std::string_view language);

// The same form computed through ICU's NFC and full case folding every time: what
// analysis_form gives when the word has a code point its quick path does not take. For the
// test that holds the two equal.
std::string analysis_form_icu(std::string_view word, std::string_view language);

}  // namespace khabar::detail
