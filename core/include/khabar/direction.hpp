#pragma once
// The direction a text is written in. Its own header, so that the article model and the
// toolkit under it (core/src/text/languages.hpp) both see it without the toolkit including
// the article.
namespace khabar {

enum class Direction { ltr, rtl };

const char* to_string(Direction d) noexcept;  // "ltr" | "rtl"

}  // namespace khabar
