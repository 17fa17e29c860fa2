#pragma once
// The character classes and white-space helpers every stage shares. One definition each:
// a copy of "is a letter" in one analyser drifts from the others.
#include <unicode/umachine.h>

#include <string>
#include <string_view>

namespace khabar::detail {

inline constexpr char32_t tatweel = 0x0640;  // ـ: stretches a joined letter, is not one

// Unicode White_Space (space, tab, line breaks, NBSP, the typographic spaces).
bool is_white_space(UChar32 c) noexcept;

// What separates words without ink: white space, ZERO WIDTH SPACE and a stray BOM.
bool is_blank(UChar32 c) noexcept;

// A letter: alphabetic (any script), but not tatweel, which only stretches the letter
// before it ("بـ" is one letter).
bool is_letter(UChar32 c) noexcept;

// A part of a word: a letter, tatweel or a combining mark.
bool is_word_part(UChar32 c) noexcept;

// Arabic harakat (U+064B–U+0652) and the superscript alef (U+0670): vowel marks that the
// same word may be written with or without.
bool is_arabic_vowel_mark(UChar32 c) noexcept;

// The text without white space (is_white_space) at either end.
std::string_view trim(std::string_view s) noexcept;

// ASCII letters in lower case, every other byte as it is: for tags, attribute values, labels.
std::string lower_ascii(std::string_view s);

// An attribute value, label or name as compared: trimmed (trim), then lower_ascii.
std::string lower_trimmed(std::string_view s);

// The text with white-space runs collapsed to one ASCII space, trimmed.
std::string collapse_space(std::string_view s);

// Whether text[from, to) is empty or only white space.
bool only_space(std::string_view text, std::size_t from, std::size_t to) noexcept;

}  // namespace khabar::detail
