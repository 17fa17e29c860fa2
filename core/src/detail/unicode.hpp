#pragma once
// UTF-8 <-> ICU helpers shared by the readers, the cleaner and the analysers.
#include <unicode/unistr.h>

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>

namespace khabar::detail {

// Offset of the first byte that is not well-formed UTF-8 (overlongs, surrogates
// and values past U+10FFFF included), or nothing when all of it is valid.
std::optional<std::size_t> first_invalid_utf8(std::string_view s) noexcept;

icu::UnicodeString to_icu(std::string_view utf8);
std::string to_utf8(const icu::UnicodeString& s);

// Decodes the code point at byte `i` of valid UTF-8 and advances `i` past it.
char32_t next_code_point(std::string_view s, std::size_t& i) noexcept;

// Appends the UTF-8 encoding of `c`.
void append_utf8(std::string& out, char32_t c);

// Unicode white space (u_isUWhiteSpace) plus NBSP-like spaces.
bool is_space(char32_t c) noexcept;

// The text with Unicode white space runs collapsed to one ASCII space, trimmed.
std::string collapse_space(std::string_view s);

}  // namespace khabar::detail
