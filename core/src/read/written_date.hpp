#pragma once
// A date as a page prints it for its readers, not for machines: "الأحد ١٣ مايو ٢٠٢٤",
// "۲۱ اردیبهشت ۱۳۹۹", "۱۳۹۹/۰۲/۲۱", "8 مارچ 2024", "5 رمضان 1445 هـ", "13/05/2024".
#include <optional>
#include <string_view>

#include "khabar/article.hpp"

namespace khabar::detail {

// The first date written in `text` (a date line: a weekday, a time or a label around it is
// fine), in the Gregorian calendar. Digits of any script (Arabic-Indic ٠-٩, Extended
// Arabic-Indic ۰-۹) are read; month names of every Arabic region, Urdu and Persian
// (months.hpp); Persian solar and Islamic dates are converted through ICU's calendars, never
// read as Gregorian. A year of 1300-1499 written in digits alone is solar Hijri on a Persian
// page (`language` "fa"), Islamic Hijri elsewhere. Nothing when no whole date is there or the
// result lies outside 1900-2100.
std::optional<Timestamp> parse_written_date(std::string_view text, std::string_view language = {});

}  // namespace khabar::detail
