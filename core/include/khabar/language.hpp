#pragma once
// Language and direction from the text itself, for articles that do not say.
#include <string>
#include <string_view>

#include "khabar/article.hpp"

namespace khabar {

struct LanguageGuess {
  std::string language;  // ar fa ur he en fr es pt de it nl tr id ru zh ja ko, or "und"
  Direction direction = Direction::ltr;
};

// Decides by script first (Arabic, Hebrew, Latin, Cyrillic, Han, kana, Hangul), then by letters
// that only one language of a script uses (Persian پ چ ژ گ ی ک, Urdu ٹ ڈ ڑ ں ے ھ, Russian ы э ъ,
// Japanese kana) and, for Latin text, by each language's commonest words. "und" (undetermined)
// when the evidence is thin or two languages come close: better no guess than a wrong one.
LanguageGuess detect_language(std::string_view text);

// The direction a language is written in ("ar-MA" -> rtl, "fr" -> ltr).
Direction direction_of_language(std::string_view bcp47);

}  // namespace khabar
