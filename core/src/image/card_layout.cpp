#include "image/card_layout.hpp"

#include <algorithm>

#include "image/text_layout.hpp"
#include "khabar/format.hpp"

namespace khabar::detail {
namespace {

Colour rgb(std::uint32_t v) {
  return {static_cast<std::uint8_t>(v >> 16), static_cast<std::uint8_t>(v >> 8),
          static_cast<std::uint8_t>(v)};
}

// `a` over `b` at `percent` %.
Colour mix(Colour a, Colour b, int percent) {
  auto m = [&](std::uint8_t x, std::uint8_t y) {
    return static_cast<std::uint8_t>((x * percent + y * (100 - percent) + 50) / 100);
  };
  return {m(a.r, b.r), m(a.g, b.g), m(a.b, b.b)};
}

struct Theme {
  Colour background, text, muted, accent, chip, chip_text;
};

Theme theme_of(const ImageOptions& o) {
  Theme t;
  if (o.theme == ImageTheme::dark) {
    t.background = rgb(0x121417);
    t.text = rgb(0xF2F3F5);
    t.muted = rgb(0xA3A9B5);
    t.accent = rgb(o.accent.value_or(0xF28B82));
    t.chip = mix(t.accent, t.background, 22);
  } else {
    t.background = rgb(0xFFFFFF);
    t.text = rgb(0x15181D);
    t.muted = rgb(0x545B67);
    t.accent = rgb(o.accent.value_or(0xB3261E));
    t.chip = mix(t.accent, t.background, 12);
  }
  t.chip_text = t.text;
  return t;
}

std::string isolate(std::string_view s) { return "\u2068" + std::string(s) + "\u2069"; }

struct Placer {
  Scene& scene;
  const Fonts& fonts;
  bool rtl;    // the card's layout direction: text hangs from the right edge
  int x0, x1;  // the text column
  int k;       // scale, thousandths
  bool tall;   // Nastaliq (Urdu) needs taller lines
  int px(int v) const { return std::max(1, v * k / 1000); }
  int line_height(int size, int percent) const { return size * (tall ? percent + 60 : percent) / 100; }

