#include "text/utf8.hpp"

#include <unicode/utf8.h>

#include <cstdint>
#include <cstring>

namespace khabar::detail {

namespace {

const uint8_t* bytes(std::string_view s) noexcept { return reinterpret_cast<const uint8_t*>(s.data()); }

}  // namespace

std::optional<std::size_t> first_invalid_utf8(std::string_view s) noexcept {
  // U8_NEXT rejects overlongs, surrogates and values past U+10FFFF; blocks are far below
  // 2 GiB (read.hpp limits), but the whole input is checked in steps that fit int32_t.
  // Every input is checked whole before it is read (and a page again after decoding), and
  // most of a page is ASCII markup: eight bytes at a time while none has its high bit set.
  constexpr std::uint64_t high_bits = 0x8080808080808080ULL;
  for (std::size_t i = 0; i < s.size();) {
    if (static_cast<unsigned char>(s[i]) < 0x80) {
      std::uint64_t word;
      while (i + sizeof word <= s.size()) {
        std::memcpy(&word, s.data() + i, sizeof word);
        if (word & high_bits) break;
        i += sizeof word;
      }
      while (i < s.size() && static_cast<unsigned char>(s[i]) < 0x80) ++i;
      continue;
    }
    auto k = static_cast<int32_t>(0);
    std::string_view rest = s.substr(i, 4);
    UChar32 c;
    U8_NEXT(bytes(rest), k, static_cast<int32_t>(rest.size()), c);
    if (c < 0) return i;
    i += static_cast<std::size_t>(k);
  }
  return std::nullopt;
}

UChar32 char_after_long(std::string_view s, std::size_t& i) noexcept {
  if (i >= s.size()) return -1;
  auto k = static_cast<int32_t>(i);
  UChar32 c;
  U8_NEXT(bytes(s), k, static_cast<int32_t>(s.size()), c);
  i = static_cast<std::size_t>(k);
  return c < 0 ? 0xFFFD : c;
}

UChar32 char_before(std::string_view s, std::size_t& i) noexcept {
  if (i == 0 || i > s.size()) return -1;
  auto k = static_cast<int32_t>(i);
  UChar32 c;
  U8_PREV(bytes(s), 0, k, c);
  i = static_cast<std::size_t>(k);
  return c < 0 ? 0xFFFD : c;
}

std::size_t count_code_points(std::string_view s) noexcept {
  std::size_t n = 0;
  for (std::size_t i = 0; char_after(s, i) >= 0;) ++n;
  return n;
}

std::string well_formed_utf8(std::string_view s) {
  if (!first_invalid_utf8(s)) return std::string(s);
  std::string out;
  out.reserve(s.size() + 8);
  for (std::size_t i = 0; i < s.size();) append_utf8(out, next_code_point(s, i));
  return out;
}

void append_utf8_long(std::string& out, char32_t c) {
  char buf[U8_MAX_LENGTH];
  int32_t n = 0;
  UBool error = false;
  U8_APPEND(reinterpret_cast<uint8_t*>(buf), n, U8_MAX_LENGTH, static_cast<UChar32>(c), error);
  if (error) {
    n = 0;
    U8_APPEND_UNSAFE(reinterpret_cast<uint8_t*>(buf), n, 0xFFFD);
  }
  out.append(buf, static_cast<std::size_t>(n));
}

std::u32string to_utf32(std::string_view s) {
  std::u32string out;
  for (std::size_t i = 0; i < s.size();) out += next_code_point(s, i);
  return out;
}

std::string from_utf32(std::u32string_view s) {
  std::string out;
  for (char32_t c : s) append_utf8(out, c);
  return out;
}

icu::UnicodeString to_icu(std::string_view utf8) {
  return icu::UnicodeString::fromUTF8(icu::StringPiece(utf8.data(), static_cast<int32_t>(utf8.size())));
}

std::string to_utf8(const icu::UnicodeString& s) {
  std::string out;
  s.toUTF8String(out);
  return out;
}

}  // namespace khabar::detail
