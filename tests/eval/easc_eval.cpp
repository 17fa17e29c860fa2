// khabar_eval: ROUGE of the summarizer against Lead-3 and TextRank on the EASC dev split,
// all in one run, over all articles and over the newspaper ones.
//   khabar_eval EASC.jsonl OUT.jsonl [--weights name=value,...]
// OUT gets {topic, summary} a line (the summarizer's sentences, one a line). --weights
// overrides ranking weights (names as in core/src/detail/summary_rank.hpp) for tuning.
#include <cstdio>
#include <fstream>
#include <iostream>
#include <map>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "analyse/summary_rank.hpp"
#include "baselines.hpp"
#include "easc.hpp"
#include "khabar/clean.hpp"
#include "rouge.hpp"

namespace {

using khabar::eval::RougeScores;

struct Mean {
  RougeScores sum;
  std::size_t n = 0;
  void add(const RougeScores& s) { sum.r1 += s.r1, sum.r2 += s.r2, sum.rl += s.rl, ++n; }
  double r1() const { return n ? 100 * sum.r1 / static_cast<double>(n) : 0; }
  double r2() const { return n ? 100 * sum.r2 / static_cast<double>(n) : 0; }
  double rl() const { return n ? 100 * sum.rl / static_cast<double>(n) : 0; }
};

std::string join(const std::vector<std::string>& sentences) {
  std::string out;
  for (const auto& s : sentences) out += (out.empty() ? "" : "\n") + s;
  return out;
}

khabar::detail::RankWeights parse_weights(const std::string& spec) {
  khabar::detail::RankWeights w;
  std::map<std::string, double*> fields{
      {"position", &w.position},       {"position_decay", &w.position_decay},
      {"centrality", &w.centrality},   {"title", &w.title},
      {"short_words", &w.short_words}, {"long_words", &w.long_words},
      {"redundancy", &w.redundancy},   {"numbers", &w.numbers}};
  std::size_t start = 0;
  while (start < spec.size()) {
    std::size_t comma = spec.find(',', start);
    std::string item = spec.substr(start, comma - start);
    std::size_t eq = item.find('=');
    auto it = fields.find(item.substr(0, eq));
    if (eq == std::string::npos || it == fields.end())
      throw std::runtime_error("bad --weights item: " + item);
    *it->second = std::stod(item.substr(eq + 1));
    if (comma == std::string::npos) break;
    start = comma + 1;
  }
  return w;
}

}  // namespace

int main(int argc, char** argv) {
  if (argc != 3 && !(argc == 5 && std::string(argv[3]) == "--weights")) {
    std::cerr << "usage: khabar_eval EASC.jsonl OUT.jsonl [--weights name=value,...]\n";
    return 2;
  }
  try {
    auto weights = argc == 5 ? parse_weights(argv[4]) : khabar::detail::RankWeights{};
    auto items = khabar::eval::read_easc(argv[1]);
    std::ofstream out(argv[2], std::ios::binary);
    if (!out) throw std::runtime_error(std::string("cannot write ") + argv[2]);

    const char* names[] = {"khabar", "lead-3", "textrank"};
    Mean all[3], news[3];
    for (const auto& item : items) {
      khabar::Article article = khabar::clean(khabar::eval::easc_article(item.article)).article;
      khabar::Summary summary = khabar::detail::summarize_with(khabar::Analysis(article), {3, 0}, weights);
      std::vector<std::string> ours;
      for (const auto& s : summary.sentences) ours.push_back(s.text);
      std::vector<std::string> picks[3] = {ours, khabar::eval::lead(article, 3),
                                           khabar::eval::textrank(article, 3)};
      for (int m = 0; m < 3; ++m) {
        auto scores = khabar::eval::rouge(join(picks[m]), item.references);
        all[m].add(scores);
        if (item.source != "Wikipedia") news[m].add(scores);
      }
      out << nlohmann::ordered_json{{"topic", item.topic}, {"summary", join(ours)}}.dump() << "\n";
    }
    std::printf("EASC %s: %zu articles, %zu from newspapers. ROUGE F1 x100, mean over 5 references.\n",
                argv[1], all[0].n, news[0].n);
    std::printf("%-10s | %6s %6s %6s | %6s %6s %6s\n", "", "all", "", "", "news", "", "");
    std::printf("%-10s | %6s %6s %6s | %6s %6s %6s\n", "method", "R-1", "R-2", "R-L", "R-1", "R-2", "R-L");
    for (int m = 0; m < 3; ++m)
      std::printf("%-10s | %6.2f %6.2f %6.2f | %6.2f %6.2f %6.2f\n", names[m], all[m].r1(), all[m].r2(),
                  all[m].rl(), news[m].r1(), news[m].r2(), news[m].rl());
    return 0;
  } catch (const std::exception& e) {
    std::cerr << "khabar_eval: " << e.what() << "\n";
    return 1;
  }
}
