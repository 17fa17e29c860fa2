#include "khabar/language.hpp"

#include <unicode/locid.h>
#include <unicode/uchar.h>
#include <unicode/uscript.h>

#include <array>
#include <cctype>
#include <string>

#include "text/utf8.hpp"

namespace khabar {
namespace {

bool any_of(char32_t c, std::initializer_list<char32_t> set) {
  for (char32_t x : set)
    if (c == x) return true;
  return false;
}

// Latin-script text: French or English by their commonest short words and French accents.
std::string latin_language(std::string_view text) {
  static constexpr std::array<std::string_view, 14> fr{"le", "la",   "les",  "des", "et",  "est", "une",
                                                       "du", "dans", "pour", "que", "qui", "sur", "au"};
  static constexpr std::array<std::string_view, 14> en{"the", "and", "of",   "to", "is", "in", "that",
                                                       "for", "was", "with", "on", "as", "by", "are"};
  int score_fr = 0, score_en = 0;
  std::string word;
  auto finish = [&] {
    for (auto w : fr) score_fr += word == w;
    for (auto w : en) score_en += word == w;
    word.clear();
  };
  for (std::size_t i = 0; i < text.size();) {
    char32_t c = detail::next_code_point(text, i);
    if (any_of(c, {U'é', U'è', U'ê', U'à', U'ç', U'ù', U'û', U'ô', U'î', U'œ'})) score_fr += 1;
    if (c < 0x80 && std::isalpha(static_cast<int>(c))) {
      word += static_cast<char>(std::tolower(static_cast<int>(c)));
    } else {
      finish();
    }
  }
  finish();
  return score_fr > score_en ? "fr" : "en";
}

}  // namespace

LanguageGuess detect_language(std::string_view text) {
  std::size_t arabic = 0, hebrew = 0, latin = 0;
  std::size_t persian_only = 0, urdu_only = 0, arabic_only = 0;
  for (std::size_t i = 0; i < text.size();) {
    char32_t c = detail::next_code_point(text, i);
    if (!u_isalpha(static_cast<UChar32>(c))) continue;
    UErrorCode status = U_ZERO_ERROR;
    UScriptCode script = uscript_getScript(static_cast<UChar32>(c), &status);
    if (script == USCRIPT_ARABIC) {
      ++arabic;
      // Letters one language of the script uses and the others do not.
      if (any_of(c, {0x0679, 0x0688, 0x0691, 0x06BA, 0x06D2, 0x06C1, 0x06BE}))
        ++urdu_only;
      else if (any_of(c, {0x067E, 0x0686, 0x0698, 0x06AF, 0x06CC, 0x06A9}))
        ++persian_only;
      else if (any_of(c, {0x064A, 0x0643, 0x0629, 0x0649}))
        ++arabic_only;
    } else if (script == USCRIPT_HEBREW) {
      ++hebrew;
    } else if (script == USCRIPT_LATIN) {
      ++latin;
    }
  }
  if (arabic == 0 && hebrew == 0 && latin == 0) return {"und", Direction::ltr};
  if (arabic >= hebrew && arabic >= latin) {
    // Urdu shares Persian's ی and ک, so its own letters decide first.
    if (urdu_only * 4 > persian_only + arabic_only && urdu_only > 0) return {"ur", Direction::rtl};
    if (persian_only > arabic_only) return {"fa", Direction::rtl};
    return {"ar", Direction::rtl};
  }
  if (hebrew >= latin) return {"he", Direction::rtl};
  return {latin_language(text), Direction::ltr};
}

Direction direction_of_language(std::string_view bcp47) {
  // ICU adds likely subtags: "ar" -> Arab (rtl), "az-Arab" rtl, "az" ltr.
  UErrorCode status = U_ZERO_ERROR;
  icu::Locale locale =
      icu::Locale::forLanguageTag(icu::StringPiece(bcp47.data(), static_cast<int32_t>(bcp47.size())), status);
  if (U_FAILURE(status)) return Direction::ltr;
  return locale.isRightToLeft() ? Direction::rtl : Direction::ltr;
}

}  // namespace khabar
