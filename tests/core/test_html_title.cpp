// The page's own headline as the card's title, without the site's name (issue #21). The
// fragments imitate the shapes of news templates (Open Graph, JSON-LD, Korean and Arabic
// portals' <title>s); every name and headline is made up here.
#include <doctest/doctest.h>

#include <string>

#include "khabar/read.hpp"
#include "read/html/title.hpp"

using namespace khabar;
using namespace khabar::detail::html;

namespace {

Article page(const std::string& head, const std::string& body, const std::string& html_attrs = "") {
  return read_article("<!doctype html><html" + html_attrs + "><head>" + head + "</head><body>" + body +
                      "</body></html>");
}

const std::string story =
    "<article><p>The council approved the new bridge on Monday evening, after a debate that lasted "
    "four hours and ended in a vote.</p><p>Works start in September and should end in 2026, the mayor "
    "said on the steps of the town hall.</p></article>";

}  // namespace

TEST_CASE("title: the site's name leaves either end, whatever the separator") {
  std::vector<std::string> sites = site_names({"Harbour Times"}, "https://www.harbour-news.example/a/1");
  struct Case {
    const char* title;
    const char* want;
  };
  const Case cases[] = {
      {"Bridge approved | Harbour Times", "Bridge approved"},
      {"Bridge approved - Harbour Times", "Bridge approved"},
      {"Bridge approved \xE2\x80\x93 Harbour Times", "Bridge approved"},
      {"Bridge approved \xE2\x80\x94 Harbour Times", "Bridge approved"},
      {"Harbour Times: Bridge approved", "Bridge approved"},
      {"Harbour Times \xC2\xB7 Bridge approved", "Bridge approved"},
      {"Harbour Times \xC2\xBB Bridge approved", "Bridge approved"},
      {"Bridge approved | Harbour Times | 28.04.2023", "Bridge approved"},  // a date after the name
      {"Bridge approved | harbour-news.example", "Bridge approved"},        // the domain
      {"Bridge approved - HARBOUR TIMES", "Bridge approved"},
      {"Bridge approved", "Bridge approved"},
      {"Harbour Times", "Harbour Times"},                                // nothing would remain: kept whole
      {"Jean-Luc meets Harbour-Times", "Jean-Luc meets Harbour-Times"},  // a hyphen in words is no separator
      {"Bridge approved: what Harbour Times readers said",
       "Bridge approved: what Harbour Times readers said"},
      // The name in brackets, where no separator stands; brackets holding anything else stay.
      {"Bridge approved [Harbour Times]", "Bridge approved"},
      {"Bridge approved (harbour-news.example)", "Bridge approved"},
      {"[Harbour Times] Bridge approved", "Bridge approved"},
      {"Chapter 3 - Bridge approved [Harbour Times]", "Chapter 3 - Bridge approved"},
      {"Bridge approved (video)", "Bridge approved (video)"},
      {"Budget [updated] Harbour Times", "Budget [updated] Harbour Times"},
      {"[Harbour Times]", "[Harbour Times]"},
  };
  for (const auto& c : cases) {
    CAPTURE(c.title);
    CHECK(strip_site_name(c.title, sites) == c.want);
  }
  // A tight Korean separator and the section before the name: "-정치ㅣ한국일보".
  CHECK(strip_site_name("국회 본회의 예산안 통과 -정치\xE3\x85\xA3한국신문", site_names({"한국신문"}, ""),
                        "정치") == "국회 본회의 예산안 통과");
  // Accents and dots fold: the domain aktualne.example names "Aktuálně.example".
  CHECK(strip_site_name("Vláda schválila rozpočet | Aktuálně.example",
                        site_names({}, "https://zpravy.aktualne.example/x")) == "Vláda schválila rozpočet");
  CHECK(strip_site_name("Vláda schválila rozpočet | Aktuálně.example",
                        site_names({}, "https://www.aktualne.example/x")) == "Vláda schválila rozpočet");
}

