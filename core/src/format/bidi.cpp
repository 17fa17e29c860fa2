// Bidi isolation of foreign runs: a Latin word, a number or "كشـ24" inside Arabic
// text (or Arabic inside French) is isolated so it cannot reorder its neighbours.
#include <unicode/uchar.h>

#include <algorithm>

#include "khabar/format.hpp"
#include "text/chars.hpp"
#include "text/utf8.hpp"

namespace khabar {
namespace {

struct Token {
  std::size_t start = 0, end = 0;  // the token without edge punctuation
  bool foreign = false;
  Direction dir = Direction::ltr;
};

// Edge punctuation stays outside an isolate ("(2020)،" isolates "2020"), except the
// number-bound terminators ("50%", "$5") that belong to the number.
bool is_edge_punctuation(char32_t c) {
  UCharDirection d = u_charDirection(static_cast<UChar32>(c));
  if (d == U_EUROPEAN_NUMBER_TERMINATOR) return false;
  return u_ispunct(static_cast<UChar32>(c)) || d == U_OTHER_NEUTRAL || d == U_COMMON_NUMBER_SEPARATOR ||
         d == U_BOUNDARY_NEUTRAL;
}

Token classify(std::string_view text, std::size_t start, std::size_t end, Direction base) {
  // Trim edge punctuation on both sides, by code point.
  std::vector<std::pair<std::size_t, char32_t>> cps;
  for (std::size_t i = start; i < end;) {
    std::size_t at = i;
    cps.emplace_back(at, detail::next_code_point(text, i));
  }
  std::size_t first = 0, last = cps.size();
  while (first < last && is_edge_punctuation(cps[first].second)) ++first;
  while (last > first && is_edge_punctuation(cps[last - 1].second)) --last;
  Token t;
  auto dir_of = [&](std::size_t k) { return u_charDirection(static_cast<UChar32>(cps[k].second)); };
  auto strong_rtl = [](UCharDirection d) { return d == U_RIGHT_TO_LEFT || d == U_RIGHT_TO_LEFT_ARABIC; };
  auto foreign_letter = [&](std::size_t k) {
    UCharDirection d = dir_of(k);
    return base == Direction::rtl ? d == U_LEFT_TO_RIGHT : strong_rtl(d);
  };
  // The foreign part runs from the first to the last foreign letter or digit, widened over
  // number terminators ("50%", "$5"), so a native prefix glued to it stays outside:
  // "وKarim" and "ו-John" isolate only the name, "COVID-19" and a URL stay whole.
  auto digit = [&](std::size_t k) { return dir_of(k) == U_EUROPEAN_NUMBER || dir_of(k) == U_ARABIC_NUMBER; };
  std::size_t lo = last, hi = first;
  for (std::size_t k = first; k < last; ++k)
    if (foreign_letter(k)) {
      if (lo == last) lo = k;
      hi = k + 1;
    }
  if (lo != last) {
    for (std::size_t k = first; k < lo; ++k)
      if (digit(k)) lo = std::min(lo, k);
    for (std::size_t k = hi; k < last; ++k)
      if (digit(k)) hi = k + 1;
  }
  if (lo == last) {
    // No foreign letter: in right-to-left text a number is foreign. Glued to a one-letter
    // proclitic ("و27") only the number is isolated; to a longer word ("كشـ24", a name)
    // the whole token is, so the brand stays one piece.
    if (base != Direction::rtl) return t;
    for (std::size_t k = first; k < last; ++k)
      if (digit(k)) {
        if (lo == last) lo = k;
        hi = k + 1;
      }
    if (lo == last) return t;
    std::size_t native_letters = 0;
    for (std::size_t k = first; k < last; ++k) native_letters += strong_rtl(dir_of(k)) ? 1 : 0;
    if (native_letters >= 2) lo = first, hi = last;
  }
  while (lo > first && dir_of(lo - 1) == U_EUROPEAN_NUMBER_TERMINATOR) --lo;
  while (hi < last && dir_of(hi) == U_EUROPEAN_NUMBER_TERMINATOR) ++hi;
  t.foreign = true;
  t.start = cps[lo].first;
  t.end = hi < cps.size() ? cps[hi].first : end;
  t.dir = Direction::ltr;  // a bare number reads left to right
  for (std::size_t k = lo; k < hi; ++k) {
    if (dir_of(k) == U_LEFT_TO_RIGHT) break;
    if (strong_rtl(dir_of(k))) {
      t.dir = Direction::rtl;
      break;
    }
  }
  return t;
}

}  // namespace

std::vector<BidiRun> bidi_runs(std::string_view text, Direction base) {
  std::vector<BidiRun> runs;
  bool gap_is_space = false;  // only white space since the last run ended
  for (std::size_t i = 0; i < text.size();) {
    std::size_t at = i;
    if (detail::is_white_space(detail::next_code_point(text, i))) continue;
    std::size_t end = i;
    for (std::size_t j = i; j < text.size();) {
      std::size_t here = j;
      if (detail::is_white_space(detail::next_code_point(text, j))) {
        end = here;
        break;
      }
      end = j;
    }
    i = end;
    Token t = classify(text, at, end, base);
    if (!t.foreign) {
      gap_is_space = false;
      continue;
    }
    // "New York Times", "COVID 19": neighbouring foreign words of one direction form one run.
    bool joins = !runs.empty() && gap_is_space && runs.back().dir == t.dir && t.start == at;
    if (joins)
      runs.back().end = t.end;
    else
      runs.push_back({t.start, t.end, t.dir});
    gap_is_space = t.end == end;
  }
  return runs;
}

std::string isolate_runs(std::string_view text, Direction base) {
  std::string out;
  std::size_t done = 0;
  for (const BidiRun& run : bidi_runs(text, base)) {
    out.append(text.substr(done, run.start - done));
    // FSI resolves to the run's own direction (its first strong letter, else left to right: UAX #9
    // X5c), the same as LRI/RLI here, and keeps one isolate opener per PDI across the text renderer.
    out += "\u2068";
    out.append(text.substr(run.start, run.end - run.start));
    out += "\u2069";  // PDI
    done = run.end;
  }
  out.append(text.substr(done));
  return out;
}

}  // namespace khabar
