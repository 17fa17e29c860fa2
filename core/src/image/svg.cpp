#include "image/svg.hpp"

#include <ft2build.h>
#include FT_FREETYPE_H
#include FT_OUTLINE_H

#include <charconv>
#include <map>
#include <tuple>

namespace khabar::detail {
namespace {

// A 26.6 value as decimal pixels: exact (k/64 has at most six decimals) and locale-free. The
// text std::to_chars(double) gives (the shortest of the fixed and the exponent forms, fixed
// on a tie), written with integers: Emscripten 3.1.6's libc++ has no floating-point to_chars.
void number(std::string& out, long long v26) {
  const bool negative = v26 < 0;
  const unsigned long long a =
      negative ? 0ULL - static_cast<unsigned long long>(v26) : static_cast<unsigned long long>(v26);
  std::string digits = std::to_string(a / 64);                                // the integer part
  std::string fraction = std::to_string(a % 64 * 15625 + 1000000).substr(1);  // six digits
  while (!fraction.empty() && fraction.back() == '0') fraction.pop_back();
  std::string fixed = (negative ? "-" : "") + digits + (fraction.empty() ? "" : "." + fraction);
  // The exponent form: the significant digits d.ddd and e±XX.
  std::string all = digits == "0" ? fraction : digits + fraction;
  int exponent = digits == "0" ? -1 : static_cast<int>(digits.size()) - 1;
  std::size_t lead = 0;
  while (lead + 1 < all.size() && all[lead] == '0') ++lead, --exponent;
  std::string significant = all.substr(lead);
  while (significant.size() > 1 && significant.back() == '0') significant.pop_back();
  if (a == 0) {
    out += "0";
    return;
  }
  std::string e = std::to_string(exponent < 0 ? -exponent : exponent);
  std::string scientific = (negative ? "-" : "") + significant.substr(0, 1) +
                           (significant.size() > 1 ? "." + significant.substr(1) : "") + "e" +
                           (exponent < 0 ? "-" : "+") + (e.size() < 2 ? "0" : "") + e;
  out += scientific.size() < fixed.size() ? scientific : fixed;
}

void integer(std::string& out, long long v) {
  char buf[24];
  auto r = std::to_chars(buf, buf + sizeof buf, v);
  out.append(buf, r.ptr);
}

std::string hex(Colour c) {
  static const char* digits = "0123456789abcdef";
  std::string s = "#";
  for (std::uint8_t v : {c.r, c.g, c.b}) {
    s += digits[v >> 4];
    s += digits[v & 15];
  }
  return s;
}

struct PathWriter {
  std::string d;
  void point(const FT_Vector* v) {
    number(d, v->x);
    d += ' ';
    number(d, -v->y);  // SVG's y grows downwards
  }
  static int move(const FT_Vector* to, void* self) {
    auto* w = static_cast<PathWriter*>(self);
    w->d += 'M';
    w->point(to);
    return 0;
  }
  static int line(const FT_Vector* to, void* self) {
    auto* w = static_cast<PathWriter*>(self);
    w->d += 'L';
    w->point(to);
    return 0;
  }
  static int conic(const FT_Vector* c, const FT_Vector* to, void* self) {
    auto* w = static_cast<PathWriter*>(self);
    w->d += 'Q';
    w->point(c);
    w->d += ' ';
    w->point(to);
    return 0;
  }
  static int cubic(const FT_Vector* c1, const FT_Vector* c2, const FT_Vector* to, void* self) {
    auto* w = static_cast<PathWriter*>(self);
    w->d += 'C';
    w->point(c1);
    w->d += ' ';
    w->point(c2);
    w->d += ' ';
    w->point(to);
    return 0;
  }
};

std::string glyph_path(const Face& face, std::uint32_t glyph, int size) {
  FT_Face ft = face.ft;
  if (FT_Set_Char_Size(ft, 0, static_cast<FT_F26Dot6>(size) * 64, 72, 72) != 0) return {};
  if (FT_Load_Glyph(ft, glyph, FT_LOAD_NO_HINTING | FT_LOAD_NO_BITMAP) != 0 ||
      ft->glyph->format != FT_GLYPH_FORMAT_OUTLINE)
    return {};
  FT_Outline_Funcs funcs{PathWriter::move, PathWriter::line, PathWriter::conic, PathWriter::cubic, 0, 0};
  PathWriter w;
  FT_Outline_Decompose(&ft->glyph->outline, &funcs, &w);
  if (!w.d.empty()) w.d += 'Z';
  return w.d;
}

const char* base64_digits = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";

void base64(std::string& out, std::string_view in) {
  std::size_t i = 0;
  for (; i + 2 < in.size(); i += 3) {
    unsigned v = (static_cast<unsigned char>(in[i]) << 16) | (static_cast<unsigned char>(in[i + 1]) << 8) |
                 static_cast<unsigned char>(in[i + 2]);
    for (int s = 18; s >= 0; s -= 6) out += base64_digits[(v >> s) & 63];
  }
  if (i < in.size()) {
    unsigned v = static_cast<unsigned char>(in[i]) << 16;
    if (i + 1 < in.size()) v |= static_cast<unsigned char>(in[i + 1]) << 8;
    out += base64_digits[(v >> 18) & 63];
    out += base64_digits[(v >> 12) & 63];
    out += i + 1 < in.size() ? base64_digits[(v >> 6) & 63] : '=';
    out += '=';
  }
}

// ` name="value"`, an attribute with a whole number.
void attribute(std::string& out, std::string_view name, long long value) {
  out += ' ';
  out += name;
  out += "=\"";
  integer(out, value);
  out += '"';
}

// `<rect` or `<image` with its box: x="…" y="…" width="…" height="…".
void element_box(std::string& out, std::string_view element, const SceneRect& r) {
  out += element;
  attribute(out, "x", r.x);
  attribute(out, "y", r.y);
  attribute(out, "width", r.w);
  attribute(out, "height", r.h);
}

void rect(std::string& out, const SceneRect& r) {
  element_box(out, "<rect", r);
  if (r.radius > 0) attribute(out, "rx", r.radius);
  out += " fill=\"" + hex(r.colour) + "\"/>\n";
}

}  // namespace

std::string write_svg(const Scene& scene, std::string_view picture, std::string_view picture_type) {
  std::string out = "<svg xmlns=\"http://www.w3.org/2000/svg\" xmlns:xlink=\"http://www.w3.org/1999/xlink\"";
  attribute(out, "width", scene.width);
  attribute(out, "height", scene.height);
  out += " viewBox=\"0 0 ";
  integer(out, scene.width);
  out += ' ';
  integer(out, scene.height);
  out += "\">\n";
  // Each glyph's outline once, in the order first used (ids are that order: stable).
  std::map<std::tuple<int, std::uint32_t, int>, int> ids;
  std::string defs;
  for (const SceneGlyph& g : scene.glyphs) {
    auto key = std::make_tuple(g.face->id, g.glyph, g.size);
    if (ids.count(key)) continue;
    int id = static_cast<int>(ids.size());
    ids[key] = id;
    std::string d = glyph_path(*g.face, g.glyph, g.size);
    defs += "<path id=\"g";
    integer(defs, id);
    defs += "\" d=\"" + d + "\"/>\n";
  }
  if (!defs.empty()) out += "<defs>\n" + defs + "</defs>\n";
  rect(out, {0, 0, scene.width, scene.height, 0, scene.background});
  if (scene.picture && !picture.empty()) {
    element_box(out, "<image", *scene.picture);
    out += " preserveAspectRatio=\"xMidYMid slice\" xlink:href=\"data:";
    out += picture_type;
    out += ";base64,";
    base64(out, picture);
    out += "\"/>\n";
  }
  for (const SceneRect& r : scene.rects) rect(out, r);
  for (const SceneGlyph& g : scene.glyphs) {
    out += "<use xlink:href=\"#g";
    integer(out, ids[std::make_tuple(g.face->id, g.glyph, g.size)]);
    out += "\" x=\"";
    number(out, g.x);
    out += "\" y=\"";
    number(out, g.y);
    out += "\" fill=\"" + hex(g.colour) + "\"/>\n";
  }
  out += "</svg>\n";
  return out;
}

}  // namespace khabar::detail
