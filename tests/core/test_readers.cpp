#include <doctest/doctest.h>

#include "khabar/read.hpp"
#include "read/readers.hpp"
#include "support.hpp"

using namespace khabar;
using khabar::test::read_file;

TEST_CASE("text reader: the seed article in its scraped form") {
  Article a = read_article(read_file("examples/seed-article-ar.txt"));
  CHECK(a.format == InputFormat::text);
  CHECK(a.title == "الإنتربول يشيد من مراكش بالمغرب نموذج عالمي في التعاون الأمني");
  REQUIRE(a.published);
  CHECK(a.published->iso() == "2025-11-21");
  CHECK(a.published->date_only);
  CHECK(a.source == "كشـ24");
  CHECK(a.credit == "وكالات");
  CHECK(a.language == "ar");
  CHECK(a.direction == Direction::rtl);
  CHECK(a.language_detected);
  // Nine paragraph lines after the title and the metadata line; none is a heading as read
  // (the glued sub-headings are the cleaner's business).
  CHECK(a.body.size() == 9);
  for (const auto& b : a.body) CHECK(b.kind == Block::Kind::paragraph);
  CHECK(a.body[0].text.rfind("احتضنت مدينة مراكش", 0) == 0);
  CHECK(a.warnings.empty());
}

TEST_CASE("text reader: metadata line forms and headings") {
  SUBCASE("no metadata line: first line is the title, the rest paragraphs") {
    Article a = read_article("Title only\n\nFirst paragraph of the story.\nSecond paragraph.\n");
    CHECK(a.title == "Title only");
    CHECK_FALSE(a.published);
    CHECK(a.body.size() == 2);
    CHECK(a.language == "en");
  }
  SUBCASE("CRLF and a day.month.year date with a 'by' source") {
    Article a = read_article(
        "Un titre\r\nPublié le | 21.11.2025 | Par Le Matin - MAP\r\n\r\nLe texte de l'article est ici.\r\n");
    REQUIRE(a.published);
    CHECK(a.published->iso() == "2025-11-21");
    CHECK(a.source == "Le Matin");
    CHECK(a.credit == "MAP");
    CHECK(a.body.size() == 1);
    CHECK(a.language == "fr");
  }
  SUBCASE("a short line without a sentence end between paragraphs is a heading") {
    Article a = read_article("T\n\nThe first paragraph ends here.\nA new chapter\nThe second paragraph.\n");
    REQUIRE(a.body.size() == 3);
    CHECK(a.body[1].kind == Block::Kind::heading);
    CHECK(a.body[2].kind == Block::Kind::paragraph);
  }
  SUBCASE("a line with pipes but no date is a paragraph") {
    Article a = read_article("Title\nA | B | C\n");
    CHECK_FALSE(a.published);
    CHECK(a.body.size() == 1);
  }
}

TEST_CASE("JSON-LD reader: a Yoast-style @graph with @id references") {
  Article a = read_article(read_file("tests/golden/readers/jsonld-graph.json"));
  CHECK(a.format == InputFormat::json_ld);
  CHECK(a.title == "الإنتربول يشيد من مراكش بالمغرب نموذج عالمي في التعاون الأمني");
  CHECK(a.url == "https://www.example-news.ma/ar/2025/11/21/interpol/");
  CHECK(a.id == "https://www.example-news.ma/ar/2025/11/21/interpol/#article");
  CHECK(a.authors == std::vector<std::string>{"سعيد العلمي"});
  CHECK(a.source == "Example News");
  REQUIRE(a.published);
  CHECK(a.published->iso() == "2025-11-21T13:45:00+01:00");
  CHECK(a.published->offset_minutes == 60);
  REQUIRE(a.updated);
  CHECK(a.updated->iso() == "2025-11-21T15:02:11+01:00");
  REQUIRE(a.image);
  CHECK(a.image->url == "https://www.example-news.ma/uploads/2025/11/interpol.jpg");
  CHECK(a.image->alt == "الندوة الصحفية بمراكش");
  CHECK(a.section == "أمن");
  CHECK(a.tags == std::vector<std::string>{"الإنتربول", "مراكش", "الأمن"});
  CHECK(a.language == "ar");
  CHECK_FALSE(a.language_detected);
  CHECK(a.direction == Direction::rtl);
  CHECK(a.body.size() == 2);
}

TEST_CASE("JSON-LD reader: an array with author arrays, image arrays and a type array") {
  Article a = read_article(read_file("tests/golden/readers/jsonld-authors.json"));
  CHECK(a.format == InputFormat::json_ld);
  CHECK(a.title == "Marrakech accueille l'assemblée générale d'Interpol");
  CHECK(a.subtitle == "196 pays attendus du 24 au 27 novembre");
  CHECK(a.id == "art-88213");
  CHECK(a.authors == std::vector<std::string>{"Leïla Benjelloun", "Karim Haddad", "MAP"});
  CHECK(a.source == "Exemple Info");
  REQUIRE(a.published);
  CHECK(a.published->date_only);
  CHECK(a.published->iso() == "2025-11-21");
  REQUIRE(a.image);
  CHECK(a.image->url == "https://cdn.exemple-info.ma/img/interpol-16x9.jpg");
  CHECK(a.image->credit == "MAP");
  CHECK(a.language == "fr-MA");
  CHECK(a.direction == Direction::ltr);
  CHECK(a.body.size() == 2);
}

