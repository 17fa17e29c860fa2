#include "easc.hpp"

#include <array>
#include <fstream>
#include <nlohmann/json.hpp>
#include <stdexcept>
#include <string_view>

namespace khabar::eval {

namespace {

std::string_view trim(std::string_view s) {
  while (!s.empty() && (s.front() == ' ' || s.front() == '\t' || s.front() == '\r')) s.remove_prefix(1);
  while (!s.empty() && (s.back() == ' ' || s.back() == '\t' || s.back() == '\r')) s.remove_suffix(1);
  return s;
}

bool ends_sentence(std::string_view line) {
  static constexpr std::array<std::string_view, 10> ends{".", "!", "?", "؟", "…", ":", "\"", "”", "»", ")"};
  for (auto e : ends)
    if (line.size() >= e.size() && line.substr(line.size() - e.size()) == e) return true;
  return false;
}

}  // namespace

std::vector<EascItem> read_easc(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) throw std::runtime_error("cannot open " + path);
  std::vector<EascItem> items;
  std::string line;
  for (std::size_t number = 1; std::getline(in, line); ++number) {
    if (trim(line).empty()) continue;
    try {
      auto j = nlohmann::json::parse(line);
      EascItem item;
      item.topic = j.at("topic").get<std::string>();
      item.source = j.value("source", "");
      item.article = j.at("article").get<std::string>();
      for (const auto& r : j.at("references")) item.references.push_back(r.at("text").get<std::string>());
      items.push_back(std::move(item));
    } catch (const nlohmann::json::exception& e) {
      throw std::runtime_error(path + ":" + std::to_string(number) + ": " + e.what());
    }
  }
  return items;
}

Article easc_article(const std::string& text) {
  Article a;
  a.language = "ar";
  a.direction = Direction::rtl;
  a.format = InputFormat::text;
  std::string paragraph;
  auto flush = [&] {
    if (!paragraph.empty()) a.body.push_back({Block::Kind::paragraph, std::move(paragraph)});
    paragraph.clear();
  };
  std::string_view rest(text);
  while (!rest.empty()) {
    std::size_t nl = rest.find('\n');
    std::string_view line = trim(rest.substr(0, nl));
    rest = nl == std::string_view::npos ? std::string_view{} : rest.substr(nl + 1);
    if (line.empty()) {
      flush();
      continue;
    }
    if (!paragraph.empty()) paragraph += ' ';
    paragraph += line;
    if (ends_sentence(line)) flush();
  }
  flush();
  return a;
}

}  // namespace khabar::eval
