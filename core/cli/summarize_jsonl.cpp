#include "summarize_jsonl.hpp"

#include <nlohmann/json.hpp>

#include "khabar/khabar.hpp"

namespace khabar::cli {

namespace {

Article plain_text_article(const nlohmann::json& j) {
  Article a;
  a.format = InputFormat::text;
  auto text = j.at("article").get<std::string>();
  if (j.contains("title")) a.title = j.at("title").get<std::string>();
  for (std::size_t start = 0; start <= text.size();) {
    std::size_t nl = text.find('\n', start);
    std::string line = text.substr(start, nl == std::string::npos ? std::string::npos : nl - start);
    if (line.find_first_not_of(" \t\r") != std::string::npos)
      a.body.push_back({Block::Kind::paragraph, line});
    if (nl == std::string::npos) break;
    start = nl + 1;
  }
  if (j.contains("language")) {
    a.language = j.at("language").get<std::string>();
    a.direction = direction_of_language(a.language);
  } else {
    LanguageGuess guess = detect_language(text);
    a.language = guess.language;
    a.direction = guess.direction;
    a.language_detected = true;
  }
  return a;
}

}  // namespace

std::string summarize_jsonl(std::string_view input, const SummaryOptions& options) {
  std::string out;
  std::size_t number = 0;
  for (std::size_t start = 0; start < input.size();) {
    std::size_t nl = input.find('\n', start);
    std::string_view line =
        input.substr(start, nl == std::string_view::npos ? std::string_view::npos : nl - start);
    start = nl == std::string_view::npos ? input.size() : nl + 1;
    ++number;
    if (line.find_first_not_of(" \t\r") == std::string_view::npos) continue;
    auto where = "line " + std::to_string(number) + ": ";
    nlohmann::json j = nlohmann::json::parse(line, nullptr, false);
    if (j.is_discarded() || !j.is_object()) throw Error(codes::invalid_json, where + "not a JSON object");
    Article article;
    try {
      article = j.contains("article") ? plain_text_article(j) : read_article(line);
    } catch (const nlohmann::json::exception&) {
      throw Error(codes::invalid_field, where + "\"article\", \"title\" and \"language\" must be strings");
    } catch (const Error& e) {
      throw Error(e.code(), where + e.message());
    }
    std::string summary;
    for (const auto& s : summarize(clean(article).article, options).sentences)
      summary += (summary.empty() ? "" : "\n") + s.text;
    nlohmann::json topic = j.contains("topic") ? j.at("topic") : nlohmann::json(nullptr);
    out += nlohmann::ordered_json{{"topic", topic}, {"summary", summary}}.dump() + "\n";
  }
  return out;
}

}  // namespace khabar::cli
