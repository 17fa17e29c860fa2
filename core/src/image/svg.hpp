#pragma once
// The scene as an SVG document: each glyph's outline once as a path (FreeType's, unhinted),
// placed with <use>, so the picture shows the same letters without the fonts.
#include <string>
#include <string_view>

#include "image/scene.hpp"

namespace khabar::detail {

// `picture`: the original bytes and their MIME type, embedded as a data URL covering its box.
std::string write_svg(const Scene& scene, std::string_view picture, std::string_view picture_type);

}  // namespace khabar::detail
