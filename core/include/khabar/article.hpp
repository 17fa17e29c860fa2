#pragma once
// The article model. Its JSON form is the "Khabar JSON" input format (see README).
#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "khabar/direction.hpp"
#include "khabar/error.hpp"

namespace khabar {

// A point in time exactly as the data gave it: a date-only value stays date-only
// and an offset stays the offset that was written (never converted to UTC here).
struct Timestamp {
  int year = 0, month = 0, day = 0;
  int hour = 0, minute = 0, second = 0;
  bool date_only = true;
  std::optional<int> offset_minutes;  // +01:00 -> 60; none when the data gave none

  std::string iso() const;  // "2025-11-21" | "2025-11-21T10:05:00+01:00" | "...T10:05:00" (no offset)
  bool operator==(const Timestamp&) const = default;
};

// Parses ISO 8601 / RFC 3339 forms news sites publish ("2025-11-21",
// "2025-11-21T10:05:00+01:00", "...Z", "...+0100", "2024-04-30 16:17:29 +02:00", fractional
// seconds, the basic format "20200316T13:00:00Z"), RFC 2822/1123 ("Sun, 11 Oct 2020 07:34:36
// GMT"), JavaScript's Date.toString() ("Tue Mar 17 2020 13:00:00 GMT+0100 (...)") and the
// scraped forms "11/21/2025" (US month/day, as the seed's site writes) and "21.11.2025".
// The offset stays the one written, so the day is the one the publisher wrote.
// Returns nothing when the text is not a valid date.
std::optional<Timestamp> parse_timestamp(std::string_view text);

struct Block {
  enum class Kind { paragraph, heading };
  Kind kind = Kind::paragraph;
  std::string text;
  bool operator==(const Block&) const = default;
};

const char* to_string(Block::Kind k) noexcept;  // "paragraph" | "heading"

struct Image {
  std::string url;
  std::string alt;
  std::string credit;
  bool operator==(const Image&) const = default;
};

enum class InputFormat { automatic, khabar_json, json_ld, html, text };

const char* to_string(InputFormat f) noexcept;  // "auto" | "khabar" | "jsonld" | "html" | "text"
std::optional<InputFormat> input_format_from_string(std::string_view name);

struct Article {
  std::string id;
  std::string url;  // canonical URL
  std::string title;
  std::string subtitle;
  std::vector<std::string> authors;
  std::string source;  // the publisher, e.g. "كشـ24"
  std::string credit;  // e.g. a wire agency: "وكالات"
  std::optional<Timestamp> published;
  std::optional<Timestamp> updated;
  std::string language;  // BCP 47; from the data, else detected
  Direction direction = Direction::ltr;
  bool language_detected = false;  // true when language/direction were guessed from the text
  std::vector<Block> body;
  std::optional<Image> image;
  std::string section;
  std::vector<std::string> tags;

  InputFormat format = InputFormat::automatic;  // the format it was read from
  // Where each field came from, for the fields a page may give in several places (HTML pages):
  // "title" -> "json-ld" | "meta:og:title" | "<title>" | ...; "body" -> "json-ld" | "extracted"
  // | "meta:description"; "direction" -> "<html dir>" when the page declares it.
  std::map<std::string, std::string> origins;
  Warnings warnings;  // what reading fixed or dropped

  bool operator==(const Article&) const = default;
};

// The version written into, and accepted from, Khabar JSON ("khabar": 1).
inline constexpr int khabar_json_version = 1;

}  // namespace khabar
