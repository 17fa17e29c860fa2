#pragma once
// Where each part of the card goes in the picture: the source, the title, the date and
// reading time, the summary, the figure chips and the picture, mirrored for right-to-left.
#include "image/scene.hpp"
#include "khabar/card.hpp"
#include "khabar/image.hpp"

namespace khabar::detail {

Scene layout_card(const Card& card, const ImageOptions& options, const Fonts& fonts, bool with_picture);

}  // namespace khabar::detail
