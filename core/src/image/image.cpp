// The public picture API (khabar/image.hpp): options parsed, the picture decoded, the card laid
// out once, then drawn to PNG or written as SVG.
#include "khabar/image.hpp"

#include <algorithm>
#include <charconv>
#include <cstdio>
#include <vector>

#include "image/card_layout.hpp"
#include "image/fonts.hpp"
#include "image/picture.hpp"
#include "image/raster.hpp"
#include "image/svg.hpp"

namespace khabar {
namespace detail {

class ImageEngine {
 public:
  explicit ImageEngine(FontSet set) : fonts(std::move(set)) {}
  Fonts fonts;
  GlyphCache cache;
};

}  // namespace detail

namespace {

int parse_side(std::string_view s, std::string_view whole) {
  int v = 0;
  auto r = std::from_chars(s.data(), s.data() + s.size(), v);
  if (s.empty() || r.ec != std::errc() || r.ptr != s.data() + s.size() || v < image_min_side ||
      v > image_max_side)
    throw Error(codes::invalid_option,
                "size takes og, square, story or WxH with sides from " + std::to_string(image_min_side) +
                    " to " + std::to_string(image_max_side) + ", not '" + std::string(whole) + "'");
  return v;
}

void check_size(const ImageOptions& o) {
  if (o.width < image_min_side || o.width > image_max_side || o.height < image_min_side ||
      o.height > image_max_side)
    throw Error(codes::invalid_option, "size: the picture's sides go from " + std::to_string(image_min_side) +
                                           " to " + std::to_string(image_max_side) + " pixels");
}

// image.missing_glyph: each character no font has, once, in the order met (at most ten named).
Warning missing_glyph_warning(const std::vector<char32_t>& missing) {
  std::vector<char32_t> seen;
  for (char32_t c : missing)
    if (std::find(seen.begin(), seen.end(), c) == seen.end()) seen.push_back(c);
  std::string names;
  for (std::size_t i = 0; i < seen.size() && i < 10; ++i) {
    char hex[16];
    std::snprintf(hex, sizeof hex, "U+%04X", static_cast<unsigned>(seen[i]));
    names += (i ? ", " : "") + std::string(hex);
  }
  if (seen.size() > 10) names += " and " + std::to_string(seen.size() - 10) + " more";
  return {"image.missing_glyph", "no font has " + names + ": drawn as the font's missing-glyph box"};
}

}  // namespace

void set_image_size(ImageOptions& o, std::string_view size) {
  if (size == "og") {
    o.width = 1200, o.height = 630;
  } else if (size == "square") {
    o.width = 1080, o.height = 1080;
  } else if (size == "story") {
    o.width = 1080, o.height = 1920;
  } else {
    auto x = size.find('x');
    if (x == std::string_view::npos) parse_side({}, size);
    o.width = parse_side(size.substr(0, x), size);
    o.height = parse_side(size.substr(x + 1), size);
  }
}

std::uint32_t parse_accent(std::string_view c) {
  if (!c.empty() && c[0] == '#') c.remove_prefix(1);
  std::uint32_t v = 0;
  auto r = std::from_chars(c.data(), c.data() + c.size(), v, 16);
  if (c.size() != 6 || r.ec != std::errc() || r.ptr != c.data() + c.size())
    throw Error(codes::invalid_option, "accent takes a colour as #RRGGBB");
  return v;
}

ImageFormat image_format_from_string(std::string_view name) {
  if (name == "png") return ImageFormat::png;
  if (name == "svg") return ImageFormat::svg;
  throw Error(codes::invalid_option, "format takes png or svg, not '" + std::string(name) + "'");
}

ImageTheme image_theme_from_string(std::string_view name) {
  if (name == "light") return ImageTheme::light;
  if (name == "dark") return ImageTheme::dark;
  throw Error(codes::invalid_option, "theme takes light or dark, not '" + std::string(name) + "'");
}

void set_image_option(ImageOptions& o, std::string_view name, std::string_view value) {
  if (name == "size")
    set_image_size(o, value);
  else if (name == "theme")
    o.theme = image_theme_from_string(value);
  else if (name == "format")
    o.format = image_format_from_string(value);
  else if (name == "accent")
    o.accent = parse_accent(value);
  else
    throw Error(codes::invalid_option, "no picture option '" + std::string(name) + "'");
}

bool is_image_option(std::string_view name) noexcept {
  return name == "size" || name == "theme" || name == "format" || name == "accent";
}

ImageRenderer::ImageRenderer(FontSet fonts)
    : engine_(std::make_unique<detail::ImageEngine>(std::move(fonts))) {}
ImageRenderer::~ImageRenderer() = default;
ImageRenderer::ImageRenderer(ImageRenderer&&) noexcept = default;
ImageRenderer& ImageRenderer::operator=(ImageRenderer&&) noexcept = default;

ImageResult ImageRenderer::render(const Card& card, const ImageOptions& options, std::string_view picture) {
  check_size(options);
  ImageResult result;
  detail::Scene scene;
  std::optional<detail::Bitmap> bitmap;
  std::string type;
  if (!picture.empty()) {
    scene = detail::layout_card(card, options, engine_->fonts, true);
    std::string why;
    type = detail::picture_type(picture);
    bitmap = detail::decode_picture(picture, scene.picture->w, scene.picture->h, scene.background, why);
    if (!bitmap) {
      result.warnings.push_back({"image.picture_unreadable", "the picture was left out: " + why});
      scene = detail::layout_card(card, options, engine_->fonts, false);
    }
  } else {
    scene = detail::layout_card(card, options, engine_->fonts, false);
  }
  if (!scene.missing.empty()) result.warnings.push_back(missing_glyph_warning(scene.missing));
  if (options.format == ImageFormat::svg) {
    result.bytes = detail::write_svg(scene, bitmap ? picture : std::string_view(), type);
    result.mime_type = "image/svg+xml";
  } else {
    result.bytes = detail::encode_png(detail::rasterize(scene, bitmap ? &*bitmap : nullptr, engine_->cache));
    result.mime_type = "image/png";
  }
  // A server drawing many cards keeps its glyphs; a cache past this many is started again.
  if (engine_->cache.size() > 20000) engine_->cache.clear();
  return result;
}

ImageResult render_image(const Card& card, const ImageOptions& options, const FontSet& fonts,
                         std::string_view picture) {
  return ImageRenderer(fonts).render(card, options, picture);
}

}  // namespace khabar
