// Bylines that are names, and HTML entities left in scraped text (issue #21). The fragments
// follow the shapes of real templates (an Arabic CMS's "حرر بتاريخ | date | من طرف name", a
// "By name | date" line); the names and text are made up here.
#include <doctest/doctest.h>

#include <string>

#include "khabar/clean.hpp"
#include "khabar/read.hpp"

using namespace khabar;

namespace {

Article page(const std::string& head, const std::string& byline) {
  return read_article("<html><head>" + head + "</head><body><div class=\"byline\">" + byline +
                      "</div><article><p>The council approved the new bridge on Monday evening, after a "
                      "debate that lasted four hours.</p><p>Works start in September and should end in "
                      "2026, the mayor said.</p></article></body></html>");
}

}  // namespace

TEST_CASE("bylines: the author is the name, never the date line") {
  struct Case {
    const char* byline;
    const char* author;  // "" : no author
  };
  const Case cases[] = {
      {"حرر بتاريخ | 11/21/2025 | من طرف سعاد العلمي", "سعاد العلمي"},
      {"By Ana Lopes | 13 May 2024", "Ana Lopes"},
      {"Ana Lopes · 8:30 am", "Ana Lopes"},
      {"رپورٹ: احمد علی | 8 مارچ 2024", "احمد علی"},
      {"بقلم: سعاد العلمي", "سعاد العلمي"},
      {"Updated 13 May 2024 | 10:30", ""},
      {"١٣ مايو ٢٠٢٤", ""},
      {"Ana Lopes", "Ana Lopes"},
  };
  for (const auto& c : cases) {
    CAPTURE(c.byline);
    Article a = page("<title>Bridge approved</title>", c.byline);
    if (std::string(c.author).empty()) {
      CHECK(a.authors.empty());
    } else {
      REQUIRE(a.authors.size() == 1);
      CHECK(a.authors[0] == c.author);
      CHECK(a.origins.at("authors") == "byline");
    }
  }
  // A meta author holding a "by … | date" line gives its name too.
  Article a = page("<meta name=\"author\" content=\"By Bo Chen | 2024-05-13\">", "");
  REQUIRE(a.authors.size() == 1);
  CHECK(a.authors[0] == "Bo Chen");
}

TEST_CASE("entities in scraped text are decoded, each fix recorded") {
  Article a = read_article(
      "&quot;Bridge&quot; approved &amp; funded\n\nThe mayor&#8217;s plan &#x2014; the new bridge &#0;&ndash; "
      "opens in 2026.\n",
      {.format = InputFormat::text});
  CleanedArticle c = clean(a);
  CHECK(c.article.title == "\"Bridge\" approved & funded");
  REQUIRE(c.article.body.size() == 1);
  CHECK(c.article.body[0].text == "The mayor\u2019s plan \u2014 the new bridge \u2013 opens in 2026.");
  std::size_t decoded = 0;
  for (const auto& f : c.fixes)
    if (f.kind == "entity.decoded") {
      ++decoded;
      // Each fix points at the entity in the original field.
      const std::string& original = f.field == "title" ? a.title : a.body[0].text;
      CHECK(original.substr(f.offset, 1) == "&");
      CHECK(original[f.offset + f.length - 1] == ';');
    }
  CHECK(decoded == 7);
  // Text that only looks like an entity stays: "AT&T", "R&D;" is no entity, "&unknown;" neither.
  Article plain = read_article("AT&T and R&D; &unknown; stay\n\nThe text of the story is here.\n",
                               {.format = InputFormat::text});
  CHECK(clean(plain).article.title == "AT&T and R&D; &unknown; stay");
}

TEST_CASE("dates: the date line a page prints near its headline, when the data give none") {
  auto read = [](const std::string& html_attrs, const std::string& body) {
    return read_article("<html" + html_attrs + "><head><title>t</title></head><body><article>" + body +
                        "<p>افتتحت هيئة النقل العام في المدينة صباح الأحد خطا جديدا للحافلات يربط وسط "
                        "المدينة بالأحياء الشرقية، في إطار خطة لتخفيف الزحام.</p></article></body></html>");
  };
  SUBCASE("a .date element in Arabic-Indic digits") {
    Article a = read(" lang=\"ar\"", "<h1>خط جديد</h1><span class=\"date\">الأحد ١٣ مايو ٢٠٢٤</span>");
    REQUIRE(a.published);
    CHECK(a.published->iso() == "2024-05-13");
    CHECK(a.origins.at("published") == "visible date");
  }
  SUBCASE("a Persian solar date under the headline") {
    Article a = read(" lang=\"fa\"", "<h1>خط جديد</h1><div>یکشنبه ۲۱ اردیبهشت ۱۳۹۹</div>");
    REQUIRE(a.published);
    CHECK(a.published->iso() == "2020-05-10");
  }
  SUBCASE("the byline's date, in an Urdu month") {
    Article a = read(" lang=\"ur\"", "<h1>خط جديد</h1><p class=\"author\">رپورٹ: احمد علی | 8 مارچ 2024</p>");
    REQUIRE(a.published);
    CHECK(a.published->iso() == "2024-03-08");
  }
  SUBCASE("the data's date comes first") {
    Article a = read(" lang=\"ar\"",
                     "<h1>خط جديد</h1><time datetime=\"2024-05-12T09:00:00+02:00\">١٣ مايو ٢٠٢٤</time>");
    REQUIRE(a.published);
    CHECK(a.published->iso() == "2024-05-12T09:00:00+02:00");
  }
}

TEST_CASE("dates: a Hijri date written in ISO form is never read as Gregorian") {
  Article a = read_article(
      "<html lang=\"ar\"><head><meta property=\"article:published_time\" content=\"1445-09-01\"></head><body>"
      "<article><p>افتتحت هيئة النقل العام في المدينة صباح الأحد خطا جديدا للحافلات يربط وسط المدينة "
      "بالأحياء الشرقية.</p></article></body></html>");
  REQUIRE(a.published);
  CHECK(a.published->iso() == "2024-03-11");
}
