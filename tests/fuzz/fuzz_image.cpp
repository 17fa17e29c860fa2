// The picture renderer on hostile cards: odd sizes, huge titles, control characters, bidi
// controls (unpaired isolates, overrides), invalid UTF-8, every script at once, and broken
// picture bytes. Invariants: only khabar::Error is thrown; a PNG is a whole PNG of the asked
// size; an SVG is a whole document; the same card draws the same bytes twice.
#include <fstream>
#include <sstream>

#include "fuzz_support.hpp"
#include "khabar/image.hpp"

using namespace khabar;

namespace {

std::string slurp(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream s;
  s << in.rdbuf();
  return s.str();
}

ImageRenderer& renderer() {
  static ImageRenderer r = [] {
    FontSet f;
    std::string* slots[] = {&f.latin.regular, &f.latin.bold, &f.arabic.regular, &f.arabic.bold,
                            &f.urdu.regular,  &f.urdu.bold,  &f.hebrew.regular, &f.hebrew.bold};
    for (std::size_t i = 0; i < std::size(slots); ++i)
      *slots[i] = slurp(std::string(KHABAR_FONT_DIR) + "/" + font_file_names[i]);
    return ImageRenderer(std::move(f));
  }();
  return r;
}

std::uint32_t be32(const std::string& s, std::size_t at) {
  return (static_cast<std::uint32_t>(static_cast<unsigned char>(s[at])) << 24) |
         (static_cast<std::uint32_t>(static_cast<unsigned char>(s[at + 1])) << 16) |
         (static_cast<std::uint32_t>(static_cast<unsigned char>(s[at + 2])) << 8) |
         static_cast<std::uint32_t>(static_cast<unsigned char>(s[at + 3]));
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  if (size < 4) return 0;
  // Byte 0: size; byte 1: theme, format, direction, language; byte 2: repeat count (huge titles);
  // the rest is split at the first 0xFF into the card's text and the picture's bytes.
  static constexpr int sides[] = {200, 201, 257, 333, 480, 631, 1080};
  ImageOptions o;
  o.width = sides[data[0] % 7];
  o.height = sides[(data[0] / 7) % 7];
  o.theme = data[1] & 1 ? ImageTheme::dark : ImageTheme::light;
  o.format = data[1] & 2 ? ImageFormat::svg : ImageFormat::png;
  if (data[1] & 4) o.accent = be32(std::string(reinterpret_cast<const char*>(data), 4), 0) & 0xFFFFFF;
  std::string_view rest = fuzz::as_view(data + 3, size - 3);
  std::string_view picture;
  if (auto cut = rest.find('\xFF'); cut != std::string_view::npos) {
    picture = rest.substr(cut + 1);
    rest = rest.substr(0, cut);
  }
  Card card;
  card.dir = data[1] & 8 ? Direction::rtl : Direction::ltr;
  card.ui_dir = data[1] & 16 ? Direction::rtl : Direction::ltr;
  card.lang = std::string(fuzz::language_from(data[1] >> 5));
  std::string text(rest);
  for (int i = 0; i < data[2] % 64; ++i) text += rest;  // up to 64 copies: a huge title
  card.title = text;
  card.source = std::string(rest.substr(0, 40));
  card.summary.text = text;
  card.reading_time.display = std::string(rest.substr(0, 20));
  card.figures.push_back({std::string(rest.substr(0, 30)), 1, std::string(rest.substr(0, 30))});
  ImageResult r;
  if (!fuzz::expect_error_only([&] { r = renderer().render(card, o, picture); })) return 0;
  if (o.format == ImageFormat::png) {
    fuzz::check(r.bytes.size() > 33 && r.bytes.compare(0, 8, "\x89PNG\r\n\x1a\n") == 0, "not a PNG");
    fuzz::check(be32(r.bytes, 16) == static_cast<std::uint32_t>(o.width) &&
                    be32(r.bytes, 20) == static_cast<std::uint32_t>(o.height),
                "PNG of another size");
    fuzz::check(r.bytes.compare(r.bytes.size() - 8, 4, "IEND") == 0, "PNG without its end");
  } else {
    fuzz::check(r.bytes.rfind("<svg ", 0) == 0 && r.bytes.size() > 7 &&
                    r.bytes.compare(r.bytes.size() - 7, 7, "</svg>\n") == 0,
                "not a whole SVG");
    fuzz::check_utf8(r.bytes, "SVG is not UTF-8");
  }
  if (size < 512) fuzz::check(renderer().render(card, o, picture).bytes == r.bytes, "not deterministic");
  return 0;
}
