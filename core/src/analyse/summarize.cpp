// Extractive summarization for news.
//
// The lead of a news story is hard to beat: reporters put the story first. So each sentence
// gets the chance that a reader's summary keeps it, from a logistic regression over features
// that carry over between newspapers (summary_features.hpp) learned on EASC's dev split with
// cross-validation by topic (tests/eval's khabar_train); the choice is greedy with a
// redundancy penalty (MMR) within the card's room; and where the choice is not clearly better
// than the lead by the model's own account, the lead is shown instead.
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

// Characters the sentences take in the card's text, one space between two.
std::size_t card_chars(const std::vector<SummaryCandidate>& cs, const std::vector<std::size_t>& chosen) {
  std::size_t n = 0;
  for (std::size_t i : chosen) n += cs[i].chars + (n ? 1 : 0);
  return n;
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

std::vector<std::size_t> select(const std::vector<SummaryCandidate>& cs, const std::vector<double>& chance,
                                const SummaryModel& model, const SummaryOptions& options) {
  std::vector<std::size_t> chosen;
  std::vector<double> overlap(cs.size(), 0.0);  // largest cosine with a chosen sentence
  std::vector<bool> taken(cs.size(), false);
  while (chosen.size() < options.max_sentences) {
    std::size_t used = card_chars(cs, chosen), best = cs.size();
    double best_value = 0;
    for (std::size_t i = 0; i < cs.size(); ++i) {
      if (taken[i] || overlap[i] >= near_duplicate || (i > 0 && cs[i].words < min_words)) continue;
      if (options.max_chars && !chosen.empty() && used + 1 + cs[i].chars > options.max_chars) continue;
      double value = (1 - model.redundancy) * chance[i] - model.redundancy * overlap[i];
      if (best == cs.size() || value > best_value) best = i, best_value = value;
    }
    if (best == cs.size()) break;
    taken[best] = true;
    chosen.push_back(best);
    for (std::size_t i = 0; i < cs.size(); ++i)
      if (!taken[i]) overlap[i] = std::max(overlap[i], cosine(cs[i].vector, cs[best].vector));
  }
  std::sort(chosen.begin(), chosen.end());
  return chosen;
}

// The first max_sentences sentences as card_text shows them: the first always, each later
// one that fits whole.
std::vector<std::size_t> lead(const std::vector<SummaryCandidate>& cs, const SummaryOptions& options) {
  std::vector<std::size_t> out;
  std::size_t used = 0;
  for (std::size_t i = 0; i < cs.size() && i < options.max_sentences; ++i) {
    if (out.empty() || !options.max_chars || used + 1 + cs[i].chars <= options.max_chars) {
      used += cs[i].chars + (out.empty() ? 0 : 1);
      out.push_back(i);
    }
  }
  return out;
}

// The model's account of the choice against the lead cut to as many words: the expected share
// of the choice's words a reader's summary keeps, minus the lead's (the yardstick, in advance).
double gain_over_lead(const std::vector<SummaryCandidate>& cs, const std::vector<double>& chance,
                      const std::vector<std::size_t>& chosen) {
  double kept = 0, words = 0;
  for (std::size_t i : chosen) {
    kept += chance[i] * static_cast<double>(cs[i].words);
    words += static_cast<double>(cs[i].words);
  }
  if (words == 0) return 0;
  double lead_kept = 0, room = words;
  for (std::size_t i = 0; i < cs.size() && room > 0; ++i) {
    double take = std::min(room, static_cast<double>(cs[i].words));
    lead_kept += chance[i] * take;
    room -= take;
  }
  return (kept - lead_kept) / words;
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
    out.gain = gain_over_lead(cs, out.chance, out.chosen);
    if (out.gain < model.min_gain) out.chosen = first, out.lead = true;
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
