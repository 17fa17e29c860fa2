#pragma once
// Shared by the fuzz targets: invariant checks that abort (libFuzzer keeps the input),
// and the rule that the only exception the library may throw is khabar::Error.
#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <string>
#include <string_view>

#include "detail/unicode.hpp"
#include "khabar/khabar.hpp"
#include "khabar/text.hpp"

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

}  // namespace khabar::fuzz
