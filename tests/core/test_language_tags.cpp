// Declared languages as pages write them, made well-formed (issue #21): the toolkit's one
// normalizer, every HTML source that declares a language, and the body's script overruling a
// declaration that disagrees with it. The fragments are written here.
#include <doctest/doctest.h>

#include <optional>
#include <string>
#include <vector>

#include "khabar/card.hpp"
#include "khabar/clean.hpp"
#include "khabar/read.hpp"
#include "text/language_tag.hpp"

using namespace khabar;

namespace {

bool has_warning(const Article& a, const std::string& code, const std::string& part = "") {
  for (const auto& w : a.warnings)
    if (w.code == code && w.message.find(part) != std::string::npos) return true;
  return false;
}

Article page(const std::string& html_attrs, const std::string& head, const std::string& body) {
  return read_article("<!doctype html><html" + html_attrs + "><head>" + head + "</head><body>" + body +
                      "</body></html>");
}

const std::string arabic_story =
    "<article><p>قال وزير الداخلية إن الحكومة ستعلن عن إجراءات جديدة لدعم الأسر في المدن الكبرى خلال "
    "الأسابيع المقبلة.</p><p>وأضاف أن هذه الإجراءات تشمل دعم السكن والنقل والتعليم، وأنها ستمول من "
    "ميزانية السنة المقبلة.</p></article>";
const std::string english_story =
    "<article><p>The minister said that the government was ready to announce new measures for families "
    "in the cities.</p><p>He added that the measures would be paid for from next year's budget and "
    "that they were only a first step.</p></article>";

}  // namespace

TEST_CASE("language tags: one normalizer makes every declared form well-formed BCP 47") {
  struct Case {
    const char* declared;
    const char* tag;
  };
  const Case cases[] = {
      {"ar_AR", "ar-AR"}, {"ar_Ar", "ar-AR"}, {"en_us", "en-US"},           {"eng", "en"},
      {"ur_pK", "ur-PK"}, {"fa_IR", "fa-IR"}, {" de-DE ", "de-DE"},         {"iw", "he"},
      {"EN", "en"},       {"en, fr", "en"},   {"zh-hans-cn", "zh-Hans-CN"}, {"per", "fa"},
  };
  for (const auto& c : cases) {
    CAPTURE(c.declared);
    auto tag = detail::normalize_language_tag(c.declared);
    REQUIRE(tag);
    CHECK(*tag == c.tag);
  }
  for (const char* unreadable : {"utf-8", "kr", "x", "und", "x-default", "", "12", "en--US", "header\r\nx"}) {
    CAPTURE(unreadable);
    CHECK_FALSE(detail::normalize_language_tag(unreadable));
  }
}

TEST_CASE("language tags: the answers are remembered, and stay right past the memo's size") {
  // normalize_language_tag and script_family_of_language keep their answers (64 a thread,
  // cleared when full): asked again, in another order, after over 64 others, the same answers.
  std::vector<std::string> declared;
  for (const char* base : {"ar_AR", "en_us", "eng", "ur_pK", "fa", "kr", "utf-8", "he", "ja_JP", "zh-hant"})
    for (const char* region : {"", "-US", "_MA", "-419", "-x-private", "_Latn", "-001", "_zz"})
      declared.push_back(std::string(base) + region);
  std::vector<std::optional<std::string>> first;
  std::vector<std::string> scripts;
  for (const auto& d : declared) {
    first.push_back(detail::normalize_language_tag(d));
    scripts.push_back(first.back() ? detail::script_family_of_language(*first.back()) : "");
  }
  CHECK(first[0] == std::optional<std::string>("ar-AR"));
  CHECK(scripts[0] == "Arab");
  for (int round = 0; round < 2; ++round)
    for (std::size_t k = declared.size(); k-- > 0;) {
      CAPTURE(declared[k]);
      CHECK(detail::normalize_language_tag(declared[k]) == first[k]);
      if (first[k]) CHECK(detail::script_family_of_language(*first[k]) == scripts[k]);
    }
}

