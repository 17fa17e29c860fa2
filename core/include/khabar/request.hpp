#pragma once
// One request for a card: every option a shell can pass, parsed and validated once. The CLI
// fills it from flags, the WebAssembly binding from JSON; both then call card_from_bytes and
// render with it, so an option means, and fails, the same way everywhere.
#include <string_view>

#include "khabar/card.hpp"
#include "khabar/read.hpp"
#include "khabar/render.hpp"

namespace khabar {

enum class OutputFormat { json, html, text };

struct Request {
  ReadOptions read;
  CardOptions card;
  HtmlOptions html;
  OutputFormat format = OutputFormat::json;
};

// The option names, as JSON options spell them (CLI flags: "--time-zone" or "--tz", dashes for
// underscores): locale, now, time_zone, input, format, heading_level, max_bytes, strict.
// Sets one option from its text ("3", "true", "ar-MA"). Throws option.invalid naming the option
// and what it takes, or time.invalid for a `now` that is not ISO 8601.
void set_option(Request& request, std::string_view name, std::string_view value);

// Whether set_option knows the name.
bool is_option(std::string_view name) noexcept;

// A request from a JSON object of options (absent or null: the default). Strings, numbers and
// booleans are read as their text, then as set_option does. Throws option.invalid.
Request request_from_json(std::string_view json);

}  // namespace khabar
