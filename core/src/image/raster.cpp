#include "image/raster.hpp"

#include <ft2build.h>
#include FT_FREETYPE_H
#include FT_OUTLINE_H

#include <algorithm>

#include "image/picture.hpp"

namespace khabar::detail {

const GlyphBitmap& GlyphCache::get(const Face& face, std::uint32_t glyph, int size, int quarter) {
  const std::uint64_t key = glyph | (static_cast<std::uint64_t>(size & 0xFFFF) << 32) |
                            (static_cast<std::uint64_t>(quarter & 3) << 48) |
                            (static_cast<std::uint64_t>(face.id & 0xFF) << 56);
  auto [it, fresh] = map_.try_emplace(key);
  if (!fresh) return it->second;
  GlyphBitmap& out = it->second;
  FT_Face ft = face.ft;
  if (FT_Set_Char_Size(ft, 0, static_cast<FT_F26Dot6>(size) * 64, 72, 72) != 0) return out;
  // No hinting: the outline as designed, the same on every build (no auto-hinter variance).
  if (FT_Load_Glyph(ft, glyph, FT_LOAD_NO_HINTING | FT_LOAD_NO_BITMAP) != 0 ||
      ft->glyph->format != FT_GLYPH_FORMAT_OUTLINE)
    return out;
  FT_Outline_Translate(&ft->glyph->outline, quarter * 16, 0);
  if (FT_Render_Glyph(ft->glyph, FT_RENDER_MODE_NORMAL) != 0) return out;
  const FT_Bitmap& bm = ft->glyph->bitmap;
  out.left = ft->glyph->bitmap_left;
  out.top = ft->glyph->bitmap_top;
  out.width = static_cast<int>(bm.width);
  out.height = static_cast<int>(bm.rows);
  out.coverage.resize(static_cast<std::size_t>(out.width) * out.height);
  for (int y = 0; y < out.height; ++y)
    std::copy_n(bm.buffer + static_cast<std::ptrdiff_t>(y) * bm.pitch, out.width,
                out.coverage.data() + static_cast<std::size_t>(y) * out.width);
  return out;
}

namespace {

inline void blend(std::uint8_t* p, Colour c, unsigned a) {
  p[0] = static_cast<std::uint8_t>((c.r * a + p[0] * (255 - a) + 127) / 255);
  p[1] = static_cast<std::uint8_t>((c.g * a + p[1] * (255 - a) + 127) / 255);
  p[2] = static_cast<std::uint8_t>((c.b * a + p[2] * (255 - a) + 127) / 255);
}

// The share of the pixel (px, py) inside the rounded corners, 0..255: 16 samples, in
// eighths of a pixel, against the corner circle's centre.
unsigned corner_coverage(const SceneRect& r, int px, int py) {
  const int rad = r.radius;
  int cx = -1, cy = -1;
  if (px < r.x + rad) cx = r.x + rad;
  if (px >= r.x + r.w - rad) cx = r.x + r.w - rad;
  if (py < r.y + rad) cy = r.y + rad;
  if (py >= r.y + r.h - rad) cy = r.y + r.h - rad;
  if (cx < 0 || cy < 0) return 255;
  int inside = 0;
  const long long r8 = static_cast<long long>(rad) * 8;
  for (int sy = 0; sy < 4; ++sy)
    for (int sx = 0; sx < 4; ++sx) {
      long long dx = px * 8LL + sx * 2 + 1 - cx * 8LL, dy = py * 8LL + sy * 2 + 1 - cy * 8LL;
      inside += dx * dx + dy * dy <= r8 * r8 ? 1 : 0;
    }
  return static_cast<unsigned>(inside * 255 / 16);
}

void fill(Bitmap& canvas, const SceneRect& r) {
  const int x0 = std::max(0, r.x), y0 = std::max(0, r.y);
  const int x1 = std::min(canvas.width, r.x + r.w), y1 = std::min(canvas.height, r.y + r.h);
  for (int y = y0; y < y1; ++y) {
    std::uint8_t* row = canvas.rgb.data() + static_cast<std::size_t>(y) * canvas.width * 3;
    for (int x = x0; x < x1; ++x) {
      unsigned a = r.radius > 0 ? corner_coverage(r, x, y) : 255;
      if (a) blend(row + x * 3, r.colour, a);
    }
  }
}

}  // namespace

Bitmap rasterize(const Scene& scene, const Bitmap* picture, GlyphCache& cache) {
  Bitmap canvas{scene.width, scene.height, {}};
  canvas.rgb.resize(static_cast<std::size_t>(scene.width) * scene.height * 3);
  // The first row by pixel, the others copied from it.
  const std::size_t stride = static_cast<std::size_t>(scene.width) * 3;
  for (std::size_t i = 0; i < stride; i += 3) {
    canvas.rgb[i] = scene.background.r;
    canvas.rgb[i + 1] = scene.background.g;
    canvas.rgb[i + 2] = scene.background.b;
  }
  for (int y = 1; y < scene.height; ++y)
    std::copy_n(canvas.rgb.data(), stride, canvas.rgb.data() + y * stride);
  if (picture && scene.picture) {
    const SceneRect& box = *scene.picture;
    Bitmap scaled = scale_to_cover(*picture, box.w, box.h);
    const int x0 = std::max(0, box.x), x1 = std::min(canvas.width, box.x + box.w);
    for (int y = 0; y < box.h && x1 > x0; ++y) {
      int cy = box.y + y;
      if (cy < 0 || cy >= canvas.height) continue;
      std::copy_n(scaled.rgb.data() + (static_cast<std::size_t>(y) * box.w + (x0 - box.x)) * 3, (x1 - x0) * 3,
                  canvas.rgb.data() + (static_cast<std::size_t>(cy) * canvas.width + x0) * 3);
    }
  }
  for (const SceneRect& r : scene.rects) fill(canvas, r);
  for (const SceneGlyph& g : scene.glyphs) {
    const int quarter = (g.x & 63) >> 4;
    const GlyphBitmap& bm = cache.get(*g.face, g.glyph, g.size, quarter);
    const int ox = (g.x >> 6) + bm.left, oy = ((g.y + 32) >> 6) - bm.top;
    for (int y = 0; y < bm.height; ++y) {
      int cy = oy + y;
      if (cy < 0 || cy >= canvas.height) continue;
      const std::uint8_t* cov = bm.coverage.data() + static_cast<std::size_t>(y) * bm.width;
      std::uint8_t* row = canvas.rgb.data() + static_cast<std::size_t>(cy) * canvas.width * 3;
      for (int x = 0; x < bm.width; ++x) {
        int cx = ox + x;
        if (cov[x] == 0 || cx < 0 || cx >= canvas.width) continue;
        blend(row + cx * 3, g.colour, cov[x]);
      }
    }
  }
  return canvas;
}

}  // namespace khabar::detail