TEST_CASE("HTML reader: the JSON-LD blocks of a page, skipping broken ones") {
  Article a = read_article(read_file("tests/golden/readers/page.html"));
  CHECK(a.format == InputFormat::html);
  CHECK(a.title == "Interpol praises Morocco as a model of security cooperation");
  CHECK(a.url == "https://www.example-times.co.uk/world/interpol-morocco");
  CHECK(a.authors == std::vector<std::string>{"Jane Doe"});
  CHECK(a.source == "Example Times");
  REQUIRE(a.published);
  CHECK(a.published->iso() == "2025-11-21T16:20:00Z");
  REQUIRE(a.image);
  CHECK(a.image->url == "https://www.example-times.co.uk/images/interpol.jpg");
  CHECK(a.language == "en-GB");  // from <html lang>, the JSON-LD has none
  REQUIRE(a.warnings.size() == 1);
  CHECK(a.warnings[0].code == "parse.invalid_jsonld_block");
}

TEST_CASE("Khabar JSON reader and writer round-trip") {
  Article a = read_article(read_file("tests/golden/readers/khabar-en.json"));
  CHECK(a.format == InputFormat::khabar_json);
  CHECK(a.title == "Interpol praises Morocco as a model of security cooperation");
  CHECK(a.authors.size() == 2);
  CHECK(a.credit == "Reuters");
  REQUIRE(a.body.size() == 3);
  CHECK(a.body[1].kind == Block::Kind::heading);
  CHECK(a.body[2].text == "Delegations from 196 member countries are expected.");
  REQUIRE(a.updated);
  CHECK(a.updated->date_only);
  CHECK(a.language == "en-GB");
  CHECK(a.tags == std::vector<std::string>{"Interpol", "Morocco"});

  Article again = read_article(to_khabar_json(a));
  again.format = a.format;
  CHECK(again == a);
}

TEST_CASE("format detection and override") {
  CHECK(detect_format("  {\"title\": \"x\"}") == InputFormat::khabar_json);
  CHECK(detect_format("{\"@context\": \"https://schema.org\"}") == InputFormat::json_ld);
  CHECK(detect_format("\xEF\xBB\xBF<html>") == InputFormat::html);
  CHECK(detect_format("عنوان\nنص") == InputFormat::text);
  // Told it is text, a JSON document is read as text (its first line is the title).
  ReadOptions as_text;
  as_text.format = InputFormat::text;
  Article a = read_article("{\"title\": \"x\"}\nbody line", as_text);
  CHECK(a.format == InputFormat::text);
  CHECK(a.title == "{\"title\": \"x\"}");
}

TEST_CASE(
    "is_json_ld_type: the MIME type's essence, as both HTML readers (Gumbo's and the lean one) read it") {
  using khabar::detail::is_json_ld_type;
  CHECK(is_json_ld_type("application/ld+json"));
  CHECK(is_json_ld_type("Application/LD+JSON"));
  CHECK(is_json_ld_type("application/ld+json; charset=utf-8"));
  CHECK(is_json_ld_type("application/ld+json ;charset=utf-8"));
  // Templates pad the attribute with any white space: trimmed, as a MIME type is.
  CHECK(is_json_ld_type("  application/ld+json\n"));
  CHECK(is_json_ld_type("\tapplication/ld+json"));
  // A space inside is no MIME type (the lean reader used to delete every space and take it).
  CHECK_FALSE(is_json_ld_type("application/ ld+json"));
  CHECK_FALSE(is_json_ld_type("application /ld+json"));
  CHECK_FALSE(is_json_ld_type("application/json"));
  CHECK_FALSE(is_json_ld_type("application/ld+json+x"));
  CHECK_FALSE(is_json_ld_type(""));
}

TEST_CASE(
    "readers: a date field that is no date is dropped with one warning, in Khabar JSON and JSON-LD alike") {
  for (const char* input :
       {R"({"khabar": 1, "title": "T", "body": "B", "published": "soon"})",
        R"({"@context": "https://schema.org", "@type": "NewsArticle", "headline": "T", "articleBody": "B",
           "datePublished": "soon"})"}) {
    CAPTURE(input);
    Article a = read_article(input);
    CHECK_FALSE(a.published);
    std::size_t invalid = 0;
    for (const auto& w : a.warnings) invalid += w.code == "parse.invalid_date";
    CHECK(invalid == 1);
  }
}
