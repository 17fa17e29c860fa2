#include "train.hpp"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <set>
#include <stdexcept>

#include "khabar/card.hpp"
#include "khabar/clean.hpp"
#include "rouge.hpp"

namespace khabar::eval {

namespace {

const std::size_t card_chars = CardOptions{}.summary_max_chars;
const std::size_t card_sentences = CardOptions{}.summary_max_sentences;

std::size_t topic_number(const std::string& topic) {
  std::size_t n = 0;
  for (char c : topic)
    if (c >= '0' && c <= '9') n = n * 10 + static_cast<std::size_t>(c - '0');
  return n;
}

std::set<std::string> bigrams(const std::vector<std::string>& tokens) {
  std::set<std::string> out;
  for (std::size_t i = 0; i + 1 < tokens.size(); ++i) out.insert(tokens[i] + ' ' + tokens[i + 1]);
  return out;
}

// Solves a x = b in place (Gaussian elimination with partial pivoting); a is n x n.
std::vector<double> solve(std::vector<std::vector<double>> a, std::vector<double> b) {
  std::size_t n = b.size();
  for (std::size_t c = 0; c < n; ++c) {
    std::size_t p = c;
    for (std::size_t r = c + 1; r < n; ++r)
      if (std::abs(a[r][c]) > std::abs(a[p][c])) p = r;
    std::swap(a[c], a[p]), std::swap(b[c], b[p]);
    if (std::abs(a[c][c]) < 1e-12) throw std::runtime_error("fit_ranking: singular system");
    for (std::size_t r = c + 1; r < n; ++r) {
      double k = a[r][c] / a[c][c];
      for (std::size_t j = c; j < n; ++j) a[r][j] -= k * a[c][j];
      b[r] -= k * b[c];
    }
  }
  std::vector<double> x(n);
  for (std::size_t c = n; c-- > 0;) {
    double s = b[c];
    for (std::size_t j = c + 1; j < n; ++j) s -= a[c][j] * x[j];
    x[c] = s / a[c][c];
  }
  return x;
}

double sigmoid(double z) { return 1 / (1 + std::exp(-z)); }

// The settings tried (min_gain -1: never the lead, 1: always the lead).
const double l2_strengths[] = {3.0, 10.0, 30.0};
const double redundancies[] = {0.0, 0.15, 0.3};
const double lead_weights[] = {0.0, 0.5, 1.0};
const double min_gains[] = {-1.0, -0.05, -0.02, 0.0, 0.01, 0.02, 0.05, 0.1, 1.0};

}  // namespace

double reference_share(const std::vector<std::string>& sentence,
                       const std::vector<std::vector<std::string>>& references) {
  if (sentence.empty() || references.empty()) return 0;
  auto mine = bigrams(sentence);
  double kept = 0;
  for (const auto& r : references) {
    if (mine.empty()) {
      kept += std::find(r.begin(), r.end(), sentence.front()) != r.end();
      continue;
    }
    auto theirs = bigrams(r);
    std::size_t hits = 0;
    for (const auto& b : mine) hits += theirs.count(b);
    kept += static_cast<double>(hits) / static_cast<double>(mine.size());
  }
  return kept / static_cast<double>(references.size());
}

Prepared prepare(const EascItem& item, std::size_t folds) {
  Prepared p;
  p.item = &item;
  p.article = std::make_unique<Article>(clean(easc_article(item.article)).article);
  p.analysis = std::make_unique<Analysis>(*p.article);
  p.candidates = detail::summary_candidates(*p.analysis);
  for (const auto& r : item.references) p.reference_tokens.push_back(rouge_tokens(r));
  for (const auto& c : p.candidates) {
    p.candidate_tokens.push_back(rouge_tokens(c.text));
    p.labels.push_back(reference_share(p.candidate_tokens.back(), p.reference_tokens));
  }
  p.fold = topic_number(item.topic) % folds;
  // KHABAR_TRAIN_MASK=name,name: those features read as 0 (an ablation, trained and scored without them).
  if (const char* mask = std::getenv("KHABAR_TRAIN_MASK")) {
    std::string names = std::string(",") + mask + ",";
    for (std::size_t f = 0; f < detail::feature_count; ++f)
      if (names.find("," + std::string(detail::feature_names[f]) + ",") != std::string::npos)
        for (auto& c : p.candidates) c.features[f] = 0;
  }
  return p;
}

// Within each article, the chance of each sentence is taken as a softmax over its sentences
// (a conditional logit), fitted to the labels normalised to sum to 1 in each article: it learns
// which sentence of an article readers prefer, not how many an article's summaries keep. Then a
// slope and bias on the score fit the labels themselves (logistic), so the chances are on the
// labels' scale. Newton's method; L2 (l2 / 100) on every weight; the bias, which a softmax
// cannot see, stays 0 until the calibration sets it.
detail::Features fit_ranking(const std::vector<const Prepared*>& docs, double l2) {
  constexpr std::size_t n = detail::feature_count;
  detail::Features w{};
  for (int iteration = 0; iteration < 50; ++iteration) {
    std::vector<std::vector<double>> h(n, std::vector<double>(n, 0));
    std::vector<double> g(n, 0);
    for (const Prepared* d : docs) {
      double total = 0;
      for (double y : d->labels) total += y;
      if (total <= 0) continue;
      std::vector<double> z(d->candidates.size());
      double top = -1e300;
      for (std::size_t i = 0; i < z.size(); ++i) {
        z[i] = 0;
        for (std::size_t f = 0; f < n; ++f) z[i] += w[f] * d->candidates[i].features[f];
        top = std::max(top, z[i]);
      }
      double sum = 0;
      for (double& v : z) v = std::exp(v - top), sum += v;
      std::vector<double> mean(n, 0);
      for (std::size_t i = 0; i < z.size(); ++i) {
        double p = z[i] / sum, q = d->labels[i] / total;
        const auto& x = d->candidates[i].features;
        for (std::size_t f = 0; f < n; ++f) {
          g[f] += (p - q) * x[f];
          mean[f] += p * x[f];
          for (std::size_t k = 0; k < n; ++k) h[f][k] += p * x[f] * x[k];
        }
      }
      for (std::size_t f = 0; f < n; ++f)
        for (std::size_t k = 0; k < n; ++k) h[f][k] -= mean[f] * mean[k];
    }
    for (std::size_t f = 0; f < n; ++f) g[f] += l2 * w[f] / 100, h[f][f] += l2 / 100 + 1e-9;
    auto step = solve(h, g);
    double change = 0;
    for (std::size_t f = 0; f < n; ++f) w[f] -= step[f], change = std::max(change, std::abs(step[f]));
    if (change < 1e-10) break;
  }
  // Calibration: labels ~ sigmoid(a + b * score).
  double a = 0, b = 1;
  for (int iteration = 0; iteration < 50; ++iteration) {
    double g0 = 0, g1 = 0, h00 = 1e-9, h01 = 0, h11 = 1e-9;
    for (const Prepared* d : docs)
      for (std::size_t i = 0; i < d->candidates.size(); ++i) {
        double s = 0;
        for (std::size_t f = 0; f < n; ++f) s += w[f] * d->candidates[i].features[f];
        double p = sigmoid(a + b * s), r = p * (1 - p), e = p - d->labels[i];
        g0 += e, g1 += e * s, h00 += r, h01 += r * s, h11 += r * s * s;
      }
    double det = h00 * h11 - h01 * h01;
    double da = (h11 * g0 - h01 * g1) / det, db = (h00 * g1 - h01 * g0) / det;
    a -= da, b -= db;
    if (std::max(std::abs(da), std::abs(db)) < 1e-10) break;
  }
  for (double& x : w) x *= b;
  w[detail::bias] += a;
  return w;
}

double rouge1(const Prepared& doc, const std::vector<std::string>& tokens) {
  double sum = 0;
  for (const auto& r : doc.reference_tokens) sum += rouge_n_f1(tokens, r, 1);
  return doc.reference_tokens.empty() ? 0 : sum / static_cast<double>(doc.reference_tokens.size());
}

std::vector<std::string> summary_tokens(const Prepared& doc, const detail::SummaryChoice& choice) {
  std::vector<std::string> out;
  for (std::size_t i : choice.chosen)
    out.insert(out.end(), doc.candidate_tokens[i].begin(), doc.candidate_tokens[i].end());
  return out;
}

std::string card_of(const Prepared& doc, const detail::SummaryChoice& choice, std::size_t max_chars) {
  std::vector<std::string> texts;
  for (std::size_t i : choice.chosen) texts.emplace_back(doc.candidates[i].text);
  return detail::card_text(texts, max_chars);
}

namespace {

// R-1 of the tokens minus that of the lead cut to as many tokens.
double over_lead_cut(const Prepared& d, const std::vector<std::string>& tokens) {
  std::vector<std::string> lead;
  for (const auto& t : d.candidate_tokens)
    for (const auto& x : t)
      if (lead.size() < tokens.size()) lead.push_back(x);
  return rouge1(d, tokens) - rouge1(d, lead);
}

// One document under one model without the fallback: the choice's confidence and what it and
// the lead score, for the summary (3 sentences: R-1 over the lead cut to its length) or the
// card (R-1 over the lead shown as a card).
struct Outcome {
  double gain = 0, ours = 0, lead = 0;
};

Outcome outcome(const Prepared& d, detail::SummaryModel m, bool on_card) {
  Outcome o;
  m.min_gain = m.card_min_gain = -2;  // below any margin: never the lead
  auto always = m;
  always.min_gain = always.card_min_gain = 2;  // above any margin: always the lead
  if (!on_card) {
    auto ours = detail::choose(d.candidates, m, {card_sentences, 0});
    o.gain = ours.gain;
    o.ours = over_lead_cut(d, summary_tokens(d, ours));
    o.lead = over_lead_cut(d, summary_tokens(d, detail::choose(d.candidates, always, {card_sentences, 0})));
  } else {
    auto card = detail::choose(d.candidates, m, {card_sentences, card_chars});
    o.gain = card.gain;
    double lead =
        rouge1(d, rouge_tokens(card_of(d, detail::choose(d.candidates, always, {card_sentences, card_chars}),
                                       card_chars)));
    auto tokens = rouge_tokens(card_of(d, card, card_chars));
    o.ours = rouge1(d, tokens) - lead;
  }
  return o;
}

// Mean over docs of ours, or the lead's where the margin is below min_gain.
double objective(const std::vector<Outcome>& outcomes, double min_gain) {
  double sum = 0;
  for (const Outcome& o : outcomes) sum += o.gain >= min_gain ? o.ours : o.lead;
  return outcomes.empty() ? 0 : sum / static_cast<double>(outcomes.size());
}

struct Best {
  double objective = 0, lead_weight = 0, min_gain = 0;
  bool set = false;
};

}  // namespace

// The regularisation and redundancy maximise the sum of two objectives, each with its own
// lead_weight and min_gain: the summary's R-1 over the lead cut to its length, and the card's
// over the lead shown as a card.
Trained train(const std::vector<const Prepared*>& docs) {
  std::set<std::size_t> folds;
  for (const Prepared* d : docs) folds.insert(d->fold);
  Trained best;
  bool first = true;
  bool trace = std::getenv("KHABAR_TRAIN_TRACE") != nullptr;
  bool opens_with_first = std::getenv("KHABAR_TRAIN_FREE_OPENING") == nullptr;
  for (double l2 : l2_strengths) {
    std::vector<detail::Features> weights_of_doc(docs.size());
    for (std::size_t f : folds) {
      std::vector<const Prepared*> rest;
      for (const Prepared* d : docs)
        if (d->fold != f) rest.push_back(d);
      detail::Features w = fit_ranking(rest, l2);
      for (std::size_t k = 0; k < docs.size(); ++k)
        if (docs[k]->fold == f) weights_of_doc[k] = w;
    }
    for (double r : redundancies) {
      Best summary, card;
      for (bool on_card : {false, true}) {
        Best& b = on_card ? card : summary;
        for (double lw : lead_weights) {
          std::vector<Outcome> outcomes;
          for (std::size_t k = 0; k < docs.size(); ++k) {
            detail::SummaryModel m{weights_of_doc[k], r, 0, lw, 0, lw, opens_with_first};
            outcomes.push_back(outcome(*docs[k], m, on_card));
          }
          for (double g : min_gains) {
            double o = objective(outcomes, g);
            if (trace)
              std::fprintf(stderr, "l2 %4.0f redundancy %.2f %s lead_weight %.2f min_gain %+.2f: %+.3f\n", l2,
                           r, on_card ? "card   " : "summary", lw, g, 100 * o);
            // Ties keep the setting found first (the grids run from less to more of each).
            if (!b.set || o > b.objective + 1e-12) b = {o, lw, g, true};
          }
        }
      }
      double o = summary.objective + card.objective;
      if (first || o > best.objective + 1e-12) {
        best.model = {
            {}, r, summary.min_gain, summary.lead_weight, card.min_gain, card.lead_weight, opens_with_first};
        best.l2 = l2, best.objective = o, first = false;
      }
    }
  }
  best.model.weights = fit_ranking(docs, best.l2);
  return best;
}

}  // namespace khabar::eval
