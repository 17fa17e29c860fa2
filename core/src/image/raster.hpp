#pragma once
// The scene drawn into RGB pixels: FreeType's outlines (unhinted, so no auto-hinter in the
// way of identical bytes) rendered to 8-bit coverage at a quarter-pixel horizontal position,
// composed with integer arithmetic; rounded boxes by 4x4 supersampling.
#include <cstdint>
#include <unordered_map>
#include <vector>

#include "image/scene.hpp"

namespace khabar::detail {

struct GlyphBitmap {
  int left = 0, top = 0, width = 0, height = 0;
  std::vector<std::uint8_t> coverage;
};

// Rasterized glyphs by (face, glyph, size, quarter-pixel offset); kept across pictures.
class GlyphCache {
 public:
  const GlyphBitmap& get(const Face& face, std::uint32_t glyph, int size, int quarter);
  void clear() { map_.clear(); }
  std::size_t size() const { return map_.size(); }

 private:
  std::unordered_map<std::uint64_t, GlyphBitmap> map_;
};

Bitmap rasterize(const Scene& scene, const Bitmap* picture, GlyphCache& cache);

}  // namespace khabar::detail
