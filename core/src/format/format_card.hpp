#pragma once
// The card's reader-facing text for the reader's locale: what make_card asks the Formatter for.
#include "khabar/analysis.hpp"
#include "khabar/card.hpp"
#include "khabar/format.hpp"

namespace khabar::detail {

FormatOptions format_options(const CardOptions& options);

// The labels (read more, byline, source) from the catalog.
Labels card_labels(Formatter& f, const Article& article);

// The values with their display strings in the locale.
ReadingTime localized(ReadingTime r, Formatter& f);
std::vector<Figure> localized(std::vector<Figure> figures, Formatter& f);

}  // namespace khabar::detail
