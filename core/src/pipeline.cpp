#include "khabar/pipeline.hpp"

#include "text/languages.hpp"

namespace khabar {

Card card_from_bytes(std::string_view bytes, const ReadOptions& read, const CardOptions& card) {
  return make_card(clean(read_article(bytes, read)), card);
}

std::string render(const Card& card, OutputFormat format, const HtmlOptions& html) {
  switch (format) {
    case OutputFormat::html: return render_html(card, html);
    case OutputFormat::text: return render_text(card);
    case OutputFormat::json: break;
  }
  return render_json(card);
}

std::vector<std::string> locale_data_languages(const Article& article, const Request& request) {
  std::vector<std::string> out;
  for (std::string_view tag : {std::string_view(request.card.locale), std::string_view(article.language)}) {
    const detail::LanguageInfo* info = detail::find_language(tag);
    if (!info || info->icu_locales.empty()) continue;
    std::string code(info->code);
    if (out.empty() || out.front() != code) out.push_back(std::move(code));
  }
  return out;
}

std::string render_request(std::string_view bytes, const Request& request) {
  return render(card_from_bytes(bytes, request.read, request.card), request.format, request.html);
}

}  // namespace khabar
