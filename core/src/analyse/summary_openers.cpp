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
  // Openings that start like an entry but stand on their own (French impersonal "il").
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
     {}},
    {"fa",
     {"اما", "ولی", "ولیکن", "لیکن", "با این حال", "با این وجود", "بنابراین", "از این رو", "لذا", "همچنین",
      "علاوه بر این", "به علاوه", "این", "او", "وی", "آنها", "آن‌ها", "ایشان"},
     {}},
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
     {}},
    {"fr",
     {"cependant", "mais", "de plus", "en outre",    "par ailleurs",   "toutefois",  "pourtant",
      "néanmoins", "donc", "ainsi",   "en revanche", "par conséquent", "d'ailleurs", "d’ailleurs",
      "ce",        "cela", "ceci",    "ces",         "cette",          "cet",        "c'est",
      "c’est",     "il",   "elle",    "ils",         "elles",          "celui-ci",   "celle-ci"},
     {"il y a", "il faut"}},
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
