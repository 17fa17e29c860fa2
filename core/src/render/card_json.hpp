#pragma once
#include <nlohmann/json.hpp>

#include "khabar/card.hpp"

namespace khabar::detail {

using ordered_json = nlohmann::ordered_json;

ordered_json to_json(const Card& card);
ordered_json to_json(const Article& article);
ordered_json to_json(const Warnings& warnings);

}  // namespace khabar::detail
