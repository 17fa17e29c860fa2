#pragma once
// The analysis form of a word (see khabar::analysis_form), shared by the word splitter
// and the stopword lists.
#include <string>
#include <string_view>

namespace khabar::detail {

std::string analysis_form(std::string_view word, std::string_view language);

}  // namespace khabar::detail
