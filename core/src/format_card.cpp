// Fills the card's reader-facing text for the reader's locale: dates, labels,
// reading time and figures. Runs at the end of make_card, once the values exist.
#include "detail/format_card.hpp"

#include "khabar/format.hpp"
#include "khabar/language.hpp"

namespace khabar::detail {

void format_card(Card& card, const Article& article, const CardOptions& options) {
  FormatOptions format_options;
  format_options.now = options.now;
  format_options.time_zone = options.time_zone;
  format_options.strict = options.strict;
  Formatter f(options.locale, format_options, article.language);
  card.locale = f.locale();
  card.ui_lang = f.catalog_language();
  card.ui_dir = direction_of_language(card.ui_lang);
  if (article.published) card.published = f.format_date(*article.published);
  if (article.updated) card.updated = f.format_date(*article.updated);

  card.labels.read_more = f.message("read_more");
  card.labels.by = article.authors.empty() ? "" : f.message("by", {{"authors", f.list(article.authors)}});
  card.labels.source = article.source.empty() ? "" : f.message("source", {{"source", article.source}});

  // minutes is 0 only when the text is under a minute (or empty: then nothing is shown).
  if (card.reading_time.minutes > 0 || card.reading_time.words > 0)
    card.reading_time.display = f.reading_time(card.reading_time.minutes);
  for (Figure& figure : card.figures) figure.display = f.localize_digits(figure.text);
  card.warnings.insert(card.warnings.end(), f.warnings().begin(), f.warnings().end());
}

}  // namespace khabar::detail
