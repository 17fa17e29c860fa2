// Time zones from ICU's own data (zoneinfo64): the native build's (time_zone.hpp).
#include <unicode/ucal.h>

#include "format/time_zone.hpp"
#include "text/utf8.hpp"

namespace khabar::detail {

std::unique_ptr<icu::TimeZone> make_time_zone(std::string_view name) {
  std::unique_ptr<icu::TimeZone> zone(icu::TimeZone::createTimeZone(to_icu(name)));
  icu::UnicodeString id;
  // ICU answers an unknown id with the "Etc/Unknown" zone (behaving as GMT), not an error.
  if (!zone || zone->getID(id) == icu::UnicodeString(UCAL_UNKNOWN_ZONE_ID, -1, US_INV)) return nullptr;
  return zone;
}

}  // namespace khabar::detail
