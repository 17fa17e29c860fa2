#include "khabar/language.hpp"

#include <unicode/locid.h>
#include <unicode/uchar.h>
#include <unicode/uscript.h>

#include <algorithm>
#include <array>
#include <cctype>
#include <string>
#include <unordered_map>

#include "text/utf8.hpp"

namespace khabar {
namespace {

bool any_of(char32_t c, std::initializer_list<char32_t> set) {
  for (char32_t x : set)
    if (c == x) return true;
  return false;
}

// Latin-script languages by their commonest function words (short, frequent, and each list
// chosen to overlap the others little), plus letters only some of them use.
struct LatinLanguage {
  std::string_view code;
  std::string_view words;  // its 16 commonest short words, space-separated
};
// "la" is the placeholder text of templates (lorem ipsum): it is recognised so as to say "und".
constexpr std::array<LatinLanguage, 10> latin_languages{{
    {"la", "et in ut sed non ad cum quis nisi enim eu nulla est id ipsum dolor"},
    {"en", "the and of to were that for was with on are by this it from have"},
    {"fr", "le les des et est une du dans pour qui sur au pas avec l d"},
    {"es", "el los las y del en que por una con para es se al lo como"},
    {"pt", "o os as e do da dos mais em ao um uma pelo com não no"},
    {"de", "der die das und ist nicht den mit von zu ein eine auf sich auch dem"},
    {"it", "il di che e la per un questo non nella della sono anche gli nel è"},
    {"nl", "de het een en van is dat op niet zijn met voor ook aan er wordt"},
    {"tr", "ve bir bu şey kadar için ile olarak çok daha gibi ama olan sonra ne mi"},
    {"id", "yang dan oleh ini itu dengan untuk dari dalam tidak akan pada juga ke ada adalah"},
}};

// For each word of the lists, the languages (bits, by index in latin_languages) that list it:
// one lookup a word of the text rather than a scan of every list.
const std::unordered_map<std::string_view, unsigned>& listed_words() {
  static const std::unordered_map<std::string_view, unsigned> words = [] {
    std::unordered_map<std::string_view, unsigned> out;
    for (std::size_t k = 0; k < latin_languages.size(); ++k) {
      std::string_view list = latin_languages[k].words;
      for (std::size_t at = 0; at < list.size();) {
        std::size_t end = std::min(list.find(' ', at), list.size());
        out[list.substr(at, end - at)] |= 1u << k;
        at = end + 1;
      }
    }
    return out;
  }();
  return words;
}

constexpr int index_of(std::string_view code) {
  for (std::size_t k = 0; k < latin_languages.size(); ++k)
    if (latin_languages[k].code == code) return static_cast<int>(k);
  return -1;
}
constexpr int pt = index_of("pt"), es = index_of("es"), de = index_of("de"), tr = index_of("tr"),
              fr = index_of("fr");
static_assert(pt >= 0 && es >= 0 && de >= 0 && tr >= 0 && fr >= 0);

// The language a letter points to (half a word's weight), by index in latin_languages, or -1.
int letter_cue(char32_t c) {
  switch (c) {
    case U'ã':
    case U'õ': return pt;
    case U'ñ':
    case U'¿':
    case U'¡': return es;
    case U'ß':
    case U'ä': return de;
    case U'ğ':
    case U'ş':
    case U'ı': return tr;
    case U'œ':
    case U'ê':
    case U'û':
    case U'î':
    case U'ë': return fr;
    default: return -1;
  }
}

// The language with clearly the most evidence, or "und" when too little text or two languages
// come close (a wrong guess would set a wrong lang attribute and stemmer).
std::string latin_language(std::string_view text) {
  std::array<double, latin_languages.size()> score{};
  std::string word;
  const auto& words = listed_words();
  auto finish = [&] {
    if (word.empty()) return;
    if (auto it = words.find(word); it != words.end())
      for (std::size_t k = 0; k < latin_languages.size(); ++k)
        if (it->second & (1u << k)) score[k] += 1;
    word.clear();
  };
  for (std::size_t i = 0; i < text.size();) {
    char32_t c = detail::next_code_point(text, i);
    if (int k = letter_cue(c); k >= 0) score[static_cast<std::size_t>(k)] += 0.5;
    if (u_isalpha(static_cast<UChar32>(c))) {
      detail::append_utf8(word, static_cast<char32_t>(u_tolower(static_cast<UChar32>(c))));
    } else {
      finish();
    }
  }
  finish();
  std::size_t best = 0, second = 1;
  if (score[second] > score[best]) std::swap(best, second);
  for (std::size_t k = 2; k < score.size(); ++k) {
    if (score[k] > score[best]) {
      second = best;
      best = k;
    } else if (score[k] > score[second]) {
      second = k;
    }
  }
  if (score[best] < 2 || score[best] < 1.5 * score[second] + 0.5 || latin_languages[best].code == "la")
    return "und";
  return std::string(latin_languages[best].code);
}

}  // namespace

LanguageGuess detect_language(std::string_view text) {
  std::size_t arabic = 0, hebrew = 0, latin = 0, cyrillic = 0, han = 0, kana = 0, hangul = 0;
  std::size_t russian_only = 0, ukrainian_only = 0;
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
    } else if (script == USCRIPT_CYRILLIC) {
      ++cyrillic;
      if (any_of(c, {U'ы', U'э', U'ъ', U'ё', U'Ы', U'Э'})) ++russian_only;
      if (any_of(c, {U'і', U'ї', U'є', U'ґ', U'І', U'Ї', U'Є'})) ++ukrainian_only;
    } else if (script == USCRIPT_HAN) {
      ++han;
    } else if (script == USCRIPT_HIRAGANA || script == USCRIPT_KATAKANA) {
      ++kana;
    } else if (script == USCRIPT_HANGUL) {
      ++hangul;
    }
  }
  std::size_t cjk = han + kana + hangul;
  std::size_t most = std::max({arabic, hebrew, latin, cyrillic, cjk});
  if (most == 0) return {"und", Direction::ltr};
  // Each CJK character is a word or more: a few outweigh many Latin letters of names and units.
  if (cjk * 3 >= most && cjk > 0 && cjk * 3 >= latin) {
    if (hangul > han + kana) return {"ko", Direction::ltr};
    if (kana * 20 > han + kana) return {"ja", Direction::ltr};  // Japanese writes kana in every sentence
    return {"zh", Direction::ltr};
  }
  if (cyrillic == most) {
    if (ukrainian_only > 0 || russian_only == 0) return {"und", Direction::ltr};  // uk, bg, sr...
    return {"ru", Direction::ltr};
  }
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
