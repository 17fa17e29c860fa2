// The HTML reader (Gumbo): every metadata source, its precedence and recorded origin, the
// leniencies real pages need, encodings, and the main-text extractor. The fragments follow the
// shapes of real publishers' templates (WordPress, Arc, Drupal, an Arabic news CMS), written
// here by hand.
#include <doctest/doctest.h>

#include <string>

#include "khabar/read.hpp"
#include "read/html/dom.hpp"
#include "read/markup.hpp"
#include "text/utf8.hpp"

using namespace khabar;

namespace {

Article page(const std::string& head, const std::string& body, const std::string& html_attrs = "") {
  return read_article("<!doctype html><html" + html_attrs + "><head>" + head + "</head><body>" + body +
                      "</body></html>");
}

const std::string story =
    "<article><p>Marrakech hosted a press conference on Friday, ahead of Interpol's 93rd General "
    "Assembly, with delegations from 196 member countries.</p><p>The head of the police said the "
    "cooperation, now in its tenth year, had changed how cases are shared.</p></article>";

bool has_warning(const Article& a, const std::string& code) {
  for (const auto& w : a.warnings)
    if (w.code == code) return true;
  return false;
}

}  // namespace

TEST_CASE("JSON-LD in a page: raw control characters, CDATA, @type arrays, nesting, headLine") {
  SUBCASE("a raw newline inside a string no longer drops the article") {
    Article a = page(
        "<script type=\"application/ld+json\">{\"@context\":\"https://schema.org\",\"@type\":"
        "\"NewsArticle\",\"headline\":\"Line one\nline two\",\"articleBody\":\"First.\nSecond "
        "paragraph of the story.\"}</script>",
        "");
    CHECK(a.title == "Line one line two");
    REQUIRE(a.body.size() == 2);
    CHECK(a.body[1].text == "Second paragraph of the story.");
    CHECK(a.origins.at("title") == "json-ld");
  }
  SUBCASE("<![CDATA[ ]]> and comment wrappers") {
    for (std::string open : {"<![CDATA[", "//<![CDATA[\n", "<!--"}) {
      std::string close = open == "<!--" ? "-->" : open[0] == '/' ? "\n//]]>" : "]]>";
      Article a = page("<script type=\"application/ld+json\">" + open +
                           "{\"@type\":\"NewsArticle\",\"headline\":\"Wrapped\",\"articleBody\":\"Text.\"}" +
                           close + "</script>",
                       "");
      CAPTURE(open);
      CHECK(a.title == "Wrapped");
    }
  }
  SUBCASE("@type arrays, an article under WebPage.mainEntity, a headLine key") {
    Article a = page(
        "<script type=\"application/ld+json\">{\"@context\":\"https://schema.org\",\"@type\":"
        "\"WebPage\",\"mainEntity\":{\"@type\":[\"NewsArticle\",\"Thing\"],\"headLine\":\"Nested "
        "headline\",\"articleBody\":\"Body text.\"}}</script>",
        "");
    CHECK(a.title == "Nested headline");
  }
  SUBCASE("hasPart and @graph") {
    Article a = page(
        "<script type=\"application/ld+json\">{\"@graph\":[{\"@type\":\"WebSite\",\"name\":\"S\"},"
        "{\"@type\":\"CreativeWork\",\"hasPart\":{\"@type\":\"BlogPosting\",\"headline\":\"Part\","
        "\"articleBody\":\"x\"}}]}</script>",
        "");
    CHECK(a.title == "Part");
  }
}