TEST_CASE("language tags: every HTML source goes through the normalizer") {
  SUBCASE("<html lang>") {
    Article a = page(" lang=\"ar_Ar\"", "<title>t</title>", arabic_story);
    CHECK(a.language == "ar-AR");
    CHECK(a.direction == Direction::rtl);
    CHECK(a.origins.at("language") == "<html lang>");
  }
  SUBCASE("og:locale, as Facebook writes it") {
    Article a = page("", "<meta property=\"og:locale\" content=\"ur_pK\">", arabic_story);
    CHECK(a.language == "ur-PK");
    CHECK(a.origins.at("language") == "meta:og:locale");
  }
  SUBCASE("JSON-LD inLanguage") {
    Article a = page("",
                     "<script type=\"application/ld+json\">{\"@type\":\"NewsArticle\",\"headline\":\"h\","
                     "\"inLanguage\":\"en_us\"}</script>",
                     english_story);
    CHECK(a.language == "en-US");
  }
  SUBCASE("meta http-equiv Content-Language") {
    Article a = page("", "<meta http-equiv=\"Content-Language\" content=\"eng\">", english_story);
    CHECK(a.language == "en");
    CHECK(a.origins.at("language") == "meta:content-language");
  }
  SUBCASE("dc.language") {
    Article a = page("", "<meta name=\"DC.language\" content=\"fa_ir\">", arabic_story);
    // fa declared, Arabic-script body: the same script, so the declaration stands.
    CHECK(a.language == "fa-IR");
    CHECK(a.origins.at("language") == "meta:dc.language");
  }
  SUBCASE("an unreadable tag is dropped with a warning keeping it, and the next source is read") {
    Article a = page(" lang=\"utf-8\"", "<meta property=\"og:locale\" content=\"en_GB\">", english_story);
    CHECK(a.language == "en-GB");
    CHECK(has_warning(a, "parse.invalid_language", "utf-8"));
  }
  SUBCASE("nothing readable: detected from the text, with the raw value in the warning") {
    Article a = page(" lang=\"kr\"", "", english_story);
    CHECK(a.language == "en");
    CHECK(a.language_detected);
    CHECK(has_warning(a, "parse.invalid_language", "\"kr\""));
  }
}

TEST_CASE("language from the text when the declaration's script disagrees with the body's") {
  SUBCASE("an Arabic body under lang=en-US is Arabic, right to left") {
    Article a = page(" lang=\"en-US\"", "<title>t</title>", arabic_story);
    CHECK(a.language == "ar");
    CHECK(a.direction == Direction::rtl);
    CHECK(a.language_detected);
    CHECK(has_warning(a, "read.language_mismatch", "en-US"));
  }
  SUBCASE("an English body under lang=ar is English") {
    Article a = page(" lang=\"ar\"", "<title>t</title>", english_story);
    CHECK(a.language == "en");
    CHECK(a.direction == Direction::ltr);
  }
  SUBCASE("a declaration in the body's script stands (fa over an Arabic-script body)") {
    Article a = page(" lang=\"fa\"", "<title>t</title>", arabic_story);
    CHECK(a.language == "fa");
    CHECK_FALSE(a.language_detected);
  }
  SUBCASE("a Gujarati body under en-IN: the script's language") {
    Article a = page(" lang=\"en_IN\"", "<title>t</title>",
                     "<article><p>ગુજરાત સરકારે આજે નવી યોજના જાહેર કરી છે જેનાથી રાજ્યના ખેડૂતોને સીધો "
                     "ફાયદો થશે અને ગામડાંમાં પાણીની સુવિધા વધશે.</p></article>");
    CHECK(a.language == "gu");
    CHECK(a.direction == Direction::ltr);
  }
}

TEST_CASE("no locale asked: the card speaks the article's language and region") {
  Article a = page(" lang=\"ar_MA\"", "<title>t</title>", arabic_story);
  Card card = make_card(clean(a));
  CHECK(card.lang == "ar-MA");
  CHECK(card.locale == "ar-MA");
  CHECK(card.dir == Direction::rtl);
  CHECK(card.ui_lang == "ar");
  CHECK(card.reading_time.display.find("minute") == std::string::npos);
  CHECK(card.reading_time.display.find("دق") != std::string::npos);
  for (const auto& w : card.warnings) CHECK(w.code != "locale.fallback");
}
