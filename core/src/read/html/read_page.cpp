// A whole HTML page, parsed once (Gumbo): the JSON-LD article first, then every other place a
// page states its metadata, then the main text when the data carry none (README, "HTML pages").
#include <unicode/uchar.h>

#include <algorithm>

#include "read/html/dom.hpp"
#include "read/html/main_text.hpp"
#include "read/html/metadata.hpp"
#include "read/html/title.hpp"
#include "read/markup.hpp"
#include "read/readers.hpp"
#include "read/written_date.hpp"
#include "text/chars.hpp"
#include "text/language_tag.hpp"
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
    auto t = parse_timestamp(c.value);
    // A Hijri date in ISO form ("1445-09-01") is not the year 1445: read as the page's calendar.
    if (t && t->year >= 1300 && t->year < 1500) t = parse_written_date(c.value, a.language);
    if (!t) t = parse_written_date(c.value, a.language);  // "١٣ مايو ٢٠٢٤" in a meta tag too
    if (t) {
      a.origins[name] = c.origin;
      return t;
    }
    a.warnings.push_back({"parse.invalid_date", c.origin + " is not a date: " + c.value});
  }
  return std::nullopt;
}

// The name in a byline: "By Ana Lopes | 13 May 2024" -> "Ana Lopes", "حرر بتاريخ | 11/21/2025 |
// من طرف سعاد العلمي" -> "سعاد العلمي". The line is cut at its separators; a part with a digit
// (a date, a time) or a date's lead-in goes, and the lead-in words of a name ("By", "من طرف",
// "رپورٹ:") come off; the first part left is the name, or none.
std::string name_in_byline(std::string_view byline) {
  static constexpr std::string_view lead_ins[] = {
      "By ",
      "by ",
      "BY ",
      "Par ",
      "par ",
      "Por ",
      "por ",
      "Von ",
      "von ",
      "Written by ",
      "Reported by ",
      "\xD9\x85\xD9\x86 \xD8\xB7\xD8\xB1\xD9\x81 ",                  // من طرف
      "\xD8\xA8\xD9\x82\xD9\x84\xD9\x85 ",                           // بقلم
      "\xD8\xA8\xD9\x88\xD8\xA7\xD8\xB3\xD8\xB7\xD8\xA9 ",           // بواسطة
      "\xD9\x83\xD8\xAA\xD8\xA8 ",                                   // كتب
      "\xD9\x83\xD8\xAA\xD8\xA8\xD9\x87 ",                           // كتبه
      "\xD8\xAA\xD8\xAD\xD8\xB1\xDB\x8C\xD8\xB1 ",                   // تحریر
      "\xD9\x86\xD9\x88\xDB\x8C\xD8\xB3\xD9\x86\xD8\xAF\xD9\x87 "};  // نویسنده
  // Words that lead into a date, not a name: "حرر بتاريخ", "Updated", "Published".
  static constexpr std::string_view date_words[] = {
      "\xD8\xA8\xD8\xAA\xD8\xA7\xD8\xB1\xD9\x8A\xD8\xAE",  // بتاريخ
      "\xD8\xAA\xD8\xA7\xD8\xB1\xDB\x8C\xD8\xAE",          // تاریخ
      "Updated",
      "updated",
      "Published",
      "published",
      "Posted",
      "posted"};
  // Lead-ins that stand alone before a colon: "رپورٹ: احمد علی", "Text: Ana Lopes".
  static constexpr std::string_view labels[] = {
      "\xD8\xB1\xD9\xBE\xD9\x88\xD8\xB1\xD9\xB9",                  // رپورٹ
      "\xD8\xAE\xD8\xA8\xD8\xB1\xD9\x86\xDA\xAF\xD8\xA7\xD8\xB1",  // خبرنگار
      "\xD9\x83\xD8\xAA\xD8\xA8",                                  // كتب
      "\xD8\xA8\xD9\x82\xD9\x84\xD9\x85",                          // بقلم
      "Text",
      "Report",
      "Author",
      "By"};
  std::string line = collapse_space(byline);
  std::vector<std::string> parts;
  std::string current;
  for (std::size_t i = 0; i <= line.size(); ++i) {
    bool cut = i == line.size() || line[i] == '|' ||
               (line[i] == ':' && i + 1 < line.size() && line[i + 1] == ' ') ||
               line.compare(i, 3, " - ") == 0 || line.compare(i, 2, "\xC2\xB7") == 0 ||
               line.compare(i, 3, "\xE2\x80\xA2") == 0;
    if (!cut) {
      current += line[i];
      continue;
    }
    parts.push_back(collapse_space(current));
    current.clear();
    if (i < line.size() && line[i] == ' ')
      i += 1;  // " - "
    else if (i < line.size() && static_cast<unsigned char>(line[i]) == 0xC2)
      i += 1;  // ·
    else if (i < line.size() && static_cast<unsigned char>(line[i]) == 0xE2)
      i += 2;  // •
  }
  for (std::string part : parts) {
    bool digit = false, date = false;
    for (char c : part) digit = digit || (c >= '0' && c <= '9');
    for (std::size_t i = 0; i < part.size();) {
      char32_t c = next_code_point(part, i);
      digit = digit || u_isdigit(static_cast<UChar32>(c));
    }
    for (auto w : date_words) date = date || part.find(w) != std::string::npos;
    if (digit || date || part.empty()) continue;
    bool label = false;
    for (auto l : labels) label = label || part == l;
    if (label) continue;
    for (bool again = true; again;) {
      again = false;
      for (auto lead : lead_ins)
        if (part.compare(0, lead.size(), lead) == 0) {
          part = collapse_space(part.substr(lead.size()));
          again = true;
        }
    }
    if (!part.empty()) return part;
  }
  return {};
}

