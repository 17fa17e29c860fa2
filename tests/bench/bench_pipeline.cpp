// khabar_bench: the whole analysis of one article (read -> clean -> summarize, and
// read -> clean -> make_card) on articles of 1k, 10k and 100k words, with time, peak
// heap and the growth exponent between sizes (1 = linear, 2 = quadratic).
//
// Articles are the seed's paragraphs repeated in a shuffled order (fixed seed), so they
// read like news text: same sentence lengths, same vocabulary, many repeats.
#include <benchmark/benchmark.h>
#include <sys/resource.h>

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <fstream>
#include <iostream>
#include <map>
#include <random>
#include <sstream>
#include <string>
#include <vector>

#include "counting_allocator.hpp"
#include "khabar/khabar.hpp"
#include "khabar/summarize.hpp"

namespace {

std::string read_seed() {
  std::ifstream in(KHABAR_SOURCE_DIR "/examples/seed-article-ar.txt", std::ios::binary);
  if (!in) throw std::runtime_error("missing examples/seed-article-ar.txt");
  std::ostringstream s;
  s << in.rdbuf();
  return s.str();
}

std::size_t count_words(const std::string& s) {
  std::size_t n = 0;
  bool in = false;
  for (char c : s) {
    bool space = c == ' ' || c == '\n';
    n += !space && !in;
    in = !space;
  }
  return n;
}

// The seed's title and byline lines, then its paragraphs in shuffled rounds until the
// article has `words` words. Plain text, one paragraph a line, as scraped.
std::string make_article(std::size_t words) {
  std::istringstream seed(read_seed());
  std::vector<std::string> lines;
  for (std::string line; std::getline(seed, line);)
    if (!line.empty()) lines.push_back(line);
  std::string out = lines[0] + "\n" + lines[1] + "\n";
  std::vector<std::string> paragraphs(lines.begin() + 2, lines.end());
  std::mt19937 rng(42);
  std::size_t n = 0;
  while (n < words) {
    std::shuffle(paragraphs.begin(), paragraphs.end(), rng);
    for (const auto& p : paragraphs) {
      if (n >= words) break;
      out += p + "\n";
      n += count_words(p);
    }
  }
  return out;
}

const std::string& article_of(std::size_t words) {
  static std::map<std::size_t, std::string> cache;
  auto& slot = cache[words];
  if (slot.empty()) slot = make_article(words);
  return slot;
}

long max_rss_kb() {
  rusage u{};
  getrusage(RUSAGE_SELF, &u);
  return u.ru_maxrss;
}

template <class Step>
void run(benchmark::State& state, Step step) {
  const std::string& bytes = article_of(static_cast<std::size_t>(state.range(0)));
  long rss_before = max_rss_kb();
  std::size_t peak = 0;
  for (auto _ : state) {
    std::size_t base = khabar::bench::live_bytes();
    khabar::bench::reset_peak();
    benchmark::DoNotOptimize(step(bytes));
    peak = std::max(peak, khabar::bench::peak_bytes() - base);
  }
  state.counters["words"] = static_cast<double>(state.range(0));
  state.counters["bytes"] = static_cast<double>(bytes.size());
  state.counters["peak_heap_MB"] = static_cast<double>(peak) / (1024.0 * 1024.0);
  state.counters["maxrss_delta_MB"] = static_cast<double>(max_rss_kb() - rss_before) / 1024.0;
}

khabar::ReadOptions read_options() {
  khabar::ReadOptions o;
  o.format = khabar::InputFormat::text;
  return o;
}

void BM_Summarize(benchmark::State& state) {
  run(state, [](const std::string& bytes) {
    auto cleaned = khabar::clean(khabar::read_article(bytes, read_options()));
    return khabar::summarize(cleaned.article).sentences.size();
  });
}

void BM_Card(benchmark::State& state) {
  run(state, [](const std::string& bytes) {
    auto cleaned = khabar::clean(khabar::read_article(bytes, read_options()));
    return khabar::make_card(cleaned).summary.sentences.size();
  });
}

BENCHMARK(BM_Summarize)->Arg(1000)->Arg(10000)->Arg(100000)->Unit(benchmark::kMillisecond);
BENCHMARK(BM_Card)->Arg(1000)->Arg(10000)->Arg(100000)->Unit(benchmark::kMillisecond);

// Prints what the console reporter prints, and keeps time and peak heap per size for the
// growth exponents.
class GrowthReporter : public benchmark::ConsoleReporter {
 public:
  struct Point {
    double words, cpu_ms, peak_mb;  // CPU time: the machine is shared, wall time is noisy
  };
  std::map<std::string, std::vector<Point>> series;

  void ReportRuns(const std::vector<Run>& runs) override {
    ConsoleReporter::ReportRuns(runs);
    for (const auto& r : runs) {
      if (r.run_type != Run::RT_Iteration || r.error_occurred) continue;
      std::string name = r.benchmark_name();
      name = name.substr(0, name.find('/'));
      series[name].push_back(
          {r.counters.at("words").value, r.GetAdjustedCPUTime(), r.counters.at("peak_heap_MB").value});
    }
  }
};

}  // namespace

int main(int argc, char** argv) {
  try {
    khabar::bench::count_icu_allocations();
  } catch (const std::exception& e) {
    std::cerr << "note: ICU allocations not counted (" << e.what() << ")\n";
  }
  benchmark::Initialize(&argc, argv);
  if (benchmark::ReportUnrecognizedArguments(argc, argv)) return 1;
  GrowthReporter reporter;
  benchmark::RunSpecifiedBenchmarks(&reporter);
  benchmark::Shutdown();

  std::printf("\nGrowth exponents (log-log slope between sizes; 1 = linear, 2 = quadratic):\n");
  for (const auto& [name, points] : reporter.series) {
    for (std::size_t i = 1; i < points.size(); ++i) {
      const auto& a = points[i - 1];
      const auto& b = points[i];
      double dx = std::log(b.words / a.words);
      std::printf("  %-14s %6.0f -> %6.0f words: CPU time %.2f, peak heap %.2f\n", name.c_str(), a.words,
                  b.words, std::log(b.cpu_ms / a.cpu_ms) / dx, std::log(b.peak_mb / a.peak_mb) / dx);
    }
  }
  return 0;
}
