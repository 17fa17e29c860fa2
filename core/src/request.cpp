#include "khabar/request.hpp"

#include <charconv>
#include <nlohmann/json.hpp>
#include <string>

namespace khabar {

namespace {

[[noreturn]] void invalid(std::string_view name, std::string_view takes) {
  throw Error(codes::invalid_option, std::string(name) + " " + std::string(takes));
}

std::size_t positive(std::string_view name, std::string_view value) {
  std::size_t n = 0;
  auto [end, ec] = std::from_chars(value.data(), value.data() + value.size(), n);
  if (ec != std::errc() || end != value.data() + value.size() || n == 0)
    invalid(name, "takes a positive whole number");
  return n;
}

constexpr std::string_view option_names[] = {"locale", "now",           "time_zone", "tz",    "input",
                                             "format", "heading_level", "max_bytes", "strict"};

}  // namespace

bool is_option(std::string_view name) noexcept {
  for (std::string_view n : option_names)
    if (n == name) return true;
  return false;
}

void set_option(Request& r, std::string_view name, std::string_view value) {
  if (name == "locale") {
    r.card.locale = value;
  } else if (name == "time_zone" || name == "tz") {
    r.card.time_zone = value;
  } else if (name == "now") {
    if (value.empty()) {
      r.card.now.reset();
      return;
    }
    r.card.now = parse_timestamp(value);
    if (!r.card.now) throw Error(codes::invalid_time, "now is not an ISO 8601 time: " + std::string(value));
  } else if (name == "input") {
    auto f = input_format_from_string(value.empty() ? "auto" : value);
    if (!f) invalid(name, "must be auto, khabar, jsonld, html or text");
    r.read.format = *f;
  } else if (name == "format") {
    if (value == "json" || value.empty())
      r.format = OutputFormat::json;
    else if (value == "html")
      r.format = OutputFormat::html;
    else if (value == "text")
      r.format = OutputFormat::text;
    else
      invalid(name, "must be json, html or text");
  } else if (name == "heading_level") {
    if (value.size() != 1 || value[0] < '1' || value[0] > '6') invalid(name, "must be 1 to 6");
    r.html.heading_level = value[0] - '0';
  } else if (name == "max_bytes") {
    r.read.limits.max_bytes = positive(name, value);
  } else if (name == "strict") {
    if (value != "true" && value != "false") invalid(name, "must be true or false");
    r.card.strict = value == "true";
  } else {
    throw Error(codes::invalid_option, "unknown option " + std::string(name));
  }
}

Request request_from_json(std::string_view json) {
  Request r;
  if (json.empty()) return r;
  nlohmann::json j = nlohmann::json::parse(json, nullptr, /*allow_exceptions=*/false);
  if (!j.is_object()) throw Error(codes::invalid_option, "options must be a JSON object");
  for (const auto& [name, value] : j.items()) {
    if (value.is_null()) continue;
    if (value.is_string())
      set_option(r, name, value.get_ref<const std::string&>());
    else if (value.is_number_unsigned() || value.is_boolean())
      set_option(r, name, value.dump());
    else
      invalid(name, "must be a string, a whole number or a boolean");
  }
  return r;
}

}  // namespace khabar