// A heading's text without the permalink mark documentation generators put after it.
std::string heading_text(const GumboNode* n) {
  std::string t = collapse_space(html::text_content(n));
  for (std::string_view mark : {"\xC2\xB6" /* ¶ */, "#", "\xC2\xA7" /* § */})
    if (t.size() > mark.size() && t.compare(t.size() - mark.size(), mark.size(), mark) == 0)
      t = collapse_space(t.substr(0, t.size() - mark.size()));
  return t;
}

bool inside(const GumboNode* n, const GumboNode* ancestor) {
  for (; n; n = n->parent)
    if (n == ancestor) return true;
  return false;
}

// The headline the reader sees above the article: the element marked itemprop=headline, else
// the first <h1> inside the article's element. It becomes the title when the metadata's is
// missing or only the site's name, when <title> is that headline with more around it, or when
// it is in the text's script and the metadata's title is not (an English og:title over an
// Urdu article).
bool adopt_headline(Article& a, const html::PageMetadata& meta, const GumboNode* article_element,
                    const std::vector<std::string>& sites) {
  const GumboNode* node = meta.headline;
  if (!node && article_element)
    for (const GumboNode* h1 : meta.h1s)
      if (inside(h1, article_element)) {
        node = h1;
        break;
      }
  if (!node) return false;
  std::string headline = heading_text(node);
  if (headline.empty() || headline == a.title || html::is_site_name(headline, sites)) return false;
  std::string body_script;
  {
    std::string sample;
    for (const auto& b : a.body) {
      if (sample.size() > 2048) break;
      sample += b.text + "\n";
    }
    body_script = dominant_script_family(sample);
  }
  bool adopt = a.title.empty();
  auto origin = a.origins.find("title");
  if (origin != a.origins.end() && origin->second == "<title>" &&
      collapse_space(meta.title_element).find(headline) != std::string::npos)
    adopt = true;
  std::string title_script = dominant_script_family(a.title, 4),
              headline_script = dominant_script_family(headline, 4);
  if (!body_script.empty() && headline_script == body_script && title_script != body_script) adopt = true;
  if (!adopt) return false;
  a.title = std::move(headline);
  a.origins["title"] = node == meta.headline ? "microdata:headline" : "<h1>";
  return true;
}

}  // namespace