TEST_CASE("no raw entity or markup reaches an article field") {
  SUBCASE("entities in JSON-LD strings (as seen in real titles)") {
    Article a = page(
        "<script type=\"application/ld+json\">{\"@type\":\"NewsArticle\",\"headline\":\"&quot;شعر "
        "وردي&quot; &#8220;We needed to win this&nbsp;game&#8221;\",\"author\":{\"name\":\"Ana "
        "&amp; Bo\"},\"articleBody\":\"x\"}</script>",
        "");
    CHECK(a.title == "\"شعر وردي\" \u201CWe needed to win this game\u201D");
    REQUIRE(a.authors.size() == 1);
    CHECK(a.authors[0] == "Ana & Bo");
  }
  SUBCASE("articleBody holding HTML keeps its paragraphs and loses its tags") {
    Article a = read_article(
        R"({"@context":"https://schema.org","@type":"NewsArticle","headline":"H","articleBody":"<body><p>Police released the names on Monday.</p><p>The inquiry &amp; the trial continue.</p><script>alert(1)</script></body>"})");
    REQUIRE(a.body.size() == 2);
    CHECK(a.body[0].text == "Police released the names on Monday.");
    CHECK(a.body[1].text == "The inquiry & the trial continue.");
  }
  SUBCASE("markup escaped twice (an HTML-escaped articleBody) is read once more") {
    Article a = read_article(
        R"({"@type":"NewsArticle","headline":"The &amp;quot;new&amp;quot; laptop","articleBody":"&lt;p&gt;The new laptop ships on Monday, with a larger screen.&lt;/p&gt;&lt;h2&gt;Keyboard&lt;/h2&gt;&lt;div align=&quot;center&quot;&gt;&lt;img src=&quot;a.jpg&quot; alt=&quot;x&quot; /&gt;&lt;/div&gt;&lt;p&gt;Its keys travel 1 mm &amp;amp; feel firm.&lt;/p&gt;"})");
    CHECK(a.title == "The \"new\" laptop");
    REQUIRE(a.body.size() == 3);
    CHECK(a.body[0].text == "The new laptop ships on Monday, with a larger screen.");
    CHECK(a.body[1].kind == Block::Kind::heading);
    CHECK(a.body[2].text == "Its keys travel 1 mm & feel firm.");
    // In a title or a name only entities are read twice: a tag there is quoted, not meant.
    CHECK(detail::plain_text("Use the &lt;b&gt; tag") == "Use the <b> tag");
  }
  SUBCASE("plain text with an ampersand or a less-than sign is left alone") {
    CHECK(detail::plain_text("AT&T profits < forecasts") == "AT&T profits < forecasts");
    CHECK_FALSE(detail::looks_like_markup("AT&T profits < forecasts"));
    CHECK(detail::looks_like_markup("a &amp; b"));
    CHECK(detail::looks_like_markup("<b>x</b>"));
  }
}

TEST_CASE("a numeric character reference past U+10FFFF is U+FFFD, however many digits it has") {
  // Gumbo wrapped such values around an int: a negative one came out as bytes that are not
  // UTF-8, and the well-formed page's card failed with input.invalid_utf8 (found by fuzz_markup).
  Article a = page("<title>T&#x0FFFFFFFFF1;x</title>",
                   "<article><p>Marrakech hosted &#x0FFFFFFFFF1; a conference &#99999999999; on Friday, "
                   "&#x110000; ahead of the &#x10FFFF; &#65; General Assembly, with 196 member "
                   "countries.</p><p>Ends <a href=\"/a?b=&#x0FFFFFFFFF1\">here</a>.</p></article>");
  CHECK(a.title == "T\uFFFDx");
  REQUIRE(a.body.size() == 2);
  CHECK(a.body[0].text ==
        "Marrakech hosted \uFFFD a conference \uFFFD on Friday, \uFFFD ahead of the \U0010FFFF A General "
        "Assembly, with 196 member countries.");
  CHECK(a.body[1].text == "Ends here.");
  // The markup reader on a data string: the same, and nothing else of the text changes.
  auto blocks = detail::text_blocks("/\nFi&#x0FFFFFFFFF1ssss c &#x9e<d tool <t\"ss9e<de");
  REQUIRE_FALSE(blocks.empty());
  for (const auto& b : blocks) CHECK_FALSE(detail::first_invalid_utf8(b.text).has_value());
  std::string all;
  for (const auto& b : blocks) all += b.text + "|";
  CHECK(all == "/|Fi\uFFFDssss c \u017E|");  // &#x9e; is windows-1252's ž, as the standard reads it
}

TEST_CASE("metadata from every source, in order, each with its origin") {
  SUBCASE("OpenGraph over Twitter over <title>; Dublin Core before OpenGraph") {
    Article a = page(
        "<title>Page title | Site</title><meta property=\"og:title\" content=\"OG title\">"
        "<meta name=\"twitter:title\" content=\"Twitter title\">",
        story);
    CHECK(a.title == "OG title");
    CHECK(a.origins.at("title") == "meta:og:title");
    Article b = page(
        "<meta property=\"og:title\" content=\"OG title\"><meta name=\"DC.title\" content=\"DC "
        "title\">",
        story);
    CHECK(b.title == "DC title");
    CHECK(b.origins.at("title") == "meta:dc.title");
    Article c = page("<meta property=\"dc:title og:title\" content=\"Both\">", story);
    CHECK(c.title == "Both");
  }
  SUBCASE("<title> without the site's name") {
    CHECK(page("<title>Interpol praises Morocco | Example Times</title>", story).title ==
          "Interpol praises Morocco");
    CHECK(
        page(
            "<title>Example Times - Interpol praises Morocco as a model</title><meta property=\"og:site_name\" "
            "content=\"Example Times\">",
            story)
            .title == "Interpol praises Morocco as a model");
    Article a = page("<title>مراكش تحتضن ندوة صحفية | هسبريس</title>", story);
    CHECK(a.title == "مراكش تحتضن ندوة صحفية");
    CHECK(a.origins.at("title") == "<title>");
  }
  SUBCASE("description, author, dates, image, section, tags, canonical URL") {
    Article a = page(
        "<title>T</title><meta name=\"description\" content=\"Desc\"><meta name=\"author\" content=\"Jane "
        "Doe\"><meta property=\"article:author\" content=\"https://facebook.com/jane\"><meta "
        "property=\"article:published_time\" content=\"2024-04-30 16:17:29 +02:00\"><meta "
        "property=\"article:modified_time\" content=\"20200316T13:00:00Z\"><meta property=\"og:image\" "
        "content=\"https://example.com/a.jpg\"><meta property=\"og:image:alt\" content=\"A &amp; B\"><meta "
        "property=\"article:section\" content=\"World\"><meta property=\"article:tag\" content=\"police\"><meta "
        "property=\"article:tag\" content=\"Interpol\"><meta property=\"og:url\" content=\"https://example.com/og\">"
        "<link rel=\"canonical\" href=\"https://example.com/canonical\"><meta property=\"og:site_name\" "
        "content=\"Example Times\">",
        story);
    REQUIRE(a.authors.size() == 1);
    CHECK(a.authors[0] == "Jane Doe");
    REQUIRE(a.published);
    CHECK(a.published->iso() == "2024-04-30T16:17:29+02:00");
    CHECK(a.origins.at("published") == "meta:article:published_time");
    REQUIRE(a.updated);
    CHECK(a.updated->iso() == "2020-03-16T13:00:00Z");
    REQUIRE(a.image);
    CHECK(a.image->alt == "A & B");
    CHECK(a.section == "World");
    CHECK(a.tags == std::vector<std::string>{"police", "Interpol"});
    CHECK(a.url == "https://example.com/canonical");
    CHECK(a.origins.at("url") == "link:canonical");
    CHECK(a.source == "Example Times");
  }
  SUBCASE("JSON-LD first; the page fills what it leaves empty") {
    Article a = page(
        "<script type=\"application/ld+json\">{\"@type\":\"NewsArticle\",\"headline\":\"LD "
        "headline\",\"articleBody\":\"" +
            std::string(300, 'x') +
            "\"}</script><meta property=\"og:title\" content=\"OG\"><meta name=\"author\" "
            "content=\"Meta Author\">",
        "");
    CHECK(a.title == "LD headline");
    CHECK(a.authors == std::vector<std::string>{"Meta Author"});
    CHECK(a.origins.at("authors") == "meta:author");
  }
  SUBCASE("microdata and <time datetime>") {
    Article a = page("",
                     "<div itemscope itemtype=\"https://schema.org/NewsArticle\"><h1 itemprop=\"headline\">"
                     "Micro headline</h1><span itemprop=\"author\" itemscope><span itemprop=\"name\">Sam "
                     "Roe</span></span><time datetime=\"2020-10-11T07:34:36Z\">Oct 11</time><div "
                     "itemprop=\"articleBody\"><p>One paragraph of the article body, long enough.</p>"
                     "</div></div>");
    CHECK(a.title == "Micro headline");
    CHECK(a.authors == std::vector<std::string>{"Sam Roe"});
    REQUIRE(a.published);
    CHECK(a.published->iso() == "2020-10-11T07:34:36Z");
    CHECK(a.origins.at("published") == "<time datetime>");
    CHECK(a.origins.at("body") == "microdata:articleBody");
  }
  SUBCASE("an unreadable date is a warning with the raw value kept") {
    Article a = page("<meta property=\"article:published_time\" content=\"yesterday at noon\">", story);
    CHECK_FALSE(a.published);
    bool found = false;
    for (const auto& w : a.warnings)
      found = found ||
              (w.code == "parse.invalid_date" && w.message.find("yesterday at noon") != std::string::npos);
    CHECK(found);
  }
}

TEST_CASE("language and direction declared by the page") {
  // An Arabic text: a declaration in another script than the text's is overruled (issue #21).
  Article a = page("<title>t</title>",
                   "<article><p>احتضنت مراكش يوم الجمعة ندوة صحفية قبل انعقاد الجمعية العامة للإنتربول، "
                   "بمشاركة وفود من الدول الأعضاء.</p></article>",
                   " lang=\"ar-MA\" dir=\"rtl\"");
  CHECK(a.language == "ar-MA");
  CHECK(a.direction == Direction::rtl);
  CHECK_FALSE(a.language_detected);
  // <body dir> is nearer the text than <html dir>.
  Article b = read_article("<html dir=\"ltr\"><head><title>t</title></head><body dir=\"rtl\">" + story +
                           "</body></html>");
  CHECK(b.direction == Direction::rtl);
  CHECK(b.origins.at("direction") == "<body dir>");
}

TEST_CASE("pages in other encodings than UTF-8") {
  // "مرحبا بكم" in windows-1256, as Arabic sites still serve it.
  std::string arabic_1256 = "\xE3\xD1\xCD\xC8\xC7 \xC8\xDF\xE3";
  std::string html = "<html><head><meta charset=\"windows-1256\"><title>" + arabic_1256 +
                     "</title></head><body><p>" + arabic_1256 + "، " + arabic_1256 + "، " + arabic_1256 +
                     "</p></body></html>";
  Article a = read_article(html);
  CHECK(a.title == "مرحبا بكم");
  CHECK(has_warning(a, "input.decoded"));
  // The http-equiv form and a WHATWG alias (latin1 is windows-1252).
  Article b = read_article(
      "<html><head><meta http-equiv=\"Content-Type\" content=\"text/html; charset=ISO-8859-1\"><title>Caf\xE9 "
      "\x93noir\x94</title></head><body><p>Un caf\xE9 noir, s'il vous pla\xEEt, et une tarte.</p></body></html>");
  CHECK(b.title == "Caf\u00E9 \u201Cnoir\u201D");
  // The label's attribute in capitals, after a UTF-8 one in a comment: still found and read.
  Article upper = read_article("<html><head><!-- charset=utf-8 --><META CHARSET=\"Windows-1256\"><title>" +
                               arabic_1256 + "</title></head><body><p>" + arabic_1256 + "</p></body></html>");
  CHECK(upper.title == "مرحبا بكم");
  // UTF-16 with its byte-order mark.
  std::string utf16 = "\xFF\xFE";
  for (char c : std::string("<p>Hello world, this is a page.</p>")) utf16 += std::string{c, '\0'};
  CHECK(read_article(utf16).body.at(0).text == "Hello world, this is a page.");
  // Valid UTF-8 under an old label stays UTF-8.
  Article c = read_article(
      "<html><head><meta charset=\"gb2312\"><title>新电脑</title></head><body><p>人工智能，"
      "迈上新台阶，科技新闻。</p></body></html>");
  CHECK(c.title == "新电脑");
  CHECK(has_warning(c, "input.encoding_label_ignored"));
}

TEST_CASE("the HTTP Content-Type charset comes before the page's <meta charset> (WHATWG)") {
  // "مرحبا بكم" in windows-1256, served by a page whose template still says windows-1252.
  std::string arabic_1256 = "\xE3\xD1\xCD\xC8\xC7 \xC8\xDF\xE3";
  std::string html = "<html><head><meta charset=\"windows-1252\"><title>" + arabic_1256 +
                     "</title></head><body><p>" + arabic_1256 + "، " + arabic_1256 + "</p></body></html>";
  ReadOptions http;
  http.content_type = "text/html; Charset=\"Windows-1256\"";
  CHECK(read_article(html, http).title == "مرحبا بكم");
  CHECK(read_article(html).title != "مرحبا بكم");  // the page's own label alone misreads it
  // A header without a charset, or with one no converter has, leaves the page's label in charge.
  http.content_type = "text/html";
  CHECK(read_article(
            "<meta charset=windows-1256><title>" + arabic_1256 + "</title><p>" + arabic_1256 + "</p>", http)
            .title == "مرحبا بكم");
  http.content_type = "text/html; charset=no-such-encoding";
  CHECK(read_article(
            "<meta charset=windows-1256><title>" + arabic_1256 + "</title><p>" + arabic_1256 + "</p>", http)
            .title == "مرحبا بكم");
  // A byte-order mark comes before the header.
  http.content_type = "text/html; charset=windows-1256";
  CHECK(read_article("\xEF\xBB\xBF<title>مرحبا</title><p>مرحبا بكم، في الموقع.</p>", http).title == "مرحبا");
  // Valid UTF-8 stays UTF-8 under a header that says otherwise, with a warning.
  Article u = read_article("<title>مرحبا</title><p>مرحبا بكم، في الموقع.</p>", http);
  CHECK(u.title == "مرحبا");
  CHECK(has_warning(u, "input.encoding_label_ignored"));
}

TEST_CASE("the HTTP Content-Language header: the language of a page that declares none") {
  const std::string body =
      "<p>La ville de Rabat accueille cette semaine un festival de musique qui réunit des artistes.</p>"
      "<p>Les organisateurs attendent plus de vingt mille visiteurs pendant les trois jours.</p>";
  ReadOptions http;
  http.content_language = "fr-MA, ar";
  // No declaration: the header's first tag, its region kept (detection cannot name a region, and
  // on two sentences names no language).
  Article a = read_article(
      "<html><head><title>Un festival à Rabat</title></head><body>" + body + "</body></html>", http);
  CHECK(a.language == "fr-MA");
  CHECK(a.origins.at("language") == "http:content-language");
  CHECK(read_article("<html><head><title>Un festival à Rabat</title></head><body>" + body + "</body></html>")
            .language != "fr-MA");
  // The page's own <html lang> and <meta http-equiv> come first; og:locale after the header.
  CHECK(read_article("<html lang=\"fr-FR\"><title>Un festival</title>" + body, http).language == "fr-FR");
  CHECK(read_article(
            "<meta http-equiv=\"content-language\" content=\"fr-BE\"><title>Un festival</title>" + body, http)
            .language == "fr-BE");
  CHECK(read_article("<meta property=\"og:locale\" content=\"fr_CA\"><title>Un festival</title>" + body, http)
            .language == "fr-MA");
  // Written the way servers misconfigure it: made well-formed, or dropped with a warning.
  http.content_language = "fr_ma";
  CHECK(read_article("<title>Un festival</title>" + body, http).language == "fr-MA");
  http.content_language = "utf-8";
  Article bad = read_article("<title>Un festival</title>" + body, http);
  CHECK(bad.language != "utf-8");
  CHECK(std::count_if(bad.warnings.begin(), bad.warnings.end(),
                      [](const auto& w) { return w.code == "parse.invalid_language"; }) == 1);
  // Plain text and JSON declare nothing of HTTP: the header fills their language too.
  http.content_language = "fr-MA";
  CHECK(
      read_article("Un festival à Rabat\n\n" + std::string("La ville de Rabat accueille un festival."), http)
          .language == "fr-MA");
  // ... but not over the language the data give.
  CHECK(
      read_article(
          R"({"@type":"NewsArticle","headline":"Un festival","inLanguage":"fr-FR","articleBody":"La ville."})",
          http)
          .language == "fr-FR");
}

TEST_CASE("main text: the article's paragraphs and headings, no page furniture") {
  std::string body =
      "<header class=\"site-header\"><nav><a href=\"/\">Home</a><a href=\"/world\">World</a></nav></header>"
      "<div class=\"cookie-banner\"><p>We use cookies to improve your experience, as described in our "
      "policy.</p></div>"
      "<main><article class=\"post\"><h1>مراكش تحتضن ندوة صحفية</h1>"
      "<div class=\"byline\">بقلم: سعيد</div>"
      "<div class=\"share-bar\"><a href=\"#\">Facebook</a> <a href=\"#\">Twitter</a></div>"
      "<figure><img src=\"a.jpg\"><figcaption>صورة من الندوة، مراكش</figcaption></figure>"
      "<div class=\"entry-content\"><p>احتضنت مدينة مراكش، اليوم الجمعة، ندوة صحفية، على هامش الجمعية "
      "العامة للإنتربول، بحضور وفود من 196 دولة.</p>"
      "<h2>تعاون أمني</h2>"
      "<p>وقال المدير العام، في كلمة له، إن التعاون الأمني بين الدول، أصبح ضرورة، لا خيارا.</p>"
      "<p>وأضاف أن المغرب، بفضل تجربته، صار نموذجا يحتذى به في المنطقة، وفي القارة.</p></div>"
      "<div class=\"related-posts\"><h3>مقالات ذات صلة</h3><ul><li><a href=\"/a\">خبر آخر عن الأمن في "
      "المدينة</a></li><li><a href=\"/b\">خبر ثالث عن الشرطة</a></li></ul></div>"
      "<section id=\"comments\"><p>تعليق: مقال رائع، شكرا لكم على هذه المعلومات.</p></section>"
      "</article></main>"
      "<aside class=\"sidebar\"><p>الأكثر قراءة، هذا الأسبوع، في الموقع.</p></aside>"
      "<footer><p>جميع الحقوق محفوظة، 2025.</p></footer>";
  Article a = page("<title>مراكش تحتضن ندوة صحفية | هسبريس</title>", body, " lang=\"ar\" dir=\"rtl\"");
  REQUIRE(a.body.size() == 4);
  CHECK(a.body[0].kind == Block::Kind::paragraph);
  CHECK(a.body[0].text.rfind("احتضنت مدينة مراكش", 0) == 0);
  CHECK(a.body[1].kind == Block::Kind::heading);
  CHECK(a.body[1].text == "تعاون أمني");
  CHECK(a.body[3].text.rfind("وأضاف أن المغرب", 0) == 0);
  CHECK(a.origins.at("body") == "extracted");
  CHECK(a.authors == std::vector<std::string>{"سعيد"});  // the name, without "بقلم:" (issue #21)
}

TEST_CASE("main text: a Latin page without article markup, and a stub articleBody replaced") {
  std::string paragraphs;
  for (int i = 0; i < 5; ++i)
    paragraphs += "<p>Paragraph " + std::to_string(i) +
                  " of the story, with commas, clauses, and enough words to count as text.</p>";
  std::string body =
      "<div id=\"nav-menu\"><ul><li><a href=\"/\">Home</a></li><li><a href=\"/n\">News</a></li>"
      "</ul></div><div id=\"wrapper\" class=\"has-sidebar\"><div class=\"col\">" +
      paragraphs +
      "</div></div><div class=\"newsletter\"><p>Sign up for our newsletter, it is free, "
      "weekly, and short.</p></div>";
  Article a = page("<title>A story</title>", body);
  CHECK(a.body.size() == 5);
  Article b = page(
      "<script type=\"application/ld+json\">{\"@type\":\"NewsArticle\",\"headline\":\"H\","
      "\"articleBody\":\"Paragraph 0 of the story...\"}</script>",
      body);
  CHECK(b.body.size() == 5);
  CHECK(has_warning(b, "read.body_extracted"));
}

TEST_CASE("the description stands in for a page with no text, with a warning") {
  Article a = page(
      "<title>Video: the assembly</title><meta name=\"description\" content=\"Delegations from 196 "
      "countries met in Marrakech.\">",
      "<div class=\"player\"></div>");
  REQUIRE(a.body.size() == 1);
  CHECK(a.body[0].text == "Delegations from 196 countries met in Marrakech.");
  CHECK(a.origins.at("body") == "meta:description");
  CHECK(has_warning(a, "read.description_as_body"));
  // A <title> over no text is no article (a JSON-LD headline alone would be).
  CHECK_THROWS_AS(read_article("<html><head><title>x</title></head></html>"), Error);
}

TEST_CASE("hostile pages: deep nesting, huge attribute soup, no text") {
  std::string deep;
  for (int i = 0; i < 1000000; ++i) deep += "<div>";
  deep += "<p>Deep text, with a comma, at the bottom of the page.</p>";
  // Past the nesting bound: a clean input.too_deep before Gumbo's quadratic time, no stack overflow.
  std::string code;
  try {
    read_article("<html><head><title>Deep</title></head><body>" + deep + "</body></html>");
  } catch (const Error& e) {
    code = e.code();
  }
  CHECK(code == "input.too_deep");
  // Below it but deeper than the walks go: the deep text is not read (parse.no_article).
  std::string nested;
  for (int i = 0; i < 5000; ++i) nested += "<div>";
  code.clear();
  try {
    read_article("<html><body>" + nested + "<p>Deep text, with a comma.</p></body></html>");
  } catch (const Error& e) {
    code = e.code();
  }
  CHECK(code == "parse.no_article");
  std::string shallow;
  for (int i = 0; i < 300; ++i) shallow += "<div>";
  CHECK(read_article("<html><body>" + shallow +
                     "<p>Text at depth 300, with a comma, is read.</p></body></html>")
            .body.size() == 1);
  CHECK_THROWS_AS(read_article("<html><body><script>var x = 1;</script></body></html>"), Error);
}

TEST_CASE("the parse's memory: pieces of every size, Document after Document, the same tree") {
  // Gumbo's memory comes from a pool per Document (read/html/dom.cpp): small pieces reused
  // through free lists, pieces over a quarter of a block on their own, a block kept between
  // Documents. Texts past each size (a block is 64 KB, the largest class 1 MB) and many elements
  // must come back whole, on a fresh Document and on the next one.
  for (std::size_t size : {100u, 20000u, 70000u, 1100000u}) {
    std::string text;
    while (text.size() < size) text += "Word " + std::to_string(text.size()) + ", ";
    text.pop_back();
    std::string items;
    for (int i = 0; i < 2000; ++i)
      items += "<span class=\"c" + std::to_string(i) + "\">" + std::to_string(i) + "</span>";
    for (int round = 0; round < 2; ++round) {
      khabar::detail::html::Document page("<html><body><p>" + text + "</p><div>" + items +
                                          "</div></body></html>");
      REQUIRE(page.body() != nullptr);
      const auto& kids = page.body()->v.element.children;
      REQUIRE(kids.length == 2);
      CHECK(khabar::detail::html::text_content(static_cast<const GumboNode*>(kids.data[0])) == text);
      std::string spans = khabar::detail::html::text_content(static_cast<const GumboNode*>(kids.data[1]));
      CHECK(spans.substr(0, 10) == "0123456789");
      CHECK(spans.size() == 6890);  // the digits of 0..1999, with no space between inline spans
    }
  }
}
