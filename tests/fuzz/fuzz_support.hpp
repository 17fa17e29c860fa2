#pragma once
// Shared by the fuzz targets: invariant checks that abort (libFuzzer keeps the input),
// and the rule that the only exception the library may throw is khabar::Error.
#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <string>
#include <string_view>

#include "khabar/analyse.hpp"
#include "khabar/khabar.hpp"
#include "text/utf8.hpp"

namespace khabar::fuzz {

[[noreturn]] inline void fail(const char* what, std::string_view detail = {}) {
  std::fprintf(stderr, "khabar fuzz invariant violated: %s\n%.*s\n", what, static_cast<int>(detail.size()),
               detail.data());
  std::abort();
}

inline void check(bool ok, const char* what, std::string_view detail = {}) {
  if (!ok) fail(what, detail);
}

inline void check_utf8(std::string_view s, const char* what) {
  check(!detail::first_invalid_utf8(s), what, s);
}

inline std::string_view as_view(const std::uint8_t* data, std::size_t size) {
  return {reinterpret_cast<const char*>(data), size};
}

// Runs f; khabar::Error is an expected outcome (bad input), anything else escapes and
// terminates, which libFuzzer reports as a crash.
template <class F>
bool expect_error_only(F&& f) {
  try {
    f();
    return true;
  } catch (const Error& e) {
    check(!e.code().empty() && e.code().find('.') != std::string::npos, "error code is not dotted", e.code());
    return false;
  }
}

// Picks a language for the analysers from one byte.
inline std::string_view language_from(std::uint8_t b) {
  static constexpr std::string_view langs[] = {"ar", "en", "fr", "fa", "ur", "he", "und", "ar-MA"};
  return langs[b % (sizeof langs / sizeof langs[0])];
}

// The reader targets: read_article with the format forced. Every input either reads into an
// article whose text is valid UTF-8 and within the limits, or throws khabar::Error.
inline int read_target(InputFormat format, const std::uint8_t* data, std::size_t size) {
  ReadOptions options;
  options.format = format;
  // Small limits so the fuzzer reaches the limit paths with small inputs.
  options.limits.max_blocks = 64;
  options.limits.max_line_bytes = 4096;
  Article a;
  if (!fuzz::expect_error_only([&] { a = read_article(fuzz::as_view(data, size), options); })) return 0;
  fuzz::check(!a.title.empty() || !a.body.empty(), "an article without title or body was returned");
  fuzz::check(a.body.size() <= options.limits.max_blocks, "max_blocks not enforced");
  fuzz::check(!a.language.empty(), "language not set");
  fuzz::check_utf8(a.title, "title is not UTF-8");
  for (const auto& b : a.body) {
    fuzz::check_utf8(b.text, "body block is not UTF-8");
    fuzz::check(b.text.size() <= options.limits.max_line_bytes, "max_line_bytes not enforced", b.text);
  }
  // The Khabar JSON of what was read reads back to the same article.
  if (a.format == InputFormat::khabar_json) {
    Article again = read_article(to_khabar_json(a), {InputFormat::khabar_json, {}});
    again.format = a.format;
    again.warnings = a.warnings;
    fuzz::check(again.title == a.title && again.body == a.body, "to_khabar_json does not round-trip");
  }
  return 0;
}

}  // namespace khabar::fuzz
