#pragma once
// The one locale chain a card's locale is chosen from: the request's tag, then the article's
// language, then "en". resolve_locale (format.cpp) walks it with ICU's data at hand;
// locale_data_languages (pipeline.cpp) walks it before the data are there (wasm), to say which
// languages' data a card needs.
#include <string>
#include <string_view>
#include <vector>

namespace khabar::detail {

// The candidates in order: `requested` when given; the article's language as
// normalize_language_tag reads it ("ar_AR" -> "ar-AR"), or as written when it cannot be read
// (so that its fallback is warned about), none when empty or "und"; then "en".
std::vector<std::string> locale_candidates(std::string_view requested, std::string_view article_language);

// Whether resolve_locale takes `tag` as it is once its language has data: "ar", "ar-MA",
// "en-001" (no script or extension that could still send it to the next candidate). Not
// "fr_MA": ICU's forLanguageTag refuses the '_', so resolve_locale falls through it.
bool plain_locale_tag(std::string_view tag);

}  // namespace khabar::detail
