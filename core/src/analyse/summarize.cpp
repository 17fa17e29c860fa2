// Extractive summarization for news.
//
// The lead of a news story is hard to beat: reporters put the story first. So each sentence
// gets the chance that a reader's summary keeps it, from a logistic regression over features
// that carry over between newspapers (summary_features.hpp) learned on EASC's dev split with
// cross-validation by topic (tests/eval's khabar_train); the choice is the set of sentences
// worth most (the words a reader's summary is expected to keep, against the lead at the same
// length, or within the card's room), with a redundancy penalty; and where the choice is not
// clearly better than the lead by the model's own account, the lead is shown instead.
#include <algorithm>
#include <cmath>

#include "analyse/portable_math.hpp"
#include "analyse/summary_model.hpp"
#include "analyse/summary_rank.hpp"
#include "khabar/analysis.hpp"

namespace khabar {

namespace detail {

namespace {

double chance(const Features& x, const Features& w) {
  double z = 0;
  for (std::size_t f = 0; f < feature_count; ++f) z += w[f] * x[f];
  return 1 / (1 + portable_exp(-z));
}

// A sentence this close to one already chosen (TF-IDF cosine) says it again: never chosen,
// whatever the learned redundancy (EASC has no repeated paragraphs to learn that from; scraped
// pages do).
constexpr double near_duplicate = 0.9;

// Fewer words than this is a fragment (a heading or a caption run into the text, "Among the
// most famous earthquakes."), not a line of a summary: only the article's first sentence may be
// one. A reader's rule, not a learned one: short lines fill the card's room and ROUGE barely
// minds them, but they read as noise out of context.
constexpr std::size_t min_words = 6;

// Where the story opens: the first sentence with min_words words that are not numbers (a
// dateline, "الأحد 21 مارس 2024 - 12:45", or a caption before the lead is not) and that does
// not lean on the one before (a set could not open with it), or the first when none is.
std::size_t opening_of(const std::vector<SummaryCandidate>& cs) {
  for (std::size_t i = 0; i < cs.size(); ++i)
    if (cs[i].words - cs[i].numbers >= min_words && !cs[i].dangling) return i;
  return 0;
}

// The words a reader's summary is expected to keep of a set of sentences: chance times words,
// summed. A single sentence the card must cut counts only the words it shows.
struct SetValue {
  double kept = 0, words = 0;
};

double words_shown(const SummaryCandidate& c, std::size_t set_size, const SummaryOptions& options) {
  double w = static_cast<double>(c.words);
  if (options.max_chars && set_size == 1 && c.chars > options.max_chars)
    w *= static_cast<double>(options.max_chars) / static_cast<double>(c.chars);
  return w;
}

SetValue value_of(const std::vector<SummaryCandidate>& cs, const std::vector<double>& chance,
                  const std::vector<std::size_t>& set, const SummaryOptions& options) {
  SetValue v;
  for (std::size_t i : set) {
    double w = words_shown(cs[i], set.size(), options);
    v.kept += chance[i] * w;
    v.words += w;
  }
  return v;
}

// The words a reader's summary is expected to keep of the article's opening cut to a number
// of words: what the yardstick sets beside a summary of that length. Sums over the opening,
// so each question is a binary search.
class LeadCurve {
 public:
  LeadCurve(const std::vector<SummaryCandidate>& cs, const std::vector<double>& chance) {
    words_.push_back(0), kept_.push_back(0);
    for (std::size_t i = 0; i < cs.size(); ++i) {
      words_.push_back(words_.back() + static_cast<double>(cs[i].words));
      kept_.push_back(kept_.back() + chance[i] * static_cast<double>(cs[i].words));
      chance_.push_back(chance[i]);
    }
  }
  double kept(double words) const {
    // The first sentence the cut falls in: words_[i] < words <= words_[i + 1].
    std::size_t i =
        static_cast<std::size_t>(std::lower_bound(words_.begin(), words_.end(), words) - words_.begin());
    if (i == 0) return 0;
    if (i == words_.size()) return kept_.back();
    return kept_[i - 1] + chance_[i - 1] * (words - words_[i - 1]);
  }

