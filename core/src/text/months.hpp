#pragma once
// Month names as right-to-left pages print them, one table for every stage that reads dates
// (the HTML reader's visible date line, the figures extractor that must not count a date).
#include <string_view>
#include <vector>

namespace khabar::detail {

enum class Calendar { gregorian, persian, islamic };

struct MonthName {
  std::string_view name;  // as written, without "ال" where a region writes it either way
  Calendar calendar;
  int month;  // 1-12
  int words;  // 1, or 2 for "كانون الثاني", "ربيع الأول"
};

// Gregorian months of every Arabic region (Egypt and the Gulf, the Levant, Algeria and
// Tunisia, Morocco), Urdu and Persian; the Persian solar months; the Islamic months.
const std::vector<MonthName>& month_names();

}  // namespace khabar::detail
