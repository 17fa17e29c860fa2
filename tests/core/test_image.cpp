// The picture renderer: golden pictures (SHA-256 of the bytes; a few PNGs committed to look at),
// determinism, the picture's fallback, the options, and the text layout's rules (shaping, bidi
// order, line fitting, the ellipsis) checked on the glyphs themselves.
#include <doctest/doctest.h>
#include <unicode/unistr.h>

#include <algorithm>
#include <cstdlib>
#include <fstream>
#include <map>
#include <nlohmann/json.hpp>

#include "image/fonts.hpp"
#include "image/text_layout.hpp"
#include "image_support.hpp"
#include "khabar/format.hpp"
#include "sha256.hpp"

using namespace khabar;
using khabar::test::golden_card;
using khabar::test::noto_fonts;
using khabar::test::read_file;

namespace {

struct GoldenImage {
  const char* name;
  const char* input;
  const char* locale;
  const char* size;
  ImageTheme theme;
  ImageFormat format;
  const char* picture;  // under tests/golden/images/pictures, or ""
  bool committed;       // the PNG is kept in tests/golden/images/ to look at
};

// clang-format off
const GoldenImage golden_images[] = {
  {"seed-ar-MA-light", "examples/seed-article-ar.txt", "ar-MA", "og", ImageTheme::light, ImageFormat::png, "photo.jpg", true},
  {"seed-ar-MA-dark", "examples/seed-article-ar.txt", "ar-MA", "og", ImageTheme::dark, ImageFormat::png, "", true},
  {"seed-ar-MA-square", "examples/seed-article-ar.txt", "ar-MA", "square", ImageTheme::light, ImageFormat::png, "photo.png", false},
  {"seed-ar-MA-story-svg", "examples/seed-article-ar.txt", "ar-MA", "story", ImageTheme::light, ImageFormat::svg, "", false},
  {"fr", "tests/golden/images/articles/fr.json", "fr", "og", ImageTheme::light, ImageFormat::png, "photo.jpg", true},
  {"fr-long-title", "tests/golden/readers/udhr-fr-long-title.json", "fr", "og", ImageTheme::light, ImageFormat::png, "", false},
  {"en", "tests/golden/readers/khabar-en.json", "en", "og", ImageTheme::light, ImageFormat::png, "photo.webp", false},
  {"he", "tests/golden/readers/udhr-he.json", "he", "og", ImageTheme::light, ImageFormat::png, "", false},
  {"fa", "tests/golden/readers/udhr-fa.json", "fa", "og", ImageTheme::dark, ImageFormat::png, "", false},
  {"ur", "tests/golden/readers/udhr-ur.json", "ur", "og", ImageTheme::light, ImageFormat::png, "", false},
  {"mixed-ar", "tests/golden/images/articles/mixed-ar.json", "ar-MA", "og", ImageTheme::light, ImageFormat::png, "", true},
  {"long-title-ar", "tests/golden/images/articles/long-title-ar.json", "ar-MA", "story", ImageTheme::light, ImageFormat::png, "photo.jpg", false},
};
// clang-format on

ImageResult render_golden(const GoldenImage& g, ImageRenderer& renderer) {
  ImageOptions o;
  set_image_size(o, g.size);
  o.theme = g.theme;
  o.format = g.format;
  std::string picture = *g.picture ? read_file(std::string("tests/golden/images/pictures/") + g.picture) : "";
  return renderer.render(golden_card(g.input, g.locale), o, picture);
}

const std::string hashes_file = "tests/golden/images/hashes.json";

// The PNG's chunk types, in order.
std::vector<std::string> png_chunks(const std::string& png) {
  std::vector<std::string> out;
  for (std::size_t at = 8; at + 8 <= png.size();) {
    std::uint32_t n =
        (static_cast<unsigned char>(png[at]) << 24) | (static_cast<unsigned char>(png[at + 1]) << 16) |
        (static_cast<unsigned char>(png[at + 2]) << 8) | static_cast<unsigned char>(png[at + 3]);
    out.push_back(png.substr(at + 4, 4));
    at += 12 + n;
  }
  return out;
}

}  // namespace

