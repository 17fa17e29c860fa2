#include "image/text_layout.hpp"

#include <hb.h>
#include <unicode/ubidi.h>
#include <unicode/ubrk.h>
#include <unicode/uchar.h>
#include <unicode/uscript.h>
#include <unicode/utf16.h>

#include <algorithm>
#include <memory>
#include <string>

#include "text/utf8.hpp"

namespace khabar::detail {
namespace {

struct Glyph {
  const Face* face;
  std::uint32_t id;
  int cluster;  // UTF-16 index of the cluster's first unit
  std::int32_t advance, dx, dy;
};

// A run of one bidi level, script and face, shaped; glyphs in HarfBuzz's (visual) order.
struct Run {
  int start = 0, end = 0;
  std::vector<Glyph> glyphs;
};

struct BidiCloser {
  void operator()(UBiDi* b) const { ubidi_close(b); }
};
struct BreakCloser {
  void operator()(UBreakIterator* b) const { ubrk_close(b); }
};
using BidiPtr = std::unique_ptr<UBiDi, BidiCloser>;
using BreakPtr = std::unique_ptr<UBreakIterator, BreakCloser>;

struct Para {
  std::u16string text;
  BidiPtr bidi;
  std::vector<Run> runs;              // in logical order
  std::vector<std::int64_t> advance;  // prefix sums: advance[i] = width of [0, i), 26.6
  std::vector<char32_t> missing;      // characters no face has, in order
  std::int64_t width(int a, int b) const {
    return advance[static_cast<std::size_t>(b)] - advance[static_cast<std::size_t>(a)];
  }
};

// Line feeds and other controls become spaces (a card field is one paragraph); the bidi
// controls (isolates around foreign runs) and joiners stay.
std::u16string prepare(std::string_view utf8, std::size_t max_units, bool& truncated) {
  std::u16string out;
  out.reserve(std::min(utf8.size(), max_units));
  truncated = false;
  for (std::size_t i = 0; i < utf8.size();) {
    UChar32 c = char_after(utf8, i);
    if (c < 0) break;
    // Cc only: u_iscntrl would take the format characters (the isolates) too.
    if (u_charType(c) == U_CONTROL_CHAR || c == 0x2028 || c == 0x2029) c = ' ';
    if (out.size() + 2 > max_units) {
      truncated = true;
      break;
    }
    if (c > 0xFFFF) {
      out.push_back(static_cast<char16_t>(U16_LEAD(c)));
      out.push_back(static_cast<char16_t>(U16_TRAIL(c)));
    } else {
      out.push_back(static_cast<char16_t>(c));
    }
  }
  return out;
}

bool is_space(char16_t c) { return c == ' ' || c == 0xA0 || c == 0x3000 || (c >= 0x2000 && c <= 0x200A); }

FontScript font_script(UScriptCode sc, std::string_view lang) {
  if (sc == USCRIPT_ARABIC) return lang == "ur" ? FontScript::urdu : FontScript::arabic;
  if (sc == USCRIPT_HEBREW) return FontScript::hebrew;
  return FontScript::latin;
}

void shape(Para& p, const Fonts& fonts, Direction base, std::string_view lang, const TextStyle& style) {
  const int n = static_cast<int>(p.text.size());
  UErrorCode err = U_ZERO_ERROR;
  p.bidi.reset(ubidi_openSized(n, 0, &err));
  ubidi_setPara(p.bidi.get(), reinterpret_cast<const UChar*>(p.text.data()), n,
                base == Direction::rtl ? 1 : 0, nullptr, &err);
  if (U_FAILURE(err)) throw std::runtime_error("ubidi_setPara failed");
  const UBiDiLevel* levels = ubidi_getLevels(p.bidi.get(), &err);
  if (U_FAILURE(err)) throw std::runtime_error("ubidi_getLevels failed");

  // Script per unit: Common and Inherited characters (digits, spaces, punctuation, marks) take
  // the script before them, or at the start the first one after.
  std::vector<UScriptCode> script(static_cast<std::size_t>(n), USCRIPT_INVALID_CODE);
  std::vector<int> face(static_cast<std::size_t>(n), -1);
  for (int i = 0; i < n;) {
    int at = i;
    UChar32 c;
    U16_NEXT(p.text.data(), i, n, c);
    UScriptCode sc = uscript_getScript(c, &err);
    if (sc == USCRIPT_COMMON || sc == USCRIPT_INHERITED || sc == USCRIPT_UNKNOWN) sc = USCRIPT_INVALID_CODE;
    for (int k = at; k < i; ++k) script[static_cast<std::size_t>(k)] = sc;
  }
  UScriptCode last = USCRIPT_INVALID_CODE;
  for (auto& s : script) (s == USCRIPT_INVALID_CODE ? s = last : last = s);
  last = USCRIPT_LATIN;
  for (auto it = script.rbegin(); it != script.rend(); ++it)
    (*it == USCRIPT_INVALID_CODE ? * it = last : last = *it);

  // Face per unit: the first in the script's chain that has the character. Spaces, marks and
  // invisible controls stay with the face around them (they must not split a run).
  for (int i = 0; i < n;) {
    int at = i;
    UChar32 c;
    U16_NEXT(p.text.data(), i, n, c);
    bool follows = is_space(static_cast<char16_t>(c < 0x10000 ? c : 0)) ||
                   u_getIntPropertyValue(c, UCHAR_GENERAL_CATEGORY) == U_NON_SPACING_MARK ||
                   u_hasBinaryProperty(c, UCHAR_DEFAULT_IGNORABLE_CODE_POINT);
    if (follows) continue;
    const auto& chain = fonts.chain(font_script(script[static_cast<std::size_t>(at)], lang), style.bold);
    const Face* chosen = nullptr;
    for (const Face* f : chain)
      if (f->has(static_cast<char32_t>(c))) {
        chosen = f;
        break;
      }
    if (!chosen) {
      chosen = chain.front();  // its .notdef glyph
      p.missing.push_back(static_cast<char32_t>(c));
    }
    for (int k = at; k < i; ++k) face[static_cast<std::size_t>(k)] = chosen->id;
  }
  int prev = -1;
  for (auto& f : face) (f < 0 ? f = prev : prev = f);
  prev =
      fonts.chain(font_script(script.empty() ? USCRIPT_LATIN : script.back(), lang), style.bold).front()->id;
  for (auto it = face.rbegin(); it != face.rend(); ++it) (*it < 0 ? * it = prev : prev = *it);

  hb_buffer_t* buf = hb_buffer_create();
  hb_language_t language = hb_language_from_string(lang.data(), static_cast<int>(lang.size()));
  p.advance.assign(static_cast<std::size_t>(n) + 1, 0);
  std::vector<std::int64_t> unit_advance(static_cast<std::size_t>(n), 0);
  for (int start = 0; start < n;) {
    auto same = [&](int k) {
      auto a = static_cast<std::size_t>(start), b = static_cast<std::size_t>(k);
      return levels[a] == levels[b] && script[a] == script[b] && face[a] == face[b];
    };
    int end = start + 1;
    while (end < n && same(end)) ++end;
    Run run{start, end, {}};
    const Face& f = fonts.face(face[static_cast<std::size_t>(start)]);
    hb_buffer_clear_contents(buf);
    hb_buffer_add_utf16(buf, reinterpret_cast<const std::uint16_t*>(p.text.data()), n,
                        static_cast<unsigned>(start), end - start);
    hb_buffer_set_direction(
        buf, (levels[static_cast<std::size_t>(start)] & 1) ? HB_DIRECTION_RTL : HB_DIRECTION_LTR);
    hb_buffer_set_script(
        buf, hb_script_from_string(uscript_getShortName(script[static_cast<std::size_t>(start)]), -1));
    hb_buffer_set_language(buf, language);
    hb_font_set_scale(f.hb_font, style.size * 64, style.size * 64);
    hb_shape(f.hb_font, buf, nullptr, 0);
    unsigned count = 0;
    const hb_glyph_info_t* info = hb_buffer_get_glyph_infos(buf, &count);
    const hb_glyph_position_t* pos = hb_buffer_get_glyph_positions(buf, &count);
    run.glyphs.reserve(count);
    for (unsigned g = 0; g < count; ++g) {
      int cluster = static_cast<int>(info[g].cluster);
      // Bidi controls (the isolates around foreign runs) did their work in ICU's levels; a
      // font that maps them to a spacing glyph must not draw them.
      UChar32 c;
      U16_GET(p.text.data(), 0, cluster, n, c);
      if (u_hasBinaryProperty(c, UCHAR_BIDI_CONTROL)) continue;
      run.glyphs.push_back(
          {&f, info[g].codepoint, cluster, pos[g].x_advance, pos[g].x_offset, pos[g].y_offset});
      unit_advance[static_cast<std::size_t>(cluster)] += pos[g].x_advance;
    }
    p.runs.push_back(std::move(run));
    start = end;
  }
  hb_buffer_destroy(buf);
  for (std::size_t i = 0; i < unit_advance.size(); ++i) p.advance[i + 1] = p.advance[i] + unit_advance[i];
}

int trim_end(const Para& p, int start, int end) {
  while (end > start && is_space(p.text[static_cast<std::size_t>(end - 1)])) --end;
  return end;
}

// Greedy breaking at ICU's line-break opportunities; a word wider than the line is broken
// between grapheme clusters. Stops once `stop_after` lines are found.
std::vector<std::pair<int, int>> break_lines(const Para& p, const std::string& locale, std::int64_t max_width,
                                             std::size_t stop_after) {
  std::vector<std::pair<int, int>> lines;
  const int n = static_cast<int>(p.text.size());
  UErrorCode err = U_ZERO_ERROR;
  BreakPtr words(
      ubrk_open(UBRK_LINE, locale.c_str(), reinterpret_cast<const UChar*>(p.text.data()), n, &err));
  if (U_FAILURE(err)) throw std::runtime_error("ubrk_open failed");
  BreakPtr chars;
  for (int start = 0; start < n && lines.size() < stop_after;) {
    int fit = -1;
    for (int b = ubrk_following(words.get(), start); b != UBRK_DONE; b = ubrk_next(words.get())) {
      if (p.width(start, trim_end(p, start, b)) > max_width) break;
      fit = b;
      if (ubrk_getRuleStatus(words.get()) >= UBRK_LINE_HARD) break;
    }
    if (fit < 0) {
      if (!chars) {
        chars.reset(ubrk_open(UBRK_CHARACTER, locale.c_str(), reinterpret_cast<const UChar*>(p.text.data()),
                              n, &err));
        if (U_FAILURE(err)) throw std::runtime_error("ubrk_open failed");
      }
      fit = ubrk_following(chars.get(), start);
      for (int b = ubrk_next(chars.get()); b != UBRK_DONE && p.width(start, b) <= max_width;
           b = ubrk_next(chars.get()))
        fit = b;
      if (fit == UBRK_DONE) fit = n;
    }
    lines.emplace_back(start, fit);
    start = fit;
  }
  return lines;
}

// The line's glyphs left to right: ICU's visual runs of the line (UAX #9 L1-L2), each filled
// with the shaped runs it holds, in logical order for a left-to-right run, reversed otherwise.
TextLine visual_line(const Para& p, int start, int end) {
  TextLine line;
  end = trim_end(p, start, end);
  if (end <= start) return line;
  UErrorCode err = U_ZERO_ERROR;
  BidiPtr bidi(ubidi_openSized(end - start, 0, &err));
  ubidi_setLine(p.bidi.get(), start, end, bidi.get(), &err);
  int runs = ubidi_countRuns(bidi.get(), &err);
  if (U_FAILURE(err)) throw std::runtime_error("ubidi_setLine failed");
  std::int32_t x = 0;
  for (int i = 0; i < runs; ++i) {
    std::int32_t logical = 0, length = 0;
    UBiDiDirection dir = ubidi_getVisualRun(bidi.get(), i, &logical, &length);
    int a = start + logical, b = a + length;
    auto emit = [&](const Run& r) {
      if (r.end <= a || r.start >= b) return;
      for (const Glyph& g : r.glyphs)
        if (g.cluster >= a && g.cluster < b) {
          line.glyphs.push_back({g.face, g.id, x + g.dx, g.dy, g.cluster});
          x += g.advance;
        }
    };
    if (dir == UBIDI_RTL)
      for (auto r = p.runs.rbegin(); r != p.runs.rend(); ++r) emit(*r);
    else
      for (const Run& r : p.runs) emit(r);
  }
  line.width = x;
  return line;
}

}  // namespace

TextBlock layout_text(const Fonts& fonts, std::string_view utf8, Direction base, std::string_view lang,
                      const TextStyle& style, int max_width, int max_lines) {
  TextBlock block;
  block.rtl = base == Direction::rtl;
  if (max_lines <= 0 || max_width <= 0 || style.size <= 0) return block;
  const std::string locale(lang);
  const std::int64_t width = static_cast<std::int64_t>(max_width) * 64;
  // No more text than the lines could hold at a quarter em a character: a huge title costs
  // no more than a long one.
  std::size_t cap = static_cast<std::size_t>(max_lines) *
                        (static_cast<std::size_t>(max_width) * 4 / static_cast<std::size_t>(style.size) + 2) +
                    2;
  bool truncated = false;
  Para p;
  p.text = prepare(utf8, cap, truncated);
  if (p.text.empty()) return block;
  shape(p, fonts, base, lang, style);
  auto lines = break_lines(p, locale, width, static_cast<std::size_t>(max_lines) + 1);
  if (lines.size() > static_cast<std::size_t>(max_lines) || truncated) {
    // The last line kept ends with "…" after the longest cut that still fits: a word break
    // first, a grapheme break when not even one word does.
    block.clamped = true;
    const std::size_t last = std::min(lines.size(), static_cast<std::size_t>(max_lines)) - 1;
    const int from = lines[last].first, to = lines[last].second;
    auto fits = [&](int cut, Para& out) {
      out = Para{};
      out.text = p.text.substr(0, static_cast<std::size_t>(trim_end(p, 0, cut))) + u"\u2026";
      shape(out, fonts, base, lang, style);
      return break_lines(out, locale, width, static_cast<std::size_t>(max_lines) + 1).size() <=
             static_cast<std::size_t>(max_lines);
    };
    Para best;
    bool found = false;
    for (UBreakIteratorType type : {UBRK_LINE, UBRK_CHARACTER}) {
      UErrorCode err = U_ZERO_ERROR;
      BreakPtr it(ubrk_open(type, locale.c_str(), reinterpret_cast<const UChar*>(p.text.data()),
                            static_cast<int>(p.text.size()), &err));
      std::vector<int> cuts;
      for (int b = ubrk_following(it.get(), from); b != UBRK_DONE && b <= to; b = ubrk_next(it.get()))
        cuts.push_back(b);
      // Binary search for the last cut that fits (fitting is monotone in the cut).
      std::size_t lo = 0, hi = cuts.size();
      while (lo < hi) {
        std::size_t mid = (lo + hi) / 2;
        Para trial;
        if (fits(cuts[mid], trial)) {
          best = std::move(trial);
          found = true;
          lo = mid + 1;
        } else {
          hi = mid;
        }
      }
      if (found) break;
    }
    if (!found) fits(from, best);
    p = std::move(best);
    lines = break_lines(p, locale, width, static_cast<std::size_t>(max_lines));
  }
  for (auto [a, b] : lines) block.lines.push_back(visual_line(p, a, b));
  block.text = std::move(p.text);
  block.missing = std::move(p.missing);
  return block;
}

}  // namespace khabar::detail
