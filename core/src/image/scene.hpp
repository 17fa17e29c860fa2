#pragma once
// What a picture holds, laid out: the boxes and glyphs the card layout places, drawn by the
// rasterizer (PNG) or written as vector shapes (SVG) from the same list.
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "image/fonts.hpp"

namespace khabar::detail {

struct Colour {
  std::uint8_t r = 0, g = 0, b = 0;
  bool operator==(const Colour&) const = default;
};

struct SceneRect {
  int x = 0, y = 0, w = 0, h = 0, radius = 0;
  Colour colour;
};

struct SceneGlyph {
  const Face* face = nullptr;
  std::uint32_t glyph = 0;
  int size = 0;        // pixels per em
  std::int32_t x = 0;  // 26.6 pixels from the picture's left edge
  std::int32_t y = 0;  // the baseline, 26.6 pixels from the top
  Colour colour;
};

struct Scene {
  int width = 0, height = 0;
  Colour background;
  std::optional<SceneRect> picture;  // where the picture covers (colour unused)
  std::vector<SceneRect> rects;      // drawn after the picture, before the glyphs
  std::vector<SceneGlyph> glyphs;
  std::vector<char32_t> missing;  // characters drawn that no face has: image.missing_glyph
};

// A decoded picture, 8-bit RGB, rows top to bottom.
struct Bitmap {
  int width = 0, height = 0;
  std::vector<std::uint8_t> rgb;
};

}  // namespace khabar::detail
