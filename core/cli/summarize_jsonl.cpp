#include "summarize_jsonl.hpp"

#include <nlohmann/json.hpp>

#include "khabar/khabar.hpp"

namespace khabar::cli {

namespace {

// {"article": text, "title"?, "language"?} read as the Khabar JSON it is (the body one string,
// a paragraph a line), so the reader's limits and checks apply as to any other input.
Article plain_text_article(const nlohmann::json& j, const ReadOptions& options) {
  nlohmann::json k{{"khabar", khabar_json_version}, {"body", j.at("article").get<std::string>()}};
  for (const char* field : {"title", "language"})
    if (j.contains(field)) k[field] = j.at(field).get<std::string>();
  ReadOptions as_khabar = options;
  as_khabar.format = InputFormat::khabar_json;
  return read_article(k.dump(), as_khabar);
}

}  // namespace

std::string summarize_jsonl(std::string_view input, const SummaryOptions& options, const ReadOptions& read) {
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
      article = j.contains("article") ? plain_text_article(j, read) : read_article(line, read);
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
