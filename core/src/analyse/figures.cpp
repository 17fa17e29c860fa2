// Key figures: a number written in digits with what it counts, in the article's words.
//
// Rules, in the order they are applied to each number:
//  - A number is a word of digits (any script: 0-9, ٠-٩, ۰-۹), optionally after one
//    Arabic proclitic letter ("و27"), with separators read as the language writes
//    them: "1,000" / "2,5" (fr and other comma-decimal languages) / "1.5" / "1 500"
//    (a space before a group of exactly three digits) / "١٬٠٠٠" and "٢٫٥". Several
//    dots or commas that are not thousands groups ("21.11.2025") are not a number.
//  - Not figures: a number next to a date or time separator ("11/21/2025", "10:05"),
//    next to a month name (text/months.hpp: every Arabic region's, Urdu, Persian solar,
//    Islamic; or a Hijri era mark "هـ"), also through "و"/"and"/"et" ("24 و27 نونبر 2025",
//    "21 نونبر", "November 21"); a number after a year word ("سنة 2020"); a plain
//    integer 1900..2100 unless a qualifier precedes it (a year standing alone:
//    "2025"); a number directly after a noun that numbers things rather than counts
//    them ("الدورة 93", "رقم 8", "المادة 5", "article 5", "page 3": ordinals);
//    codes with a leading zero ("05") and runs of 7 or more digits (phone numbers, ids).
//  - What it counts: the next word when only white space separates it and it is not a
//    function word, a month or "الـ" ("196 دولة", "135 مطلوب"; English: two words after
//    a modifier, "196 member countries"), after an optional scale word that
//    multiplies the value ("1,5 مليون درهم" -> 1500000); or a percent sign or words
//    ("40%", "40 في المئة", "40 pour cent", "40 percent"); or a currency sign before it
//    ("$5"). Else, for Arabic "الدول الـ 196", the noun before "الـ". A number that
//    counts nothing is not a figure.
//  - A qualifier right before it is part of the figure's text ("أكثر من", "نحو",
//    "حوالي", "more than", "about", "plus de", "près de", ...); without one, so is the word
//    that governs the number when only white space separates them ("توقيف 135 مطلوب",
//    "arrested 135 suspects"), unless it is a function word, an Arabic definite noun (a
//    subject: "أوقفت الشرطة 135 مطلوبا"), a scale word or an English modifier.
//  - Duplicates (same value and same counted stem) keep the first; a "noun الـ N" figure
//    is dropped when the same value is also written "N noun". Title, subtitle, then
//    body order; the first `max` are returned.
#include <unicode/uchar.h>

#include <algorithm>
#include <charconv>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <optional>
#include <unordered_map>

#include "analyse/sentence_rules.hpp"
#include "analyse/words.hpp"
#include "khabar/extract.hpp"
#include "text/chars.hpp"
#include "text/languages.hpp"
#include "text/months.hpp"
#include "text/utf8.hpp"

