#include "khabar/pipeline.hpp"

#include "format/locale_chain.hpp"
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
  auto add = [&](const detail::LanguageInfo* info) {
    if (!info || info->icu_locales.empty()) return;
    for (const std::string& code : out)
      if (code == info->code) return;
    out.emplace_back(info->code);
  };
  // The article's own language: its sentence and word rules.
  add(detail::find_language(article.language));
  // The locale resolve_locale will settle on, along the same chain: a plain tag of a registered
  // language ends the walk, anything else may still fall through to the next candidate.
  for (const std::string& tag : detail::locale_candidates(request.card.locale, article.language)) {
    const detail::LanguageInfo* info = detail::find_language(tag);
    add(info);
    if (info && !info->icu_locales.empty() && detail::plain_locale_tag(tag)) break;
  }
  return out;
}

}  // namespace khabar
