#pragma once
// ".." used as a dash, shared by the cleaner (which marks it) and the sentence
// splitter (which must not end a sentence there).
#include <cstddef>
#include <string_view>

namespace khabar::detail {

// True when the '.' at byte `pos` is one of the two dots of a ".." dash:
// "المغرب.. بلد الأمن", "المغرب..بلد", "المغرب .. بلد". Exactly two dots ("..." is an
// ellipsis), a word (letter, digit or closing quote) before them, at most one space on
// each side, and a word (letter, digit or opening quote) after. Not "1..10" (a range),
// not "../" (a path), not at the end of the text.
bool is_double_dot_dash(std::string_view text, std::size_t pos) noexcept;

}  // namespace khabar::detail