namespace khabar {

namespace {

using detail::WordList;
using Sequence = std::vector<std::string>;

struct Lists {
  WordList months{"ar",
                  {"يناير",  "فبراير", "مارس",  "أبريل",  "ابريل",  "ماي",    "مايو",  "يونيو",  "يوليوز",
                   "يوليو",  "غشت",    "أغسطس", "شتنبر",  "سبتمبر", "أكتوبر", "نونبر", "نوفمبر", "دجنبر",
                   "ديسمبر", "جانفي",  "فيفري", "أفريل",  "جوان",   "جويلية", "أوت",   "كانون",  "شباط",
                   "آذار",   "نيسان",  "أيار",  "حزيران", "تموز",   "آب",     "أيلول", "تشرين"}};
  WordList latin_months{
      "fr", {"janvier",   "février",  "mars",     "avril",    "mai",  "juin", "juillet", "août",
             "septembre", "octobre",  "novembre", "décembre", "janv", "févr", "déc",     "january",
             "february",  "march",    "april",    "may",      "june", "july", "august",  "september",
             "october",   "november", "december", "jan",      "feb",  "mar",  "apr",     "jun",
             "jul",       "aug",      "sep",      "sept",     "oct",  "nov",  "dec"}};
  // Every month name of the date reader's table (Urdu "مارچ", Persian "اردیبهشت", Islamic
  // "رمضان"...), and the era marks after a Hijri year ("1445 هـ"): a number beside one is a date.
  WordList calendar_words{"ar", [] {
                            std::vector<std::string_view> words{"هـ", "ه"};
                            for (const auto& m : detail::month_names())
                              if (m.words == 1) words.push_back(m.name);
                            return words;
                          }()};
  WordList year_words{"ar", {"سنة", "عام", "العام", "year", "année", "an"}};
  // Nouns that a number after them identifies rather than counts.
  WordList ordinal_nouns{
      "ar",
      {"الدورة", "رقم",     "المادة",   "الفصل",   "البند",   "الحلقة",   "العدد",     "الطبعة",  "النسخة",
       "الصفحة", "القرار",  "الجولة",   "المرتبة", "الرتبة",  "الجزء",    "الباب",     "المجلد",  "القانون",
       "الظهير", "المرسوم", "الطريق",   "الخط",    "الغرفة",  "الملف",    "الكيلومتر", "article", "numéro",
       "n",      "no",      "chapitre", "session", "édition", "page",     "loi",       "décret",  "alinéa",
       "rang",   "étape",   "saison",   "épisode", "tome",    "volume",   "ligne",     "route",   "salle",
       "number", "chapter", "section",  "edition", "round",   "room",     "flight",    "law",     "bill",
       "stage",  "season",  "episode",  "line",    "gate",    "platform", "rank",      "clause",  "item",
       "act",    "game",    "match"}};
  // What cannot be the counted noun. Not the stopword lists: they hold nouns that are
  // counted ("personnes", "points", "years", "سنة", "مليون").
  WordList arabic_function_words{
      "ar",
      {"في",   "من",    "على",  "إلى", "الى", "عن",   "مع",  "أو",  "و",    "ثم",    "بين", "حتى", "التي",
       "الذي", "الذين", "هو",   "هي",  "هم",  "قد",   "لا",  "لم",  "لن",   "ما",    "إن",  "أن",  "كان",
       "كانت", "منذ",   "خلال", "بعد", "قبل", "عند",  "لدى", "حول", "ضد",   "دون",   "عبر", "أي",  "كل",
       "بعض",  "هذا",   "هذه",  "ذلك", "تلك", "هناك", "هنا", "فقط", "أيضا", "مقابل", "سوى", "غير"}};
  WordList french_function_words{
      "fr",
      {"de",    "du",   "des",    "d",     "la",   "le",   "les",  "l",     "un",   "une",   "et",   "ou",
       "à",     "au",   "aux",    "en",    "dans", "sur",  "par",  "pour",  "avec", "sans",  "sous", "chez",
       "entre", "vers", "contre", "que",   "qui",  "dont", "où",   "ce",    "cet",  "cette", "ces",  "son",
       "sa",    "ses",  "leur",   "leurs", "il",   "elle", "ils",  "elles", "on",   "se",    "est",  "sont",
       "a",     "ont",  "était",  "sera",  "ne",   "pas",  "plus", "moins"}};
  WordList english_function_words{
      "en",
      {"of",   "the",  "an",   "and",   "or",    "to",  "in",  "at",   "by",    "for",   "with",  "from",
       "into", "than", "that", "which", "who",   "as",  "is",  "are",  "was",   "were",  "be",    "been",
       "has",  "have", "had",  "will",  "would", "it",  "its", "this", "these", "those", "their", "his",
       "her",  "they", "he",   "she",   "we",    "but", "not", "no",   "so",    "per"}};
  WordList modifiers{"en",
                     {"member", "new", "other", "more", "additional", "young", "foreign", "local", "small",
                      "large", "major", "senior", "police", "security", "armed", "civilian", "military"}};
  WordList chain{"ar", {"و", "and", "et", "au", "to", "à", "إلى", "حتى"}};
  std::vector<Sequence> qualifiers;
  std::vector<Sequence> percents;
  std::unordered_map<std::string, double> scales;

