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
  return {
      {"khabar_card", c.version},
      {"locale", c.locale},
      {"lang", c.lang},
      {"dir", to_string(c.dir)},
      {"ui_lang", c.ui_lang},
      {"ui_dir", to_string(c.ui_dir)},
      {"id", c.id},
      {"url", c.url},
      {"title", c.title},
      {"subtitle", c.subtitle},
      {"source", c.source},
      {"credit", c.credit},
      {"authors", c.authors},
      {"published", date_json(c.published)},
      {"updated", date_json(c.updated)},
      {"image", image_json(c.image)},
      {"section", c.section},
      {"tags", c.tags},
      {"reading_time",
       {{"words", c.reading_time.words},
        {"minutes", c.reading_time.minutes},
        {"display", c.reading_time.display}}},
      {"summary", {{"text", c.summary.text}, {"sentences", sentences}}},
      {"figures", figures},
      {"quotes", quotes},
      {"keywords", c.keywords},
      {"labels", {{"read_more", c.labels.read_more}, {"by", c.labels.by}, {"source", c.labels.source}}},
      {"warnings", to_json(c.warnings)},
  };
}

ordered_json to_json(const Article& a) {
  auto ts = [](const std::optional<Timestamp>& t) -> ordered_json {
    return t ? ordered_json(t->iso()) : ordered_json(nullptr);
  };
  return {
      {"khabar", khabar_json_version},
      {"id", a.id},
      {"url", a.url},
      {"title", a.title},
      {"subtitle", a.subtitle},
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
  };
}

}  // namespace detail

std::string render_json(const Card& card, int indent) { return detail::to_json(card).dump(indent); }

std::string to_khabar_json(const Article& article, int indent) {
  return detail::to_json(article).dump(indent);
}

std::string render_inspection(const CleanedArticle& article, int indent) {
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
  };
  return out.dump(indent);
}

}  // namespace khabar
