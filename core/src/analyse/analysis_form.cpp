#include "analyse/analysis_form.hpp"

#include <unicode/normalizer2.h>
#include <unicode/uchar.h>
#include <unicode/unistr.h>

#include <array>

#include "khabar/error.hpp"
#include "text/chars.hpp"
#include "text/languages.hpp"
#include "text/utf8.hpp"

namespace khabar::detail {

namespace {

bool persian_script_language(std::string_view language) {
  auto primary = primary_language(language);
  return primary == "fa" || primary == "ur" || primary == "ps";
}

// One code point of the analysis form; -1 drops it.
UChar32 fold_letter(UChar32 c, bool persian) {
  if (is_arabic_vowel_mark(c) || c == static_cast<UChar32>(tatweel)) return -1;
  if ((c >= 0x0591 && c <= 0x05BD) || c == 0x05BF || c == 0x05C1 || c == 0x05C2 || c == 0x05C4 ||
      c == 0x05C5 || c == 0x05C7)
    return -1;  // Hebrew points and cantillation: the same word written with or without them
  switch (c) {
    case 0x0622:  // آ
    case 0x0623:  // أ
    case 0x0625:  // إ
    case 0x0671:  // ٱ
      return 0x0627;
    case 0x0649:  // ى
      return persian ? 0x06CC : 0x064A;
    case 0x064A:  // ي: Persian and Urdu write ی; texts mix both
      return persian ? 0x06CC : c;
    case 0x0643:  // ك
      return persian ? 0x06A9 : c;
    case 0x0629:  // ة
      return 0x0647;
    case 0x066B:  // Arabic decimal separator: "٢٫٥" matches "2.5"
      return '.';
    case 0x066C:  // Arabic thousands separator
      return ',';
    default: break;
  }
  if (c >= 0x80 && u_charType(c) == U_DECIMAL_DIGIT_NUMBER) return '0' + u_charDigitValue(c);
  return c;
}

// The quick path. A code point below U+0800 (Latin, Greek, Cyrillic, Hebrew, Arabic, Syriac,
// Thaana, N'Ko) is "quick" when NFC and full case folding cannot change the word around it:
// it is NFC_Quick_Check=Yes (so nothing composes with the code point before it) and it is
// either dropped by fold_letter, or a starter (combining class 0, so NFC never moves it)
// that case folding leaves alone or that is ASCII (folded by hand). A word of quick code
// points has then the form fold_letter gives code point by code point: no UnicodeString,
// no NFC pass, no allocation but the result. Every other word takes analysis_form_icu.
// The table is worked out once from ICU's own properties, so it follows ICU's data;
// tests/core/test_text.cpp checks the two paths equal over every code point below U+0800.
constexpr UChar32 quick_limit = 0x800;
constexpr UChar32 not_quick = -2;

// What the code point becomes (fold_letter, then ASCII lower case), -1 when it is dropped,
// not_quick when the word must go through ICU.
UChar32 quick_fold(UChar32 c, bool persian) {
  using Table = std::array<UChar32, quick_limit>;
  static const std::array<Table, 2> tables = [] {
    std::array<Table, 2> t{};
    for (int p = 0; p < 2; ++p)
      for (UChar32 cp = 0; cp < quick_limit; ++cp) {
        UChar32 folded = fold_letter(cp, p == 1);
        bool quick = u_getIntPropertyValue(cp, UCHAR_NFC_QUICK_CHECK) == UNORM_YES &&
                     (folded < 0 || (u_getCombiningClass(cp) == 0 &&
                                     (cp < 0x80 || !u_hasBinaryProperty(cp, UCHAR_CHANGES_WHEN_CASEFOLDED))));
        if (folded >= 'A' && folded <= 'Z') folded += 'a' - 'A';
        t[p][static_cast<std::size_t>(cp)] = quick ? folded : not_quick;
      }
    return t;
  }();
  if (c < 0 || c >= quick_limit) return not_quick;
  return tables[persian ? 1 : 0][static_cast<std::size_t>(c)];
}

}  // namespace

std::string analysis_form(std::string_view word, std::string_view language) {
  bool persian = persian_script_language(language);
  std::string out;
  out.reserve(word.size());
  for (std::size_t i = 0; i < word.size();) {
    UChar32 c = quick_fold(char_after(word, i), persian);
    if (c == not_quick) return analysis_form_icu(word, language);
    if (c >= 0) append_utf8(out, static_cast<char32_t>(c));
  }
  return out;
}

std::string analysis_form_icu(std::string_view word, std::string_view language) {
  UErrorCode status = U_ZERO_ERROR;
  const icu::Normalizer2* nfc = icu::Normalizer2::getNFCInstance(status);
  if (U_FAILURE(status)) throw Error(codes::internal, std::string("ICU NFC data: ") + u_errorName(status));
  // NFC first, so that a decomposed "ا + ٕ" is the "إ" the mapping knows.
  icu::UnicodeString text = nfc->normalize(to_icu(word), status);
  bool persian = persian_script_language(language);
  icu::UnicodeString mapped;
  for (int32_t i = 0; i < text.length(); i = text.moveIndex32(i, 1)) {
    UChar32 c = fold_letter(text.char32At(i), persian);
    if (c >= 0) mapped.append(c);
  }
  mapped.foldCase();
  mapped = nfc->normalize(mapped, status);
  if (U_FAILURE(status))
    throw Error(codes::internal, std::string("ICU normalisation: ") + u_errorName(status));
  return to_utf8(mapped);
}

}  // namespace khabar::detail