TEST_CASE("the SHA-256 the golden pictures are named by is SHA-256") {
  CHECK(test::sha256("abc") == "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
  CHECK(test::sha256(std::string(1000, 'a')) ==
        "41edece42d63e8d9bf515a9ba6932e1c20cbc9f5a5d134645adb5db1b9737ea3");
}

// KHABAR_UPDATE_IMAGES=1 ctest -R golden.pictures rewrites hashes.json and the committed PNGs:
// look at them before committing.
TEST_CASE("golden pictures: the same bytes as recorded") {
  ImageRenderer renderer(noto_fonts());
  const bool update = std::getenv("KHABAR_UPDATE_IMAGES") != nullptr;
  nlohmann::json recorded = update ? nlohmann::json::object() : nlohmann::json::parse(read_file(hashes_file));
  for (const GoldenImage& g : golden_images) {
    CAPTURE(g.name);
    ImageResult r = render_golden(g, renderer);
    CHECK(r.warnings.empty());
    std::string hash = test::sha256(r.bytes);
    if (update) {
      recorded[g.name] = hash;
      if (g.committed) {
        std::ofstream(std::string(KHABAR_SOURCE_DIR) + "/tests/golden/images/" + g.name + ".png",
                      std::ios::binary)
            << r.bytes;
      }
    } else {
      CHECK(recorded.value(g.name, "") == hash);
    }
  }
  if (update) std::ofstream(std::string(KHABAR_SOURCE_DIR) + "/" + hashes_file) << recorded.dump(2) << "\n";
}

TEST_CASE("determinism: a fresh renderer and a warm one give the same bytes") {
  ImageRenderer warm(noto_fonts());
  for (const GoldenImage& g : golden_images) {
    CAPTURE(g.name);
    std::string first = render_golden(g, warm).bytes;
    std::string again = render_golden(g, warm).bytes;  // glyphs from the cache now
    ImageRenderer fresh(noto_fonts());
    CHECK(first == again);
    CHECK(first == render_golden(g, fresh).bytes);
  }
}

TEST_CASE("PNG: signature, size, no time or text chunk") {
  Card card = golden_card("examples/seed-article-ar.txt", "ar-MA");
  ImageOptions o;
  set_image_size(o, "321x200");
  ImageResult r = render_image(card, o, noto_fonts());
  CHECK(r.mime_type == "image/png");
  REQUIRE(r.bytes.size() > 33);
  CHECK(r.bytes.substr(0, 8) == std::string("\x89PNG\r\n\x1a\n", 8));
  auto chunks = png_chunks(r.bytes);
  CHECK(chunks.front() == "IHDR");
  CHECK(chunks.back() == "IEND");
  for (const auto& c : chunks) CHECK((c != "tIME" && c != "tEXt" && c != "zTXt" && c != "iTXt"));
  auto be32 = [&](std::size_t at) {
    return (static_cast<unsigned char>(r.bytes[at]) << 24) |
           (static_cast<unsigned char>(r.bytes[at + 1]) << 16) |
           (static_cast<unsigned char>(r.bytes[at + 2]) << 8) | static_cast<unsigned char>(r.bytes[at + 3]);
  };
  CHECK(be32(16) == 321);
  CHECK(be32(20) == 200);
}

TEST_CASE("SVG: glyphs as paths, no font needed, no text") {
  Card card = golden_card("examples/seed-article-ar.txt", "ar-MA");
  ImageOptions o;
  o.format = ImageFormat::svg;
  ImageResult r = render_image(card, o, noto_fonts(), read_file("tests/golden/images/pictures/photo.png"));
  CHECK(r.mime_type == "image/svg+xml");
  CHECK(r.bytes.rfind("<svg xmlns=\"http://www.w3.org/2000/svg\"", 0) == 0);
  CHECK(r.bytes.find("<path id=\"g0\" d=\"M") != std::string::npos);
  CHECK(r.bytes.find("<use xlink:href=\"#g") != std::string::npos);
  CHECK(r.bytes.find("data:image/png;base64,iVBORw0KGgo") != std::string::npos);
  CHECK(r.bytes.find("<text") == std::string::npos);
  CHECK(r.bytes.find("font-family") == std::string::npos);
}

TEST_CASE("a picture that cannot be read: the layout without it, and a warning") {
  Card card = golden_card("examples/seed-article-ar.txt", "ar-MA");
  ImageRenderer renderer(noto_fonts());
  ImageOptions o;
  std::string without = renderer.render(card, o).bytes;
  for (const char* bad : {"broken.jpg", "not-a-picture.jpg"}) {
    CAPTURE(bad);
    ImageResult r = renderer.render(card, o, read_file(std::string("tests/golden/images/pictures/") + bad));
    REQUIRE(r.warnings.size() == 1);
    CHECK(r.warnings[0].code == "image.picture_unreadable");
    CHECK(r.bytes == without);
  }
  // A PNG cut short, and one that claims to be huge.
  std::string png = read_file("tests/golden/images/pictures/photo.png");
  CHECK(renderer.render(card, o, png.substr(0, png.size() / 2)).warnings.size() == 1);
  std::string huge = png;
  huge[16] = 0x7f;  // IHDR width
  CHECK(renderer.render(card, o, huge).warnings.size() == 1);
  // Every readable format draws the picture (the bytes differ from the layout without it).
  for (const char* good : {"photo.jpg", "photo.png", "photo.webp"}) {
    CAPTURE(good);
    ImageResult r = renderer.render(card, o, read_file(std::string("tests/golden/images/pictures/") + good));
    CHECK(r.warnings.empty());
    CHECK(r.bytes != without);
  }
}

TEST_CASE("a character no font has: drawn as the missing-glyph box, and image.missing_glyph naming it") {
  // The golden pictures above have no such warning: every character they draw has a face.
  Card card = golden_card("examples/seed-article-ar.txt", "ar-MA");
  ImageRenderer renderer(noto_fonts());
  ImageOptions o;
  std::string plain = renderer.render(card, o).bytes;
  // Chinese and an emoji around an Arabic word: no Noto subset here has them.
  card.title = "\u4E2D\u6587 \u0627\u0644\u0625\u0646\u062A\u0631\u0628\u0648\u0644 \U0001F600 \u4E2D";
  for (ImageFormat format : {ImageFormat::png, ImageFormat::svg}) {
    o.format = format;
    ImageResult r = renderer.render(card, o);
    REQUIRE(r.warnings.size() == 1);
    CHECK(r.warnings[0].code == "image.missing_glyph");
    // Each once, in the order met.
    CHECK(r.warnings[0].message.find("U+4E2D, U+6587, U+1F600:") != std::string::npos);
  }
  o.format = ImageFormat::png;
  // A title of nothing else still draws; the card without them draws as before, with no warning.
  card.title = "\u4E2D";
  card.summary.text.clear();
  CHECK(renderer.render(card, o).warnings.at(0).code == "image.missing_glyph");
  ImageResult again = renderer.render(golden_card("examples/seed-article-ar.txt", "ar-MA"), o);
  CHECK(again.warnings.empty());
  CHECK(again.bytes == plain);
}

TEST_CASE("options: sizes, themes, formats, accent") {
  ImageOptions o;
  set_image_size(o, "square");
  CHECK((o.width == 1080 && o.height == 1080));
  set_image_size(o, "story");
  CHECK((o.width == 1080 && o.height == 1920));
  set_image_size(o, "800x418");
  CHECK((o.width == 800 && o.height == 418));
  for (const char* bad :
       {"", "x", "10x10", "800x", "x600", "800x600x2", "5000x600", "-800x600", "800X600", "big"}) {
    CAPTURE(bad);
    CHECK(test::error_code([&] { set_image_size(o, bad); }) == codes::invalid_option);
  }
  CHECK(parse_accent("#1e88e5") == 0x1e88e5);
  CHECK(parse_accent("B3261E") == 0xB3261E);
  for (const char* bad : {"", "#12345", "#1234567", "red", "#12345g"})
    CHECK(test::error_code([&] { parse_accent(bad); }) == codes::invalid_option);
  CHECK(test::error_code([] { image_format_from_string("jpeg"); }) == codes::invalid_option);
  ImageOptions named;
  set_image_option(named, "size", "story");
  set_image_option(named, "theme", "dark");
  set_image_option(named, "format", "svg");
  set_image_option(named, "accent", "#010203");
  CHECK((named.height == 1920 && named.theme == ImageTheme::dark && named.format == ImageFormat::svg &&
         named.accent == 0x010203u));
  CHECK(is_image_option("accent"));
  CHECK(!is_image_option("locale"));
  CHECK(test::error_code([&] { set_image_option(named, "dpi", "2"); }) == codes::invalid_option);
  CHECK(test::error_code([] { image_theme_from_string("sepia"); }) == codes::invalid_option);
  Card card = golden_card("examples/seed-article-ar.txt", "ar-MA");
  ImageOptions too_big;
  too_big.width = 100000;
  CHECK(test::error_code([&] { render_image(card, too_big, noto_fonts()); }) == codes::invalid_option);
  // The accent shows: another accent, other bytes.
  ImageOptions blue;
  blue.accent = 0x1e88e5;
  CHECK(render_image(card, blue, noto_fonts()).bytes != render_image(card, {}, noto_fonts()).bytes);
}

TEST_CASE("fonts: none, unreadable, and a publisher's own") {
  Card card = golden_card("examples/seed-article-ar.txt", "ar-MA");
  CHECK(test::error_code([&] { render_image(card, {}, FontSet{}); }) == codes::font_missing);
  FontSet bad;
  bad.latin.regular = "not a font at all";
  CHECK(test::error_code([&] { render_image(card, {}, bad); }) == codes::font_invalid);
  // A custom face first: Noto Sans as the "publisher's" font takes the digits and punctuation
  // from the Arabic face, so the picture differs.
  FontSet custom = noto_fonts();
  custom.custom.regular = custom.latin.regular;
  CHECK(render_image(card, {}, custom).bytes != render_image(card, {}, noto_fonts()).bytes);
}

// The layout's rules, on the glyphs.
namespace {

const detail::Fonts& fonts() {
  static const detail::Fonts f(noto_fonts());
  return f;
}

// The logical (UTF-16) index of each glyph of a line, left to right.
std::vector<int> clusters(const detail::TextLine& line) {
  std::vector<int> out;
  for (const auto& g : line.glyphs) out.push_back(g.cluster);
  return out;
}

}  // namespace

TEST_CASE("layout: Arabic is shaped (joined forms), one word's glyphs right to left") {
  // "بببب": the isolated, initial, medial and final forms are different glyphs; drawn one by
  // one they would be the same four.
  auto b = detail::layout_text(fonts(), "بببب", Direction::rtl, "ar", {40, false}, 1000, 1);
  REQUIRE(b.lines.size() == 1);
  const auto& g = b.lines[0].glyphs;
  REQUIRE(g.size() == 4);
  CHECK(g[0].glyph != g[1].glyph);  // final (leftmost) vs medial
  CHECK(g[2].glyph != g[3].glyph);  // medial vs initial (rightmost)
  CHECK(clusters(b.lines[0]) == std::vector<int>{3, 2, 1, 0});
  auto alone = detail::layout_text(fonts(), "ب", Direction::rtl, "ar", {40, false}, 1000, 1);
  CHECK(alone.lines[0].glyphs[0].glyph != g[3].glyph);  // isolated vs initial
}

TEST_CASE("layout: a right-to-left run set in several faces keeps its order") {
  // Noto Naskh Arabic has no "(": the brackets come from Noto Sans, so this right-to-left run
  // is shaped in five pieces, placed right to left (and the brackets mirrored by HarfBuzz).
  auto b = detail::layout_text(fonts(), "ب (ب) ب", Direction::rtl, "ar", {40, false}, 2000, 1);
  REQUIRE(b.lines.size() == 1);
  CHECK(clusters(b.lines[0]) == std::vector<int>{6, 5, 4, 3, 2, 1, 0});
  CHECK(b.lines[0].glyphs[2].face != b.lines[0].glyphs[3].face);
}

TEST_CASE("layout: numbers and Latin names inside Arabic keep their order (isolated as in the HTML card)") {
  // "ب ⁨3-1⁩ ب ⁨Real Madrid⁩ ب": logically ب(0) sp(1) FSI(2) 3(3) -(4) 1(5) PDI(6) sp(7) ...
  std::string text = isolate_runs("ب 3-1 ب Real Madrid ب", Direction::rtl);
  auto b = detail::layout_text(fonts(), text, Direction::rtl, "ar", {40, false}, 2000, 1);
  REQUIRE(b.lines.size() == 1);
  auto c = clusters(b.lines[0]);
  auto pos = [&](char16_t ch) {
    auto at = b.text.find(ch);
    REQUIRE(at != std::u16string::npos);
    return std::find(c.begin(), c.end(), static_cast<int>(at)) - c.begin();
  };
  // Left to right: "Real Madrid" before "3-1" (the runs in right-to-left order), each read left to right.
  CHECK(pos(u'R') < pos(u'M'));
  CHECK(pos(u'3') < pos(u'-'));
  CHECK(pos(u'-') < pos(u'1'));
  CHECK(pos(u'M') < pos(u'3'));
  // The first Arabic letter is the rightmost glyph.
  CHECK(c.back() == 0);
  // Without the isolates, UAX #9 would make "3-1" read "1-3" after an Arabic letter (W2: AN);
  // the isolates are what keep it: a check that the test sees the difference.
  auto raw = detail::layout_text(fonts(), "ب 3-1 ب", Direction::rtl, "ar", {40, false}, 2000, 1);
  auto rc = clusters(raw.lines[0]);
  CHECK(std::find(rc.begin(), rc.end(), 2) > std::find(rc.begin(), rc.end(), 4));
  // The bidi controls draw nothing.
  for (int k : c)
    CHECK((b.text[static_cast<std::size_t>(k)] != u'\u2068' &&
           b.text[static_cast<std::size_t>(k)] != u'\u2069'));
}

TEST_CASE("layout: lines fit their width; too many lines end in an ellipsis after a whole word") {
  const std::string title = golden_card("tests/golden/images/articles/long-title-ar.json", "ar-MA").title;
  for (int width : {300, 600, 1000}) {
    CAPTURE(width);
    auto b = detail::layout_text(fonts(), title, Direction::rtl, "ar", {40, true}, width, 3);
    REQUIRE(b.lines.size() == 3);
    CHECK(b.clamped);
    for (const auto& line : b.lines) CHECK(line.width <= width * 64);
    // The ellipsis is the last character laid out, drawn at the line's left end (RTL)...
    REQUIRE(!b.text.empty());
    CHECK(b.text.back() == u'\u2026');
    CHECK(b.lines.back().glyphs.front().cluster == static_cast<int>(b.text.size()) - 1);
    // ... after a whole word of the title: what precedes it is a prefix of the title ending at a space.
    std::u16string kept = b.text.substr(0, b.text.size() - 1);
    icu::UnicodeString full = icu::UnicodeString::fromUTF8(title);
    std::u16string whole(reinterpret_cast<const char16_t*>(full.getBuffer()),
                         static_cast<std::size_t>(full.length()));
    CHECK(whole.rfind(kept, 0) == 0);
    CHECK(whole[kept.size()] == u' ');
  }
  // Room for all of it: no ellipsis.
  auto all = detail::layout_text(fonts(), title, Direction::rtl, "ar", {20, true}, 4000, 10);
  CHECK(!all.clamped);
  CHECK(all.text.back() != u'\u2026');
}

TEST_CASE("layout: a word wider than the line breaks between letters; controls and empty text") {
  auto b = detail::layout_text(fonts(), "Supercalifragilisticexpialidocious", Direction::ltr, "en",
                               {40, false}, 200, 10);
  CHECK(b.lines.size() > 1);
  for (const auto& line : b.lines) CHECK(line.width <= 200 * 64);
  CHECK(detail::layout_text(fonts(), "", Direction::ltr, "en", {40, false}, 200, 3).lines.empty());
  auto ctl =
      detail::layout_text(fonts(), "a\x01\nb\u202Ec\u2067d", Direction::ltr, "en", {40, false}, 400, 3);
  CHECK(ctl.lines.size() == 1);
}
