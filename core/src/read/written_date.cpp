#include "read/written_date.hpp"

#include <unicode/calendar.h>
#include <unicode/gregocal.h>
#include <unicode/timezone.h>
#include <unicode/uchar.h>

#include <memory>
#include <string>
#include <vector>

#include "text/chars.hpp"
#include "text/languages.hpp"
#include "text/months.hpp"
#include "text/utf8.hpp"

namespace khabar::detail {
namespace {

struct Token {
  enum Kind { number, word, mark } kind;
  std::string text;  // a number's ASCII digits; a word as written; a mark's character
  int value = 0;
};

// Words, numbers (digits of any script as ASCII) and single marks; white space separates.
std::vector<Token> tokens_of(std::string_view text) {
  std::vector<Token> out;
  enum { none, in_number, in_word } state = none;
  for (std::size_t i = 0; i < text.size();) {
    std::size_t at = i;
    char32_t c = next_code_point(text, i);
    auto u = static_cast<UChar32>(c);
    if (u_charType(u) == U_DECIMAL_DIGIT_NUMBER) {
      int d = u_charDigitValue(u);
      if (state == in_number && out.back().text.size() < 8) {
        out.back().text += static_cast<char>('0' + d);
        out.back().value = out.back().value * 10 + d;
      } else {
        out.push_back({Token::number, std::string(1, static_cast<char>('0' + d)), d});
      }
      state = in_number;
    } else if (is_word_part(u) || c == tatweel || c == 0x200C) {
      if (state == in_word)
        out.back().text.append(text.substr(at, i - at));
      else
        out.push_back({Token::word, std::string(text.substr(at, i - at)), 0});
      state = in_word;
    } else if (is_white_space(u) || c == 0x200F || c == 0x200E || c == 0x061C) {
      state = none;
    } else {
      out.push_back({Token::mark, std::string(text.substr(at, i - at)), 0});
      state = none;
    }
  }
  return out;
}

// The month a name at tokens[i] (one or two words) stands for; `used` gets the words it took.
const MonthName* month_at(const std::vector<Token>& t, std::size_t i, std::size_t& used) {
  if (i >= t.size() || t[i].kind != Token::word) return nullptr;
  for (const MonthName& m : month_names()) {
    if (m.words == 2) {
      if (i + 1 < t.size() && t[i + 1].kind == Token::word && t[i].text + " " + t[i + 1].text == m.name)
        return used = 2, &m;
    } else if (t[i].text == m.name || (t[i].text.starts_with("\xD9\x88") && t[i].text.substr(2) == m.name)) {
      return used = 1, &m;  // also after the conjunction و
    }
  }
  return nullptr;
}

std::optional<Timestamp> to_gregorian(Calendar calendar, int year, int month, int day) {
  if (month < 1 || month > 12 || day < 1 || day > 31) return std::nullopt;
  UErrorCode status = U_ZERO_ERROR;
  const char* id = calendar == Calendar::persian   ? "en@calendar=persian"
                   : calendar == Calendar::islamic ? "en@calendar=islamic-umalqura"
                                                   : "en@calendar=gregorian";
  std::unique_ptr<icu::Calendar> cal(
      icu::Calendar::createInstance(icu::TimeZone::getGMT()->clone(), icu::Locale(id), status));
  if (U_FAILURE(status) || !cal) return std::nullopt;
  cal->setLenient(false);
  cal->clear();
  cal->set(UCAL_YEAR, year);
  cal->set(UCAL_MONTH, month - 1);
  cal->set(UCAL_DATE, day);
  cal->set(UCAL_HOUR_OF_DAY, 12);
  UDate when = cal->getTime(status);
  if (U_FAILURE(status)) return std::nullopt;
  icu::GregorianCalendar g(icu::TimeZone::getGMT()->clone(), status);
  g.setTime(when, status);
  Timestamp t;
  t.year = g.get(UCAL_YEAR, status);
  t.month = g.get(UCAL_MONTH, status) + 1;
  t.day = g.get(UCAL_DATE, status);
  if (U_FAILURE(status) || g.get(UCAL_ERA, status) != 1 || t.year < 1900 || t.year > 2100)
    return std::nullopt;
  return t;
}

// A year written alone: four digits, Gregorian, or 1300-1499, solar or lunar Hijri.
std::optional<Calendar> calendar_of_year(int year, std::string_view language) {
  if (year >= 1900 && year <= 2100) return Calendar::gregorian;
  if (year >= 1300 && year <= 1499)
    return primary_language(language) == "fa" ? Calendar::persian : Calendar::islamic;
  return std::nullopt;
}

bool is_separator(const Token& t) {
  return t.kind == Token::mark && (t.text == "/" || t.text == "-" || t.text == ".");
}

}  // namespace

std::optional<Timestamp> parse_written_date(std::string_view text, std::string_view language) {
  if (text.size() > 400) text = text.substr(0, 400);
  std::vector<Token> t = tokens_of(text);
  for (std::size_t i = 0; i < t.size(); ++i) {
    if (t[i].kind != Token::number) continue;
    // Digits only: 2024/05/13, 13/05/2024, 05-13-2024, 1399/02/21, 13.05.2024.
    if (i + 4 < t.size() && is_separator(t[i + 1]) && t[i + 2].kind == Token::number &&
        t[i + 3].text == t[i + 1].text && t[i + 4].kind == Token::number) {
      int a = t[i].value, b = t[i + 2].value, c = t[i + 4].value;
      if (t[i].text.size() == 4) {
        if (auto cal = calendar_of_year(a, language))
          if (auto d = to_gregorian(*cal, a, b, c)) return d;
      } else if (t[i + 4].text.size() == 4) {
        if (auto cal = calendar_of_year(c, language)) {
          // Day first, as the world writes it, unless only month first can be right
          // ("11/21/2025", the US order some Arabic sites' templates keep).
          int day = a, month = b;
          if (b > 12 && a <= 12) day = b, month = a;
          if (auto d = to_gregorian(*cal, c, month, day)) return d;
        }
      }
      continue;
    }
    // Day, month name, year: "١٣ مايو ٢٠٢٤", "۲۱ اردیبهشت ۱۳۹۹", "5 رمضان 1445 هـ".
    std::size_t used = 0;
    if (const MonthName* m = month_at(t, i + 1, used)) {
      std::size_t y = i + 1 + used;
      if (y < t.size() && t[y].kind == Token::mark && t[y].text == ",") ++y;
      if (y < t.size() && t[y].kind == Token::number && t[y].text.size() == 4) {
        int year = t[y].value;
        // A Gregorian month with a Hijri year is no date; the calendar is the month's.
        Calendar cal = m->calendar;
        if (auto d = to_gregorian(cal, year, m->month, t[i].value)) return d;
      }
    }
  }
  return std::nullopt;
}

}  // namespace khabar::detail
