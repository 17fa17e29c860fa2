#include "clean/clean_text.hpp"

#include <unicode/bytestream.h>
#include <unicode/normalizer2.h>
#include <unicode/uchar.h>
#include <unicode/utf8.h>

#include <algorithm>
#include <array>

#include "clean/clean_dash.hpp"
#include "khabar/error.hpp"
#include "text/chars.hpp"
#include "text/utf8.hpp"

namespace khabar::detail {
namespace {

const uint8_t* bytes(std::string_view s) { return reinterpret_cast<const uint8_t*>(s.data()); }
int32_t length32(std::string_view s) { return static_cast<int32_t>(s.size()); }

bool is_joiner(UChar32 c) { return c == 0x200C || c == 0x200D; }

// Invisible characters that carry nothing in news text, or worse: the bidi embeddings,
// overrides and isolates can make text display in an order other than the one stored.
// LRM, RLM and ALM (U+200E, U+200F, U+061C) stay: they are the proper way to place
// neutral characters in mixed-direction text and cannot reorder a whole run.
bool is_invisible(UChar32 c) {
  return c == 0x00AD || c == 0x200B || (c >= 0x2060 && c <= 0x2064) || c == 0xFEFF ||
         (c >= 0x202A && c <= 0x202E) || (c >= 0x2066 && c <= 0x206F);
}

// Tab, CR and NEL are controls but also white space: they separate words, so they are
// collapsed like spaces rather than removed (removing them would glue two words).
bool is_control(UChar32 c) { return u_charType(c) == U_CONTROL_CHAR && !is_white_space(c); }

bool always_dropped(UChar32 c) { return is_invisible(c) || is_control(c); }

bool joins_emoji(UChar32 c) {
  return c >= 0 && (u_hasBinaryProperty(c, UCHAR_EXTENDED_PICTOGRAPHIC) ||
                    u_hasBinaryProperty(c, UCHAR_EMOJI_MODIFIER) || c == 0xFE0F);
}

// ZWNJ means something only between two letters (Persian "می‌خواهم": the ی must not join
// the خ); ZWJ between letters or inside an emoji sequence (👩‍💻, ❤️‍🔥). Anywhere else
// (word edge, next to a space, doubled) they are noise.
bool joiner_kept(UChar32 joiner, UChar32 prev, UChar32 next) {
  if (is_joiner(prev)) return false;
  if (joiner == 0x200C) return is_word_part(prev) && is_word_part(next);
  return (is_word_part(prev) || joins_emoji(prev)) && (is_word_part(next) || joins_emoji(next));
}

void copy(Traced& out, const Traced& in, std::size_t a, std::size_t b) {
  out.text.append(in.text, a, b - a);
  out.from.insert(out.from.end(), in.from.begin() + static_cast<std::ptrdiff_t>(a),
                  in.from.begin() + static_cast<std::ptrdiff_t>(b));
}

constexpr std::array<std::string_view, 22> latin_abbreviations{
    "mr",   "mrs", "ms",  "dr", "prof", "st",  "jr",  "sr",  "inc", "ltd", "co",
    "corp", "vs",  "etc", "no", "vol",  "fig", "gen", "gov", "sen", "rep", "al"};

bool is_latin_abbreviation(const std::vector<UChar32>& cp, std::size_t b, std::size_t e) {
  if (e - b > 4) return false;
  std::string word;
  for (std::size_t i = b; i < e; ++i) {
    if (cp[i] >= 0x80) return false;
    word += static_cast<char>(u_tolower(cp[i]));
  }
  return std::find(latin_abbreviations.begin(), latin_abbreviations.end(), word) != latin_abbreviations.end();
}

bool has_case(UChar32 c) { return u_isupper(c) || u_islower(c) || u_istitle(c); }

// A token that is (or holds) an address, a path or an identifier: its dots are not
// sentence ends. ".com" style domains need no list: the after-word of a domain or a
// file extension is lower case, which the cased rule in find_glue already refuses.
bool looks_like_address(const std::vector<UChar32>& cp, std::size_t b, std::size_t e) {
  for (std::size_t i = b; i < e; ++i) {
    UChar32 c = cp[i];
    if (c == '@' || c == '/' || c == '\\' || c == '_') return true;
    if (c == ':' && i + 2 < e && cp[i + 1] == '/' && cp[i + 2] == '/') return true;
    if ((c == 'w' || c == 'W') && i + 3 < e && u_tolower(cp[i + 1]) == 'w' && u_tolower(cp[i + 2]) == 'w' &&
        cp[i + 3] == '.')
      return true;
  }
  return false;
}

}  // namespace

bool is_sentence_end(UChar32 c) noexcept {
  return c == '.' || c == '!' || c == '?' || c == 0x061F || c == 0x2026;
}
bool is_closing(UChar32 c) noexcept {
  return c == ')' || c == ']' || c == '"' || c == '\'' || c == 0x201D || c == 0x2019 || c == 0x00BB;
}
bool is_opening(UChar32 c) noexcept { return c == '(' || c == '[' || c == '"' || c == 0x201C || c == 0x00AB; }

Traced Traced::of(std::string_view original) {
  Traced t{std::string(original), {}};
  t.from.reserve(original.size());
  for (std::size_t i = 0; i < original.size(); ++i) t.from.push_back({i, i + 1});
  return t;
}

Decoded::Decoded(std::string_view text) {
  cp.reserve(text.size());
  at.reserve(text.size() + 1);
  int32_t i = 0, n = length32(text);
  while (i < n) {
    at.push_back(static_cast<std::size_t>(i));
    UChar32 c;
    U8_NEXT(bytes(text), i, n, c);
    cp.push_back(c);
  }
  at.push_back(text.size());
}

Traced strip_and_collapse(std::string_view s, FixLog& log) {
  Traced out;
  out.text.reserve(s.size());
  out.from.reserve(s.size());
  const int32_t n = length32(s);

  // The next code point that pass 1 may keep, cached so that a long run of droppable
  // characters is scanned once, not once per character.
  int32_t look_at = -1;
  UChar32 look_cp = -1;
  auto next_kept = [&](int32_t from) {
    if (from > look_at) {
      int32_t i = from;
      look_cp = -1;
      while (i < n) {
        int32_t at = i;
        UChar32 c;
        U8_NEXT(bytes(s), i, n, c);
        if (!always_dropped(c) && !is_joiner(c)) {
          look_cp = c;
          i = at;
          break;
        }
      }
      look_at = i;
    }
    return look_cp;
  };

  UChar32 prev = -1;  // the last code point kept (a space for a pending run)
  bool in_run = false, run_plain = false;
  std::size_t run_begin = 0, run_end = 0;
  for (int32_t i = 0; i < n;) {
    const int32_t at = i;
    UChar32 c;
    U8_NEXT(bytes(s), i, n, c);
    const auto b = static_cast<std::size_t>(at), e = static_cast<std::size_t>(i);
    if (is_white_space(c)) {
      run_plain = !in_run && c == ' ';
      if (!in_run) run_begin = b;
      in_run = true;
      run_end = e;
      prev = ' ';
      continue;
    }
    if (always_dropped(c) || (is_joiner(c) && !joiner_kept(c, prev, next_kept(i)))) {
      log.add("char.removed", b, e - b, "");
      continue;
    }
    if (in_run) {
      if (out.text.empty()) {
        log.add("space.collapsed", run_begin, run_end - run_begin, "");
      } else {
        out.text += ' ';
        out.from.push_back({run_begin, run_end});
        if (!run_plain) log.add("space.collapsed", run_begin, run_end - run_begin, " ");
      }
      in_run = false;
    }
    out.text.append(s.substr(b, e - b));
    for (std::size_t k = b; k < e; ++k) out.from.push_back({k, k + 1});
    prev = c;
  }
  if (in_run) log.add("space.collapsed", run_begin, run_end - run_begin, "");
  return out;
}

Traced to_nfc(Traced in, FixLog& log) {
  UErrorCode status = U_ZERO_ERROR;
  const icu::Normalizer2* nfc = icu::Normalizer2::getNFCInstance(status);
  if (U_FAILURE(status))
    throw Error(codes::internal, std::string("ICU NFC data unavailable: ") + u_errorName(status));
  const std::string_view text = in.text;
  if (nfc->isNormalizedUTF8(icu::StringPiece(text.data(), length32(text)), status) && U_SUCCESS(status))
    return in;

  Traced out;
  out.text.reserve(text.size());
  out.from.reserve(text.size());
  std::string norm;
  // Text splits into segments at every normalisation boundary, and each segment
  // normalises on its own: so a change is localised to the segment it is in.
  auto segment = [&](std::size_t a, std::size_t b) {
    std::string_view piece = text.substr(a, b - a);
    UErrorCode st = U_ZERO_ERROR;
    icu::StringPiece sp(piece.data(), length32(piece));
    if (nfc->isNormalizedUTF8(sp, st) || U_FAILURE(st)) return copy(out, in, a, b);
    norm.clear();
    icu::StringByteSink<std::string> sink(&norm);
    nfc->normalizeUTF8(0, sp, sink, nullptr, st);
    if (U_FAILURE(st)) return copy(out, in, a, b);
    // Narrow the fix to the code points that differ ("شّ َ" -> only the marks).
    const std::size_t la = piece.size(), lb = norm.size();
    std::size_t p = 0, q = 0;
    while (p < la && p < lb && piece[p] == norm[p]) ++p;
    while (p > 0 && ((p < la && U8_IS_TRAIL(piece[p])) || (p < lb && U8_IS_TRAIL(norm[p])))) --p;
    while (q < la - p && q < lb - p && piece[la - 1 - q] == norm[lb - 1 - q]) ++q;
    while (q > 0 && (U8_IS_TRAIL(piece[la - q]) || U8_IS_TRAIL(norm[lb - q]))) --q;
    copy(out, in, a, a + p);
    const std::size_t ra = a + p, rb = b - q;
    const Origin span = ra < rb ? Origin{in.from[ra].begin, in.from[rb - 1].end}
                                : Origin{in.from[ra].begin, in.from[ra].begin};
    std::string replacement = norm.substr(p, lb - p - q);
    out.text += replacement;
    out.from.insert(out.from.end(), replacement.size(), span);
    log.add("unicode.nfc", span.begin, span.end - span.begin, std::move(replacement));
    copy(out, in, rb, b);
  };

  const int32_t n = length32(text);
  std::size_t start = 0;
  for (int32_t i = 0; i < n;) {
    const int32_t at = i;
    UChar32 c;
    U8_NEXT(bytes(text), i, n, c);
    if (at > 0 && nfc->hasBoundaryBefore(c)) {
      segment(start, static_cast<std::size_t>(at));
      start = static_cast<std::size_t>(at);
    }
  }
  segment(start, text.size());
  return out;
}

void mark_double_dots(const Traced& t, FixLog& log) {
  const std::string& s = t.text;
  for (std::size_t i = 0; i + 1 < s.size(); ++i) {
    if (s[i] == '.' && s[i + 1] == '.' && is_double_dot_dash(s, i)) {
      log.add("dash.double_dot", t.from[i].begin, t.from[i + 1].end - t.from[i].begin, "..");
      ++i;
    }
  }
}

// A missing space after a sentence end, decided conservatively:
//  - the mark is . ! ? ؟ or … (not part of ".." or "..."), optionally after a closing
//    quote/bracket, and optionally followed by one;
//  - before it, a word of >= 2 letters (tatweel and harakat do not count): so
//    initials and one-letter abbreviations ("U.S.A", "e.g.", Arabic "د." Dr., "هـ.")
//    and numbers ("2.5", "21.11.2025", "kech24.com") never qualify;
//  - after it, a word of >= 2 letters;
//  - the token (text between spaces) holds no "://", "@", "/", "\", "_" or "www.";
//  - in cased scripts the after-word must be capitalised (Upper then lower) and the
//    word before end in lower case and not be a known abbreviation ("Mr", "etc"):
//    "said.The" qualifies, "file.txt", "example.com", "Ph.D", "ASP.NET" do not.
std::vector<Glue> find_glue(const Decoded& d) {
  std::vector<Glue> out;
  const auto& cp = d.cp;
  const std::size_t n = cp.size();
  std::size_t tb = 0, te = 0;  // the token (maximal run without white space) holding i
  bool address = false;
  for (std::size_t i = 0; i < n; ++i) {
    if (!is_sentence_end(cp[i])) continue;
    if (cp[i] == '.' && ((i + 1 < n && cp[i + 1] == '.') || (i > 0 && cp[i - 1] == '.'))) continue;
    while (te <= i) {
      tb = te;
      while (tb < n && is_white_space(cp[tb])) ++tb;
      te = tb;
      while (te < n && !is_white_space(cp[te])) ++te;
      address = looks_like_address(cp, tb, te);
    }
    if (address) continue;
    std::size_t k = i;
    while (k > tb && is_closing(cp[k - 1])) --k;
    std::size_t j = k, letters_before = 0;
    while (j > tb && is_word_part(cp[j - 1])) letters_before += is_letter(cp[--j]);
    if (letters_before < 2) continue;
    std::size_t q = i + 1;
    while (q < te && is_closing(cp[q])) ++q;
    if (q >= te || !is_letter(cp[q])) continue;
    std::size_t m = q, letters_after = 0;
    while (m < te && is_word_part(cp[m])) letters_after += is_letter(cp[m++]);
    if (letters_after < 2) continue;
    if (has_case(cp[q]) || has_case(cp[k - 1])) {
      if (!u_isupper(cp[q]) || !u_islower(cp[q + 1])) continue;
      if (u_isupper(cp[k - 1]) || is_latin_abbreviation(cp, j, k)) continue;
    }
    out.push_back({d.at[i], d.at[q], i, q});
  }
  return out;
}

}  // namespace khabar::detail
