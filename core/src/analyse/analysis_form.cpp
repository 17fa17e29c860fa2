#include "analyse/analysis_form.hpp"

#include <unicode/normalizer2.h>
#include <unicode/uchar.h>
#include <unicode/unistr.h>

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

}  // namespace

std::string analysis_form(std::string_view word, std::string_view language) {
  bool ascii = true;
  for (char ch : word) ascii = ascii && static_cast<unsigned char>(ch) < 0x80;
  if (ascii) {
    std::string out(word);
    for (char& ch : out)
      if (ch >= 'A' && ch <= 'Z') ch = static_cast<char>(ch - 'A' + 'a');
    return out;
  }

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
