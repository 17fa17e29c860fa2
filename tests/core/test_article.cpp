#include <doctest/doctest.h>

#include "khabar/article.hpp"

using namespace khabar;

TEST_CASE("timestamps keep what the data said") {
  auto t = parse_timestamp("2025-11-21");
  REQUIRE(t);
  CHECK(t->date_only);
  CHECK(t->iso() == "2025-11-21");

  t = parse_timestamp("2025-11-21T10:05:30.123+01:00");
  REQUIRE(t);
  CHECK_FALSE(t->date_only);
  CHECK(t->offset_minutes == 60);
  CHECK(t->iso() == "2025-11-21T10:05:30+01:00");

  t = parse_timestamp("2025-11-21T23:59:00-0430");
  REQUIRE(t);
  CHECK(t->offset_minutes == -270);
  CHECK(t->iso() == "2025-11-21T23:59:00-04:30");

  t = parse_timestamp("2025-11-21 08:00");
  REQUIRE(t);
  CHECK_FALSE(t->offset_minutes);
  CHECK(t->iso() == "2025-11-21T08:00:00");

  CHECK(parse_timestamp("2025-11-21T08:00:00Z")->iso() == "2025-11-21T08:00:00Z");
  CHECK(parse_timestamp("11/21/2025")->iso() == "2025-11-21");  // US month/day, the seed's form
  CHECK(parse_timestamp("21/11/2025")->iso() == "2025-11-21");  // day first when it cannot be a month
  CHECK(parse_timestamp("21.11.2025")->iso() == "2025-11-21");
  CHECK(parse_timestamp("2024-02-29"));
}

TEST_CASE("invalid timestamps are refused") {
  for (const char* bad :
       {"", "2025", "2025-13-01", "2025-02-29", "2025-11-31", "2025-11-21T25:00", "2025-11-21T10:00+",
        "2025-11-21X", "21.13.2025", "yesterday", "2025-11-21T10:00+25:00"}) {
    CAPTURE(bad);
    CHECK_FALSE(parse_timestamp(bad));
  }
}

TEST_CASE("names of enums are stable") {
  CHECK(std::string(to_string(Direction::rtl)) == "rtl");
  CHECK(std::string(to_string(Block::Kind::heading)) == "heading");
  CHECK(input_format_from_string("jsonld") == InputFormat::json_ld);
  CHECK_FALSE(input_format_from_string("xml"));
}

TEST_CASE("parse_timestamp trims white space as the toolkit's trim does (text/chars.hpp)") {
  // Templates leave a no-break space or a line break around a date attribute's value.
  REQUIRE(
      parse_timestamp("\xC2\xA0"
                      "2025-11-21\n"));
  CHECK(parse_timestamp("\t2025-11-21T10:05:00+01:00 \xE2\x80\x83")->iso() == "2025-11-21T10:05:00+01:00");
  CHECK(
      parse_timestamp("Tue Mar 17 2020 13:00:00 GMT+0100 (heure normale d’Europe centrale)\xC2\xA0")->iso() ==
      "2020-03-17T13:00:00+01:00");
  CHECK_FALSE(parse_timestamp("\xC2\xA0"));
}