TEST_CASE("title: site names from og:site_name, the JSON-LD publisher and what all sources repeat") {
  SUBCASE("og:site_name, stripped from og:title too") {
    Article a = page(
        "<title>الحكومة تعلن خطة جديدة - جريدة المدينة</title><meta property=\"og:site_name\" "
        "content=\"جريدة المدينة\"><meta property=\"og:title\" content=\"الحكومة تعلن خطة جديدة | جريدة "
        "المدينة\">",
        story);
    CHECK(a.title == "الحكومة تعلن خطة جديدة");
    CHECK(a.origins.at("title") == "meta:og:title");
  }
  SUBCASE("the JSON-LD publisher's name, from the headline") {
    Article a = page(
        "<script type=\"application/ld+json\">{\"@type\":\"NewsArticle\",\"headline\":\"Bridge approved - "
        "Harbour Times\",\"publisher\":{\"@type\":\"Organization\",\"name\":\"Harbour Times\"}}</script>",
        story);
    CHECK(a.title == "Bridge approved");
    CHECK(a.origins.at("title") == "json-ld");
  }
  SUBCASE("the part every title source repeats") {
    Article a = page(
        "<title>Bridge approved | Harbour Times</title><meta property=\"og:title\" content=\"Bridge "
        "approved on Monday | Harbour Times\">",
        story);
    CHECK(a.title == "Bridge approved on Monday");
  }
  SUBCASE("a title that is only the site's name is passed over") {
    Article a = page(
        "<meta property=\"og:site_name\" content=\"Harbour Times - all the news\"><meta property=\"og:title\" "
        "content=\"Harbour Times\"><meta name=\"twitter:title\" content=\"Bridge approved\">",
        story);
    CHECK(a.title == "Bridge approved");
    CHECK(a.origins.at("title") == "meta:twitter:title");
  }
  SUBCASE("property= before name= for the same key") {
    Article a = page(
        "<meta name=\"og:title\" content=\"By name\"><meta property=\"og:title\" content=\"By property\">",
        story);
    CHECK(a.title == "By property");
  }
}

TEST_CASE("title: the headline the reader sees above the article") {
  SUBCASE("an Urdu headline over an English og:title") {
    Article a =
        page("<meta property=\"og:title\" content=\"Flood relief reaches villages\">",
             "<div class=\"story\"><h1>سیلاب زدہ دیہات تک امدادی سامان پہنچ گیا</h1><p>حکام نے بتایا کہ "
             "سیلاب سے متاثرہ علاقوں میں امدادی سامان کے ٹرک منگل کو پہنچ گئے اور لوگوں میں تقسیم "
             "شروع ہو گئی۔</p><p>صوبائی حکومت کے مطابق بارہ سو خاندانوں کو خیمے اور کھانا دیا گیا ہے "
             "اور مزید سامان راستے میں ہے۔</p></div>",
             " lang=\"ur\"");
    CHECK(a.title == "سیلاب زدہ دیہات تک امدادی سامان پہنچ گیا");
    CHECK(a.origins.at("title") == "<h1>");
    for (const auto& b : a.body) CHECK(b.text != a.title);  // not read twice
  }
  SUBCASE("a <title> that is the headline with the site's tagline around it") {
    Article a =
        page("<title>Evolve: shared history \xE2\x80\x94 a tool for teams</title>",
             "<h1>a tool for teams</h1><article><h1>Evolve: shared history\xC2\xB6</h1>" + story.substr(9));
    CHECK(a.title == "Evolve: shared history");
  }
  SUBCASE("itemprop=headline") {
    Article a = page("", "<h1>Harbour Times</h1><article><h2 itemprop=\"headline\">Bridge approved</h2>" +
                             story.substr(9));
    CHECK(a.title == "Bridge approved");
    CHECK(a.origins.at("title") == "microdata:headline");
  }
  SUBCASE("an og:title in the text's script stays, even beside another <h1>") {
    Article a = page("<meta property=\"og:title\" content=\"Bridge approved by the council\">",
                     "<article><h1>Council says yes to the bridge</h1>" + story.substr(9));
    CHECK(a.title == "Bridge approved by the council");
  }
}
