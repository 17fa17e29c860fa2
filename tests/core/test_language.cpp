#include <doctest/doctest.h>

#include "khabar/language.hpp"

using namespace khabar;

TEST_CASE("language and direction from the text's own letters") {
  struct Case {
    const char* text;
    const char* language;
    Direction direction;
  };
  const Case cases[] = {
      {"احتضنت مدينة مراكش، اليوم الجمعة، ندوة صحفية", "ar", Direction::rtl},
      {"پلیس بین‌الملل در مراکش نشستی برگزار کرد و گفت که همکاری مهم است",
       "fa", Direction::rtl},
      {"انٹرپول نے مراکش میں ایک پریس کانفرنس منعقد کی اور کہا کہ تعاون ضروری ہے", "ur", Direction::rtl},
      {"האינטרפול שיבח את מרוקו כמודל לשיתוף פעולה ביטחוני", "he", Direction::rtl},
      {"Marrakech accueille l'assemblée générale d'Interpol et les délégations", "fr", Direction::ltr},
      {"Marrakech hosted a press conference on Friday ahead of the assembly", "en", Direction::ltr},
      {"12345 !!! ---", "und", Direction::ltr},
  };
  for (const auto& c : cases) {
    CAPTURE(c.text);
    LanguageGuess g = detect_language(c.text);
    CHECK(g.language == c.language);
    CHECK(g.direction == c.direction);
  }
}

TEST_CASE("direction of a language tag") {
  CHECK(direction_of_language("ar") == Direction::rtl);
  CHECK(direction_of_language("ar-MA") == Direction::rtl);
  CHECK(direction_of_language("he") == Direction::rtl);
  CHECK(direction_of_language("fa-IR") == Direction::rtl);
  CHECK(direction_of_language("ur") == Direction::rtl);
  CHECK(direction_of_language("fr-MA") == Direction::ltr);
  CHECK(direction_of_language("en") == Direction::ltr);
  CHECK(direction_of_language("az-Arab") == Direction::rtl);
  CHECK(direction_of_language("not a tag!") == Direction::ltr);
}
