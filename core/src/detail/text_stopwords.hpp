#pragma once
// The stopword lists compiled into the library (generated from core/src/stopwords/).
#include <string_view>

namespace khabar::detail {

// The raw list for a primary language subtag ("ar", "fr", "en"): one word a line,
// '#' starts a comment line. Empty for other languages.
std::string_view stopword_list(std::string_view language) noexcept;

}  // namespace khabar::detail
