#pragma once
// The language registry (core/languages.json, compiled in) and the one helper that cuts a
// BCP 47 tag down to the language it is registered under.
#include <string>
#include <string_view>
#include <vector>

#include "khabar/direction.hpp"

namespace khabar::detail {

struct LanguageInfo {
  std::string_view code;         // primary subtag: "ar"
  Direction direction;           // as ICU's likely subtags give it (tests check they agree)
  std::string_view stemmer;      // Snowball algorithm; empty: no stemming
  std::string_view stopwords;    // the list's bytes, one word a line, '#' comments; empty: none
  int words_per_minute;          // silent reading speed; 0: the English value
  std::string_view icu_locales;  // locale IDs of the wasm build's ICU data pack, space-separated
};

// Every registered language, in the registry's order (generated: languages_data.cpp).
const std::vector<LanguageInfo>& registered_languages();

// "ar-MA" -> "ar", "EN_gb" -> "en": the primary language subtag, in lower case.
std::string primary_language(std::string_view bcp47);

// The registry entry of a tag's primary language, or nullptr for an unregistered one.
const LanguageInfo* find_language(std::string_view bcp47);

}  // namespace khabar::detail
