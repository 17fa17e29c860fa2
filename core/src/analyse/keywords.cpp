// Keywords: the content words (and two-word names) an article is about.
//
//  - Words: khabar::split_words of the title, subtitle and body, without a French
//    elision or an English "'s"; a candidate has at least 3 letters, no digits, and is
//    not a stopword (also once its Arabic clitics are removed: "وفي").
//  - Counted by stem (khabar::stem), each occurrence weighted: title 3, subtitle and
//    sub-headings 2, first body block 1.5, other blocks 1. A word must occur twice or be
//    in the title to rank before the rest; the rest only fill up to `min`.
//  - Two-word names: two adjacent candidate words (no punctuation between) that occur
//    together at least twice and hold at least 2/3 of the occurrences of one of their
//    words ("الأمن السيبراني": every "السيبراني" follows "الأمن"). Such a word is then
//    only counted through its pair; a pair sharing a word with a better one is skipped.
//  - Written form: the most frequent display form of the stem's occurrences (harakat and
//    tatweel removed, hamza as written: "الإنتربول"), where an Arabic "و/ب/ف/ك + ال" and
//    "لل" are read as "ال" ("بالمغرب" counts for "المغرب"); ties: the earliest.
#include <unicode/uchar.h>

#include <algorithm>
#include <array>
#include <cstdint>
#include <limits>
#include <unordered_map>

#include "analyse/words.hpp"
#include "khabar/extract.hpp"
#include "text/chars.hpp"
#include "text/languages.hpp"
#include "text/string_set.hpp"
#include "text/utf8.hpp"

namespace khabar {

namespace {

// Stems and display forms are numbered as they are met, so that counting compares numbers and
// builds no string: on wasm32 every std::string beyond 10 bytes (five Arabic letters) is an
// allocation.
using Id = std::uint32_t;
// A display of an entry: one display form's id (a word), or two (a pair, shown "a b").
using DisplayKey = std::uint64_t;
constexpr Id no_id = std::numeric_limits<Id>::max();
DisplayKey display_key(Id first, Id second = no_id) { return (DisplayKey{first} << 32) | second; }

class Interned {
 public:
  Id of(std::string_view s) {
    if (auto it = ids_.find(s); it != ids_.end()) return it->second;
    auto id = static_cast<Id>(strings_.size());
    strings_.emplace_back(s);
    ids_.emplace(strings_.back(), id);
    return id;
  }
  const std::string& operator[](Id id) const { return strings_[id]; }
  std::size_t size() const { return strings_.size(); }

 private:
  std::vector<std::string> strings_;
  std::unordered_map<std::string, Id, detail::StringHash, std::equal_to<>> ids_;
};

struct Occurrence {
  Id stem = 0, display = 0;
  double weight = 0;
  std::size_t text = 0, index = 0;  // which text, and the word's position in it
  std::size_t order = 0;            // across the article
  bool joined_to_next = false;      // only white space before the next word
};

struct Entry {
  double score = 0;
  std::size_t count = 0, first = 0;
  std::vector<std::pair<DisplayKey, std::size_t>> displays;  // display -> occurrences
  bool pair = false;
  std::array<Id, 2> members{};  // the stems of a pair

