// The article model's names (khabar/article.hpp): directions, block kinds, input formats.
#include "khabar/article.hpp"

namespace khabar {

const char* to_string(Direction d) noexcept { return d == Direction::rtl ? "rtl" : "ltr"; }

const char* to_string(Block::Kind k) noexcept { return k == Block::Kind::heading ? "heading" : "paragraph"; }

const char* to_string(InputFormat f) noexcept {
  switch (f) {
    case InputFormat::khabar_json: return "khabar";
    case InputFormat::json_ld: return "jsonld";
    case InputFormat::html: return "html";
    case InputFormat::text: return "text";
    case InputFormat::automatic: break;
  }
  return "auto";
}

std::optional<InputFormat> input_format_from_string(std::string_view name) {
  for (auto f : {InputFormat::automatic, InputFormat::khabar_json, InputFormat::json_ld, InputFormat::html,
                 InputFormat::text}) {
    if (name == to_string(f)) return f;
  }
  return std::nullopt;
}

}  // namespace khabar
