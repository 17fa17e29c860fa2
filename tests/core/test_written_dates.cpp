// Dates as right-to-left pages print them (issue #21): month names of every Arabic region,
// Urdu and Persian, Persian solar and Islamic dates through ICU's calendars, digits of every
// script; and a date never counted as a key figure. Every line is written here.
#include <doctest/doctest.h>

#include <string>

#include "khabar/analysis.hpp"
#include "khabar/extract.hpp"
#include "read/written_date.hpp"

using namespace khabar;

TEST_CASE("written dates: every region's months, every script's digits") {
  struct Case {
    const char* text;
    const char* language;
    const char* iso;
  };
  const Case cases[] = {
      {"الأحد ١٣ مايو ٢٠٢٤ - ١٠:٣٠ ص", "ar", "2024-05-13"},  // Egypt, Arabic-Indic digits
      {"نشر في 5 كانون الثاني 2025", "ar", "2025-01-05"},    // the Levant, a two-word month
      {"14 تشرين الأول 2023", "ar", "2023-10-14"},
      {"12 جانفي 2023", "ar", "2023-01-12"},  // Algeria, Tunisia
      {"21 نونبر 2025", "ar", "2025-11-21"},  // Morocco
      {"3 يوليوز 2024", "ar", "2024-07-03"},
      {"8 مارچ 2024", "ur", "2024-03-08"},                      // Urdu
      {"۱۲ ژوئن ۲۰۲۳", "fa", "2023-06-12"},                     // Persian, Gregorian months
      {"یکشنبه ۲۱ اردیبهشت ۱۳۹۹ - ۱۲:۴۵", "fa", "2020-05-10"},  // Persian solar, converted
      {"۱۳۹۹/۰۲/۲۱", "fa", "2020-05-10"},                       // solar Hijri in digits
      {"1 رمضان 1445 هـ", "ar", "2024-03-11"},                  // Islamic (Umm al-Qura)
      {"١٤٤٥/٠٩/٠١", "ar", "2024-03-11"},                       // a Hijri year on an Arabic page
      {"13/05/2024", "ar", "2024-05-13"},                       // day first
      {"11/21/2025", "ar", "2025-11-21"},                       // month first only when it must be
      {"2024-05-13", "fa", "2024-05-13"},
  };
  for (const auto& c : cases) {
    CAPTURE(c.text);
    auto t = detail::parse_written_date(c.text, c.language);
    REQUIRE(t);
    CHECK(t->iso() == c.iso);
  }
}

TEST_CASE("written dates: a Hijri date is never read as Gregorian, and non-dates stay none") {
  // 1445 is no Gregorian year a news page prints: as Islamic it is 2024, never 1445.
  auto t = detail::parse_written_date("1 رمضان 1445", "ar");
  REQUIRE(t);
  CHECK(t->year == 2024);
  for (const char* text : {"٢٠٠ حافلة جديدة", "31 فبراير 2024", "15 مايو", "مايو 2024", "رقم 8 من 2024",
                           "30 اسفند 1400 1 2", "", "12/13/14/15"}) {
    CAPTURE(text);
    CHECK_FALSE(detail::parse_written_date(text, "ar"));
  }
}

TEST_CASE("figures: a date, a Hijri year or a month of any calendar is never a key figure") {
  auto figures_of = [](const char* language, const char* body) {
    Article a;
    a.language = language;
    a.body.push_back({Block::Kind::paragraph, body});
    return extract_figures(Analysis(a));
  };
  for (const auto& [language, text] : {std::pair{"ur", "حکام نے 8 مارچ کو 1200 خاندانوں کو خیمے دیے۔"},
                                       {"fa", "کتابخانه در ۲۱ اردیبهشت با ۵۰ کتاب باز شد."},
                                       {"ar", "بدأ الصيام في 1 رمضان 1445 هـ في 30 مدينة."}}) {
    const char* body = text;  // clang 14 lets no macro's lambda capture a structured binding
    CAPTURE(body);
    auto figures = figures_of(language, body);
    for (const auto& f : figures) {
      CAPTURE(f.text);
      CHECK(f.value != 8);
      CHECK(f.value != 21);
      CHECK(f.value != 1);
      CHECK(f.value != 1445);
    }
    CHECK(figures.size() == 1);  // the one count: 1200 خاندانوں, ۵۰ کتاب, 30 مدينة
  }
}