  Lists() {
    auto seqs = [](std::string_view language,
                   std::initializer_list<std::initializer_list<std::string_view>> in) {
      std::vector<Sequence> out;
      for (auto& words : in) {
        Sequence s;
        for (std::string_view w : words) s.push_back(analysis_form(w, language));
        out.push_back(std::move(s));
      }
      return out;
    };
    auto append = [](std::vector<Sequence>& to, std::vector<Sequence> from) {
      for (auto& s : from) to.push_back(std::move(s));
    };
    append(qualifiers, seqs("ar", {{"أكثر", "من"},
                                   {"أزيد", "من"},
                                   {"أقل", "من"},
                                   {"ما", "يزيد", "عن"},
                                   {"ما", "يزيد", "على"},
                                   {"ما", "لا", "يقل", "عن"},
                                   {"ما", "يقارب"},
                                   {"ما", "يناهز"},
                                   {"نحو"},
                                   {"حوالي"},
                                   {"حوالى"},
                                   {"قرابة"},
                                   {"زهاء"},
                                   {"يناهز"},
                                   {"يقارب"}}));
    append(qualifiers, seqs("fr", {{"plus", "de"},
                                   {"moins", "de"},
                                   {"près", "de"},
                                   {"pas", "moins", "de"},
                                   {"au", "moins"},
                                   {"environ"},
                                   {"quelque"},
                                   {"presque"},
                                   {"jusqu'à"}}));
    append(qualifiers, seqs("en", {{"more", "than"},
                                   {"fewer", "than"},
                                   {"less", "than"},
                                   {"at", "least"},
                                   {"up", "to"},
                                   {"over"},
                                   {"about"},
                                   {"around"},
                                   {"nearly"},
                                   {"almost"},
                                   {"some"},
                                   {"roughly"},
                                   {"approximately"}}));
    append(percents,
           seqs("ar",
                {{"في", "المئة"}, {"في", "المائة"}, {"في", "المية"}, {"بالمئة"}, {"بالمائة"}, {"بالمية"}}));
    append(percents, seqs("fr", {{"pour", "cent"}, {"pourcent"}, {"percent"}, {"per", "cent"}}));
    // Longest first, so "ما لا يقل عن" wins over a shorter sequence it ends with.
    std::stable_sort(qualifiers.begin(), qualifiers.end(),
                     [](const Sequence& a, const Sequence& b) { return a.size() > b.size(); });
    for (auto [word, factor] : std::initializer_list<std::pair<std::string_view, double>>{{"ألف", 1e3},
                                                                                          {"آلاف", 1e3},
                                                                                          {"مليون", 1e6},
                                                                                          {"ملايين", 1e6},
                                                                                          {"مليار", 1e9},
                                                                                          {"ملايير", 1e9},
                                                                                          {"مليارات", 1e9},
                                                                                          {"بليون", 1e9},
                                                                                          {"thousand", 1e3},
                                                                                          {"million", 1e6},
                                                                                          {"millions", 1e6},
                                                                                          {"billion", 1e9},
                                                                                          {"billions", 1e9},
                                                                                          {"trillion", 1e12},
                                                                                          {"mille", 1e3},
                                                                                          {"milliard", 1e9},
                                                                                          {"milliards", 1e9}})
      scales.emplace(analysis_form(word, "ar"), factor);
  }

  bool function_word(std::string_view form) const {
    return arabic_function_words.exactly(form) || french_function_words.exactly(form) ||
           english_function_words.exactly(form);
  }

