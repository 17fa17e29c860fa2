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

void set_format(Request& r, std::string_view name, std::string_view value) {
  if (value == "json" || value.empty())
    r.format = OutputFormat::json;
  else if (value == "html")
    r.format = OutputFormat::html;
  else if (value == "text")
    r.format = OutputFormat::text;
  else
    invalid(name, "must be json, html or text");
}

void set_now(Request& r, std::string_view, std::string_view value) {
  if (value.empty()) {
    r.card.now.reset();
    return;
  }
  r.card.now = parse_timestamp(value);
  if (!r.card.now) throw Error(codes::invalid_time, "now is not an ISO 8601 time: " + std::string(value));
}

// Every option, once: set_option and is_option read the same table.
struct Option {
  std::string_view name;
  void (*set)(Request&, std::string_view name, std::string_view value);
};

constexpr Option options[] = {
    {"locale", [](Request& r, std::string_view, std::string_view v) { r.card.locale = v; }},
    {"time_zone", [](Request& r, std::string_view, std::string_view v) { r.card.time_zone = v; }},
    {"tz", [](Request& r, std::string_view, std::string_view v) { r.card.time_zone = v; }},
    {"now", set_now},
    // The Content-Type header the bytes came with: its charset decodes an HTML page (WHATWG).
    {"content_type", [](Request& r, std::string_view, std::string_view v) { r.read.content_type = v; }},
    // The Content-Language header the bytes came with: their language when they declare none.
    {"content_language",
     [](Request& r, std::string_view, std::string_view v) { r.read.content_language = v; }},
    {"input",
     [](Request& r, std::string_view name, std::string_view v) {
       auto f = input_format_from_string(v.empty() ? "auto" : v);
       if (!f) invalid(name, "must be auto, khabar, jsonld, html or text");
       r.read.format = *f;
     }},
    {"format", set_format},
    {"heading_level",
     [](Request& r, std::string_view name, std::string_view v) {
       if (v.size() != 1 || v[0] < '1' || v[0] > '6') invalid(name, "must be 1 to 6");
       r.html.heading_level = v[0] - '0';
     }},
    {"max_bytes", [](Request& r, std::string_view name,
                     std::string_view v) { r.read.limits.max_bytes = positive(name, v); }},
    {"strict",
     [](Request& r, std::string_view name, std::string_view v) {
       if (v != "true" && v != "false") invalid(name, "must be true or false");
       r.card.strict = v == "true";
     }},
};

const Option* find_option(std::string_view name) noexcept {
  for (const Option& o : options)
    if (o.name == name) return &o;
  return nullptr;
}

}  // namespace

bool is_option(std::string_view name) noexcept { return find_option(name) != nullptr; }

void set_option(Request& r, std::string_view name, std::string_view value) {
  const Option* o = find_option(name);
  if (!o) throw Error(codes::invalid_option, "unknown option " + std::string(name));
  o->set(r, name, value);
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
