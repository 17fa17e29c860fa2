#include <doctest/doctest.h>

#include <nlohmann/json.hpp>

#include "khabar/card.hpp"
#include "khabar/read.hpp"
#include "khabar/render.hpp"
#include "support.hpp"

using namespace khabar;

namespace {

Card card_for(const std::string& khabar_json) { return make_card(clean(read_article(khabar_json))); }

std::size_t count(const std::string& hay, const std::string& needle) {
  std::size_t n = 0;
  for (auto pos = hay.find(needle); pos != std::string::npos; pos = hay.find(needle, pos + 1)) ++n;
  return n;
}

}  // namespace

TEST_CASE("HTML escapes every field and keeps only http(s) links") {
  Card card = card_for(R"J({"title": "<img src=x onerror=alert(1)> & \"q\" 'a'",
    "url": "javascript:alert(1)", "source": "<b>S</b>",
    "image": {"url": "data:image/svg+xml,<svg onload=alert(1)>", "alt": "\" onload=\"x"},
    "body": ["p."]})J");
  std::string html = render_html(card);
  CHECK(html.find("<img src=x") == std::string::npos);
  CHECK(html.find("&lt;img src=x onerror=alert(1)&gt; &amp; &quot;q&quot; &#39;a&#39;") != std::string::npos);
  CHECK(html.find("javascript:") == std::string::npos);
  CHECK(html.find("data:") == std::string::npos);
  CHECK(html.find("&lt;b&gt;S&lt;/b&gt;") != std::string::npos);
  CHECK(card.url.empty());
  CHECK_FALSE(card.image);
  REQUIRE(card.warnings.size() == 2);
  CHECK(card.warnings[0].code == "url.unsafe_dropped");
  CHECK(card.warnings[1].code == "url.unsafe_dropped");
}

TEST_CASE("HTML structure: an article labelled by its heading, safe links, image with alt") {
  Card card = make_card(clean(read_article(test::read_file("tests/golden/readers/khabar-en.json"))));
  std::string html = render_html(card, {3});
  CHECK(
      html.rfind(
          "<article class=\"khabar-card\" part=\"card\" lang=\"en-GB\" dir=\"ltr\" aria-labelledby=\"khabar-",
          0) == 0);
  CHECK(count(html, "<h3 id=\"khabar-") == 1);
  CHECK(html.find("<a href=\"https://www.example-times.co.uk/world/interpol-morocco\" rel=\"noopener\">") !=
        std::string::npos);
  CHECK(
      html.find(
          "<img src=\"https://www.example-times.co.uk/images/interpol.jpg\" alt=\"The press conference\"") !=
      std::string::npos);
  CHECK(html.find("<time datetime=\"2025-11-21T16:20:00Z\">") != std::string::npos);
  CHECK(count(html, "<article") == 1);
  CHECK(count(html, "</article>") == 1);
  // Out-of-range heading levels fall back to h2.
  CHECK(render_html(card, {9}).find("<h2 ") != std::string::npos);
}

TEST_CASE("is_safe_url accepts http(s) with a host and nothing that breaks out") {
  Card ok = card_for(R"({"title": "t", "url": "HTTPS://example.com/a?b=1&c=2#d"})");
  CHECK(ok.url == "HTTPS://example.com/a?b=1&c=2#d");
  for (const char* bad : {"//example.com", "/relative", "https:///x", "http://exa mple.com", "ftp://x.org",
                          "https://x.org/\"onmouseover=", "vbscript:x", " javascript:alert(1)"}) {
    CAPTURE(bad);
    nlohmann::json j = {{"title", "t"}, {"url", bad}};
    CHECK(card_for(j.dump()).url.empty());
  }
}

TEST_CASE("JSON form of the card is versioned and complete") {
  Card card = make_card(clean(read_article(test::read_file("tests/golden/readers/khabar-en.json"))));
  auto j = nlohmann::json::parse(render_json(card));
  CHECK(j["khabar_card"] == card_version);
  CHECK(j["title"] == card.title);
  CHECK(j["dir"] == "ltr");
  CHECK(j["published"]["iso"] == "2025-11-21T16:20:00Z");
  CHECK(j["image"]["alt"] == "The press conference");
  CHECK(j["authors"].size() == 2);
}

TEST_CASE("text output isolates every field so none can reorder its neighbours") {
  Card card = make_card(clean(read_article(test::read_file("examples/seed-article-ar.txt"))));
  std::string text = render_text(card);
  CHECK(text.find("\u2068كشـ24\u2069") != std::string::npos);
  CHECK(count(text, "\u2068") == count(text, "\u2069"));
}

TEST_CASE("an article without a date has no stray separator in its meta line") {
  Card card = card_for(R"({"title": "t", "language": "en", "body": ["One paragraph of text."]})");
  std::string html = render_html(card);
  CHECK(html.find("part=\"meta\" lang=\"en\" dir=\"ltr\"><span class=\"khabar-reading-time\"") !=
        std::string::npos);
  CHECK(html.find("> · <span") == std::string::npos);
}

TEST_CASE("a relative image URL is resolved against the article's URL, as on its page") {
  auto image_url = [](const char* image, const char* url) {
    nlohmann::json j = {{"title", "t"}, {"url", url}, {"image", image}};
    Card card = card_for(j.dump());
    return card.image ? card.image->url : std::string("(none)");
  };
  CHECK(image_url("/uploads/a.jpg", "https://news.ma/ar/2025/x.html?p=1") == "https://news.ma/uploads/a.jpg");
  CHECK(image_url("//cdn.news.ma/a.jpg", "https://news.ma/ar/x") == "https://cdn.news.ma/a.jpg");
  CHECK(image_url("img/a.jpg", "https://news.ma/ar/x.html#top") == "https://news.ma/ar/img/a.jpg");
  CHECK(image_url("a.jpg", "https://news.ma") == "https://news.ma/a.jpg");
  CHECK(image_url("https://other.ma/a.jpg", "https://news.ma/x") == "https://other.ma/a.jpg");
  // Without a usable article URL a relative image is dropped, not guessed.
  CHECK(image_url("/uploads/a.jpg", "") == "(none)");
  CHECK(image_url("javascript:alert(1)", "https://news.ma/x") == "(none)");
}
