#include "khabar/article.hpp"

#include <array>
#include <charconv>
#include <cstdio>

namespace khabar {

const char* to_string(Direction d) noexcept { return d == Direction::rtl ? "rtl" : "ltr"; }

const char* to_string(Block::Kind k) noexcept { return k == Block::Kind::heading ? "heading" : "paragraph"; }

const char* to_string(InputFormat f) noexcept {
  switch (f) {
    case InputFormat::khabar_json: return "khabar";
    case InputFormat::json_ld: return "jsonld";
    case InputFormat::html: return "html";
    case InputFormat::text: return "text";
    case InputFormat::automatic: break;
  }
  return "auto";
}

std::optional<InputFormat> input_format_from_string(std::string_view name) {
  for (auto f : {InputFormat::automatic, InputFormat::khabar_json, InputFormat::json_ld, InputFormat::html,
                 InputFormat::text}) {
    if (name == to_string(f)) return f;
  }
  return std::nullopt;
}

std::string Timestamp::iso() const {
  std::array<char, 40> buf{};
  int n = std::snprintf(buf.data(), buf.size(), "%04d-%02d-%02d", year, month, day);
  std::string out(buf.data(), static_cast<std::size_t>(n));
  if (date_only) return out;
  n = std::snprintf(buf.data(), buf.size(), "T%02d:%02d:%02d", hour, minute, second);
  out.append(buf.data(), static_cast<std::size_t>(n));
  if (offset_minutes) {
    if (*offset_minutes == 0) return out + "Z";
    int off = *offset_minutes < 0 ? -*offset_minutes : *offset_minutes;
    n = std::snprintf(buf.data(), buf.size(), "%c%02d:%02d", *offset_minutes < 0 ? '-' : '+', off / 60,
                      off % 60);
    out.append(buf.data(), static_cast<std::size_t>(n));
  }
  return out;
}

namespace {

// Reads exactly `width` ASCII digits at `pos`.
bool digits(std::string_view s, std::size_t pos, std::size_t width, int& out) {
  if (pos + width > s.size()) return false;
  for (std::size_t i = pos; i < pos + width; ++i)
    if (s[i] < '0' || s[i] > '9') return false;
  std::from_chars(s.data() + pos, s.data() + pos + width, out);
  return true;
}

// Reads 1 or 2 digits (day or month in scraped forms).
bool short_number(std::string_view s, std::size_t& pos, int& out) {
  std::size_t start = pos;
  while (pos < s.size() && pos - start < 2 && s[pos] >= '0' && s[pos] <= '9') ++pos;
  if (pos == start) return false;
  std::from_chars(s.data() + start, s.data() + pos, out);
  return true;
}

bool leap(int y) { return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0; }

bool valid_date(int y, int m, int d) {
  static constexpr std::array<int, 12> days{31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  if (y < 1 || y > 9999 || m < 1 || m > 12 || d < 1) return false;
  int max = days[static_cast<std::size_t>(m - 1)] + (m == 2 && leap(y) ? 1 : 0);
  return d <= max;
}

std::string_view trim_ascii(std::string_view s) {
  while (!s.empty() && (s.front() == ' ' || s.front() == '\t')) s.remove_prefix(1);
  while (!s.empty() && (s.back() == ' ' || s.back() == '\t')) s.remove_suffix(1);
  return s;
}

// "11/21/2025" (month/day/year, the seed site's form) or "21.11.2025" (day.month.year).
std::optional<Timestamp> parse_scraped_date(std::string_view s) {
  std::size_t pos = 0;
  int a = 0, b = 0, y = 0;
  if (!short_number(s, pos, a) || pos >= s.size()) return std::nullopt;
  char sep = s[pos];
  if (sep != '/' && sep != '.') return std::nullopt;
  ++pos;
  if (!short_number(s, pos, b) || pos >= s.size() || s[pos] != sep) return std::nullopt;
  ++pos;
  if (!digits(s, pos, 4, y) || pos + 4 != s.size()) return std::nullopt;
  Timestamp t;
  t.year = y;
  // Slashes: US order unless the first number cannot be a month.
  if (sep == '/') {
    t.month = a <= 12 ? a : b;
    t.day = a <= 12 ? b : a;
  } else {
    t.day = a;
    t.month = b;
  }
  if (!valid_date(t.year, t.month, t.day)) return std::nullopt;
  return t;
}

}  // namespace

std::optional<Timestamp> parse_timestamp(std::string_view text) {
  std::string_view s = trim_ascii(text);
  Timestamp t;
  if (!digits(s, 0, 4, t.year) || s.size() < 10 || s[4] != '-' || !digits(s, 5, 2, t.month) || s[7] != '-' ||
      !digits(s, 8, 2, t.day))
    return parse_scraped_date(s);
  if (!valid_date(t.year, t.month, t.day)) return std::nullopt;
  if (s.size() == 10) return t;
  if (s[10] != 'T' && s[10] != 't' && s[10] != ' ') return std::nullopt;
  std::size_t pos = 11;
  if (!digits(s, pos, 2, t.hour) || pos + 2 >= s.size() || s[pos + 2] != ':' ||
      !digits(s, pos + 3, 2, t.minute))
    return std::nullopt;
  pos += 5;
  if (pos < s.size() && s[pos] == ':') {
    if (!digits(s, pos + 1, 2, t.second)) return std::nullopt;
    pos += 3;
    if (pos < s.size() && (s[pos] == '.' || s[pos] == ',')) {  // fractions are dropped
      ++pos;
      while (pos < s.size() && s[pos] >= '0' && s[pos] <= '9') ++pos;
    }
  }
  if (t.hour > 23 || t.minute > 59 || t.second > 60) return std::nullopt;
  t.date_only = false;
  if (pos == s.size()) return t;
  if ((s[pos] == 'Z' || s[pos] == 'z') && pos + 1 == s.size()) {
    t.offset_minutes = 0;
    return t;
  }
  if (s[pos] != '+' && s[pos] != '-') return std::nullopt;
  int sign = s[pos] == '-' ? -1 : 1, oh = 0, om = 0;
  ++pos;
  if (!digits(s, pos, 2, oh)) return std::nullopt;
  pos += 2;
  if (pos < s.size() && s[pos] == ':') ++pos;
  if (pos < s.size()) {
    if (!digits(s, pos, 2, om)) return std::nullopt;
    pos += 2;
  }
  if (pos != s.size() || oh > 18 || om > 59) return std::nullopt;
  t.offset_minutes = sign * (oh * 60 + om);
  return t;
}

}  // namespace khabar
