// The card's reader-facing text for the reader's locale: labels, reading time and figures.
#include "format/format_card.hpp"

namespace khabar::detail {

FormatOptions format_options(const CardOptions& options) {
  FormatOptions o;
  o.now = options.now;
  o.time_zone = options.time_zone;
  o.strict = options.strict;
  return o;
}

Labels card_labels(Formatter& f, const Article& article) {
  Labels labels;
  labels.read_more = f.message("read_more");
  labels.by = article.authors.empty() ? "" : f.message("by", {{"authors", f.list(article.authors)}});
  labels.source = article.source.empty() ? "" : f.message("source", {{"source", article.source}});
  return labels;
}

ReadingTime localized(ReadingTime r, Formatter& f) {
  // minutes is 0 only when the text is under a minute (or empty: then nothing is shown).
  if (r.minutes > 0 || r.words > 0) r.display = f.reading_time(r.minutes);
  return r;
}

std::vector<Figure> localized(std::vector<Figure> figures, Formatter& f) {
  for (Figure& figure : figures) figure.display = f.localize_digits(figure.text);
  return figures;
}

}  // namespace khabar::detail
