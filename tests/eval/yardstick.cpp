#include "yardstick.hpp"

#include <algorithm>
#include <cstdio>
#include <random>

namespace khabar::eval {

std::size_t token_count(const std::string& text) { return rouge_tokens(text).size(); }

std::string cut_to_tokens(const std::vector<std::string>& sentences, std::size_t tokens) {
  std::string out;
  std::size_t taken = 0;
  for (const auto& s : sentences) {
    for (const auto& t : rouge_tokens(s)) {
      if (taken == tokens) return out;
      out += (out.empty() ? "" : " ") + t;
      ++taken;
    }
  }
  return out;
}

std::vector<std::string> whole_sentences_within(const std::vector<std::string>& ranked, std::size_t tokens,
                                                bool skip) {
  std::vector<std::string> out;
  std::size_t used = 0;
  for (const auto& s : ranked) {
    std::size_t n = token_count(s);
    if (out.empty() || used + n <= tokens) {
      out.push_back(s);
      used += n;
    } else if (!skip) {
      break;
    }
  }
  return out;
}

Interval paired_bootstrap(const std::vector<double>& a, const std::vector<double>& b, std::size_t resamples,
                          std::uint64_t seed) {
  Interval out;
  std::size_t n = std::min(a.size(), b.size());
  if (n == 0) return out;
  std::vector<double> d(n);
  for (std::size_t i = 0; i < n; ++i) d[i] = a[i] - b[i], out.mean += d[i];
  out.mean = 100 * out.mean / static_cast<double>(n);
  std::mt19937_64 rng(seed);
  std::vector<double> means(resamples);
  for (auto& m : means) {
    double sum = 0;
    // rng() % n: the modulo bias is below 1e-16 for any n here; std::uniform_int_distribution
    // would differ between standard libraries, and the figures should not.
    for (std::size_t i = 0; i < n; ++i) sum += d[rng() % n];
    m = 100 * sum / static_cast<double>(n);
  }
  std::sort(means.begin(), means.end());
  auto at = [&](double q) {
    auto i = static_cast<std::size_t>(q * static_cast<double>(resamples - 1) + 0.5);
    return means[std::min(i, resamples - 1)];
  };
  out.low = at(0.025), out.high = at(0.975);
  return out;
}

namespace {

std::vector<double> column(const SystemScores& s, double RougeScores::*field) {
  std::vector<double> out;
  for (const auto& x : s.scores) out.push_back(x.*field);
  return out;
}

double mean(const std::vector<double>& v) {
  double sum = 0;
  for (double x : v) sum += x;
  return v.empty() ? 0 : sum / static_cast<double>(v.size());
}

}  // namespace

void print_table(const std::string& heading, std::span<const SystemScores> systems, std::size_t baseline) {
  constexpr std::size_t resamples = 2000;
  constexpr std::uint64_t seed = 25;
  std::printf("\n%s (n = %zu; ROUGE F1 x100; diff = system - %s, paired bootstrap %zu resamples, 95%% CI)\n",
              heading.c_str(), systems.empty() ? 0 : systems[0].scores.size(), systems[baseline].name.c_str(),
              resamples);
  std::printf("%-26s %6s | %6s %6s %6s | %-22s %-22s %-22s\n", "system", "tokens", "R-1", "R-2", "R-L",
              "diff R-1 [CI]", "diff R-2 [CI]", "diff R-L [CI]");
  for (std::size_t m = 0; m < systems.size(); ++m) {
    const SystemScores& s = systems[m];
    double length = 0;
    for (auto l : s.lengths) length += static_cast<double>(l);
    length /= s.lengths.empty() ? 1 : static_cast<double>(s.lengths.size());
    std::printf("%-26s %6.1f | %6.2f %6.2f %6.2f |", s.name.c_str(), length,
                100 * mean(column(s, &RougeScores::r1)), 100 * mean(column(s, &RougeScores::r2)),
                100 * mean(column(s, &RougeScores::rl)));
    for (auto field : {&RougeScores::r1, &RougeScores::r2, &RougeScores::rl}) {
      if (m == baseline) {
        std::printf(" %-22s", "(baseline)");
        continue;
      }
      Interval d = paired_bootstrap(column(s, field), column(systems[baseline], field), resamples, seed);
      char cell[64];
      std::snprintf(cell, sizeof cell, "%+.2f [%+.2f,%+.2f]", d.mean, d.low, d.high);
      std::printf(" %-22s", cell);
    }
    std::printf("\n");
  }
}

}  // namespace khabar::eval
