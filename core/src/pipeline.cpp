#include "khabar/pipeline.hpp"

#include <cctype>

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

namespace {

// "ar", "ar-MA", "fr_MA", "en-001": a tag that resolve_locale takes as it is once its language
// has data (no extension or script that could still send it to the next candidate).
bool plain_tag(std::string_view tag) {
  std::size_t cut = tag.find_first_of("-_");
  std::string_view region = cut == std::string_view::npos ? std::string_view() : tag.substr(cut + 1);
  auto all = [](std::string_view s, auto pred) {
    for (char c : s)
      if (!pred(static_cast<unsigned char>(c))) return false;
    return true;
  };
  return (region.empty() || (region.size() == 2 && all(region, ::isalpha)) ||
          (region.size() == 3 && all(region, ::isdigit)));
}

}  // namespace

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
  // The locale resolve_locale will settle on: it tries the request's locale, the article's
  // language, then en, taking the first whose language has data; a plain tag of a registered
  // language ends the walk, anything else may still fall through to the next.
  std::string_view language =
      article.language == "und" ? std::string_view() : std::string_view(article.language);
  for (std::string_view tag : {std::string_view(request.card.locale), language, std::string_view("en")}) {
    if (tag.empty()) continue;
    const detail::LanguageInfo* info = detail::find_language(tag);
    add(info);
    if (info && !info->icu_locales.empty() && plain_tag(tag)) break;
  }
  return out;
}

}  // namespace khabar
