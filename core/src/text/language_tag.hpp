#pragma once
// Language tags as pages write them ("ar_AR", "en_us", "eng", "ur_pK", "utf-8") made into
// well-formed BCP 47 through ICU, and the script a language or a text is written in. Every
// reader and the locale resolution go through here, so a card's lang is never a raw string.
#include <optional>
#include <string>
#include <string_view>

namespace khabar::detail {

// The well-formed BCP 47 form of a declared language: '_' read as '-', case as BCP 47 writes it,
// ISO 639-2 codes that have a two-letter one shortened ("eng" -> "en"), the first of a list
// ("en, fr"). Nothing when it cannot be read as a language ICU has data for ("utf-8", "kr",
// "x", "und", "x-default").
std::optional<std::string> normalize_language_tag(std::string_view declared);

// The writing system, coarsely, as far as telling a language's text from another's needs:
// "Arab", "Hebr", "Latn", "Cyrl", "CJK" (Han, kana, Hangul: one family, since Japanese and
// Korean text carry Han too), or ICU's short script name for any other ("Gujr", "Grek").
// Empty when unknown.
std::string script_family_of_language(std::string_view bcp47);

// The family (as above) of most letters of the text, or empty when it has under `min_letters`
// letters or no family holds two thirds of them.
std::string dominant_script_family(std::string_view text, std::size_t min_letters = 40);

// The likely language of text in a script one language dominates ("Gujr" -> "gu", "Grek" ->
// "el", through ICU's likely subtags), or empty for a script many languages share (Latn, Cyrl,
// Arab, CJK, Deva...).
std::string language_of_script_family(std::string_view family);

// A declared value as a warning quotes it: in double quotes, controls as spaces, cut to 64
// bytes on a character boundary (a page may declare anything).
std::string quoted_declaration(std::string_view raw);

}  // namespace khabar::detail