  bool month(std::string_view form) const {
    return months.contains(form) || latin_months.exactly(form) || calendar_words.contains(form);
  }
};

const Lists& lists() {
  static const Lists l;
  return l;
}

bool comma_decimal(std::string_view language) {
  static const std::unordered_map<std::string_view, bool> langs{
      {"fr", 1}, {"de", 1}, {"es", 1}, {"it", 1}, {"pt", 1}, {"nl", 1}, {"ru", 1}, {"tr", 1}, {"pl", 1},
      {"sv", 1}, {"da", 1}, {"fi", 1}, {"nb", 1}, {"no", 1}, {"cs", 1}, {"ro", 1}, {"id", 1}, {"el", 1}};
  return langs.count(language) != 0;
}

struct Number {
  double value = 0;
  std::size_t digits_start = 0;  // byte offset of the first digit within the word
  std::string int_digits;        // ASCII digits before any separator
  bool plain = true;             // digits only, no separator
};

bool is_digit(char32_t c) { return u_charType(static_cast<UChar32>(c)) == U_DECIMAL_DIGIT_NUMBER; }

std::optional<Number> parse_number(std::string_view word, std::string_view language) {
  Number n;
  // "و27", "بـ196": the segmentation's own proclitic rule (split_words makes it a word apart).
  std::size_t i = detail::proclitic_before_digits(word);
  n.digits_start = i;
  std::vector<std::string> groups(1);
  std::u32string seps;
  while (i < word.size()) {
    char32_t c = detail::next_code_point(word, i);
    if (is_digit(c)) {
      groups.back() += static_cast<char>('0' + u_charDigitValue(static_cast<UChar32>(c)));
    } else if (c == ',' || c == '.' || c == 0x066B || c == 0x066C || c == 0x2019 || c == '\'') {
      if (groups.back().empty()) return std::nullopt;
      seps += c;
      groups.emplace_back();
    } else {
      return std::nullopt;  // letters after digits: "93rd", "10h30", "G20"
    }
  }
  if (groups.front().empty() || groups.back().empty()) return std::nullopt;
  n.int_digits = groups.front();
  n.plain = seps.empty();
  auto three = [&](std::size_t from, std::size_t to) {
    for (std::size_t g = from; g < to; ++g)
      if (groups[g].size() != 3) return false;
    return groups.front().size() <= 3;
  };
  std::string ascii;
  auto grouped = [&](std::size_t to) {
    for (std::size_t g = 0; g < to; ++g) ascii += groups[g];
  };
  if (seps.empty()) {
    ascii = groups.front();
  } else {
    char32_t last = seps.back();
    bool same = seps.find_first_not_of(last) == std::u32string::npos;
    bool decimal;
    if (!same) {
      decimal = true;  // "1,234.5" / "1.234,5": the last separator is the decimal one
      if (seps.substr(0, seps.size() - 1).find(last) != std::u32string::npos) return std::nullopt;
    } else if (seps.size() > 1) {
      decimal = false;  // "1,000,000"; "21.11.2025" fails the group test below
    } else if (last == 0x066B) {
      decimal = true;
    } else if (last == 0x066C || last == 0x2019 || last == '\'') {
      decimal = false;
    } else if (last == ',') {
      decimal = comma_decimal(language) || groups.back().size() != 3;
    } else {
      decimal = !(comma_decimal(language) && groups.back().size() == 3);
    }
    std::size_t int_groups = decimal ? groups.size() - 1 : groups.size();
    if (int_groups > 1 && !three(1, int_groups)) return std::nullopt;
    grouped(int_groups);
    n.int_digits = ascii;
    if (decimal) ascii += "." + groups.back();
  }
  // strtod, not from_chars: Emscripten 3.1.6's libc++ has no floating-point from_chars.
  // `ascii` is digits with at most one '.', so the C locale's strtod reads all of it.
  char* end = nullptr;
  n.value = std::strtod(ascii.c_str(), &end);
  if (end != ascii.c_str() + ascii.size()) return std::nullopt;
  return n;
}

struct Candidate {
  Figure figure;
  std::size_t field = 0, offset = 0;
  std::string key;
  bool noun_before = false;
};

// One text (the title, the subtitle or a block) scanned for figures.
class Scanner {
 public:
  Scanner(const AnalysedText& text, const Analysis& analysis)
      : text_(text.text),
        lang_(detail::primary_language(analysis.language())),
        tokens_(text.words),
        analysis_(analysis) {}

