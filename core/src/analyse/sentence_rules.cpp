#include "analyse/sentence_rules.hpp"

#include <unicode/uchar.h>
#include <unicode/uscript.h>
#include <unicode/utf8.h>

#include "clean/clean_dash.hpp"
#include "text/chars.hpp"
#include "text/utf8.hpp"

namespace khabar::detail {

namespace {

// Quotes and brackets: UAX #29's Close class holds the opening ones too.
bool is_close(UChar32 c) noexcept {
  return c >= 0 && u_getIntPropertyValue(c, UCHAR_SENTENCE_BREAK) == U_SB_CLOSE;
}

bool is_latin(UChar32 c) noexcept {
  UErrorCode status = U_ZERO_ERROR;
  return uscript_getScript(c, &status) == USCRIPT_LATIN;
}

// The run of non-space, non-bracket characters that ends at byte `end`, or nothing when
// it is longer than any abbreviation: the walk back is bounded, so text without spaces
// ("a.b.c.d..." for megabytes) stays linear.
std::string_view token_before(std::string_view s, std::size_t end) noexcept {
  constexpr std::size_t longest = 32;
  std::size_t start = end;
  for (std::size_t p = start;;) {
    UChar32 c = char_before(s, p);
    if (c < 0 || is_blank(c) || is_close(c)) break;
    if (end - p > longest) return {};
    start = p;
  }
  return s.substr(start, end - start);
}

// A token of single letters joined by dots: "U.S", "e.g", "ق.م".
bool is_dotted_initials(std::string_view token) noexcept {
  std::size_t i = 0;
  bool expect_letter = true;
  int letters = 0;
  while (i < token.size()) {
    UChar32 c = char_after(token, i);
    if (expect_letter) {
      if (!is_letter(c)) return false;
      ++letters;
    } else if (c != '.') {
      return false;
    }
    expect_letter = !expect_letter;
  }
  return letters >= 2 && !expect_letter;
}

// Titles and abbreviations that stand before a name or a number far more often than
// at the end of a sentence. Case-sensitive: "No." is an abbreviation, "no." a word.
// Single letters ("M.", "د.") and dotted initials ("U.S.") are caught by shape instead.
constexpr std::string_view kAbbreviations[] = {
    // English
    "Mr", "Mrs", "Ms", "Dr", "Prof", "St", "Jr", "Sr", "Gen", "Gov", "Sen", "Rep", "Lt", "Col", "Sgt", "Capt",
    "Cmdr", "Adm", "Rev", "Hon", "Mt", "Ft", "vs", "No", "Nos", "Jan", "Feb", "Apr", "Aug", "Sept", "Oct",
    "Nov", "Dec", "approx", "est", "Fig", "Vol",
    // French
    "MM", "Mme", "Mmes", "Mlle", "Mlles", "Pr", "Me", "Mgr", "Ste", "av", "bd", "cf", "env", "p", "pp", "vol",
    "chap", "art", "n°", "ex"};

bool is_abbreviation(std::string_view token) noexcept {
  if (token.empty()) return false;
  std::size_t i = 0;
  UChar32 first = char_after(token, i);
  // An initial ("M.", "J.") or an Arabic one-letter abbreviation ("د.", "م."); a lower-case
  // letter is more often a unit ending a sentence ("à 10 h.").
  if (i == token.size()) return is_letter(first) && !u_islower(first);
  if (is_dotted_initials(token)) return token != "a.m" && token != "p.m";  // "5 p.m." often ends one
  for (std::string_view a : kAbbreviations)
    if (token == a) return true;
  return false;
}

}  // namespace

std::size_t proclitic_before_digits(std::string_view word) noexcept {
  std::size_t i = 0;
  UChar32 c = char_after(word, i);
  if (c != 0x0648 && c != 0x0641 && c != 0x0628 && c != 0x0644 && c != 0x0643) return 0;
  std::size_t end = i;
  while ((c = char_after(word, i)) == detail::tatweel) end = i;
  return c >= 0 && u_isdigit(c) ? end : 0;
}

bool is_number_text(std::string_view word) noexcept {
  std::size_t i = 0;
  bool digit = false, last_digit = false;
  while (i < word.size()) {
    UChar32 c = char_after(word, i);
    last_digit = u_isdigit(c) != 0;
    if (last_digit) {
      digit = true;
    } else if (!digit || !(c == '.' || c == ',' || c == '\'' || c == 0x2019 || c == 0x066B || c == 0x066C ||
                           c == 0x00A0 || c == 0x202F)) {
      return false;  // a letter, or a separator before any digit
    }
  }
  return last_digit;
}

std::vector<std::size_t> extra_sentence_boundaries(std::string_view s) {
  std::vector<std::size_t> out;
  for (std::size_t i = 0; i < s.size(); ++i) {
    if (s.compare(i, 3, "\u2026") == 0) {
      std::size_t j = i + 3, k = j;
      while (k < s.size() && (s[k] == '.' || s.compare(k, 3, "\u2026") == 0)) k += s[k] == '.' ? 1 : 3;
      for (std::size_t next = k; is_close(char_after(s, next));) k = next;
      std::size_t word = k;
      for (std::size_t next = k; is_blank(char_after(s, next));) word = next;
      std::size_t probe = word;
      UChar32 c = char_after(s, probe);
      // Lower case after "…" continues the sentence ("and so… the rest").
      if (word > k && is_letter(c) && !u_islower(c)) out.push_back(word);
      i = k - 1;
    } else if (s[i] == '.' && glued_full_stop(s, i)) {
      out.push_back(i + 1);
    }
  }
  return out;
}

bool glued_full_stop(std::string_view s, std::size_t dot) noexcept {
  if (dot >= s.size() || s[dot] != '.') return false;
  std::size_t before = dot, after = dot + 1;
  UChar32 b1 = char_before(s, before), b2 = char_before(s, before);
  UChar32 a1 = char_after(s, after), a2 = char_after(s, after);
  if (!is_letter(b1) || !is_letter(a1)) return false;
  // Letters of two scripts around the stop ("IBM.سمحت") are two words: no abbreviation,
  // initial or domain name mixes scripts there.
  if (is_latin(b1) != is_latin(a1)) return true;
  if (!is_latin(b1)) return !is_abbreviation(token_before(s, dot));
  // Latin keeps "U.S.A" and "hespress.com" whole: only "lower.Capitalised" splits.
  return u_islower(b1) && is_letter(b2) && u_isupper(a1) && a2 >= 0 && u_islower(a2);
}

bool keep_sentence_boundary(std::string_view s, std::size_t boundary) {
  std::size_t i = boundary;
  for (std::size_t p = i; is_blank(char_before(s, p));) i = p;
  for (std::size_t p = i; is_close(char_before(s, p));) i = p;
  std::size_t dot = i;
  if (char_before(s, dot) != '.') return true;  // "؟", "!", "…", a paragraph break: a real end

  std::size_t first = dot;
  while (first > 0 && s[first - 1] == '.') --first;
  if (dot - first == 1) return !is_double_dot_dash(s, first);  // the cleaner's rule, shared
  if (dot - first > 1) return true;                            // "..." is an ellipsis

  return !is_abbreviation(token_before(s, dot));
}

}  // namespace khabar::detail
