// Glued sub-headings. A scraper that flattens <h2> and <p> into one line leaves
// "...إنفاذ القانون.المغرب.. بلد الأمن والسلاموعبر اللواء..." : the end of one paragraph,
// a heading, and the next paragraph, with no separator at all.
//
// The rule. A heading H starts at a glue point (a sentence end with its space missing,
// see find_glue) and is split out only when ALL of these hold:
//   1. the text before it in the block has >= 3 words (a real paragraph ends there);
//   2. H does not start with "و": Arabic news sentences open with "و" (وفي، وقال، وأضاف),
//      so "المنظمة.وفي مستهل الندوة" is a sentence going on, never a heading;
//   3. H has 2..8 words and <= 60 characters, and contains no . ! ? ؟ … ، , ؛ ; :
//      (a ".." dash is allowed: "المغرب.. بلد الأمن والسلام");
//   4. and H ends in one of two ways:
//      a. at the end of the block, on a letter or digit, and the article has a next
//         block that is a paragraph (the heading heads it): "...140 دولة.النموذج المغربي";
//      b. inside a word glued to the next paragraph's first word: the word is
//         prefix + "و" + opener, where the prefix has >= 4 letters, the opener >= 3
//         letters and is one of the verbs Arabic news paragraphs open with (عبر، أشار،
//         أكد، قال، ... below, also with feminine -ت), and the text from the "و" on is a
//         sentence of >= 6 words that ends with a sentence mark: "والسلام|وعبر اللواء...".
// Why a list of openers in (b): without one an inner "و" is everywhere (القانونية،
// التطورات، المسؤولون، المستويات all have a 4-letter prefix before a "و" and 3 letters
// after it), and a split in the middle of such a word would be a visible corruption.
// The list makes (b) miss headings glued to other openers; a miss only leaves the text
// as the site showed it.
#include "clean/clean_heading.hpp"

#include <unicode/uchar.h>

#include <array>
#include <string>

#include "clean/clean_dash.hpp"
#include "text/chars.hpp"
#include "text/utf8.hpp"

