#pragma once
// The IANA time zones the formatter shows times in. Natively they are ICU's own (its zoneinfo64
// data, time_zone_icu.cpp); the WebAssembly build asks its host instead (time_zone_host.cpp:
// the browser's or Node's Intl), so the browser downloads no time-zone data.
#include <unicode/timezone.h>

#include <memory>
#include <string_view>

namespace khabar::detail {

// The zone named `name` ("Africa/Casablanca"), or null when it is not a zone ICU (or the host)
// knows. Custom ids such as "GMT+01:00" are ICU's own everywhere.
std::unique_ptr<icu::TimeZone> make_time_zone(std::string_view name);

// Days since 1970-01-01 of a proleptic Gregorian date, month 1-12 (H. Hinnant's days_from_civil).
long days_from_civil(int y, int m, int d);

}  // namespace khabar::detail
