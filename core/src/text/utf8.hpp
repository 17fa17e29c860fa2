#pragma once
// The one UTF-8 decoder of the core, and the UTF-8 <-> ICU conversions. Every stage that
// steps through text calls these; nothing else decodes UTF-8 by hand.
#include <unicode/umachine.h>
#include <unicode/unistr.h>

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>

namespace khabar::detail {

// Offset of the first byte that is not well-formed UTF-8 (overlongs, surrogates
// and values past U+10FFFF included), or nothing when all of it is valid.
std::optional<std::size_t> first_invalid_utf8(std::string_view s) noexcept;

// The code point that starts at byte `i` (advancing `i` past it), or that ends at byte `i`
// (moving `i` back to its start): -1 at the ends of the text, U+FFFD for ill-formed bytes.
// ASCII and the two-byte sequences (Latin, Greek, Cyrillic, Hebrew, Arabic) are decoded
// inline, since every analyser steps through text with it; the rest is char_after_long.
UChar32 char_after_long(std::string_view s, std::size_t& i) noexcept;
inline UChar32 char_after(std::string_view s, std::size_t& i) noexcept {
  if (i >= s.size()) return -1;
  auto lead = static_cast<unsigned char>(s[i]);
  if (lead < 0x80) {
    ++i;
    return lead;
  }
  if (lead >= 0xC2 && lead <= 0xDF && i + 1 < s.size()) {
    auto trail = static_cast<unsigned char>(s[i + 1]);
    if ((trail & 0xC0) == 0x80) {
      i += 2;
      return static_cast<UChar32>(((lead & 0x1F) << 6) | (trail & 0x3F));
    }
  }
  return char_after_long(s, i);
}
UChar32 char_before(std::string_view s, std::size_t& i) noexcept;

// char_after for code that already knows `i < s.size()`.
inline char32_t next_code_point(std::string_view s, std::size_t& i) noexcept {
  return static_cast<char32_t>(char_after(s, i));
}

// The number of code points.
std::size_t count_code_points(std::string_view s) noexcept;

// `s` with each ill-formed sequence replaced by U+FFFD: text from elsewhere (a parser's message
// that quotes the input) made safe to keep in a warning or an error, which are UTF-8.
std::string well_formed_utf8(std::string_view s);

// Appends the UTF-8 encoding of `c`.
void append_utf8_long(std::string& out, char32_t c);
inline void append_utf8(std::string& out, char32_t c) {
  if (c < 0x80) {
    out.push_back(static_cast<char>(c));
  } else if (c < 0x800) {
    const char two[2] = {static_cast<char>(0xC0 | (c >> 6)), static_cast<char>(0x80 | (c & 0x3F))};
    out.append(two, 2);
  } else {
    append_utf8_long(out, c);
  }
}

std::u32string to_utf32(std::string_view s);
std::string from_utf32(std::u32string_view s);

icu::UnicodeString to_icu(std::string_view utf8);
std::string to_utf8(const icu::UnicodeString& s);

}  // namespace khabar::detail
