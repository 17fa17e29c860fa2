#include "text/language_tag.hpp"

#include <unicode/locid.h>
#include <unicode/uchar.h>
#include <unicode/uscript.h>

#include <array>
#include <map>
#include <unordered_map>

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

// The answers already given for a few short keys: a page declares its language in several
// places, every reader asks again, and one ICU canonicalization costs about as much as
// reading a 1 KB page's metadata. Bounded (cleared when full): keys come from the page.
template <class Value, class Compute>
Value memoized(std::string_view key, Compute compute) {
  constexpr std::size_t max_entries = 64, max_key = 64;
  if (key.size() > max_key) return compute(key);
  thread_local std::unordered_map<std::string, Value> memo;
  std::string k(key);
  if (auto it = memo.find(k); it != memo.end()) return it->second;
  if (memo.size() >= max_entries) memo.clear();
  return memo.emplace(std::move(k), compute(key)).first->second;
}

std::optional<std::string> normalize_uncached(std::string_view s) {
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

std::string script_family_uncached(std::string_view bcp47) {
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

}  // namespace

std::optional<std::string> normalize_language_tag(std::string_view declared) {
  std::string_view s = trim(declared);
  // Content-Language may list several ("en, fr") and Accept-Language weighs them ("en;q=0.8").
  s = trim(s.substr(0, s.find_first_of(",;")));
  if (s.empty() || s.size() > 64) return std::nullopt;
  return memoized<std::optional<std::string>>(s, normalize_uncached);
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
  return memoized<std::string>(bcp47, script_family_uncached);
}

std::string dominant_script_family(std::string_view text, std::size_t min_letters) {
  // Letters counted by script code first (an ASCII letter is Latin without asking ICU), then
  // by family: the family's name is looked up once a script, not once a letter.
  constexpr int scripts = 256;  // above every UScriptCode (ICU 72 has 200)
  std::array<std::size_t, scripts> by_script{};
  for (std::size_t i = 0; i < text.size();) {
    auto c = static_cast<UChar32>(next_code_point(text, i));
    if (c < 0x80) {
      if ((c | 0x20) >= 'a' && (c | 0x20) <= 'z') ++by_script[USCRIPT_LATIN];
      continue;
    }
    if (!is_letter(c)) continue;
    UErrorCode status = U_ZERO_ERROR;
    int script = uscript_getScript(c, &status);  // USCRIPT_INVALID_CODE (-1) on an error
    if (script >= 0 && script < scripts) ++by_script[static_cast<std::size_t>(script)];
  }
  std::map<std::string, std::size_t> counts;
  std::size_t letters = 0;
  for (int script = 0; script < scripts; ++script) {
    std::size_t n = by_script[static_cast<std::size_t>(script)];
    if (n == 0) continue;
    std::string family = family_of_script(static_cast<UScriptCode>(script));
    if (family.empty()) continue;
    letters += n;
    counts[family] += n;
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