 private:
  std::vector<double> words_, kept_, chance_;
};

// What a set is worth: the words it keeps, less lead_weight times what the lead keeps in as
// many words (1: the set's advantage over the lead at its own length; 0: the words it keeps).
double worth(const LeadCurve& lead, const SetValue& v, double lead_weight) {
  return v.kept - lead_weight * lead.kept(v.words);
}

// Sets searched exhaustively over this many subsets at most: the candidates with the highest
// chance, as many as keep the count of sets of up to max_sentences of them within it.
constexpr double max_sets = 4096;

double sets_of(std::size_t n, std::size_t k) {  // subsets of 1..k of n
  double sets = 0, c = 1;
  for (std::size_t j = 1; j <= k && j <= n; ++j)
    c = c * static_cast<double>(n + 1 - j) / static_cast<double>(j), sets += c;
  return sets;
}

std::size_t pool_size(std::size_t eligible, std::size_t k) {
  std::size_t n = std::min(eligible, k);
  while (n < eligible && sets_of(n + 1, k) <= max_sets) ++n;
  return n;
}

// Asked for more sentences than sets can be tried: each step adds the eligible sentence that
// leaves the set worth most (as select() counts it), and the best set seen on the way is kept.
std::vector<std::size_t> select_greedy(const std::vector<SummaryCandidate>& cs,
                                       const std::vector<double>& chance, const SummaryModel& model,
                                       const SummaryOptions& options) {
  LeadCurve curve(cs, chance);
  double lead_weight = options.max_chars ? model.card_lead_weight : model.lead_weight;
  std::vector<double> penalty(cs.size(), 0.0);  // redundancy with the set, in words
  std::vector<bool> out_of_play(cs.size(), false), in_set(cs.size(), false);
  for (std::size_t i = 1; i < cs.size(); ++i) out_of_play[i] = cs[i].words < min_words;
  std::vector<std::size_t> set, best;
  double kept = 0, words = 0, best_worth = 0;
  std::size_t chars = 0;
  while (set.size() < options.max_sentences) {
    std::size_t next = cs.size();
    double next_worth = 0;
    for (std::size_t i = 0; i < cs.size(); ++i) {
      if (out_of_play[i] || (cs[i].dangling && !in_set[i - 1])) continue;
      if (model.opens_with_first && set.empty() && i != opening_of(cs)) continue;
      if (options.max_chars && !set.empty() && chars + 1 + cs[i].chars > options.max_chars) continue;
      double w = static_cast<double>(cs[i].words);
      SetValue v{kept + chance[i] * w - penalty[i], words + w};
      if (set.empty()) v.words = words_shown(cs[i], 1, options), v.kept = chance[i] * v.words;
      double value = worth(curve, v, lead_weight);
      if (next == cs.size() || value > next_worth + 1e-12) next = i, next_worth = value;
    }
    if (next == cs.size()) break;
    const SummaryCandidate& c = cs[next];
    kept += chance[next] * static_cast<double>(c.words) - penalty[next];
    words += static_cast<double>(c.words);
    chars += c.chars + (set.empty() ? 0 : 1);
    set.push_back(next);
    out_of_play[next] = in_set[next] = true;
    for (std::size_t i = 0; i < cs.size(); ++i) {
      if (out_of_play[i]) continue;
      double shared = cosine(cs[i].vector, c.vector);
      out_of_play[i] = shared >= near_duplicate;
      penalty[i] += model.redundancy * shared * static_cast<double>(std::min(cs[i].words, c.words));
    }
    if (best.empty() || next_worth > best_worth - 1e-12) best = set, best_worth = next_worth;
  }
  std::sort(best.begin(), best.end());
  return best;
}

// The set of up to max_sentences candidates that is worth most (worth(), less redundancy
// times the words two of its sentences share: their cosine times the shorter's words), among
// those the card can show whole (or a single sentence it cuts), with no two near-duplicates,
// no fragment but the first sentence, no dangling opener without the sentence before it, and,
// with model.opens_with_first, the story's opening sentence (opening_of) first when it is among
// the likeliest.
std::vector<std::size_t> select(const std::vector<SummaryCandidate>& cs, const std::vector<double>& chance,
                                const SummaryModel& model, const SummaryOptions& options) {
  std::vector<std::size_t> pool;
  for (std::size_t i = 0; i < cs.size(); ++i)
    if (i == 0 || cs[i].words >= min_words) pool.push_back(i);
  std::stable_sort(pool.begin(), pool.end(),
                   [&](std::size_t a, std::size_t b) { return chance[a] > chance[b]; });
  std::size_t k = options.max_sentences;
  if (sets_of(std::min(pool.size(), k), k) > max_sets) return select_greedy(cs, chance, model, options);
  pool.resize(pool_size(pool.size(), k));
  std::sort(pool.begin(), pool.end());

  std::vector<std::vector<double>> shared(pool.size(), std::vector<double>(pool.size(), 0));
  for (std::size_t p = 0; p < pool.size(); ++p)
    for (std::size_t q = 0; q < p; ++q)
      shared[p][q] = shared[q][p] = cosine(cs[pool[p]].vector, cs[pool[q]].vector);

  LeadCurve curve(cs, chance);
  double lead_weight = options.max_chars ? model.card_lead_weight : model.lead_weight;
  // With opens_with_first, sets open with the opening sentence when it is in the pool.
  std::size_t opening = opening_of(cs);
  bool first_only = model.opens_with_first && std::binary_search(pool.begin(), pool.end(), opening);
  std::vector<std::size_t> best, set;  // set: positions in pool
  double best_worth = 0;
  // Depth-first over sets in document order; kept and words are the set's without the cut of
  // a single sentence, which value_of applies.
  auto visit = [&](auto&& self, std::size_t from, std::size_t chars, double kept, double words) -> void {
    if (!set.empty()) {
      SetValue v{kept, words};
      if (set.size() == 1) {
        const SummaryCandidate& c = cs[pool[set[0]]];
        v.words = words_shown(c, 1, options);
        v.kept = chance[pool[set[0]]] * v.words;
      }
      double w = worth(curve, v, lead_weight);
      // On a tie, the larger set: as much said in more words.
      if (best.empty() || w > best_worth + 1e-12 || (w > best_worth - 1e-12 && set.size() > best.size()))
        best = set, best_worth = w;
    }
    if (set.size() == options.max_sentences) return;
    for (std::size_t p = from; p < pool.size(); ++p) {
      if (first_only && set.empty() && pool[p] != opening) continue;
      const SummaryCandidate& c = cs[pool[p]];
      // Sets grow in document order, so the sentence before a dangling one is the last in.
      if (c.dangling && (set.empty() || pool[set.back()] + 1 != pool[p])) continue;
      std::size_t more = chars + c.chars + (set.empty() ? 0 : 1);
      if (options.max_chars && !set.empty() && more > options.max_chars) continue;
      double add = chance[pool[p]] * static_cast<double>(c.words);
      bool repeats = false;
      for (std::size_t q : set) {
        repeats = repeats || shared[p][q] >= near_duplicate;
        add -= model.redundancy * shared[p][q] * static_cast<double>(std::min(c.words, cs[pool[q]].words));
      }
      if (repeats) continue;
      set.push_back(p);
      self(self, p + 1, more, kept + add, words + static_cast<double>(c.words));
      set.pop_back();
    }
  };
  visit(visit, 0, 0, 0.0, 0.0);
  std::vector<std::size_t> out;
  for (std::size_t p : best) out.push_back(pool[p]);
  return out;
}

// The first max_sentences sentences as card_text shows them: the first always, each later
// one that fits whole, does not repeat one already in, and is not a dangling opener after a
// sentence left out.
std::vector<std::size_t> lead(const std::vector<SummaryCandidate>& cs, const SummaryOptions& options) {
  std::vector<std::size_t> out;
  std::size_t used = 0, seen = 0;  // seen: sentences looked at, repeats aside
  for (std::size_t i = 0; i < cs.size() && seen < options.max_sentences; ++i) {
    bool repeats = false;
    for (std::size_t j : out) repeats = repeats || cosine(cs[i].vector, cs[j].vector) >= near_duplicate;
    if (repeats) continue;
    ++seen;
    if (cs[i].dangling && (out.empty() || out.back() != i - 1)) continue;
    if (out.empty() || !options.max_chars || used + 1 + cs[i].chars <= options.max_chars) {
      used += cs[i].chars + (out.empty() ? 0 : 1);
      out.push_back(i);
    }
  }
  return out;
}

// The confidence: the words the choice is expected to keep minus those the lead (as the card
// would show it) keeps, per word of the longer of the two.
double margin_over_lead(const std::vector<SummaryCandidate>& cs, const std::vector<double>& chance,
                        const std::vector<std::size_t>& chosen, const std::vector<std::size_t>& first,
                        const SummaryOptions& options) {
  SetValue ours = value_of(cs, chance, chosen, options), theirs = value_of(cs, chance, first, options);
  double words = std::max(ours.words, theirs.words);
  return words > 0 ? (ours.kept - theirs.kept) / words : 0;
}

}  // namespace

SummaryChoice choose(const std::vector<SummaryCandidate>& cs, const SummaryModel& model,
                     const SummaryOptions& options) {
  SummaryChoice out;
  if (cs.empty() || options.max_sentences == 0) return out;
  for (const auto& c : cs) out.chance.push_back(chance(c.features, model.weights));
  out.chosen = select(cs, out.chance, model, options);
  std::vector<std::size_t> first = lead(cs, options);
  if (out.chosen != first) {
    out.gain = margin_over_lead(cs, out.chance, out.chosen, first, options);
    if (out.gain < (options.max_chars ? model.card_min_gain : model.min_gain))
      out.chosen = first, out.lead = true;
  }
  return out;
}

std::string card_text(const std::vector<std::string>& sentences, std::size_t max_chars) {
  std::string text;
  std::size_t used = 0;
  for (const auto& s : sentences) {
    std::size_t n = count_characters(s);
    std::size_t gap = text.empty() ? 0 : 1;
    if (max_chars == 0 || used + gap + n <= max_chars) {
      if (gap) text += ' ';
      text += s;
      used += gap + n;
    } else if (text.empty()) {
      return shorten(s, max_chars);
    }
  }
  return text;
}

Summary summarize_with(const Analysis& analysis, const SummaryOptions& options, const SummaryModel& model,
                       Warnings* warnings) {
  Summary summary;
  std::vector<SummaryCandidate> cs = summary_candidates(analysis);
  SummaryChoice choice = choose(cs, model, options);
  std::vector<std::string> texts;
  for (std::size_t i : choice.chosen) {
    const SummaryCandidate& c = cs[i];
    summary.sentences.push_back(
        {std::string(c.text), c.where.block, c.where.start, c.where.end, choice.chance[i]});
    texts.push_back(summary.sentences.back().text);
  }
  summary.text = card_text(texts, options.max_chars);
  if (choice.lead && warnings)
    warnings->push_back(
        {"summary.lead_shown",
         "the summary shows the article's opening sentences: the sentences the scorer preferred "
         "were not clearly better than the lead"});
  return summary;
}

}  // namespace detail

Summary summarize(const Analysis& analysis, const SummaryOptions& options) {
  return detail::summarize_with(analysis, options, detail::trained_summary_model);
}

Summary summarize(const Article& cleaned, const SummaryOptions& options) {
  return summarize(Analysis(cleaned), options);
}

}  // namespace khabar
