#pragma once
// The analysis form of a word (see khabar::analysis_form), shared by the word splitter
// and the stopword lists.
#include <string>
#include <string_view>

namespace khabar::detail {

std::string analysis_form(std::string_view word, std::string_view language);

// "ar-MA" -> "ar": the subtag the stopword lists and stemmers are chosen by.
std::string_view primary_language(std::string_view bcp47) noexcept;

}  // namespace khabar::detail
