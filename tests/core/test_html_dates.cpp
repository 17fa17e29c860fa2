// Dates as publishers write them (the forms seen on real pages), and what is refused.
#include <doctest/doctest.h>

#include "khabar/article.hpp"

using namespace khabar;

TEST_CASE("dates: every form publishers write, never a shifted day") {
  struct Case {
    const char* text;
    const char* iso;
  };
  const Case cases[] = {
      {"2024-04-30 16:17:29 +02:00", "2024-04-30T16:17:29+02:00"},  // a space before the offset
      {"2024-04-30 16:17:29+0200", "2024-04-30T16:17:29+02:00"},    // no colon in the offset
      {"2024-04-30T16:17:29 UTC", "2024-04-30T16:17:29Z"},
      {"20200316T13:00:00Z", "2020-03-16T13:00:00Z"},  // basic format date
      {"20200316T130000Z", "2020-03-16T13:00:00Z"},
      {"20200316", "2020-03-16"},
      {"Sun, 11 Oct 2020 07:34:36 GMT", "2020-10-11T07:34:36Z"},    // RFC 1123
      {"11 Oct 2020 07:34:36 +0100", "2020-10-11T07:34:36+01:00"},  // RFC 2822, no weekday
      {"Mon, 2 Dec 2019 23:59 EST", "2019-12-02T23:59:00-05:00"},
      {"Tue Mar 17 2020 13:00:00 GMT+0100 (Central European Standard Time)", "2020-03-17T13:00:00+01:00"},
      {"2025-11-21T00:30:00-05:00", "2025-11-21T00:30:00-05:00"},  // the written day, not UTC's
      {"2025-11-21", "2025-11-21"},
  };
  for (const auto& c : cases) {
    CAPTURE(c.text);
    auto t = parse_timestamp(c.text);
    REQUIRE(t);
    CHECK(t->iso() == c.iso);
  }
}

TEST_CASE("dates: what is not a date stays refused") {
  for (const char* bad : {"yesterday", "Sun, 31 Feb 2020 07:34:36 GMT", "2020-13-01", "20201332T10:00Z",
                          "11 Foo 2020", "Tue Mar 17 2020 25:00:00", "2024-04-30 16:17:29 +25:00", ""}) {
    CAPTURE(bad);
    CHECK_FALSE(parse_timestamp(bad));
  }
}
