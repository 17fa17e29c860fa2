// khabar_eval: the summarizer on the EASC dev split against the lead at the same length, every
// baseline in the same run, with paired bootstrap intervals (issue #25). Cross-validated: the
// scorer is trained (train.hpp) on four folds of topics and run on the fifth, five times, so
// every figure is on articles its model never saw.
//   khabar_eval EASC.jsonl OUT.jsonl
// OUT gets {topic, fold, summary, card, lead_card, lead_shown} a line.
#include <cstdio>
#include <fstream>
#include <functional>
#include <iostream>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "analyse/summary_rank.hpp"
#include "baselines.hpp"
#include "easc.hpp"
#include "khabar/card.hpp"
#include "khabar/clean.hpp"
#include "train.hpp"
#include "yardstick.hpp"

namespace {

using namespace khabar::eval;

constexpr std::size_t card_chars = khabar::CardOptions{}.summary_max_chars;
constexpr std::size_t card_sentences = khabar::CardOptions{}.summary_max_sentences;

constexpr std::size_t folds = 5;

using Doc = Prepared;

// What the summarizer gave for one document.
struct Output {
  std::vector<std::string> sentences;  // summary.sentences, no character limit
  std::string card;                    // the card's text at its default length
  bool lead_shown = false;             // the card fell back to the lead
};

std::string join(const std::vector<std::string>& sentences) {
  std::string out;
  for (const auto& s : sentences) out += (out.empty() ? "" : "\n") + s;
  return out;
}

SystemScores system(const std::string& name, const std::vector<const Doc*>& docs,
                    const std::function<std::string(std::size_t)>& text_of) {
  SystemScores s{name, {}, {}};
  for (std::size_t i = 0; i < docs.size(); ++i) {
    std::string text = text_of(i);
    s.scores.push_back(rouge(text, docs[i]->item->references));
    s.lengths.push_back(token_count(text));
  }
  return s;
}

void tables(const std::string& subset, const std::vector<const Doc*>& docs,
            const std::vector<const Output*>& out) {
  std::vector<std::vector<std::string>> lead, firsts, ranked;
  std::vector<std::size_t> ours_len, card_len;
  for (std::size_t i = 0; i < docs.size(); ++i) {
    lead.push_back(khabar::eval::lead(*docs[i]->article, SIZE_MAX));
    firsts.push_back(paragraph_firsts(*docs[i]->article));
    ranked.push_back(textrank_ranked(*docs[i]->article));
    ours_len.push_back(token_count(join(out[i]->sentences)));
    card_len.push_back(token_count(out[i]->card));
  }
  auto first_k = [](std::vector<std::string> v, std::size_t k) {
    if (v.size() > k) v.resize(k);
    return v;
  };
  std::vector<SystemScores> at_ours{
      system("khabar (3 sentences)", docs, [&](std::size_t i) { return join(out[i]->sentences); }),
      system("lead cut to our length", docs,
             [&](std::size_t i) { return cut_to_tokens(lead[i], ours_len[i]); }),
      system("lead-3", docs, [&](std::size_t i) { return join(first_k(lead[i], 3)); }),
      system("lead sentences <= ours", docs,
             [&](std::size_t i) { return join(whole_sentences_within(lead[i], ours_len[i], false)); }),
      system("para-firsts <= ours", docs,
             [&](std::size_t i) { return join(whole_sentences_within(firsts[i], ours_len[i], false)); }),
      system("textrank <= ours", docs,
             [&](std::size_t i) { return join(whole_sentences_within(ranked[i], ours_len[i], true)); }),
      system("textrank-3", docs, [&](std::size_t i) { return join(textrank(*docs[i]->article, 3)); }),
  };
  print_table(subset + ", at the summarizer's length", at_ours, 1);

  std::vector<SystemScores> at_card{
      system("card text", docs, [&](std::size_t i) { return out[i]->card; }),
      system("lead cut to card length", docs,
             [&](std::size_t i) { return cut_to_tokens(lead[i], card_len[i]); }),
      system("lead as a card", docs,
             [&](std::size_t i) {
               return khabar::detail::card_text(first_k(lead[i], card_sentences), card_chars);
             }),
      system("lead sentences <= card", docs,
             [&](std::size_t i) { return join(whole_sentences_within(lead[i], card_len[i], false)); }),
  };
  print_table(subset + ", at the card's displayed length (" + std::to_string(card_sentences) +
                  " sentences, " + std::to_string(card_chars) + " characters)",
              at_card, 1);
  std::vector<SystemScores> against_lead_card{at_card[0], at_card[2]};
  print_table(subset + ", the card against the lead shown as a card (the fallback)", against_lead_card, 1);
}

}  // namespace