Article read_page(std::string_view html, const Limits& limits, std::string_view content_language) {
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
  std::vector<std::string> names;  // what the site calls itself
  for (const auto& f : meta.site_name) names.push_back(f.value);
  if (!a.source.empty()) names.push_back(a.source);  // JSON-LD's publisher
  std::string page_url = !a.url.empty() ? a.url : (meta.url.empty() ? std::string() : meta.url.front().value);
  std::vector<std::string> sites = html::site_names(names, page_url);
  std::string section =
      !a.section.empty() ? a.section : (meta.section.empty() ? "" : meta.section.front().value);
  {
    // The title: JSON-LD's headline, the meta titles, <title>; each without the site's name at
    // either end (named by og:site_name, the publisher, the domain, or the part all repeat).
    std::vector<html::Found> candidates;
    if (!a.title.empty()) candidates.push_back({a.title, "json-ld"});
    candidates.insert(candidates.end(), meta.title.begin(), meta.title.end());
    if (!collapse_space(meta.title_element).empty()) candidates.push_back({meta.title_element, "<title>"});
    std::vector<std::string> texts;
    for (const auto& c : candidates) texts.push_back(c.value);
    for (auto& repeated : html::repeated_ends(texts))
      if (!html::is_site_name(repeated, sites)) sites.push_back(repeated);
    a.title.clear();
    a.origins.erase("title");
    for (const auto& c : candidates) {
      std::string t = html::strip_site_name(c.value, sites, section);
      // <title> with no known name in it: the short end part is the site's ("Title | BBC News").
      if (c.origin == "<title>" && t == collapse_space(c.value))
        t = html::title_without_site(c.value, names.empty() ? std::string() : names.front(), meta.first_h1);
      if (t.empty() || html::is_site_name(t, sites)) continue;
      a.title = std::move(t);
      a.origins["title"] = c.origin;
      break;
    }
    if (a.title.empty() && !meta.first_h1.empty() && !html::is_site_name(meta.first_h1, sites)) {
      a.title = collapse_space(meta.first_h1);
      a.origins["title"] = "<h1>";
    }
  }
  if (a.authors.empty()) {
    std::string author;
    if (take(author, meta.authors, a, "authors") && !name_in_byline(author).empty()) {
      a.authors.push_back(name_in_byline(author));
    } else if (!meta.byline.empty()) {
      a.origins.erase("authors");
      if (std::string name = name_in_byline(meta.byline); !name.empty()) {
        a.authors.push_back(name);
        a.origins["authors"] = "byline";
      }
    }
  }
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
  // The language: JSON-LD's inLanguage, <html lang>, then Content-Language, og:locale and
  // dc.language; the first that reads as a tag, each unreadable one named in a warning.
  {
    std::vector<html::Found> declared;
    if (!a.language.empty()) declared.push_back({a.language, "json-ld"});
    if (!meta.html_lang.empty()) declared.push_back({meta.html_lang, "<html lang>"});
    declared.insert(declared.end(), meta.language.begin(), meta.language.end());
    // The HTTP header after the page's own <meta http-equiv>, before og:locale and dc.language.
    if (!content_language.empty()) {
      auto after = std::find_if(declared.begin(), declared.end(), [](const html::Found& d) {
        return d.origin != "json-ld" && d.origin != "<html lang>" && d.origin != "meta:content-language";
      });
      declared.insert(after, {std::string(content_language), "http:content-language"});
    }
    a.language.clear();
    a.origins.erase("language");
    for (const auto& d : declared) {
      if (auto tag = normalize_language_tag(d.value)) {
        a.language = *tag;
        a.origins["language"] = d.origin;
        break;
      }
      warnings.push_back({"parse.invalid_language",
                          d.origin + " " + quoted_declaration(d.value) + " is not a language tag: ignored"});
    }
  }
  if (!a.published) a.published = first_date(meta.published, a, "published");
  if (!a.updated) a.updated = first_date(meta.modified, a, "updated");
  // No date in the data: the one printed near the headline or in the byline.
  if (!a.published) {
    std::vector<std::string> lines = meta.date_lines;
    if (!meta.byline.empty()) lines.push_back(meta.byline);
    for (const auto& line : lines)
      if (auto t = parse_written_date(line, a.language)) {
        a.published = t;
        a.origins["published"] = "visible date";
        break;
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
  if (auto body = a.origins.find("body");
      adopt_headline(a, meta, article_element, sites) && body != a.origins.end() &&
      (body->second == "extracted" || body->second == "microdata:articleBody")) {
    // The headline was read as the article's first heading: it is the title now, not text.
    for (std::size_t i = 0; i < a.body.size() && i < 3; ++i)
      if (collapse_space(a.body[i].text) == a.title) {
        a.body.erase(a.body.begin() + static_cast<std::ptrdiff_t>(i));
        break;
      }
  }
  // A title alone is an article only when the data say so (a JSON-LD headline); a page's
  // <title> over no text is not one.
  if (a.body.empty() && (!from_json_ld || a.title.empty()))
    throw Error(codes::no_article, "the HTML page has no article text and no JSON-LD article");
  a.warnings.insert(a.warnings.begin(), warnings.begin(), warnings.end());
  return a;
}

}  // namespace khabar::detail
