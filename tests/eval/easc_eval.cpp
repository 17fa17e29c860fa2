// khabar_eval: the summarizer on the EASC dev split against the lead at the same length, every
// baseline in the same run, with paired bootstrap intervals (issue #25).
//   khabar_eval EASC.jsonl OUT.jsonl
// OUT gets {topic, summary, card} a line (the summarizer's sentences one a line, the card's text).
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
#include "yardstick.hpp"

namespace {

using namespace khabar::eval;

constexpr std::size_t card_chars = khabar::CardOptions{}.summary_max_chars;
constexpr std::size_t card_sentences = khabar::CardOptions{}.summary_max_sentences;

struct Doc {
  EascItem item;
  khabar::Article article;
};

// What the summarizer gave for one document.
struct Output {
  std::vector<std::string> sentences;  // summary.sentences, no character limit
  std::string card;                    // the card's text at its default length
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
    s.scores.push_back(rouge(text, docs[i]->item.references));
    s.lengths.push_back(token_count(text));
  }
  return s;
}

void tables(const std::string& subset, const std::vector<const Doc*>& docs,
            const std::vector<const Output*>& out) {
  std::vector<std::vector<std::string>> lead, firsts, ranked;
  std::vector<std::size_t> ours_len, card_len;
  for (std::size_t i = 0; i < docs.size(); ++i) {
    lead.push_back(khabar::eval::lead(docs[i]->article, SIZE_MAX));
    firsts.push_back(paragraph_firsts(docs[i]->article));
    ranked.push_back(textrank_ranked(docs[i]->article));
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
      system("textrank-3", docs, [&](std::size_t i) { return join(textrank(docs[i]->article, 3)); }),
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
    docs.reserve(items.size());
    for (auto& item : items) {
      khabar::Article article = khabar::clean(easc_article(item.article)).article;
      docs.push_back({std::move(item), std::move(article)});
    }
    std::vector<Output> outputs;
    for (const Doc& d : docs) {
      khabar::Analysis analysis(d.article);
      Output o;
      for (const auto& s : khabar::summarize(analysis, {card_sentences, 0}).sentences)
        o.sentences.push_back(s.text);
      o.card = khabar::summarize(analysis, {card_sentences, card_chars}).text;
      file << nlohmann::ordered_json{{"topic", d.item.topic},
                                     {"summary", join(o.sentences)},
                                     {"card", o.card}}
                  .dump()
           << "\n";
      outputs.push_back(std::move(o));
    }
    std::printf(
        "EASC %s: %zu articles. Tokens: runs of letters and digits after removing harakat and tatweel\n"
        "and mapping alef variants to alef, no stemming, clitics left attached as written.\n",
        argv[1], docs.size());
    std::vector<const Doc*> all, news;
    std::vector<const Output*> all_out, news_out;
    for (std::size_t i = 0; i < docs.size(); ++i) {
      all.push_back(&docs[i]), all_out.push_back(&outputs[i]);
      if (docs[i].item.source != "Wikipedia") news.push_back(&docs[i]), news_out.push_back(&outputs[i]);
    }
    tables("all articles", all, all_out);
    tables("newspaper articles", news, news_out);
    return 0;
  } catch (const std::exception& e) {
    std::cerr << "khabar_eval: " << e.what() << "\n";
    return 1;
  }
}