int main(int argc, char** argv) {
  if (argc != 3) {
    std::cerr << "usage: khabar_eval EASC.jsonl OUT.jsonl\n";
    return 2;
  }
  try {
    auto items = read_easc(argv[1]);
    std::ofstream file(argv[2], std::ios::binary);
    if (!file) throw std::runtime_error(std::string("cannot write ") + argv[2]);
    std::vector<Doc> docs;
    for (const auto& item : items) docs.push_back(prepare(item, folds));
    std::vector<Output> outputs(docs.size());
    std::printf("EASC %s: %zu articles, %zu folds by topic (topic number mod %zu).\n", argv[1], docs.size(),
                folds, folds);
    std::printf(
        "Per fold, R-1 F1 x100, mean difference: ours (3 sentences) - the lead cut to its length; the\n"
        "card - the lead cut to the card's length; the card - the lead shown as a card.\n");
    std::printf("%-5s %5s %4s %-5s %-13s %-13s %-10s | %-10s %-12s %-12s\n", "fold", "docs", "l2", "red",
                "gain/lead_w", "card g/lw", "card lead", "ours-cut", "card-cut", "card-leadcard");
    for (std::size_t f = 0; f < folds; ++f) {
      std::vector<const Prepared*> train_docs;
      for (const auto& d : docs)
        if (d.fold != f) train_docs.push_back(&d);
      Trained trained = train(train_docs);
      const khabar::detail::SummaryModel& model = trained.model;
      double gain_ours = 0, gain_card = 0, gain_card_cut = 0;
      std::size_t n = 0, leads = 0;
      for (std::size_t i = 0; i < docs.size(); ++i) {
        const Doc& d = docs[i];
        if (d.fold != f) continue;
        Output& o = outputs[i];
        auto ours = khabar::detail::choose(d.candidates, model, {card_sentences, 0});
        for (std::size_t k : ours.chosen) o.sentences.emplace_back(d.candidates[k].text);
        auto card = khabar::detail::choose(d.candidates, model, {card_sentences, card_chars});
        o.card = card_of(d, card, card_chars);
        o.lead_shown = card.lead;
        leads += card.lead;
        auto lead_model = model;
        lead_model.min_gain = lead_model.card_min_gain = 2;  // above any gain: always the lead
        std::string lead_card = card_of(
            d, khabar::detail::choose(d.candidates, lead_model, {card_sentences, card_chars}), card_chars);
        auto ours_tokens = summary_tokens(d, ours);
        std::vector<std::string> lead_cut;
        for (const auto& t : d.candidate_tokens)
          for (const auto& x : t)
            if (lead_cut.size() < ours_tokens.size()) lead_cut.push_back(x);
        gain_ours += rouge1(d, ours_tokens) - rouge1(d, lead_cut);
        auto card_tokens = rouge_tokens(o.card);
        gain_card += rouge1(d, card_tokens) - rouge1(d, rouge_tokens(lead_card));
        std::vector<std::string> card_cut;
        for (const auto& t : d.candidate_tokens)
          for (const auto& x : t)
            if (card_cut.size() < card_tokens.size()) card_cut.push_back(x);
        gain_card_cut += rouge1(d, card_tokens) - rouge1(d, card_cut);
        ++n;
        file << nlohmann::ordered_json{{"topic", d.item->topic},       {"fold", f},
                                       {"summary", join(o.sentences)}, {"card", o.card},
                                       {"lead_card", lead_card},       {"lead_shown", o.lead_shown}}
                    .dump()
             << "\n";
      }
      auto mean = [n](double x) { return 100 * x / static_cast<double>(n); };
      std::printf(
          "%-5zu %5zu %4g %-5.2f %+5.2f/%-7.2f %+5.2f/%-7.2f %4zu/%-5zu | %+-10.2f %+-12.2f %+-12.2f\n", f, n,
          trained.l2, model.redundancy, model.min_gain, model.lead_weight, model.card_min_gain,
          model.card_lead_weight, leads, n, mean(gain_ours), mean(gain_card_cut), mean(gain_card));
    }
    std::printf(
        "Tokens: runs of letters and digits after removing harakat and tatweel and mapping alef\n"
        "variants to alef, no stemming, clitics left attached as written.\n");
    std::vector<const Doc*> all, news;
    std::vector<const Output*> all_out, news_out;
    for (std::size_t i = 0; i < docs.size(); ++i) {
      all.push_back(&docs[i]), all_out.push_back(&outputs[i]);
      if (docs[i].item->source != "Wikipedia") news.push_back(&docs[i]), news_out.push_back(&outputs[i]);
    }
    tables("all articles, cross-validated", all, all_out);
    tables("newspaper articles, cross-validated", news, news_out);
    return 0;
  } catch (const std::exception& e) {
    std::cerr << "khabar_eval: " << e.what() << "\n";
    return 1;
  }
}
