#pragma once
// JSON parsing with the library's limits and error codes, and typed field access.
#include <nlohmann/json.hpp>
#include <string>
#include <string_view>
#include <vector>

#include "khabar/read.hpp"

namespace khabar::detail {

using json = nlohmann::json;

// Throws parse.invalid_json (with the byte position) or input.too_deep. A lone UTF-16
// surrogate escape ("\ud800" without its pair, as JSON.stringify writes a string cut in the
// middle of an emoji) becomes U+FFFD with an "input.lone_surrogate_replaced" warning when
// `warnings` is given; without it the escape is parse.invalid_json.
json parse_json(std::string_view text, const Limits& limits, Warnings* warnings = nullptr);

// A string field, or "" when absent or null; parse.invalid_field when another type.
// Whether a number stands for its text (JSON-LD, as publishers write it: "wordCount": 500) or
// is refused like any other wrong type (Khabar JSON, whose every field has one type).
enum class NumberAsText { yes, no };
std::string string_field(const json& object, const char* key, std::string_view where,
                         NumberAsText numbers = NumberAsText::yes);

// A field that may be a string or an array of strings.
std::vector<std::string> string_list_field(const json& object, const char* key, std::string_view where);

}  // namespace khabar::detail
