// A whole HTML page, parsed once (Gumbo): the JSON-LD article first, then every other place a
// page states its metadata, then the main text when the data carry none (README, "HTML pages").
#include "read/html/dom.hpp"
#include "read/html/extract.hpp"
#include "read/html/metadata.hpp"
#include "read/markup.hpp"
#include "read/readers.hpp"
#include "text/chars.hpp"
#include "text/utf8.hpp"

namespace khabar::detail {
namespace {

std::size_t chars_of(const std::vector<Block>& blocks) {
  std::size_t n = 0;
  for (const auto& b : blocks) n += count_code_points(b.text);
  return n;
}

// The first candidate, recording where it came from.
bool take(std::string& field, const std::vector<html::Found>& candidates, Article& a, const char* name) {
  if (!field.empty() || candidates.empty()) return false;
  field = candidates.front().value;
  a.origins[name] = candidates.front().origin;
  return true;
}

std::optional<Timestamp> first_date(const std::vector<html::Found>& candidates, Article& a,
                                    const char* name) {
  for (const auto& c : candidates) {
    if (auto t = parse_timestamp(c.value)) {
      a.origins[name] = c.origin;
      return t;
    }
    a.warnings.push_back({"parse.invalid_date", c.origin + " is not a date: " + c.value});
  }
  return std::nullopt;
}

std::string without_by(std::string byline) {
  for (std::string_view by : {"By ", "by ", "BY ", "Par ", "par ", "Por ", "por ", "Von ", "von "})
    if (byline.compare(0, by.size(), by) == 0) return byline.substr(by.size());
  return byline;
}

}  // namespace

Article read_page(std::string_view html, const Limits& limits) {
  if (std::size_t depth = html::nesting_bound(html); depth > html::max_nesting)
    throw Error(codes::too_deep, "the page nests up to " + std::to_string(depth) +
                                     " elements deep; the limit is " + std::to_string(html::max_nesting));
  html::Document page(html);
  html::PageMetadata meta = html::read_metadata(page);

  Warnings warnings;
  json blocks = json::array();
  for (const auto& text : meta.json_ld) {
    std::string repaired = json_ld_block_text(text);
    try {
      blocks.push_back(parse_json(repaired, limits, &warnings));
    } catch (const Error& e) {
      if (e.code() == codes::too_deep) throw;
      warnings.push_back({"parse.invalid_jsonld_block", "a JSON-LD block was skipped: " + e.message()});
    }
  }
  Article a;
  bool from_json_ld = false;
  if (!blocks.empty()) {
    try {
      a = read_json_ld(blocks, meta.title_element);
      from_json_ld = true;
    } catch (const Error& e) {
      if (e.code() != codes::no_article) throw;
    }
  }
  if (from_json_ld)
    for (auto [name, set] : {std::pair{"title", !a.title.empty()},
                             {"authors", !a.authors.empty()},
                             {"published", a.published.has_value()},
                             {"updated", a.updated.has_value()},
                             {"url", !a.url.empty()},
                             {"source", !a.source.empty()},
                             {"language", !a.language.empty()},
                             {"image", a.image.has_value()},
                             {"section", !a.section.empty()},
                             {"tags", !a.tags.empty()},
                             {"body", !a.body.empty()}})
      if (set) a.origins[name] = "json-ld";

  // Metadata: what JSON-LD left empty, from the page's other sources in their order.
  std::string site;
  if (!meta.site_name.empty()) site = meta.site_name.front().value;
  if (a.title.empty()) {
    // A meta title is the publisher's own choice and kept as written; only <title> is
    // known to carry the site's name.
    if (take(a.title, meta.title, a, "title")) {
    } else if (!meta.title_element.empty()) {
      a.title = html::title_without_site(meta.title_element, site.empty() ? a.source : site, meta.first_h1);
      a.origins["title"] = "<title>";
    } else if (!meta.first_h1.empty()) {
      a.title = meta.first_h1;
      a.origins["title"] = "<h1>";
    }
  }
  if (a.authors.empty()) {
    std::string author;
    if (take(author, meta.authors, a, "authors")) {
      a.authors.push_back(author);
    } else if (!meta.byline.empty()) {
      a.authors.push_back(without_by(meta.byline));
      a.origins["authors"] = "byline";
    }
  }
  if (!a.published) a.published = first_date(meta.published, a, "published");
  if (!a.updated) a.updated = first_date(meta.modified, a, "updated");
  take(a.url, meta.url, a, "url");
  take(a.source, meta.site_name, a, "source");
  take(a.section, meta.section, a, "section");
  if (a.tags.empty() && !meta.tags.empty()) {
    for (const auto& t : meta.tags) a.tags.push_back(t.value);
    a.origins["tags"] = meta.tags.front().origin;
  }
  if (!a.image && !meta.image.empty()) {
    a.image = Image{meta.image.front().value, meta.image_alt.empty() ? "" : meta.image_alt.front().value, ""};
    a.origins["image"] = meta.image.front().origin;
  }
  if (a.language.empty()) {
    if (!meta.html_lang.empty()) {
      a.language = meta.html_lang;
      a.origins["language"] = "<html lang>";
    } else {
      take(a.language, meta.language, a, "language");
    }
  }
  if (meta.html_dir == "rtl" || meta.html_dir == "ltr") {
    a.direction = meta.html_dir == "rtl" ? Direction::rtl : Direction::ltr;
    a.origins["direction"] = meta.dir_origin;
  }

  // The main text: the data's body unless it is a stub beside what the page shows.
  const GumboNode* article_element = meta.microdata_body;
  std::vector<Block> extracted =
      meta.microdata_body
          ? html::blocks_of(meta.microdata_body, [](const GumboNode* n) { return html::is_boilerplate(n); })
          : (page.body() ? html::extract_main_text(page.body(), a.title, &article_element)
                         : std::vector<Block>{});
  // No direction on <html> or <body>: the one declared on the article's element or its nearest
  // ancestor (<main dir="rtl">), as Readability reads it.
  if (!a.origins.count("direction"))
    for (const GumboNode* n = article_element; n && html::is_element(n); n = n->parent)
      if (std::string dir = lower_ascii(html::attribute(n, "dir")); dir == "rtl" || dir == "ltr") {
        a.direction = dir == "rtl" ? Direction::rtl : Direction::ltr;
        a.origins["direction"] = "<" + std::string(gumbo_normalized_tagname(html::tag_of(n))) + " dir>";
        break;
      }
  std::size_t data_chars = chars_of(a.body), page_chars = chars_of(extracted);
  if (page_chars > 0 && data_chars * 2 < page_chars) {
    if (!a.body.empty())
      warnings.push_back({"read.body_extracted", "the data's articleBody (" + std::to_string(data_chars) +
                                                     " characters) is a stub: the page's text was read"});
    a.body = std::move(extracted);
    a.origins["body"] = meta.microdata_body ? "microdata:articleBody" : "extracted";
  }
  if (a.body.empty() && !meta.description.empty()) {
    a.body.push_back({Block::Kind::paragraph, meta.description.front().value});
    a.origins["body"] = meta.description.front().origin;
    warnings.push_back({"read.description_as_body", "the page has no article text: its description (" +
                                                        meta.description.front().origin +
                                                        ") stands in for the body"});
  }
  // A title alone is an article only when the data say so (a JSON-LD headline); a page's
  // <title> over no text is not one.
  if (a.body.empty() && (!from_json_ld || a.title.empty()))
    throw Error(codes::no_article, "the HTML page has no article text and no JSON-LD article");
  a.warnings.insert(a.warnings.begin(), warnings.begin(), warnings.end());
  return a;
}

}  // namespace khabar::detail
