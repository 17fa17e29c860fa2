#pragma once
// Errors and warnings. Every failure the library reports carries a stable dotted
// code (`parse.invalid_json`) that callers, the CLI and the JS shim match on;
// the message is for people and may change.
#include <stdexcept>
#include <string>
#include <vector>

namespace khabar {

// The stable codes. Kept as constants so a typo is a compile error, not a new code.
namespace codes {
inline constexpr const char* invalid_json = "parse.invalid_json";
inline constexpr const char* no_article = "parse.no_article";
inline constexpr const char* invalid_field = "parse.invalid_field";
inline constexpr const char* unsupported_version = "parse.unsupported_version";
inline constexpr const char* empty_input = "input.empty";
inline constexpr const char* invalid_utf8 = "input.invalid_utf8";
inline constexpr const char* too_large = "input.too_large";
inline constexpr const char* too_deep = "input.too_deep";
inline constexpr const char* too_many_blocks = "input.too_many_blocks";
inline constexpr const char* line_too_long = "input.line_too_long";
// An HTML page with no JSON-LD article, given to a build without the HTML reader (khabar-core.wasm).
inline constexpr const char* html_reader_missing = "input.html_reader_missing";
inline constexpr const char* invalid_locale = "locale.invalid";
inline constexpr const char* invalid_time = "time.invalid";
inline constexpr const char* invalid_option = "option.invalid";
inline constexpr const char* io_failed = "io.read_failed";
// The picture renderer (image.hpp): no font file where one was looked for; font bytes no face reads.
inline constexpr const char* font_missing = "font.missing";
inline constexpr const char* font_invalid = "font.invalid";
inline constexpr const char* internal = "internal.error";
}  // namespace codes

// Thrown by every fallible call of the library. what() is "[code] message".
class Error : public std::runtime_error {
 public:
  Error(std::string code, const std::string& message);
  const std::string& code() const noexcept { return code_; }
  const std::string& message() const noexcept { return message_; }

 private:
  std::string code_;
  std::string message_;
};

// Something the library fixed, dropped or guessed while producing a result.
// Warnings travel in the result (never on stderr) so no caller loses them.
struct Warning {
  std::string code;     // stable, e.g. "input.bom_removed", "url.unsafe_dropped"
  std::string message;  // for people
  bool operator==(const Warning&) const = default;
};

using Warnings = std::vector<Warning>;

}  // namespace khabar
