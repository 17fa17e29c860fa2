#pragma once
// The story card as a picture (PNG or SVG) for og:image, drawn from the same Card the HTML
// renderer takes. A pure function of (Card, ImageOptions, FontSet, picture bytes): no file,
// clock, locale of the machine or system font lookup, so the same inputs give the same bytes
// natively and in WebAssembly. Text: ICU bidi and line breaks, HarfBuzz shaping, FreeType
// outlines rasterized by the core itself.
#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <string_view>

#include "khabar/card.hpp"
#include "khabar/error.hpp"

namespace khabar {

enum class ImageFormat { png, svg };
enum class ImageTheme { light, dark };

struct ImageOptions {
  int width = 1200;  // og; image_size_from_string gives the others
  int height = 630;
  ImageTheme theme = ImageTheme::light;
  ImageFormat format = ImageFormat::png;
  std::optional<std::uint32_t> accent;  // 0xRRGGBB; none: the theme's
};

// The picture sizes and their limits.
inline constexpr int image_min_side = 200;
inline constexpr int image_max_side = 4096;

// "og" (1200x630), "square" (1080x1080), "story" (1080x1920) or "WxH" (each side in
// [image_min_side, image_max_side]); sets options.width and height. Throws option.invalid.
void set_image_size(ImageOptions& options, std::string_view size);
// "#RRGGBB" or "RRGGBB". Throws option.invalid.
std::uint32_t parse_accent(std::string_view colour);
// "png" | "svg", "light" | "dark". Throw option.invalid.
ImageFormat image_format_from_string(std::string_view name);
ImageTheme image_theme_from_string(std::string_view name);

// One option from its text, as the CLI's flags and the wasm binding's JSON give it: "size"
// (set_image_size), "theme", "format", "accent". Throws option.invalid naming the option.
void set_image_option(ImageOptions& options, std::string_view name, std::string_view value);
bool is_image_option(std::string_view name) noexcept;

// The font files' bytes (TrueType/OpenType), by script. Each run of text takes the first
// face that has its glyphs: `custom` (a publisher's font) first, then the one for its script
// (Arabic; Urdu, when the text's language is ur; Hebrew; Latin for Latin, Cyrillic, Greek and
// the rest), then the others. Empty strings are absent faces; `bold` empty falls back to
// `regular`. The bytes are read, never kept past the call (ImageRenderer keeps a copy).
struct FontFace {
  std::string regular;
  std::string bold;
};
struct FontSet {
  FontFace latin;   // Noto Sans
  FontFace arabic;  // Noto Naskh Arabic
  FontFace urdu;    // Noto Nastaliq Urdu
  FontFace hebrew;  // Noto Sans Hebrew
  FontFace custom;  // a publisher's own font
};

// The file names the fonts are shipped under (the build copies them beside the CLI and the
// wasm), in FontSet's order: latin regular, latin bold, arabic..., hebrew...; custom has none.
inline constexpr const char* font_file_names[] = {"NotoSans-Regular.ttf",         "NotoSans-Bold.ttf",
                                                  "NotoNaskhArabic-Regular.ttf",  "NotoNaskhArabic-Bold.ttf",
                                                  "NotoNastaliqUrdu-Regular.ttf", "NotoNastaliqUrdu-Bold.ttf",
                                                  "NotoSansHebrew-Regular.ttf",   "NotoSansHebrew-Bold.ttf"};

struct ImageResult {
  std::string bytes;      // the PNG or SVG document
  std::string mime_type;  // "image/png" | "image/svg+xml"
  Warnings warnings;      // e.g. image.picture_unreadable: drawn without the picture
};

namespace detail {
class ImageEngine;
}

// Parses the fonts once and keeps rasterized glyphs between pictures: for a server or a
// benchmark drawing many. Not thread-safe: one per thread. Throws font.invalid when no face
// can be read, naming the first unreadable one.
class ImageRenderer {
 public:
  explicit ImageRenderer(FontSet fonts);
  ~ImageRenderer();
  ImageRenderer(ImageRenderer&&) noexcept;
  ImageRenderer& operator=(ImageRenderer&&) noexcept;

  // `picture`: the article's picture (JPEG, PNG or WebP bytes), scaled and cropped to cover
  // its box; empty: no picture; unreadable: none, and a warning. Throws option.invalid for
  // a size outside the limits.
  ImageResult render(const Card& card, const ImageOptions& options, std::string_view picture = {});

 private:
  std::unique_ptr<detail::ImageEngine> engine_;
};

// One picture: ImageRenderer(fonts).render(card, options, picture).
ImageResult render_image(const Card& card, const ImageOptions& options, const FontSet& fonts,
                         std::string_view picture = {});

}  // namespace khabar