namespace khabar::detail {
namespace {

constexpr UChar32 waw = 0x0648;
constexpr std::size_t max_words = 8, max_chars = 60;

// Past-tense verbs that open paragraphs of Arabic news, hamza-free (see plain_form).
constexpr std::array<std::string_view, 32> openers{
    "عبر",  "اشار", "اكد", "قال",  "اضاف", "اوضح", "شدد",    "اعتبر", "ابرز",  "كشف",  "تابع",
    "افاد", "لفت",  "ذكر", "سجل",  "اعرب", "نوه",  "استعرض", "تطرق",  "اشاد",  "اعلن", "دعا",
    "دعت",  "تحدث", "حذر", "طالب", "ابدى", "اثنى", "ثمن",    "نبه",   "استهل", "اختتم"};

// Letters only, hamza carriers on alef folded to alef: "أشار" and "اشار" match alike.
std::string plain_form(const std::vector<UChar32>& cp, std::size_t b, std::size_t e) {
  std::string out;
  for (std::size_t i = b; i < e; ++i) {
    UChar32 c = cp[i];
    if (!is_letter(c)) continue;
    if (c == 0x0623 || c == 0x0625 || c == 0x0622 || c == 0x0671) c = 0x0627;
    append_utf8(out, static_cast<char32_t>(c));
  }
  return out;
}

bool is_opener(const std::vector<UChar32>& cp, std::size_t b, std::size_t e) {
  std::string w = plain_form(cp, b, e);
  for (auto o : openers) {
    if (w == o) return true;
    if (w.size() == o.size() + 2 && w.compare(0, o.size(), o) == 0 && w.compare(o.size(), 2, "ت") == 0)
      return true;
  }
  return false;
}

// Punctuation a heading does not contain.
bool breaks_heading(UChar32 c) {
  return is_sentence_end(c) || c == 0x060C || c == ',' || c == 0x061B || c == ';' || c == ':';
}

struct Counts {
  std::vector<std::size_t> words_upto;  // word starts in [0, i)
  std::vector<std::size_t> next_end;    // the first code point >= i that ends a sentence, or n
};

Counts count(std::string_view text, const Decoded& d) {
  const auto& cp = d.cp;
  const std::size_t n = cp.size();
  Counts c{std::vector<std::size_t>(n + 1, 0), std::vector<std::size_t>(n + 1, n)};
  for (std::size_t i = 0; i < n; ++i)
    c.words_upto[i + 1] = c.words_upto[i] + (!is_white_space(cp[i]) && (i == 0 || is_white_space(cp[i - 1])));
  for (std::size_t i = n; i-- > 0;) {
    bool ends = is_sentence_end(cp[i]) &&
                (i + 1 == n || is_white_space(cp[i + 1]) || is_closing(cp[i + 1])) &&
                !(cp[i] == '.' && is_double_dot_dash(text, d.at[i]));
    c.next_end[i] = ends ? i : c.next_end[i + 1];
  }
  return c;
}

// Words in [a, b), counting a word cut by `a` (a split inside a glued word).
std::size_t words(const Counts& c, const std::vector<UChar32>& cp, std::size_t a, std::size_t b) {
  if (a >= b) return 0;
  bool cut = a > 0 && !is_white_space(cp[a]) && !is_white_space(cp[a - 1]);
  return c.words_upto[b] - c.words_upto[a] + cut;
}

// Rule 4b inside the word [b, e), the k-th word of a heading starting at h: the "و"
// where the next paragraph starts, or 0.
std::size_t glued_opener(const std::vector<UChar32>& cp, const Counts& c, std::size_t h, std::size_t b,
                         std::size_t e) {
  for (std::size_t i = b; i < e; ++i)
    if (!is_word_part(cp[i])) return 0;
  for (std::size_t m = b + 1; m + 1 < e; ++m) {
    if (cp[m] != waw || m - h > max_chars) continue;
    std::size_t prefix = 0, rest = 0;
    for (std::size_t i = b; i < m; ++i) prefix += is_letter(cp[i]);
    for (std::size_t i = m + 1; i < e; ++i) rest += is_letter(cp[i]);
    if (prefix < 4 || rest < 3 || !is_opener(cp, m + 1, e)) continue;
    std::size_t end = c.next_end[m];
    if (end < cp.size() && words(c, cp, m, end) >= 6) return m;
  }
  return 0;
}

}  // namespace

std::vector<HeadingSpan> find_glued_headings(std::string_view text, const Decoded& d,
                                             const std::vector<Glue>& glue, bool paragraph_follows) {
  std::vector<HeadingSpan> out;
  if (glue.empty()) return out;
  const auto& cp = d.cp;
  const std::size_t n = cp.size();
  const Counts c = count(text, d);
  std::size_t block_start = 0;
  for (const Glue& g : glue) {
    const std::size_t h = g.insert_cp;
    if (h < block_start) continue;
    if (words(c, cp, block_start, g.punct_cp) < 3 || cp[h] == waw) continue;

    std::size_t end = 0;  // where the heading ends (code point), 0: no heading here
    std::size_t word = 0, i = h;
    bool clean = true;
    while (clean && i < n && word < max_words && i - h <= max_chars) {
      std::size_t b = i;
      while (i < n && !is_white_space(cp[i]) && i - h <= max_chars) {
        if (breaks_heading(cp[i]) && !(cp[i] == '.' && is_double_dot_dash(text, d.at[i]))) clean = false;
        ++i;
      }
      if (!clean) break;
      if (word >= 1) {
        if (std::size_t m = glued_opener(cp, c, h, b, i)) {
          end = m;
          break;
        }
      }
      ++word;
      if (i < n) ++i;  // the one space after the word (text is collapsed)
    }
    // Rule 4a: ran to the end of the block.
    if (!end && clean && i == n && n - h <= max_chars && word >= 2 && word <= max_words &&
        paragraph_follows && (is_word_part(cp[n - 1]) || u_isdigit(cp[n - 1])))
      end = n;
    if (!end) continue;
    out.push_back({d.at[h], d.at[end]});
    block_start = end;
  }
  return out;
}

}  // namespace khabar::detail
