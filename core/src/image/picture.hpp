#pragma once
// The article's picture: JPEG (libjpeg-turbo), PNG (libpng) or WebP (libwebp) bytes decoded to
// RGB, then scaled and cropped to cover a box with the core's own box filter (integer
// arithmetic, so every build gives the same pixels).
#include <optional>
#include <string>
#include <string_view>

#include "image/scene.hpp"

namespace khabar::detail {

// The MIME type by the bytes' signature, or "" when none of the three.
std::string picture_type(std::string_view bytes);

// Decodes the picture; `cover_w` x `cover_h` is the box it will cover (a JPEG is decoded at
// the smallest 1/2, 1/4, 1/8 scale that still covers it). Transparent pixels are composed on
// `background`. Nothing, and `why` said, when the bytes cannot be read or are too large.
std::optional<Bitmap> decode_picture(std::string_view bytes, int cover_w, int cover_h, Colour background,
                                     std::string& why);

// The middle of `source` scaled to exactly w x h, covering it (cropped on the long side).
Bitmap scale_to_cover(const Bitmap& source, int w, int h);

// PNG bytes of an RGB bitmap: zlib level 3, no row filter, no time or text chunk.
std::string encode_png(const Bitmap& image);

}  // namespace khabar::detail
