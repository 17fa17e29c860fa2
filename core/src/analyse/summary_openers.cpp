#include "analyse/summary_openers.hpp"

#include <initializer_list>
#include <string>
#include <vector>

namespace khabar::detail {

namespace {

// Each entry is one or more words as a sentence opens with them; they are split and folded
// with the analysis forms the sentence's own words have (so "أن"/"ان", "However"/"however" are
// one entry). Written for this table from each language's grammar of connectives and
// pronouns, not drawn from any corpus. Clitic forms are listed where they are common, since
// a prefix is part of the word ("ולכן", "وهذا").
struct Table {
  std::string_view language;
  std::initializer_list<std::string_view> openers;
  // Openings that start like an entry but stand on their own: French impersonal "il", and a
  // demonstrative that names the present period ("This year", "هذا العام", "cette semaine"),
  // which points at the calendar, not at the sentence before.
  std::initializer_list<std::string_view> exceptions;
};

const Table tables[] = {
    {"ar",
     {"لكن",
      "ولكن",
      "لكنه",
      "لكنها",
      "ولكنه",
      "ولكنها",
      "لكنهم",
      "ولكنهم",
      "كما",
      "وكما",
      "إلا أن",
      "غير أن",
      "بيد أن",
      "لذلك",
      "ولذلك",
      "لذا",
      "ولذا",
      "بالتالي",
      "وبالتالي",
      "وعليه",
      "ومن ثم",
      "ثم",
      "مع ذلك",
      "ومع ذلك",
      "في المقابل",
      "وفي المقابل",
      "وهذا",
      "وهذه",
      "هذا",
      "هذه",
      "وهو",
      "وهي",
      "هو",
      "هي",
      "وهم",
      "هم",
      "وذلك",
      "علاوة على ذلك",
      "فضلا عن ذلك",
      "إضافة إلى ذلك",
      "بالإضافة إلى ذلك",
      "وبالإضافة إلى ذلك"},
     {"هذا العام", "هذه السنة", "هذا الشهر", "هذا الأسبوع", "هذا الصباح", "هذه الأيام", "وهذا العام",
      "وهذه السنة", "وهذا الشهر", "وهذا الأسبوع"}},
    {"fa",
     {"اما", "ولی", "ولیکن", "لیکن", "با این حال", "با این وجود", "بنابراین", "از این رو", "لذا", "همچنین",
      "علاوه بر این", "به علاوه", "این", "او", "وی", "آنها", "آن‌ها", "ایشان"},
     {"این هفته", "این ماه", "این سال", "امسال"}},
    {"ur",
     {"لیکن",        "مگر",        "تاہم",  "اس لیے", "اس لئے", "لہٰذا",  "لہذا",     "چنانچہ",
      "اس کے علاوہ", "علاوہ ازیں", "نیز",   "یہ",     "وہ",     "چاہے",  "انہوں نے", "انہیں",
      "انھیں",       "اسے",        "ان کا", "ان کی",  "ان کے",  "اس کا", "اس کی"},
     {}},
    {"he",
     {"גדולה מזו", "יתרה מזו", "יתר על כן", "לכן",    "ולכן",    "על כן", "לפיכך",  "משום כך", "אבל",
      "אך",        "אולם",     "ואולם",     "עם זאת", "ועם זאת", "בנוסף", "כמו כן", "גם",      "הוא",
      "היא",       "הם",       "הן",        "זה",     "זו",      "זאת",   "אלה"},
     {}},
    {"en",
     {"however", "but",          "moreover",    "furthermore", "also",        "therefore",   "thus",
      "hence",   "nevertheless", "nonetheless", "still",       "yet",         "besides",     "consequently",
      "instead", "otherwise",    "likewise",    "similarly",   "in addition", "as a result", "and",
      "so",      "this",         "these",       "that",        "those",       "such",        "he",
      "she",     "it",           "they",        "his",         "her",         "its",         "their",
      "it's",    "it’s",         "he's",        "she's",       "they're"},
     {"this year", "this week", "this month", "this morning", "this afternoon", "this evening",
      "this weekend", "this season", "this summer", "this winter", "this spring", "this autumn",
      "this fall"}},
    {"fr",
     {"cependant", "mais", "de plus", "en outre",    "par ailleurs",   "toutefois",  "pourtant",
      "néanmoins", "donc", "ainsi",   "en revanche", "par conséquent", "d'ailleurs", "d’ailleurs",
      "ce",        "cela", "ceci",    "ces",         "cette",          "cet",        "c'est",
      "c’est",     "il",   "elle",    "ils",         "elles",          "celui-ci",   "celle-ci"},
     {"il y a", "il faut", "cette année", "cette semaine", "ce mois-ci", "ce matin", "ce soir", "cet été",
      "cet hiver", "cet automne", "ce printemps", "ce week-end"}},
};

using Phrase = std::vector<std::string>;

struct Folded {
  std::vector<Phrase> openers, exceptions;
};

std::vector<Phrase> fold(std::initializer_list<std::string_view> entries, std::string_view language) {
  std::vector<Phrase> out;
  for (std::string_view e : entries) {
    Phrase p;
    for (const Word& w : split_words(e, language)) p.push_back(w.form);
    if (!p.empty()) out.push_back(std::move(p));
  }
  return out;
}

const Folded* folded(std::string_view language) {
  static const std::vector<Folded> all = [] {
    std::vector<Folded> out;
    for (const Table& t : tables)
      out.push_back({fold(t.openers, t.language), fold(t.exceptions, t.language)});
    return out;
  }();
  std::string_view primary = language.substr(0, language.find_first_of("-_"));
  for (std::size_t i = 0; i < std::size(tables); ++i)
    if (primary == tables[i].language) return &all[i];
  return nullptr;
}

bool opens_with(const Word* first, const Word* last, const std::vector<Phrase>& phrases) {
  for (const Phrase& p : phrases) {
    if (static_cast<std::size_t>(last - first) < p.size()) continue;
    bool same = true;
    for (std::size_t k = 0; k < p.size() && same; ++k) same = first[k].form == p[k];
    if (same) return true;
  }
  return false;
}

}  // namespace

bool opens_dangling(const Word* first, const Word* last, std::string_view language) {
  const Folded* f = folded(language);
  if (!f || first == last) return false;
  return opens_with(first, last, f->openers) && !opens_with(first, last, f->exceptions);
}

}  // namespace khabar::detail
