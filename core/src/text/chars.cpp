#include "text/chars.hpp"

#include <unicode/uchar.h>

#include "text/utf8.hpp"

namespace khabar::detail {

bool is_white_space(UChar32 c) noexcept { return c >= 0 && u_isUWhiteSpace(c); }

bool is_blank(UChar32 c) noexcept { return is_white_space(c) || c == 0x200B || c == 0xFEFF; }

bool is_letter(UChar32 c) noexcept { return c >= 0 && u_isalpha(c) && c != static_cast<UChar32>(tatweel); }

bool is_word_part(UChar32 c) noexcept {
  return c >= 0 && (u_isalpha(c) || (U_GET_GC_MASK(c) & U_GC_M_MASK) != 0);
}

bool is_arabic_vowel_mark(UChar32 c) noexcept { return (c >= 0x064B && c <= 0x0652) || c == 0x0670; }

std::string_view trim(std::string_view s) noexcept {
  std::size_t a = 0, b = s.size();
  for (std::size_t i = a; is_white_space(char_after(s, i));) a = i;
  for (std::size_t i = b; i > a && is_white_space(char_before(s, i));) b = i;
  return s.substr(a, b - a);
}

std::string lower_ascii(std::string_view s) {
  std::string out(s);
  for (char& c : out)
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  return out;
}

std::string lower_trimmed(std::string_view s) { return lower_ascii(trim(s)); }

namespace {

// White_Space among the ASCII bytes (tab, line feed, vertical tab, form feed, carriage return,
// space): what u_isUWhiteSpace answers for them, without the call (a test checks all 128).
bool ascii_white_space(unsigned char b) noexcept { return b == ' ' || (b >= '\t' && b <= '\r'); }

}  // namespace

// Copies each run of non-white-space whole and looks white space up in ICU only past ASCII:
// this runs on every block of every page, and per code point (a substring and an ICU call for
// each) it was the HTML reader's most expensive step after parsing.
std::string collapse_space(std::string_view s) {
  std::string out;
  out.reserve(s.size());
  bool pending = false;  // white space seen since the last kept character
  std::size_t run = 0;   // start of the current run of non-white-space
  auto flush = [&](std::size_t end) {
    if (end == run) return;
    if (pending) out += ' ';
    out.append(s.data() + run, end - run);
  };
  for (std::size_t i = 0; i < s.size();) {
    std::size_t at = i;
    auto b = static_cast<unsigned char>(s[i]);
    bool space;
    if (b < 0x80) {
      ++i;
      space = ascii_white_space(b);
    } else {
      space = is_white_space(char_after(s, i));
    }
    if (!space) continue;
    flush(at);
    pending = !out.empty();
    run = i;
  }
  flush(s.size());
  return out;
}

bool only_space(std::string_view text, std::size_t from, std::size_t to) noexcept {
  for (std::size_t i = from; i < to && i < text.size();)
    if (!is_white_space(char_after(text, i))) return false;
  return true;
}

}  // namespace khabar::detail