  void scan(std::size_t field, std::vector<Candidate>& out) {
    for (std::size_t i = 0; i < tokens_.size(); ++i) {
      auto n = number_at(i);
      if (!n) continue;
      // "1 500": a space and a group of exactly three digits continue the number.
      std::size_t last = i;
      while (n->plain && n->int_digits.size() <= 3 && last + 1 < tokens_.size() && spaced_group(last)) {
        auto next = number_at(last + 1);
        n->int_digits += next->int_digits;
        n->value = n->value * 1000 + next->value;
        ++last;
      }
      if (last > i) n->plain = false;
      std::size_t next = last + 1;
      if (auto c = consider(i, last, *n)) {
        c->field = field;
        out.push_back(std::move(*c));
      }
      i = next - 1;
    }
  }

 private:
  std::string_view text_;
  std::string lang_;
  const std::vector<Word>& tokens_;
  const Analysis& analysis_;

  std::optional<Number> number_at(std::size_t i) const {
    const Word& t = tokens_[i];
    return parse_number(text_.substr(t.start, t.end - t.start), lang_);
  }

  bool adjacent(std::size_t a, std::size_t b) const {  // only white space between tokens a < b
    return detail::only_space(text_, tokens_[a].end, tokens_[b].start) && tokens_[b].start > tokens_[a].end;
  }

  bool spaced_group(std::size_t i) const {
    const Word& a = tokens_[i];
    const Word& b = tokens_[i + 1];
    std::size_t j = a.end;
    if (j >= b.start) return false;
    char32_t space = detail::next_code_point(text_, j);
    if (j != b.start || !(space == ' ' || space == 0xA0 || space == 0x202F || space == 0x2009)) return false;
    auto n = number_at(i + 1);
    return n && n->plain && n->digits_start == 0 && n->int_digits.size() == 3;
  }

  // The code point that ends at byte `pos` (its start in `at`); 0 at the start of the text.
  char32_t char_before(std::size_t pos, std::size_t& at) const {
    if (pos == 0) return 0;
    at = pos;
    return static_cast<char32_t>(detail::char_before(text_, at));
  }

  // "11/21/2025", "10:05", "2025-11-21": the number is part of a date or a time.
  bool in_date_or_time(std::size_t start, std::size_t end) const {
    std::size_t at = 0;
    char32_t before = char_before(start, at);
    if (before == '/' || before == ':' || before == '-') {
      std::size_t k = 0;
      if (at > 0 && is_digit(char_before(at, k))) return before != '-' || dashes_around(start, end);
    }
    if (end < text_.size()) {
      std::size_t j = end;
      char32_t after = detail::next_code_point(text_, j);
      if ((after == '/' || after == ':' || after == '-') && j < text_.size()) {
        std::size_t k = j;
        if (is_digit(detail::next_code_point(text_, k))) return after != '-' || dashes_around(start, end);
      }
    }
    return false;
  }

  // A range "10-15" is not a date; "2025-11-21" (two dashes) is.
  bool dashes_around(std::size_t start, std::size_t end) const {
    std::size_t from = start >= 12 ? start - 12 : 0;
    std::string_view around = text_.substr(from, end + 12 - from);
    std::size_t count = 0;
    for (char c : around) count += c == '-';
    return count >= 2;
  }

