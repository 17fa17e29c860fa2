#include "text/language_tag.hpp"

#include <unicode/locid.h>
#include <unicode/uchar.h>
#include <unicode/uscript.h>

#include <map>

#include "text/chars.hpp"
#include "text/utf8.hpp"

namespace khabar::detail {
namespace {

icu::StringPiece piece(std::string_view s) { return {s.data(), static_cast<int32_t>(s.size())}; }

std::string family_of_script(UScriptCode script) {
  switch (script) {
    case USCRIPT_ARABIC: return "Arab";
    case USCRIPT_HEBREW: return "Hebr";
    case USCRIPT_LATIN: return "Latn";
    case USCRIPT_CYRILLIC: return "Cyrl";
    case USCRIPT_HAN:
    case USCRIPT_SIMPLIFIED_HAN:
    case USCRIPT_TRADITIONAL_HAN:
    case USCRIPT_HIRAGANA:
    case USCRIPT_KATAKANA:
    case USCRIPT_KATAKANA_OR_HIRAGANA:
    case USCRIPT_JAPANESE:
    case USCRIPT_HANGUL:
    case USCRIPT_KOREAN: return "CJK";
    case USCRIPT_COMMON:
    case USCRIPT_INHERITED:
    case USCRIPT_UNKNOWN:
    case USCRIPT_INVALID_CODE: return {};
    default: {
      const char* name = uscript_getShortName(script);
      return name ? name : "";
    }
  }
}

}  // namespace

std::optional<std::string> normalize_language_tag(std::string_view declared) {
  std::string_view s = trim(declared);
  // Content-Language may list several ("en, fr") and Accept-Language weighs them ("en;q=0.8").
  s = trim(s.substr(0, s.find_first_of(",;")));
  if (s.empty() || s.size() > 64) return std::nullopt;
  std::string tag(s);
  for (char& c : tag)
    if (c == '_') c = '-';
  UErrorCode status = U_ZERO_ERROR;
  icu::Locale locale = icu::Locale::forLanguageTag(piece(tag), status);  // fails unless all of it parses
  if (U_FAILURE(status) || locale.isBogus()) return std::nullopt;
  locale.canonicalize(status);  // CLDR's aliases: "eng" -> "en", "iw" -> "he", "per" -> "fa"
  if (U_FAILURE(status)) return std::nullopt;
  std::string language = locale.getLanguage();
  if (language.empty() || language == "und") return std::nullopt;
  // A language ICU's likely subtags place somewhere. An unknown code gets the unknown region
  // ZZ ("kr", which Korean sites write for their country, becomes kr-Latn-ZZ): not a reading
  // to trust. The likely subtags are root data, present in every build (the wasm one too).
  icu::Locale likely(language.c_str());
  likely.addLikelySubtags(status);
  if (U_FAILURE(status) || std::string_view(likely.getCountry()) == "ZZ" || likely.getScript()[0] == '\0')
    return std::nullopt;
  std::string out = locale.toLanguageTag<std::string>(status);
  if (U_FAILURE(status) || out.empty()) return std::nullopt;
  return out;
}

std::string quoted_declaration(std::string_view raw) {
  std::string out = "\"";
  for (std::size_t i = 0; i < raw.size();) {
    std::size_t at = i;
    char32_t c = next_code_point(raw, i);
    if (at >= 64) {
      out += "\xE2\x80\xA6";  // …
      break;
    }
    if (c < 0x20 || c == 0x7F)
      out += ' ';
    else
      out.append(raw.substr(at, i - at));
  }
  return out + "\"";
}

std::string script_family_of_language(std::string_view bcp47) {
  UErrorCode status = U_ZERO_ERROR;
  icu::Locale locale = icu::Locale::forLanguageTag(piece(bcp47), status);
  if (U_FAILURE(status)) return {};
  locale.addLikelySubtags(status);
  if (U_FAILURE(status)) return {};
  UScriptCode code = USCRIPT_INVALID_CODE;
  int32_t n = uscript_getCode(locale.getScript(), &code, 1, &status);
  if (U_FAILURE(status) || n < 1) return {};
  return family_of_script(code);
}

std::string dominant_script_family(std::string_view text, std::size_t min_letters) {
  std::map<std::string, std::size_t> counts;
  std::size_t letters = 0;
  for (std::size_t i = 0; i < text.size();) {
    char32_t c = next_code_point(text, i);
    if (!is_letter(static_cast<UChar32>(c))) continue;
    UErrorCode status = U_ZERO_ERROR;
    std::string family = family_of_script(uscript_getScript(static_cast<UChar32>(c), &status));
    if (family.empty()) continue;
    ++letters;
    ++counts[family];
  }
  if (letters < min_letters) return {};
  for (const auto& [family, n] : counts)
    if (n * 3 >= letters * 2) return family;
  return {};
}

std::string language_of_script_family(std::string_view family) {
  // Scripts shared by many languages: only the text's words can tell which.
  for (std::string_view shared : {"Latn", "Cyrl", "Arab", "CJK", "Deva", "Beng", "Ethi", "Hebr"})
    if (family == shared) return {};
  if (family.empty()) return {};
  UErrorCode status = U_ZERO_ERROR;
  icu::Locale locale = icu::Locale::forLanguageTag(piece("und-" + std::string(family)), status);
  if (U_FAILURE(status)) return {};
  locale.addLikelySubtags(status);
  if (U_FAILURE(status) || std::string_view(locale.getLanguage()) == "und") return {};
  return locale.getLanguage();
}

}  // namespace khabar::detail
