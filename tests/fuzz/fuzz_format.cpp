// Locale formatting with hostile input: the first line is a locale tag, the second a
// timestamp, the third a time zone, the rest a phrase for digits and bidi isolation.
#include <cmath>
#include <cstring>

#include "fuzz_support.hpp"

using namespace khabar;

namespace {

std::string_view next_line(std::string_view& rest) {
  std::size_t nl = rest.find('\n');
  std::string_view line = rest.substr(0, nl);
  rest = nl == std::string_view::npos ? std::string_view() : rest.substr(nl + 1);
  return line;
}

bool is_isolate_or_embedding(char32_t c) {
  return (c >= 0x202A && c <= 0x202E) || (c >= 0x2066 && c <= 0x2069);
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  std::string_view rest = fuzz::as_view(data, size);
  if (detail::first_invalid_utf8(rest)) return 0;
  std::string_view tag = next_line(rest), when = next_line(rest), zone = next_line(rest);
  std::string_view phrase = rest;

  Warnings warnings;
  fuzz::expect_error_only([&] {
    fuzz::check(!resolve_locale(tag, "ar", false, warnings).empty(), "resolve_locale returned an empty tag");
  });
  fuzz::expect_error_only([&] { (void)resolve_locale(tag, "", true, warnings); });

  FormatOptions options;
  options.now = parse_timestamp("2025-11-29T10:00:00+01:00");
  options.time_zone = std::string(zone);
  std::optional<Formatter> f;
  if (!fuzz::expect_error_only([&] { f.emplace(tag, options, "ar"); })) return 0;
  fuzz::check(!f->locale().empty(), "formatter without a locale");

  if (auto t = parse_timestamp(when)) {
    fuzz::check(parse_timestamp(t->iso()) == t, "Timestamp::iso does not parse back", t->iso());
    fuzz::expect_error_only([&] {
      CardDate d = f->format_date(*t);
      fuzz::check_utf8(d.display, "date display is not UTF-8");
    });
  }
  double value = 0;
  if (phrase.size() >= sizeof value) {
    std::memcpy(&value, phrase.data(), sizeof value);
    fuzz::expect_error_only([&] { fuzz::check_utf8(f->format_number(value), "number is not UTF-8"); });
  }
  fuzz::check_utf8(f->localize_digits(phrase), "localized digits are not UTF-8");
  fuzz::check_utf8(f->reading_time(static_cast<int>(size % 200) - 1), "reading time is not UTF-8");

  for (Direction base : {Direction::ltr, Direction::rtl}) {
    std::size_t last = 0;
    for (const BidiRun& r : bidi_runs(phrase, base)) {
      fuzz::check(r.start >= last && r.start < r.end && r.end <= phrase.size(), "bidi run out of order");
      last = r.end;
    }
    // isolate_runs adds matched FSI ... PDI pairs only: the balance it adds is zero.
    std::string isolated = isolate_runs(phrase, base);
    long depth = 0, added = 0;
    for (std::size_t i = 0; i < isolated.size();) {
      char32_t c = detail::next_code_point(isolated, i);
      if (c == 0x2068) ++depth;
      if (c == 0x2069) --depth;
      added += is_isolate_or_embedding(c);
    }
    long before = 0;
    for (std::size_t i = 0; i < phrase.size();)
      before += is_isolate_or_embedding(detail::next_code_point(phrase, i));
    fuzz::check(added >= before && (added - before) % 2 == 0, "isolate_runs added an unpaired mark");
  }
  return 0;
}
