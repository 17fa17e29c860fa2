// HTML entities left in text that never went through an HTML parser (scraped text, data
// fields filled from a template): each decoded, and recorded as a fix ("entity.decoded").
#include <array>

#include "clean/clean_text.hpp"
#include "text/utf8.hpp"

namespace khabar::detail {
namespace {

struct Named {
  std::string_view name;
  char32_t c;
};
// The entities scraped news text carries: markup's own, spaces, quotes and dashes.
constexpr std::array<Named, 20> named{
    {{"amp", '&'},      {"quot", '"'},     {"apos", '\''},     {"lt", '<'},        {"gt", '>'},
     {"nbsp", ' '},     {"rsquo", 0x2019}, {"lsquo", 0x2018},  {"rdquo", 0x201D},  {"ldquo", 0x201C},
     {"laquo", 0x00AB}, {"raquo", 0x00BB}, {"hellip", 0x2026}, {"mdash", 0x2014},  {"ndash", 0x2013},
     {"shy", 0},        {"copy", 0x00A9},  {"reg", 0x00AE},    {"eacute", 0x00E9}, {"zwnj", 0x200C}}};

// The entity at text[i] ('&'): its length and what it stands for (nothing for a code point
// no text may hold: NUL, a surrogate, past U+10FFFF, a control).
bool entity_at(std::string_view text, std::size_t i, std::size_t& length, std::string& replacement) {
  std::size_t semi = text.find(';', i + 1);
  if (semi == std::string_view::npos || semi - i > 10 || semi == i + 1) return false;
  std::string_view body = text.substr(i + 1, semi - i - 1);
  length = semi - i + 1;
  replacement.clear();
  if (body[0] == '#') {
    bool hex = body.size() > 1 && (body[1] == 'x' || body[1] == 'X');
    std::string_view digits = body.substr(hex ? 2 : 1);
    if (digits.empty() || digits.size() > 7) return false;
    unsigned long v = 0;
    for (char c : digits) {
      int d = c >= '0' && c <= '9'                            ? c - '0'
              : hex && (c | 0x20) >= 'a' && (c | 0x20) <= 'f' ? (c | 0x20) - 'a' + 10
                                                              : -1;
      if (d < 0) return false;
      v = v * (hex ? 16 : 10) + static_cast<unsigned long>(d);
    }
    bool usable =
        v >= 0x20 && v != 0x7F && !(v >= 0x80 && v < 0xA0) && !(v >= 0xD800 && v <= 0xDFFF) && v <= 0x10FFFF;
    if (usable) append_utf8(replacement, static_cast<char32_t>(v));
    return true;
  }
  for (const auto& n : named)
    if (body == n.name) {
      if (n.c != 0) append_utf8(replacement, n.c);  // a soft hyphen is nothing in a card
      return true;
    }
  return false;
}

}  // namespace

Traced decode_entities(Traced in, FixLog& log) {
  if (in.text.find('&') == std::string::npos) return in;
  Traced out;
  out.text.reserve(in.text.size());
  out.from.reserve(in.text.size());
  std::string replacement;
  std::size_t copied = 0;
  for (std::size_t i = in.text.find('&'); i != std::string::npos; i = in.text.find('&', i + 1)) {
    std::size_t length = 0;
    if (i < copied || !entity_at(in.text, i, length, replacement)) continue;
    out.text.append(in.text, copied, i - copied);
    out.from.insert(out.from.end(), in.from.begin() + static_cast<std::ptrdiff_t>(copied),
                    in.from.begin() + static_cast<std::ptrdiff_t>(i));
    const Origin span{in.from[i].begin, in.from[i + length - 1].end};
    out.text += replacement;
    out.from.insert(out.from.end(), replacement.size(), span);
    log.add("entity.decoded", span.begin, span.end - span.begin, replacement);
    copied = i + length;
  }
  out.text.append(in.text, copied, std::string::npos);
  out.from.insert(out.from.end(), in.from.begin() + static_cast<std::ptrdiff_t>(copied), in.from.end());
  return out;
}

}  // namespace khabar::detail
