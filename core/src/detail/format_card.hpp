#pragma once
// The card's locale formatting, applied last in make_card (after reading time and figures are set).
#include "khabar/card.hpp"

namespace khabar::detail {

void format_card(Card& card, const Article& article, const CardOptions& options);

}  // namespace khabar::detail
