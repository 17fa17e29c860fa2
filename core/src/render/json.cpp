// The JSON forms: the Card (what analyze() returns), Khabar JSON, and the inspection.
#include "khabar/read.hpp"
#include "khabar/render.hpp"
#include "render/card_json.hpp"

namespace khabar {
namespace detail {
namespace {

ordered_json date_json(const std::optional<CardDate>& d) {
  if (!d) return nullptr;
  return {{"iso", d->iso}, {"date_only", d->date_only}, {"display", d->display}, {"relative", d->relative}};
}

ordered_json image_json(const std::optional<Image>& image) {
  if (!image) return nullptr;
  return {{"url", image->url}, {"alt", image->alt}, {"credit", image->credit}};
}

ordered_json blocks_json(const std::vector<Block>& body) {
  ordered_json out = ordered_json::array();
  for (const auto& b : body) out.push_back({{"type", to_string(b.kind)}, {"text", b.text}});
  return out;
}

// What a Card and Khabar JSON both open with: which story, where, and its headline.
void put_story(ordered_json& j, const std::string& id, const std::string& url, const std::string& title,
               const std::string& subtitle) {
  j["id"] = id;
  j["url"] = url;
  j["title"] = title;
  j["subtitle"] = subtitle;
}

}  // namespace

ordered_json to_json(const Warnings& warnings) {
  ordered_json out = ordered_json::array();
  for (const auto& w : warnings) out.push_back({{"code", w.code}, {"message", w.message}});
  return out;
}

ordered_json to_json(const Card& c) {
  ordered_json sentences = ordered_json::array();
  for (const auto& s : c.summary.sentences)
    sentences.push_back(
        {{"text", s.text}, {"block", s.block}, {"start", s.start}, {"end", s.end}, {"score", s.score}});
  ordered_json figures = ordered_json::array();
  for (const auto& f : c.figures)
    figures.push_back({{"text", f.text}, {"value", f.value}, {"display", f.display}});
  ordered_json quotes = ordered_json::array();
  for (const auto& q : c.quotes) quotes.push_back({{"text", q.text}, {"speaker", q.speaker}});
  ordered_json j{
      {"khabar_card", c.version}, {"locale", c.locale},   {"lang", c.lang},
      {"dir", to_string(c.dir)},  {"ui_lang", c.ui_lang}, {"ui_dir", to_string(c.ui_dir)},
  };
  put_story(j, c.id, c.url, c.title, c.subtitle);
  j["source"] = c.source;
  j["credit"] = c.credit;
  j["authors"] = c.authors;
  j["published"] = date_json(c.published);
  j["updated"] = date_json(c.updated);
  j["image"] = image_json(c.image);
  j["section"] = c.section;
  j["tags"] = c.tags;
  const ReadingTime& r = c.reading_time;
  j["reading_time"] = {{"words", r.words}, {"minutes", r.minutes}, {"display", r.display}};
  j["summary"] = {{"text", c.summary.text}, {"sentences", sentences}};
  j["figures"] = figures;
  j["quotes"] = quotes;
  j["keywords"] = c.keywords;
  j["labels"] = {{"read_more", c.labels.read_more}, {"by", c.labels.by}, {"source", c.labels.source}};
  j["warnings"] = to_json(c.warnings);
  return j;
}

ordered_json to_json(const Article& a) {
  auto ts = [](const std::optional<Timestamp>& t) -> ordered_json {
    return t ? ordered_json(t->iso()) : ordered_json(nullptr);
  };
  ordered_json j{{"khabar", khabar_json_version}};
  put_story(j, a.id, a.url, a.title, a.subtitle);
  j.update(ordered_json{
      {"authors", a.authors},
      {"source", a.source},
      {"credit", a.credit},
      {"published", ts(a.published)},
      {"updated", ts(a.updated)},
      {"language", a.language},
      {"direction", to_string(a.direction)},
      {"body", blocks_json(a.body)},
      {"image", image_json(a.image)},
      {"section", a.section},
      {"tags", a.tags},
  });
  return j;
}

}  // namespace detail

std::string render_json(const Card& card, int indent) { return detail::to_json(card).dump(indent); }

std::string to_khabar_json(const Article& article, int indent) {
  return detail::to_json(article).dump(indent);
}

namespace {

detail::ordered_json inspection(const CleanedArticle& article) {
  detail::ordered_json fixes = detail::ordered_json::array();
  for (const auto& f : article.fixes)
    fixes.push_back({{"kind", f.kind},
                     {"field", f.field},
                     {"offset", f.offset},
                     {"length", f.length},
                     {"replacement", f.replacement}});
  detail::ordered_json out = {
      {"format", to_string(article.original.format)},
      {"language_detected", article.original.language_detected},
      {"article", detail::to_json(article.article)},
      {"original", detail::to_json(article.original)},
      {"fixes", fixes},
      {"warnings", detail::to_json(article.article.warnings)},
      {"origins", article.original.origins},  // where each field came from (HTML pages)
  };
  return out;
}

}  // namespace

std::string render_inspection(const CleanedArticle& article, int indent) {
  return inspection(article).dump(indent);
}

std::string render_inspection(const CleanedArticle& article, const Card& card, int indent) {
  detail::ordered_json out = inspection(article);
  detail::ordered_json sentences = detail::ordered_json::array();
  for (const auto& s : card.summary.sentences) sentences.push_back({{"text", s.text}, {"score", s.score}});
  Warnings summary_warnings;
  for (const auto& w : card.warnings)
    if (w.code.starts_with("summary.")) summary_warnings.push_back(w);
  out["summary"] = {
      {"text", card.summary.text}, {"sentences", sentences}, {"warnings", detail::to_json(summary_warnings)}};
  return out.dump(indent);
}

}  // namespace khabar
