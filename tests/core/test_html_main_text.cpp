// The main-text extractor's rules, one case each, on fragments written here by hand in the shapes
// of real templates (an article cut into chunks between ad slots, embedded posts, gated text
// served in the page, text straight in a <div> between <br>s).
#include <doctest/doctest.h>

#include <string>

#include "khabar/read.hpp"

using namespace khabar;

namespace {

Article page(const std::string& body) {
  return read_article("<!doctype html><html><head><title>A story</title></head><body>" + body +
                      "</body></html>");
}

std::string paragraph(int i) {
  return "<p>Paragraph " + std::to_string(i) +
         " of the story, with commas, clauses, and enough words, so that it counts as text.</p>";
}

// Paragraphs from..to-1: together past the 500 characters under which the extractor trusts
// class words less (so that a rule on class words shows).
std::string paragraphs(int from, int to) {
  std::string out;
  for (int i = from; i < to; ++i) out += paragraph(i);
  return out;
}

bool has_block(const Article& a, const std::string& start) {
  for (const auto& b : a.body)
    if (b.text.rfind(start, 0) == 0) return true;
  return false;
}

}  // namespace

TEST_CASE("extract: an article cut into parts keeps every part") {
  // One card per paragraph, each in its own wrappers whose class words score them above their
  // container: the best candidate is one card, and the article is the cards' common ancestor.
  std::string cards;
  for (int i = 0; i < 6; ++i)
    cards += "<div class=\"card\"><div class=\"card-content story-text\">" + paragraph(i) + "</div></div>";
  Article a = page("<div class=\"header\"><a href=\"/\">Home</a></div><div id=\"story\">" + cards +
                   "</div><div class=\"footer\"><p>All rights reserved.</p></div>");
  CHECK(a.body.size() == 6);
  CHECK(has_block(a, "Paragraph 0 "));
  CHECK(has_block(a, "Paragraph 5 "));
  CHECK_FALSE(has_block(a, "All rights"));
}

TEST_CASE("extract: chunks of one template between ad rails are one article") {
  // Two chunks with the same class words, each in its own grid row beside an ad rail: the
  // second is not a sibling of the first, but made from the same template.
  std::string body = "<div class=\"chunks\"><div class=\"grid\"><div class=\"body-chunk\">" +
                     paragraphs(0, 3) +
                     "</div><div class=\"rail\"><a href=\"/ad\">Advertisement</a></div></div><div "
                     "class=\"grid\"><div class=\"body-chunk\">" +
                     paragraphs(3, 6) + "</div></div></div>";
  Article a = page(body);
  CHECK(a.body.size() == 6);
  CHECK(has_block(a, "Paragraph 0 "));
  CHECK(has_block(a, "Paragraph 5 "));
  CHECK_FALSE(has_block(a, "Advertisement"));
}

TEST_CASE("extract: chunks of one template nested deep in their own sections") {
  // Each chunk four wrappers deep in a section of its own (a magazine's section-per-part layout).
  auto section = [](int from, int to) {
    return "<section class=\"outer\"><div class=\"flex\"><div class=\"column\"><div class=\"wrap\"><div "
           "class=\"post-text\">" +
           paragraphs(from, to) + "</div></div></div></div></section>";
  };
  Article a = page("<div class=\"acf\">" + section(0, 3) + "<figure><img src=\"a.jpg\"></figure>" +
                   section(3, 5) + "</div>");
  CHECK(a.body.size() == 5);
  CHECK(has_block(a, "Paragraph 4 "));
}

TEST_CASE("extract: text straight in a <div>, between <br>s, is a paragraph of that div") {
  // A municipal news template: an archive of links beside the story, whose text is not in
  // any <p>; a footer line of bare text below.
  std::string archive = "<div class=\"col-side\"><ul>";
  for (int month = 1; month <= 36; ++month)
    archive += "<li><a href=\"/news?m=" + std::to_string(month) + "\">Month number " + std::to_string(month) +
               " <span>(12)</span></a></li>";
  archive += "</ul></div>";
  std::string body =
      "<div class=\"row\">" + archive +
      "<div class=\"col-main\"><p class=\"headline\">Two vans broken into</p><img src=\"a.jpg\">The "
      "home-care team of the district found, this morning, two of its five vans broken into, without "
      "their batteries, and with their doors damaged. A report was filed, and the police came to see "
      "the damage.<br><br>Patients booked for the morning are being called, and the service expects to "
      "work normally from this afternoon.<br><br><br></div></div>"
      "<div class=\"bottom\"><div class=\"inner\">Town hall - Street 1111 - District - 89259-565 - "
      "Phone: 2106-8000, 2106-8001</div></div>";
  Article a = page(body);
  CHECK(has_block(a, "The home-care team"));
  CHECK(has_block(a, "Patients booked"));
  CHECK_FALSE(has_block(a, "Town hall"));
}