  bool next_to_month(std::size_t first, std::size_t last) const {
    const Lists& l = lists();
    std::size_t k = last + 1;
    for (int steps = 0; k < tokens_.size() && steps < 4; ++k, ++steps)
      if (!number_at(k) && !l.chain.exactly(tokens_[k].form)) break;
    if (k < tokens_.size() && l.month(tokens_[k].form)) return true;
    std::size_t b = first;
    for (int steps = 0; b > 0 && steps < 4; --b, ++steps)
      if (!number_at(b - 1) && !l.chain.exactly(tokens_[b - 1].form)) break;
    return b > 0 && l.month(tokens_[b - 1].form);
  }

  // The number of words of the qualifier ending right before token i (0 when none).
  std::size_t qualifier_before(std::size_t i) const {
    for (const Sequence& q : lists().qualifiers) {
      if (q.size() > i) continue;
      std::size_t from = i - q.size();
      bool ok = true;
      for (std::size_t k = 0; k < q.size() && ok; ++k)
        ok = tokens_[from + k].form == q[k] && adjacent(from + k, from + k + 1);
      if (ok) return q.size();
    }
    return 0;
  }

  std::size_t percent_after(std::size_t last) const {
    for (const Sequence& p : lists().percents) {
      if (last + p.size() >= tokens_.size()) continue;
      bool ok = true;
      for (std::size_t k = 0; k < p.size() && ok; ++k)
        ok = tokens_[last + 1 + k].form == p[k] && adjacent(last + k, last + 1 + k);
      if (ok) return p.size();
    }
    return 0;
  }

  // The end of "%" or "٪" right after byte `pos`, a space allowed ("40 %"); 0 when none.
  std::size_t percent_sign_after(std::size_t pos) const {
    std::size_t j = pos;
    if (j >= text_.size()) return 0;
    char32_t c = detail::next_code_point(text_, j);
    if (c == ' ' || c == 0xA0 || c == 0x202F) {
      if (j >= text_.size()) return 0;
      c = detail::next_code_point(text_, j);
    }
    return c == '%' || c == 0x066A ? j : 0;
  }

  bool content_word(std::size_t k) const {
    const std::string& form = tokens_[k].form;
    for (std::size_t i = 0; i < form.size();)
      if (!detail::is_letter(detail::char_after(form, i))) return false;
    const Lists& l = lists();
    return !form.empty() && !l.function_word(form) && !l.month(form) && !l.chain.exactly(form) &&
           form != "ال";
  }

  bool governing_word(std::size_t k) const {
    const std::string& form = tokens_[k].form;
    const Lists& l = lists();
    // One letter is a clitic written apart ("لـ 50"), not a word.
    return content_word(k) && detail::count_code_points(form) > 1 && !form.starts_with("ال") &&
           l.scales.find(form) == l.scales.end() && !l.modifiers.exactly(form);
  }

