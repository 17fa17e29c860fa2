#pragma once
// A paragraph of the picture laid out in lines: ICU bidi levels, runs itemized by level, script
// and face, each run shaped by HarfBuzz, lines broken by ICU's line iterator on the logical text
// (measured with the shaped advances), then each line reordered (UAX #9 L2) for drawing.
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "image/fonts.hpp"
#include "khabar/article.hpp"

namespace khabar::detail {

struct TextStyle {
  int size = 32;  // pixels per em
  bool bold = false;
};

struct PlacedGlyph {
  const Face* face = nullptr;
  std::uint32_t glyph = 0;
  std::int32_t x = 0;  // 26.6 pixels from the line's left edge, left to right
  std::int32_t y = 0;  // 26.6 pixels up from the baseline
  int cluster = 0;     // the UTF-16 index of its character in the text laid out (tests read the order)
};

struct TextLine {
  std::vector<PlacedGlyph> glyphs;  // in visual order
  std::int32_t width = 0;           // 26.6 pixels
};

struct TextBlock {
  std::vector<TextLine> lines;
  bool rtl = false;               // the paragraph's direction: right-aligned when true
  bool clamped = false;           // lines were dropped and an ellipsis added
  std::u16string text;            // what was laid out (with the "…" when clamped): the clusters index it
  std::vector<char32_t> missing;  // characters of `text` that no face has (drawn as .notdef)
};

// `lang` picks Nastaliq for Urdu and language-specific shaping; `base` is the paragraph's
// direction. At most `max_lines` lines of at most `max_width` pixels; more text ends the last
// line with "…" after its last whole word that fits.
TextBlock layout_text(const Fonts& fonts, std::string_view utf8, Direction base, std::string_view lang,
                      const TextStyle& style, int max_width, int max_lines);

}  // namespace khabar::detail