TEST_CASE("extract: embedded posts (blockquote) are content whatever their class") {
  std::string body = "<article><div class=\"entry-content\">" + paragraph(0) +
                     "<div class=\"entry-embed\"><blockquote class=\"twitter-tweet\"><p>The vote is "
                     "tonight, and every member will be there.</p>&mdash; A Member (@member) "
                     "<a href=\"https://example.com/s/1\">November 18, 2019</a></blockquote></div>" +
                     paragraphs(1, 7) + "</div></article>";
  Article a = page(body);
  CHECK(has_block(a, "The vote is tonight"));
  CHECK(has_block(a, "Paragraph 6 "));
}

TEST_CASE("extract: text under a paywall class is read (the page serves it)") {
  std::string body = "<article class=\"article\"><div class=\"article-body\">" + paragraphs(0, 6) +
                     "<div class=\"paywall\">" + paragraphs(6, 12) +
                     "</div></div></article><aside class=\"paywall-bar\"><p>Subscribe to read on, it is "
                     "cheap, monthly, and you can cancel.</p></aside>";
  Article a = page(body);
  CHECK(a.body.size() == 12);
  CHECK(has_block(a, "Paragraph 11 "));
  CHECK_FALSE(has_block(a, "Subscribe"));
}

TEST_CASE("extract: a direction declared on the article's element, not on <html>") {
  std::string body = "<header><a href=\"/\">Home</a></header><main dir=\"rtl\"><article>" + paragraphs(0, 6) +
                     "</article></main>";
  Article a = page(body);
  CHECK(a.direction == Direction::rtl);
  CHECK(a.origins.at("direction") == "<main dir>");
  // <html dir> still comes first.
  Article b =
      read_article("<html dir=\"ltr\"><body><main dir=\"rtl\">" + paragraphs(0, 6) + "</main></body></html>");
  CHECK(b.direction == Direction::ltr);
}

TEST_CASE("extract: ad-slot labels and a repeat of the title are left out") {
  // The template repeats the headline as a paragraph (not a heading) above the text, and
  // labels its ad slots; <title> carries the site's name after the headline.
  std::string body = "<div class=\"post\"><p class=\"post-title\">Workshop manual review</p><p>Advert</p>" +
                     paragraphs(0, 3) + "<div class=\"slot\">ADVERTISEMENT</div>" + paragraphs(3, 6) +
                     "<p>Publicité</p></div>";
  Article a = read_article("<html><head><title>Workshop manual review | Bikes Weekly</title></head><body>" +
                           body + "</body></html>");
  CHECK(a.body.size() == 6);
  CHECK_FALSE(has_block(a, "Workshop manual review"));
  CHECK_FALSE(has_block(a, "Advert"));
  CHECK_FALSE(has_block(a, "ADVERTISEMENT"));
  // A short name near the top that is only a part of the title stays (a profile's subject).
  Article b = read_article(
      "<html><head><title>Kate Henshaw: the actress on her thirty years on screen</title></head><body><div "
      "class=\"post\"><p>Kate Henshaw</p>" +
      paragraphs(0, 6) + "</div></body></html>");
  CHECK(has_block(b, "Kate Henshaw"));
}

TEST_CASE("extract: what follows a 'Comments' or 'Related articles' line in the second half is left out") {
  std::string body =
      "<div class=\"post\">" + paragraphs(0, 6) +
      "<h3>Related articles</h3><p>Another story, with its teaser, that readers liked a lot.</p>"
      "<p>Comments</p><p>Great read, thanks, and keep going with these stories.</p></div>";
  Article a = page(body);
  CHECK(a.body.size() == 6);
  CHECK_FALSE(has_block(a, "Another story"));
  CHECK_FALSE(has_block(a, "Great read"));
  // In the first half it is a heading of the article (a story about comments sections).
  Article b = page("<div class=\"post\"><h2>Comments</h2>" + paragraphs(0, 6) + "</div>");
  CHECK(b.body.size() == 7);
}
