// The picture renderer's WebAssembly binding (khabar-image): fonts in as bytes, one article's
// card out as a PNG or SVG. It converts types and nothing else; no exception crosses it.
// One translation unit with binding.cpp, included here: the module exports binding.cpp's
// functions too (ICU data, the last result, errors) and this file uses its internal helpers
// (last(), guarded, NeedsData, loaded_languages), while binding.cpp, and so khabar-core.wasm,
// stays the same bytes.
#include <optional>
#include <string_view>

#include "binding.cpp"
#include "khabar/image.hpp"

namespace {

// The fonts handed over so far, and a renderer over them, made at the first picture after a
// change (it parses the faces once and keeps rasterized glyphs between pictures).
struct Fonts {
  khabar::FontSet set;
  std::optional<khabar::ImageRenderer> renderer;
};

Fonts& fonts() {
  static Fonts f;
  return f;
}

khabar::Warnings& last_warnings() {
  static khabar::Warnings w;
  return w;
}

// FontSet's slots in the order of khabar::font_file_names, then the publisher's font.
std::string* font_slot(int slot) {
  khabar::FontSet& f = fonts().set;
  std::string* slots[] = {&f.latin.regular,  &f.latin.bold, &f.arabic.regular, &f.arabic.bold,
                          &f.urdu.regular,   &f.urdu.bold,  &f.hebrew.regular, &f.hebrew.bold,
                          &f.custom.regular, &f.custom.bold};
  return slot >= 0 && slot < static_cast<int>(std::size(slots)) ? slots[slot] : nullptr;
}

// The picture's options from `khabar image`'s flags: `size` ("og", "square", "story", "WxH"),
// `theme` ("light", "dark"), `format` ("png", "svg") and `accent` ("#RRGGBB" or "").
khabar::ImageOptions image_options(const char* size, const char* theme, const char* format,
                                   const char* accent) {
  khabar::ImageOptions image;
  khabar::set_image_size(image, size);
  image.theme = khabar::image_theme_from_string(theme);
  image.format = khabar::image_format_from_string(format);
  if (*accent) image.accent = khabar::parse_accent(accent);
  return image;
}

// Draws `card` with the fonts given so far; its warnings, then the picture's, are kept for
// khabar_image_warnings().
std::string draw(const khabar::Card& card, const khabar::ImageOptions& image, const std::uint8_t* picture,
                 std::size_t picture_size) {
  if (!fonts().renderer) fonts().renderer.emplace(fonts().set);
  khabar::ImageResult result = fonts().renderer->render(
      card, image, std::string_view(reinterpret_cast<const char*>(picture), picture_size));
  last_warnings() = card.warnings;
  last_warnings().insert(last_warnings().end(), result.warnings.begin(), result.warnings.end());
  return std::move(result.bytes);
}

}  // namespace

extern "C" {

// One font file's bytes (copied) for `slot`: 0-7 as khabar::font_file_names (NotoSans-Regular
// ... NotoSansHebrew-Bold), 8 and 9 a publisher's regular and bold. Empty bytes remove it.
int khabar_image_font(int slot, const std::uint8_t* bytes, std::size_t size) {
  return guarded([&] {
    std::string* s = font_slot(slot);
    if (!s) throw khabar::Error(khabar::codes::invalid_option, "no font slot " + std::to_string(slot));
    s->assign(reinterpret_cast<const char*>(bytes), size);
    fonts().renderer.reset();
    return std::string();
  });
}

// Reads one article and draws its card as a picture: `input` and `options` as khabar_card's
// (the card's options as JSON: locale, now, time_zone ...); `size`, `theme`, `format` and
// `accent` as image_options(); `picture` the article's picture (JPEG, PNG or WebP; size 0: none).
// Statuses as khabar_card's; on 0 khabar_output() holds the picture's bytes and
// khabar_image_warnings() its warnings.
int khabar_image(const char* input, std::size_t input_size, const char* options, std::size_t options_size,
                 const char* size, const char* theme, const char* format, const char* accent,
                 const std::uint8_t* picture, std::size_t picture_size) {
  last_warnings().clear();
  return guarded([&] {
    khabar::Request request = khabar::request_from_json(std::string_view(options, options_size));
    khabar::ImageOptions image = image_options(size, theme, format, accent);
    khabar::Card card = card_of(std::string_view(input, input_size), request);
    return draw(card, image, picture, picture_size);
  });
}

// Draws a card already made, from its JSON (khabar_card's json output, analyze()'s object):
// no reading and no analysis (khabar::card_from_json). The rest as khabar_image. Statuses 0 and
// 1 (parse.invalid_json, parse.invalid_field, parse.unsupported_version, option.invalid ...);
// khabar_image_warnings() then holds the picture's warnings only.
int khabar_image_card(const char* card_json, std::size_t card_json_size, const char* size, const char* theme,
                      const char* format, const char* accent, const std::uint8_t* picture,
                      std::size_t picture_size) {
  last_warnings().clear();
  return guarded([&] {
    khabar::ImageOptions image = image_options(size, theme, format, accent);
    khabar::Card card = khabar::card_from_json(std::string_view(card_json, card_json_size));
    card.warnings.clear();  // the caller has them in its Card: only the picture's are new
    return draw(card, image, picture, picture_size);
  });
}

// The last picture's warnings, one a line: "code\tmessage\n" (the card's, then the picture's,
// e.g. image.picture_unreadable).
const char* khabar_image_warnings() {
  static std::string text;
  text.clear();
  for (const khabar::Warning& w : last_warnings()) text += w.code + '\t' + w.message + '\n';
  return text.c_str();
}
}
