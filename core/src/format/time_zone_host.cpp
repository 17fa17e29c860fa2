// Time zones from the host (the WebAssembly build, KHABAR_HOST_TIME_ZONES): the JS side answers
// "what is this zone's UTC offset at this instant?" with its own Intl, so no zoneinfo64 (nor
// ICU's zone code) is downloaded. The cost in exactness: the host's tzdata, not ICU 72's
// (2022e), decides; they differ only for zones whose rules changed since (README, "Time zones").
#include <unicode/calendar.h>

#include <cmath>
#include <cstddef>
#include <string>

#include "format/time_zone.hpp"
#include "text/utf8.hpp"

// Provided by the host (wasm/host-time-zone.js): zone `name`'s offset from UTC in milliseconds
// at the UTC instant `utc` (ms since 1970), or NaN when the host does not know the zone.
extern "C" double khabar_host_zone_offset(const char* name, std::size_t size, double utc);

namespace khabar::detail {
namespace {

constexpr double day_ms = 86400000.0;

// A zone whose every offset comes from the host. ICU sees one total offset (no raw/DST split):
// the card shows dates and relative times, never a zone name.
class HostTimeZone final : public icu::TimeZone {
 public:
  HostTimeZone(std::string name, const icu::UnicodeString& id) : icu::TimeZone(id), name_(std::move(name)) {}

  double offset_at(UDate utc) const { return khabar_host_zone_offset(name_.data(), name_.size(), utc); }

  // A wall time read as ICU reads it (OlsonTimeZone, and Calendar's default UCAL_WALLTIME_LAST):
  // in an hour skipped by a change the offset before it, in an hour repeated the offset after
  // it; both are the smaller of the two offsets. One change within a day either side at most.
  int32_t offset_at_wall(UDate wall) const {
    const double before = offset_at(wall - day_ms), after = offset_at(wall + day_ms);
    const bool before_fits = offset_at(wall - before) == before;
    if (before == after && before_fits) return static_cast<int32_t>(before);
    const double other = before == after ? offset_at(wall - before) : after;
    const bool other_fits = offset_at(wall - other) == other;
    if (before_fits != other_fits) return static_cast<int32_t>(before_fits ? before : other);
    return static_cast<int32_t>(std::fmin(before, other));
  }

  void getOffset(UDate date, UBool local, int32_t& raw, int32_t& dst, UErrorCode& status) const override {
    if (U_FAILURE(status)) return;
    raw = local ? offset_at_wall(date) : static_cast<int32_t>(offset_at(date));
    dst = 0;
  }

  int32_t getOffset(uint8_t era, int32_t year, int32_t month, int32_t day, uint8_t, int32_t millis,
                    UErrorCode& status) const override {
    if (U_FAILURE(status)) return 0;
    if (era == 0) year = 1 - year;  // GregorianCalendar::BC
    const long days = days_from_civil(year, month + 1, day);
    return offset_at_wall(static_cast<double>(days) * day_ms + millis);
  }

  int32_t getOffset(uint8_t era, int32_t year, int32_t month, int32_t day, uint8_t day_of_week,
                    int32_t millis, int32_t, UErrorCode& status) const override {
    return getOffset(era, year, month, day, day_of_week, millis, status);
  }

  // The offset now, as far as a fixed "raw" offset means anything for a zone with changes.
  int32_t getRawOffset() const override { return static_cast<int32_t>(offset_at(icu::Calendar::getNow())); }
  void setRawOffset(int32_t) override {}  // the host's rules are not ours to change
  UBool useDaylightTime() const override { return false; }
  UBool inDaylightTime(UDate, UErrorCode&) const override { return false; }
  UBool hasSameRules(const icu::TimeZone& other) const override {
    const auto* host = dynamic_cast<const HostTimeZone*>(&other);
    return host && host->name_ == name_;
  }
  HostTimeZone* clone() const override { return new HostTimeZone(*this); }

  static UClassID getStaticClassID() {
    static char id = 0;
    return &id;
  }
  UClassID getDynamicClassID() const override { return getStaticClassID(); }

 private:
  std::string name_;
};

}  // namespace

std::unique_ptr<icu::TimeZone> make_time_zone(std::string_view name) {
  // Custom ids ("GMT+01:00") need no zone data: ICU's own, as natively.
  std::unique_ptr<icu::TimeZone> custom(icu::TimeZone::createTimeZone(to_icu(name)));
  icu::UnicodeString id;
  if (custom && custom->getID(id) != icu::UnicodeString(UCAL_UNKNOWN_ZONE_ID, -1, US_INV)) return custom;
  std::string copy(name);
  if (std::isnan(khabar_host_zone_offset(copy.data(), copy.size(), icu::Calendar::getNow()))) return nullptr;
  return std::make_unique<HostTimeZone>(std::move(copy), to_icu(name));
}

}  // namespace khabar::detail
