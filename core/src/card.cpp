// make_card: the cleaned article, analysed once and formatted for the reader's locale, as the
// Card every renderer reads. Each field is set here, once.
#include "khabar/card.hpp"

#include "analyse/summary_model.hpp"
#include "format/format_card.hpp"
#include "khabar/analysis.hpp"
#include "khabar/extract.hpp"
#include "khabar/format.hpp"
#include "khabar/language.hpp"
#include "khabar/summarize.hpp"
#include "text/language_tag.hpp"
#include "url.hpp"

namespace khabar {

Card make_card(const CleanedArticle& cleaned, const CardOptions& options) {
  const Article& a = cleaned.article;
  const Analysis analysis(a);
  Formatter f(options.locale, detail::format_options(options), a.language);

  Card card;
  card.locale = f.locale();
  // Well-formed or absent, whoever built the Article ("und" is well-formed: undetermined).
  card.lang = a.language == "und" ? a.language : detail::normalize_language_tag(a.language).value_or("");
  card.dir = a.direction;
  card.ui_lang = f.catalog_language();
  card.ui_dir = direction_of_language(card.ui_lang);
  card.warnings = a.warnings;
  card.id = a.id;
  card.url = detail::safe_url_or_warn(a.url, "url", card.warnings);
  card.title = a.title;
  card.subtitle = a.subtitle;
  card.source = a.source;
  card.credit = a.credit;
  card.authors = a.authors;
  if (a.image) {
    std::string url =
        detail::safe_url_or_warn(detail::resolve_url(a.image->url, card.url), "image.url", card.warnings);
    if (!url.empty()) card.image = Image{url, a.image->alt, a.image->credit};
  }
  card.section = a.section;
  card.tags = a.tags;
  if (a.published) card.published = f.format_date(*a.published);
  if (a.updated) card.updated = f.format_date(*a.updated);
  card.labels = detail::card_labels(f, a);
  card.reading_time = detail::localized(reading_time(analysis), f);
  card.figures = detail::localized(extract_figures(analysis), f);
  card.quotes = extract_quotes(analysis);
  card.keywords = extract_keywords(analysis);
  // The scorer's choice, or the lead when it is not confident, with a warning saying so.
  card.summary = detail::summarize_with(analysis, {options.summary_max_sentences, options.summary_max_chars},
                                        detail::trained_summary_model, &card.warnings);
  card.warnings.insert(card.warnings.end(), f.warnings().begin(), f.warnings().end());
  return card;
}

}  // namespace khabar
