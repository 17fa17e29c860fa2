// Renders many cards in one process for the markup-safety tests: reads JSONL lines
// {"id", "locale", "input"} (input: the article's bytes as text) and writes one line per
// case: {"id", "error"} or {"id", "card", "html", "text"}. Startup once, thousands of cases.
//   khabar_render_cases CASES.jsonl|-  > results.jsonl
#include <fstream>
#include <iostream>
#include <nlohmann/json.hpp>
#include <string>

#include "khabar/khabar.hpp"

int main(int argc, char** argv) {
  if (argc != 2) {
    std::cerr << "usage: khabar_render_cases CASES.jsonl|-\n";
    return 2;
  }
  std::ifstream file;
  std::istream* in = &std::cin;
  if (std::string(argv[1]) != "-") {
    file.open(argv[1], std::ios::binary);
    if (!file) {
      std::cerr << "khabar_render_cases: cannot open " << argv[1] << "\n";
      return 1;
    }
    in = &file;
  }
  std::ios::sync_with_stdio(false);
  std::string line;
  while (std::getline(*in, line)) {
    if (line.empty()) continue;
    nlohmann::json c = nlohmann::json::parse(line);
    nlohmann::json out = {{"id", c.at("id")}};
    khabar::CardOptions options;
    options.locale = c.value("locale", "");
    options.now = khabar::parse_timestamp("2025-11-29T10:00:00+01:00");
    try {
      khabar::Card card = khabar::card_from_bytes(c.at("input").get<std::string>(), {}, options);
      out["card"] = nlohmann::json::parse(khabar::render_json(card));
      out["html"] = khabar::render_html(card);
      out["text"] = khabar::render_text(card);
    } catch (const khabar::Error& e) {
      out["error"] = e.code();
      out["message"] = e.message();
    }
    std::cout << out.dump() << '\n';
  }
  return std::cout ? 0 : 1;
}
