// Timestamps: their ISO form and every date format parse_timestamp reads (khabar/article.hpp).
#include <array>
#include <charconv>
#include <cstdio>
#include <string>
#include <vector>

#include "khabar/article.hpp"
#include "read/readers.hpp"
#include "text/chars.hpp"

namespace khabar {

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

// "Oct", "october" -> 10 (English month names, as RFC 2822 and Date.toString() write them).
int month_of(std::string_view word) {
  static constexpr std::array<std::string_view, 12> months{"jan", "feb", "mar", "apr", "may", "jun",
                                                           "jul", "aug", "sep", "oct", "nov", "dec"};
  if (word.size() < 3) return 0;
  std::string w;
  for (char c : word) w += static_cast<char>(c >= 'A' && c <= 'Z' ? c - 'A' + 'a' : c);
  for (std::size_t i = 0; i < months.size(); ++i)
    if (w.compare(0, 3, months[i]) == 0) return static_cast<int>(i) + 1;
  return 0;
}

// The words of a date written with names: "Sun, 11 Oct 2020 07:34:36 GMT" -> Sun 11 Oct ...
std::vector<std::string_view> date_words(std::string_view s) {
  std::vector<std::string_view> out;
  std::size_t i = 0;
  while (i < s.size()) {
    while (i < s.size() && (s[i] == ' ' || s[i] == ',' || s[i] == '\t')) ++i;
    std::size_t start = i;
    while (i < s.size() && s[i] != ' ' && s[i] != ',' && s[i] != '\t') ++i;
    if (i > start) out.push_back(s.substr(start, i - start));
  }
  return out;
}

// "07:34" or "07:34:36" into t.
bool clock(std::string_view w, Timestamp& t) {
  if (w.size() != 5 && w.size() != 8) return false;
  if (!digits(w, 0, 2, t.hour) || w[2] != ':' || !digits(w, 3, 2, t.minute)) return false;
  if (w.size() == 8 && (w[5] != ':' || !digits(w, 6, 2, t.second))) return false;
  t.date_only = false;
  return t.hour <= 23 && t.minute <= 59 && t.second <= 60;
}

// A zone as mail and HTTP headers write it: GMT, UT, UTC, Z, the US zones, +hhmm / -hh:mm,
// and Date.toString()'s "GMT+0100".
bool zone(std::string_view w, Timestamp& t) {
  struct Named {
    std::string_view name;
    int minutes;
  };
  static constexpr std::array<Named, 12> named{{{"GMT", 0},
                                                {"UT", 0},
                                                {"UTC", 0},
                                                {"Z", 0},
                                                {"EST", -300},
                                                {"EDT", -240},
                                                {"CST", -360},
                                                {"CDT", -300},
                                                {"MST", -420},
                                                {"MDT", -360},
                                                {"PST", -480},
                                                {"PDT", -420}}};
  for (const auto& n : named)
    if (w == n.name) return t.offset_minutes = n.minutes, true;
  if (w.substr(0, 3) == "GMT" || w.substr(0, 3) == "UTC") w.remove_prefix(3);
  if (w.size() < 3 || (w[0] != '+' && w[0] != '-')) return false;
  int h = 0, m = 0;
  std::size_t pos = 1;
  if (!digits(w, pos, 2, h)) return false;
  pos += 2;
  if (pos < w.size() && w[pos] == ':') ++pos;
  if (pos < w.size() && (!digits(w, pos, 2, m) || pos + 2 != w.size())) return false;
  if (h > 18 || m > 59) return false;
  t.offset_minutes = (w[0] == '-' ? -1 : 1) * (h * 60 + m);
  return true;
}

// RFC 2822 / 1123 ("Sun, 11 Oct 2020 07:34:36 GMT", weekday optional) and JavaScript's
// Date.toString() ("Tue Mar 17 2020 13:00:00 GMT+0100 (Central European Standard Time)").
std::optional<Timestamp> parse_named_date(std::string_view s) {
  if (auto paren = s.find('('); paren != std::string_view::npos) s = detail::trim(s.substr(0, paren));
  std::vector<std::string_view> w = date_words(s);
  if (!w.empty() && month_of(w[0]) == 0 && !w[0].empty() && !(w[0][0] >= '0' && w[0][0] <= '9'))
    w.erase(w.begin());  // the weekday
  if (w.size() < 3) return std::nullopt;
  Timestamp t;
  std::size_t pos = 0;
  // "11 Oct 2020" (RFC 2822) or "Oct 11 2020" (Date.toString()).
  int month = month_of(w[0]);
  std::string_view day = month ? w[1] : w[0];
  if (!month) month = month_of(w[1]);
  if (!month || !short_number(day, pos, t.day) || pos != day.size()) return std::nullopt;
  t.month = month;
  if (w[2].size() != 4 || !digits(w[2], 0, 4, t.year) || !valid_date(t.year, t.month, t.day))
    return std::nullopt;
  if (w.size() == 3) return t;
  if (!clock(w[3], t)) return std::nullopt;
  if (w.size() == 4) return t;
  if (w.size() != 5 || !zone(w[4], t)) return std::nullopt;
  return t;
}

// ISO 8601's basic format: "20200316", "20200316T130000Z", "20200316T13:00:00Z": read as the
// extended form it abbreviates.
std::optional<std::string> extended_of_basic(std::string_view s) {
  for (std::size_t i = 0; i < 8; ++i)
    if (i >= s.size() || s[i] < '0' || s[i] > '9') return std::nullopt;
  if (s.size() > 8 && s[8] != 'T' && s[8] != 't') return std::nullopt;
  std::string out =
      std::string(s.substr(0, 4)) + "-" + std::string(s.substr(4, 2)) + "-" + std::string(s.substr(6, 2));
  if (s.size() == 8) return out;
  std::string_view time = s.substr(9);
  std::size_t clock_len = 0;
  while (clock_len < time.size() &&
         ((time[clock_len] >= '0' && time[clock_len] <= '9') || time[clock_len] == ':'))
    ++clock_len;
  std::string_view hms = time.substr(0, clock_len);
  out += 'T';
  if (hms.find(':') == std::string_view::npos) {
    if (hms.size() != 4 && hms.size() != 6) return std::nullopt;
    out += std::string(hms.substr(0, 2)) + ":" + std::string(hms.substr(2, 2));
    if (hms.size() == 6) out += ":" + std::string(hms.substr(4, 2));
  } else {
    out += hms;
  }
  out += time.substr(clock_len);
  return out;
}

std::optional<Timestamp> parse_iso(std::string_view s);

}  // namespace

std::optional<Timestamp> parse_timestamp(std::string_view text) {
  std::string_view s = detail::trim(text);
  if (auto t = parse_iso(s)) return t;
  if (auto extended = extended_of_basic(s))
    if (auto t = parse_iso(*extended)) return t;
  return parse_named_date(s);
}

namespace {

std::optional<Timestamp> parse_iso(std::string_view s) {
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
  while (pos < s.size() && s[pos] == ' ') ++pos;  // "2024-04-30 16:17:29 +02:00"
  if (pos == s.size()) return t;
  if (s.substr(pos) == "UTC" || s.substr(pos) == "GMT") {
    t.offset_minutes = 0;
    return t;
  }
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

}  // namespace

namespace detail {

std::optional<Timestamp> date_field_value(std::string_view key, const std::string& text, Warnings& warnings) {
  if (text.empty()) return std::nullopt;
  auto t = parse_timestamp(text);
  if (!t) warnings.push_back({"parse.invalid_date", std::string(key) + " is not a date: " + text});
  return t;
}

}  // namespace detail

}  // namespace khabar
