#pragma once
// Formatting for the reader's locale on ICU (CLDR data): dates, relative time,
// digits, plural phrases from the message catalog, lists and bidi isolation.
// Only ICU does locale work here (no OS locale, no std::locale), so a wasm build
// against the same ICU data gives the same bytes.
#include <cstddef>
#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <variant>
#include <vector>

#include "khabar/article.hpp"
#include "khabar/error.hpp"

namespace khabar {

// The locale to format for, as a canonical BCP 47 tag ("ar-MA", "ar-SA-u-ca-islamic-umalqura").
// Order: `tag`, else `article_language`, else "en". A malformed or unsupported tag, or a -u-nu-/-u-ca-
// value ICU does not know, throws locale.invalid when `strict`; otherwise it adds a
// "locale.fallback" warning and the next candidate is tried.
std::string resolve_locale(std::string_view tag, std::string_view article_language, bool strict,
                           Warnings& warnings);

// A date as a card shows it (Formatter::format_date; Card::published, Card::updated).
struct CardDate {
  std::string iso;  // as the data gave it (Timestamp::iso)
  bool date_only = true;
  std::string display;   // in the reader's locale: "21 نونبر 2025"
  std::string relative;  // against `now`: "منذ 8 أيام"; empty when no `now` or too old
  bool operator==(const CardDate&) const = default;
};

struct FormatOptions {
  std::optional<Timestamp> now;   // for relative time; none: no relative time
  std::string time_zone;          // IANA; empty: each timestamp's own offset, else UTC
  bool strict = false;            // bad locale or zone: an error instead of a warning
  int relative_max_age_days = 7;  // older (or further ahead) than this: no relative text
};

// A value for a message argument: text, or a number (which selects plural forms).
using MessageArg = std::variant<std::string, std::int64_t, double>;
using MessageArgs = std::vector<std::pair<std::string, MessageArg>>;

// One locale's formatters, created once and reused (ICU formatters are costly to build).
// Not thread-safe: use one Formatter per thread.
class Formatter {
 public:
  // `locale` goes through resolve_locale (with `article_language` as its fallback).
  // Throws locale.invalid / time.invalid in strict mode; otherwise warnings() says what fell back.
  explicit Formatter(std::string_view locale, const FormatOptions& options = {},
                     std::string_view article_language = {});
  ~Formatter();
  Formatter(Formatter&&) noexcept;
  Formatter& operator=(Formatter&&) noexcept;

  const std::string& locale() const;    // resolved BCP 47 tag
  const std::string& language() const;  // its language subtag: "ar"
  Direction direction() const;          // of that language
  const Warnings& warnings() const;     // fallbacks taken so far
  // The catalog language the labels come from: language-REGION, language or "en" (the first
  // that has a file), so a card's ui_lang matches the words it shows.
  std::string catalog_language() const;

  // The date in the locale's long style and calendar ("21 نونبر 2025", "November 21, 2025") plus
  // the relative form against `now`. A date-only value is the calendar day written, never
  // shifted; a time is shown in options.time_zone, else its own offset, else UTC.
  // Throws time.invalid for an impossible date.
  CardDate format_date(const Timestamp& t);

  // "قبل 3 أيام", "yesterday", "in 2 hours"; empty without `now` or past relative_max_age_days.
  // Date-only values compare calendar days, never hours.
  std::string relative(const Timestamp& t);

  // The number with the locale's digits and separators: 1234567.5 -> "1.234.567,5" (ar-MA).
  std::string format_number(double value);

  // The phrase with every run of digits re-rendered in the locale's numbering system:
  // "196 دولة" -> "١٩٦ دولة" (ar-EG). Four-digit numbers 1000–2100 are years (no grouping);
  // runs with separators or leading zeros only change their digits.
  std::string localize_digits(std::string_view phrase);

  // The reading-time phrase. minutes <= 0 means "less than a minute" (the caller decides when
  // a text is that short); otherwise the plural form for the count: "3 دقائق", "11 دقيقة".
  std::string reading_time(int minutes);

  // "أ وب", "A, B, and C": ICU's standard (and) list for the locale.
  std::string list(const std::vector<std::string>& items);

  // A catalog message (core/messages/<lang>.json) formatted with ICU MessageFormat.
  // Looked up in the locale's language-region file, its language, then en.
  // Throws internal.error for an id no catalog has.
  std::string message(std::string_view id, const MessageArgs& args = {});

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

// A run of text whose direction differs from (or is weak within) the paragraph's, to isolate:
// Latin words, numbers, URLs and mixed tokens ("كشـ24", "COVID-19") in right-to-left text;
// right-to-left words in left-to-right text. Byte offsets into the text given.
struct BidiRun {
  std::size_t start = 0, end = 0;
  Direction dir = Direction::ltr;  // the direction to isolate the run with
  bool operator==(const BidiRun&) const = default;
};

std::vector<BidiRun> bidi_runs(std::string_view text, Direction base);

// The text with each bidi_run wrapped in FSI ... PDI (for plain-text output); FSI resolves to the
// run's `dir` by the same first-strong rule.
std::string isolate_runs(std::string_view text, Direction base);

// The languages the message catalog has a file for ("ar", "en", ...), sorted.
std::vector<std::string> catalog_languages();

}  // namespace khabar