  // Adds a laid-out block's glyphs with its top at `top`; returns the height used.
  int place(const TextBlock& block, int size, int lh, int top, Colour colour, int left, int right) {
    int y = top;
    for (const TextLine& line : block.lines) {
      const std::int32_t origin = rtl ? right * 64 - line.width : left * 64;
      const std::int32_t baseline = (y + lh / 2) * 64 + size * 64 * 32 / 100;
      for (const PlacedGlyph& g : line.glyphs)
        scene.glyphs.push_back({g.face, g.glyph, size, origin + g.x, baseline - g.y, colour});
      y += lh;
    }
    scene.missing.insert(scene.missing.end(), block.missing.begin(), block.missing.end());
    return y - top;
  }
};

}  // namespace

Scene layout_card(const Card& card, const ImageOptions& o, const Fonts& fonts, bool with_picture) {
  const Theme theme = theme_of(o);
  Scene scene;
  scene.width = o.width;
  scene.height = o.height;
  scene.background = theme.background;
  const int w = o.width, h = o.height;
  const bool rtl = card.dir == Direction::rtl;
  const bool landscape = w * 10 >= h * 14;
  const int k = std::max(200, landscape ? std::min(w * 1000 / 1200, h * 1000 / 630) : w * 1000 / 1080);
  const std::string lang = card.lang.empty() ? "en" : card.lang;
  const std::string ui_lang = card.ui_lang.empty() ? lang : card.ui_lang;

  // The picture: the end side of a wide card, the top of a square or tall one.
  int rx0 = 0, rx1 = w, ry0 = 0;
  if (with_picture) {
    if (landscape) {
      const int pw = w * 40 / 100;
      scene.picture = SceneRect{rtl ? 0 : w - pw, 0, pw, h, 0, {}};
      (rtl ? rx0 : rx1) = rtl ? pw : w - pw;
    } else {
      const int ph = h * (h > w * 13 / 10 ? 40 : 42) / 100;
      scene.picture = SceneRect{0, 0, w, ph, 0, {}};
      ry0 = ph;
    }
  }
  Placer p{scene, fonts, rtl, 0, 0, k, lang == "ur"};
  // The accent bar on the start edge of the text's region.
  const int bar = p.px(10);
  scene.rects.push_back({rtl ? rx1 - bar : rx0, ry0, bar, h - ry0, 0, theme.accent});
  const int pad = p.px(60);
  p.x0 = rx0 + pad + (rtl ? 0 : bar);
  p.x1 = rx1 - pad - (rtl ? bar : 0);
  const int width = p.x1 - p.x0;
  int y = ry0 + p.px(landscape ? 52 : 56);
  int bottom = h - p.px(landscape ? 48 : 64);
  if (width < 16 || bottom - y < 16) return scene;

  // Figure chips first: they reserve the bottom row.
  const int chip_size = p.px(24), chip_h = p.line_height(chip_size, 200), chip_pad = p.px(20),
            chip_gap = p.px(12);
  if (!card.figures.empty()) {
    int used = 0, row_top = bottom - chip_h;
    std::vector<std::pair<TextBlock, int>> chips;
    for (const Figure& f : card.figures) {
      TextBlock b = layout_text(fonts, isolate_runs(f.display.empty() ? f.text : f.display, card.dir),
                                card.dir, lang, {chip_size, true}, width - 2 * chip_pad, 1);
      if (b.lines.empty() || b.clamped) continue;
      int cw = static_cast<int>((b.lines[0].width + 63) / 64) + 2 * chip_pad;
      if (used + cw > width) break;
      int left = rtl ? p.x1 - used - cw : p.x0 + used;
      scene.rects.push_back({left, row_top, cw, chip_h, chip_h / 2, theme.chip});
      Placer chip = p;
      chip.place(b, chip_size, chip_h, row_top, theme.chip_text, left + chip_pad, left + cw - chip_pad);
      used += cw + chip_gap;
    }
    if (used > 0) bottom = row_top - p.px(24);
  }

  if (!card.source.empty()) {
    const int size = p.px(26), lh = p.line_height(size, 150);
    TextBlock b = layout_text(fonts, card.source, card.dir, lang, {size, true}, width, 1);
    y += p.place(b, size, lh, y, theme.accent, p.x0, p.x1) + p.px(14);
  }

  // The title: the largest size that holds it in its lines, else the smallest, clamped.
  if (!card.title.empty()) {
    const int base = landscape ? 56 : (h > w * 13 / 10 ? 72 : 62);
    const int max_lines = landscape ? 3 : (h > w * 13 / 10 ? 6 : 4);
    const std::string title = isolate_runs(card.title, card.dir);
    TextBlock b;
    int size = 0, lh = 0;
    for (int step : {100, 88, 76}) {
      size = p.px(base * step / 100);
      lh = p.line_height(size, 128);
      int lines = std::min(max_lines, std::max(1, (bottom - y) / lh));
      b = layout_text(fonts, title, card.dir, lang, {size, true}, width, lines);
      if (!b.clamped) break;
    }
    y += p.place(b, size, lh, y, theme.text, p.x0, p.x1) + p.px(18);
  }

  std::string meta;
  if (card.published) meta += isolate(card.published->display);
  if (!card.reading_time.display.empty())
    meta += (meta.empty() ? "" : " · ") + isolate(card.reading_time.display);
  if (!meta.empty()) {
    const int size = p.px(24), lh = p.line_height(size, 150);
    if (y + lh <= bottom) {
      TextBlock b = layout_text(fonts, meta, card.ui_dir, ui_lang, {size, false}, width, 1);
      y += p.place(b, size, lh, y, theme.muted, p.x0, p.x1) + p.px(16);
    }
  }

  if (!card.summary.text.empty()) {
    const int size = p.px(landscape ? 27 : 32), lh = p.line_height(size, 150);
    const int lines = (bottom - y) / lh;
    if (lines > 0) {
      TextBlock b = layout_text(fonts, isolate_runs(card.summary.text, card.dir), card.dir, lang,
                                {size, false}, width, lines);
      p.place(b, size, lh, y, theme.muted, p.x0, p.x1);
    }
  }
  return scene;
}

}  // namespace khabar::detail