  void count_display(DisplayKey d) {
    for (auto& [key, n] : displays)
      if (key == d) {
        ++n;
        return;
      }
    displays.emplace_back(d, 1);
  }
};

// "والمغرب" / "بالمغرب" / "للشرطة" -> "المغرب" / "المغرب" / "الشرطة".
std::string display_form(std::string_view surface) {
  std::u32string u = detail::to_utf32(detail::without_marks(surface));
  std::u32string_view v = u;
  std::u32string out;
  if (v.size() > 5 && (v[0] == U'و' || v[0] == U'ب' || v[0] == U'ف' || v[0] == U'ك') &&
      v.substr(1, 2) == U"ال") {
    out = v.substr(1);
  } else if (v.size() > 4 && v.substr(0, 2) == U"لل") {
    out = U"ا" + std::u32string(v.substr(1));
  } else {
    out = v;
  }
  return detail::from_utf32(out);
}

// French elisions and the English possessive are not part of the word: "l'assemblée",
// "d'Interpol", "Morocco's". Returns the byte range [from, to) of the word proper.
std::pair<std::size_t, std::size_t> without_elision(std::string_view word) {
  std::size_t from = 0, to = word.size();
  for (std::string_view apostrophe : {"'", "\u2019"}) {
    std::size_t at = word.find(apostrophe);
    if (at != std::string_view::npos && at > 0 && at <= 7 && at + apostrophe.size() < word.size()) {
      std::string_view head = word.substr(0, at);
      for (std::string_view e : {"l", "d", "j", "n", "s", "c", "m", "t", "qu", "jusqu", "lorsqu", "puisqu",
                                 "L", "D", "J", "N", "S", "C", "M", "T", "Qu", "Jusqu", "Lorsqu", "Puisqu"})
        if (head == e) from = at + apostrophe.size();
    }
    if (to - from > apostrophe.size() + 1 &&
        word.substr(to - apostrophe.size() - 1) == std::string(apostrophe) + "s")
      to -= apostrophe.size() + 1;
  }
  return {from, to};
}

bool candidate(const std::string& form, std::string_view language) {
  std::size_t letters = 0;
  for (std::size_t i = 0; i < form.size();) {
    UChar32 c = detail::char_after(form, i);
    if (u_isdigit(c)) return false;
    letters += detail::is_letter(c) ? 1 : 0;
  }
  if (letters < 3) return false;
  for (std::string_view v : detail::clitic_variants(form))
    if (is_stopword(v, language)) return false;
  return true;
}

// The most frequent display of the entry; ties: the display met first in the article (each
// display has its own first occurrence, so the choice does not depend on any order).
DisplayKey best_display(const Entry& e, const std::unordered_map<DisplayKey, std::size_t>& first_seen) {
  DisplayKey best = 0;
  std::size_t best_count = 0;
  for (const auto& [display, count] : e.displays)
    if (count > best_count || (count == best_count && first_seen.at(display) < first_seen.at(best))) {
      best = display;
      best_count = count;
    }
  return best;
}

}  // namespace

std::vector<std::string> extract_keywords(const Analysis& analysis, std::size_t min, std::size_t max) {
  std::string lang = detail::primary_language(analysis.language());
  std::vector<std::pair<const AnalysedText*, double>> texts{{&analysis.title(), 3.0},
                                                            {&analysis.subtitle(), 2.0}};
  for (std::size_t b = 0; b < analysis.blocks().size(); ++b) {
    const AnalysedText& block = analysis.blocks()[b];
    texts.emplace_back(&block, block.heading ? 2.0 : b == 0 ? 1.5 : 1.0);
  }

  // What a word contributes depends on its written form only, and a news article repeats its
  // words: each distinct form is looked at once (stopwords, stem, display form), not at every
  // occurrence. The views point into the analysis's texts, which outlive this function.
  struct Seen {
    bool candidate = false;
    Id stem = 0, display = 0;
  };
  std::unordered_map<std::string_view, Seen> seen;
  Interned stems, displays;
  std::vector<Occurrence> occ;
  for (std::size_t t = 0; t < texts.size(); ++t) {
    std::string_view text = texts[t].first->text;
    const std::vector<Word>& tokens = texts[t].first->words;
    for (std::size_t i = 0; i < tokens.size(); ++i) {
      std::string_view written = text.substr(tokens[i].start, tokens[i].end - tokens[i].start);
      auto [slot, inserted] = seen.try_emplace(written);
      Seen& w = slot->second;
      if (inserted) {
        auto [from, to] = without_elision(written);
        std::string_view surface = written.substr(from, to - from);
        std::string elided;
        if (from != 0 || to != written.size()) elided = analysis_form(surface, lang);
        const std::string& form = from == 0 && to == written.size() ? tokens[i].form : elided;
        w.candidate = candidate(form, lang);
        if (w.candidate) {
          const std::string& stem = analysis.stem(form);
          w.stem = stems.of(stem.empty() ? form : stem);
          w.display = displays.of(display_form(surface));
        }
      }
      if (!w.candidate) continue;
      Occurrence o;
      o.stem = w.stem;
      o.display = w.display;
      o.weight = texts[t].second;
      o.text = t;
      o.index = i;
      o.order = occ.size();
      o.joined_to_next =
          i + 1 < tokens.size() && detail::only_space(text, tokens[i].end, tokens[i + 1].start);
      occ.push_back(o);
    }
  }

  std::unordered_map<DisplayKey, std::size_t> first_seen;
  std::vector<Entry> words(stems.size());          // by stem
  std::unordered_map<std::uint64_t, Entry> pairs;  // by the two stems
  for (std::size_t k = 0; k < occ.size(); ++k) {
    const Occurrence& o = occ[k];
    first_seen.try_emplace(display_key(o.display), o.order);
    Entry& w = words[o.stem];
    if (w.count++ == 0) w.first = o.order;
    w.score += o.weight;
    w.count_display(display_key(o.display));
    if (k + 1 < occ.size() && o.joined_to_next && occ[k + 1].text == o.text &&
        occ[k + 1].index == o.index + 1 && o.stem != occ[k + 1].stem) {
      const Occurrence& next = occ[k + 1];
      DisplayKey display = display_key(o.display, next.display);
      first_seen.try_emplace(display, o.order);
      Entry& p = pairs[(std::uint64_t{o.stem} << 32) | next.stem];
      if (p.count++ == 0) {
        p.first = o.order;
        p.pair = true;
        p.members = {o.stem, next.stem};
      }
      p.score += (o.weight + next.weight) / 2;
      p.count_display(display);
    }
  }

  // Pairs that are names: kept with a 1.5 bonus; their bound words step aside.
  std::vector<const Entry*> ranked;
  std::vector<bool> bound(stems.size(), false);
  for (auto& [key, p] : pairs) {
    if (p.count < 2) continue;
    bool name = false;
    for (Id m : p.members)
      if (3 * p.count >= 2 * words[m].count) name = true, bound[m] = true;
    if (!name) continue;
    p.score *= 1.5;
    ranked.push_back(&p);
  }
  for (Id stem = 0; stem < words.size(); ++stem)
    if (!bound[stem]) ranked.push_back(&words[stem]);

  // A total order: no two words and no two pairs start at the same occurrence, and a pair
  // goes before the word it starts with, so the hash containers' order never shows.
  auto strong = [](const Entry* e) { return e->count >= 2 || e->score >= 3.0; };
  std::sort(ranked.begin(), ranked.end(), [&](const Entry* a, const Entry* b) {
    if (strong(a) != strong(b)) return strong(a);
    if (a->score != b->score) return a->score > b->score;
    if (a->first != b->first) return a->first < b->first;
    return a->pair && !b->pair;
  });

  auto text_of = [&](DisplayKey d) {
    auto first = static_cast<Id>(d >> 32), second = static_cast<Id>(d & 0xFFFFFFFF);
    return second == no_id ? displays[first] : displays[first] + " " + displays[second];
  };
  std::vector<std::string> out;
  std::vector<Id> used;  // stems of the pairs already chosen
  for (const Entry* e : ranked) {
    if (out.size() >= max) break;
    if (!strong(e) && out.size() >= min) break;
    if (e->pair) {
      bool overlaps = std::any_of(e->members.begin(), e->members.end(),
                                  [&](Id m) { return std::find(used.begin(), used.end(), m) != used.end(); });
      if (overlaps) continue;
      used.insert(used.end(), e->members.begin(), e->members.end());
    }
    std::string display = text_of(best_display(*e, first_seen));
    if (std::find(out.begin(), out.end(), display) == out.end()) out.push_back(std::move(display));
  }
  return out;
}

std::vector<std::string> extract_keywords(const Article& article, std::size_t min, std::size_t max) {
  return extract_keywords(Analysis(article), min, max);
}

}  // namespace khabar