  std::optional<Candidate> consider(std::size_t first, std::size_t last, Number n) const {
    const Lists& l = lists();
    std::size_t start = tokens_[first].start + n.digits_start, end = tokens_[last].end;
    if (in_date_or_time(start, end) || next_to_month(first, last)) return std::nullopt;
    if (n.int_digits.size() > 1 && n.int_digits[0] == '0') return std::nullopt;
    if (n.plain && n.int_digits.size() >= 7) return std::nullopt;
    bool after_word = n.digits_start == 0 && first > 0 && adjacent(first - 1, first);
    if (after_word &&
        (l.year_words.contains(tokens_[first - 1].form) || l.ordinal_nouns.contains(tokens_[first - 1].form)))
      return std::nullopt;
    std::size_t qualifier = n.digits_start == 0 ? qualifier_before(first) : 0;
    if (n.plain && qualifier == 0 && n.value >= 1900 && n.value <= 2100) return std::nullopt;

    Candidate c;
    c.figure.value = n.value;
    std::size_t from = qualifier ? tokens_[first - qualifier].start : start;
    std::size_t to = end;
    // A currency sign right before the digits: "$5", "€ 20".
    std::size_t at = 0;
    char32_t sign = char_before(start, at);
    if (sign == ' ' && at > 0) sign = char_before(at, at);
    bool money = sign == '$' || sign == 0x20AC || sign == 0xA3;
    if (money && !qualifier) from = at;

    std::size_t k = last;
    if (k + 1 < tokens_.size() && adjacent(k, k + 1)) {
      auto scale = l.scales.find(tokens_[k + 1].form);
      if (scale != l.scales.end()) {
        c.figure.value *= scale->second;
        to = tokens_[++k].end;
      }
    }
    std::string noun;
    std::size_t sign_end = percent_sign_after(to);
    if (std::size_t p = percent_after(k)) {
      to = tokens_[k + p].end;
      noun = "%";
    } else if (sign_end) {
      to = sign_end;
      noun = "%";
    } else if (!qualifier && n.digits_start == 0 && first >= 2 && tokens_[first - 1].form == "ال" &&
               adjacent(first - 1, first) && adjacent(first - 2, first - 1) && content_word(first - 2)) {
      // "الدول الـ 196 الأعضاء": the counted noun comes before, whatever follows.
      noun = analysis_.stem(tokens_[first - 2].form);
      from = tokens_[first - 2].start;
      c.noun_before = true;
    } else if (k + 1 < tokens_.size() && adjacent(k, k + 1) && content_word(k + 1)) {
      std::size_t n_end = k + 1;
      // English puts modifiers before the noun: "196 member countries", "300 new jobs".
      if (l.modifiers.exactly(tokens_[n_end].form) && n_end + 1 < tokens_.size() &&
          adjacent(n_end, n_end + 1) && content_word(n_end + 1))
        ++n_end;
      noun = analysis_.stem(tokens_[n_end].form);
      to = tokens_[n_end].end;
    } else if (money) {
      noun = "$";
    } else {
      return std::nullopt;
    }
    // The word that governs the number, when the sentence gives one right before it: "توقيف 135
    // مطلوب", "arrested 135 suspects". Not across a qualifier, a proclitic or punctuation, nor
    // an Arabic definite noun ("أوقفت الشرطة 135": the subject, not what governs the count).
    if (!qualifier && !money && !c.noun_before && n.digits_start == 0 && first > 0 &&
        adjacent(first - 1, first) && governing_word(first - 1))
      from = tokens_[first - 1].start;
    c.figure.text = std::string(text_.substr(from, to - from));
    c.offset = from;
    char value[40];  // %.17g round-trips a double; to_chars(double) is missing in wasm's libc++
    std::snprintf(value, sizeof value, "%.17g", c.figure.value);
    c.key = std::string(value) + "|" + noun;
    return c;
  }
};

}  // namespace

std::vector<Figure> extract_figures(const Analysis& analysis, std::size_t max) {
  std::vector<Candidate> all;
  std::size_t field = 0;
  Scanner(analysis.title(), analysis).scan(field++, all);
  Scanner(analysis.subtitle(), analysis).scan(field++, all);
  for (const AnalysedText& b : analysis.blocks()) Scanner(b, analysis).scan(field++, all);

  std::vector<Figure> out;
  std::vector<std::string> seen;
  for (const Candidate& c : all) {
    if (out.size() >= max) break;
    if (std::find(seen.begin(), seen.end(), c.key) != seen.end()) continue;
    if (c.noun_before && std::any_of(all.begin(), all.end(), [&](const Candidate& o) {
          return !o.noun_before && o.figure.value == c.figure.value;
        }))
      continue;
    seen.push_back(c.key);
    out.push_back(c.figure);
  }
  return out;
}

std::vector<Figure> extract_figures(const Article& article, std::size_t max) {
  return extract_figures(Analysis(article), max);
}

}  // namespace khabar
