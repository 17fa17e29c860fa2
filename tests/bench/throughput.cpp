// khabar_throughput: whole cards (read -> clean -> analyse -> format -> JSON) per second
// over the articles of a JSONL file ({"article": text} a line, e.g. the EASC dev split).
// The wasm benchmark (tests/bench/wasm_bench.mjs) runs the same loop in Node and prints
// the ratio against this program's figure.
#include <chrono>
#include <cstdio>
#include <fstream>
#include <iostream>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "khabar/pipeline.hpp"

int main(int argc, char** argv) {
  if (argc < 2) {
    std::cerr << "usage: khabar_throughput FILE.jsonl [min-seconds]\n";
    return 2;
  }
  double min_seconds = argc > 2 ? std::stod(argv[2]) : 3.0;
  std::ifstream in(argv[1]);
  if (!in) {
    std::cerr << "khabar_throughput: cannot open " << argv[1] << "\n";
    return 1;
  }
  std::vector<std::string> articles;
  for (std::string line; std::getline(in, line);)
    if (!line.empty()) articles.push_back(nlohmann::json::parse(line).at("article").get<std::string>());
  khabar::CardOptions options;
  options.locale = "ar";
  std::size_t done = 0, bytes = 0;
  auto start = std::chrono::steady_clock::now();
  double elapsed = 0;
  while (elapsed < min_seconds) {
    for (const auto& a : articles) {
      bytes += khabar::render(khabar::card_from_bytes(a, {}, options), khabar::OutputFormat::json).size();
      ++done;
    }
    elapsed = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  }
  std::printf("native: %zu cards in %.3f s: %.1f articles/s (%zu bytes of JSON)\n", done, elapsed,
              static_cast<double>(done) / elapsed, bytes);
  return 0;
}
