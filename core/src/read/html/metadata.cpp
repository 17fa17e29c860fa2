#include "read/html/metadata.hpp"

#include <array>

#include "read/markup.hpp"
#include "read/readers.hpp"
#include "text/chars.hpp"

namespace khabar::detail::html {
namespace {

constexpr auto lower = lower_trimmed;  // an attribute value or a name as compared (text/chars.hpp)

void add(std::vector<Found>& to, std::string_view value, std::string origin) {
  std::string v = plain_text(value);
  if (!v.empty()) to.push_back({std::move(v), std::move(origin)});
}

// <meta property|name|itemprop=key content=...>: the field each key fills, in precedence order
// within its field (the order of this table). Keys are matched lower-cased.
struct MetaKey {
  std::string_view key;
  std::vector<Found> PageMetadata::*field;
};
const std::array<MetaKey, 47> meta_keys{{
    {"dc.title", &PageMetadata::title},
    {"dcterms.title", &PageMetadata::title},
    {"og:title", &PageMetadata::title},
    {"twitter:title", &PageMetadata::title},
    {"headline", &PageMetadata::title},
    {"parsely-title", &PageMetadata::title},
    {"og:description", &PageMetadata::description},
    {"description", &PageMetadata::description},
    {"twitter:description", &PageMetadata::description},
    {"dc.description", &PageMetadata::description},
    {"dcterms.description", &PageMetadata::description},
    {"author", &PageMetadata::authors},
    {"article:author", &PageMetadata::authors},
    {"dc.creator", &PageMetadata::authors},
    {"dcterms.creator", &PageMetadata::authors},
    {"parsely-author", &PageMetadata::authors},
    {"sailthru.author", &PageMetadata::authors},
    {"byl", &PageMetadata::authors},
    {"article:published_time", &PageMetadata::published},
    {"og:article:published_time", &PageMetadata::published},
    {"datepublished", &PageMetadata::published},
    {"dc.date", &PageMetadata::published},
    {"dcterms.created", &PageMetadata::published},
    {"dc.date.issued", &PageMetadata::published},
    {"date", &PageMetadata::published},
    {"pubdate", &PageMetadata::published},
    {"publishdate", &PageMetadata::published},
    {"parsely-pub-date", &PageMetadata::published},
    {"sailthru.date", &PageMetadata::published},
    {"article:modified_time", &PageMetadata::modified},
    {"og:updated_time", &PageMetadata::modified},
    {"datemodified", &PageMetadata::modified},
    {"dcterms.modified", &PageMetadata::modified},
    {"og:image", &PageMetadata::image},
    {"og:image:url", &PageMetadata::image},
    {"og:image:secure_url", &PageMetadata::image},
    {"twitter:image", &PageMetadata::image},
    {"og:image:alt", &PageMetadata::image_alt},
    {"twitter:image:alt", &PageMetadata::image_alt},
    {"og:site_name", &PageMetadata::site_name},
    {"og:url", &PageMetadata::url},
    {"og:locale", &PageMetadata::language},
    {"dc.language", &PageMetadata::language},
    {"dcterms.language", &PageMetadata::language},
    {"language", &PageMetadata::language},
    {"article:section", &PageMetadata::section},
    {"article:tag", &PageMetadata::tags},
}};

// Values that are not what their key promises: a profile URL as the author (article:author often is).
bool usable(std::vector<Found> PageMetadata::*field, std::string_view value) {
  if (field == &PageMetadata::authors)
    return value.substr(0, 7) != "http://" && value.substr(0, 8) != "https://";
  return true;
}

std::string microdata_value(const GumboNode* n) {
  for (const char* a : {"content", "datetime"})
    if (has_attribute(n, a)) return std::string(attribute(n, a));
  if (tag_of(n) == GUMBO_TAG_META) return {};
  if (tag_of(n) == GUMBO_TAG_LINK || tag_of(n) == GUMBO_TAG_A) return std::string(attribute(n, "href"));
  return text_content(n);
}

bool class_has(const GumboNode* n, std::string_view word) {
  std::string c = lower(attribute(n, "class"));
  return c.find(word) != std::string::npos;
}

std::vector<std::string_view> split_title(std::string_view title, std::string_view& separator) {
  static constexpr std::array<std::string_view, 9> separators{
      " | ", " - ", " \xE2\x80\x93 ", " \xE2\x80\x94 ", " :: ", " / ", " \xC2\xB7 ", " \xC2\xBB ", " : "};
  for (auto sep : separators) {
    if (title.find(sep) == std::string_view::npos) continue;
    separator = sep;
    std::vector<std::string_view> parts;
    for (std::size_t start = 0;;) {
      std::size_t at = title.find(sep, start);
      parts.push_back(
          trim(title.substr(start, at == std::string_view::npos ? std::string_view::npos : at - start)));
      if (at == std::string_view::npos) break;
      start = at + sep.size();
    }
    return parts;
  }
  return {title};
}

std::size_t words_in(std::string_view s) {
  std::size_t n = 0;
  bool in = false;
  for (char c : s) {
    bool space = c == ' ';
    if (!space && !in) ++n;
    in = !space;
  }
  return n;
}

}  // namespace

std::string title_without_site(std::string_view title, std::string_view site_name, std::string_view h1) {
  std::string whole = collapse_space(title);
  std::string_view sep;
  auto parts = split_title(whole, sep);
  if (parts.size() < 2) return whole;
  std::string site = lower(site_name);
  auto joined = [&](std::size_t from, std::size_t to) {
    std::string out;
    for (std::size_t i = from; i < to; ++i) {
      if (!out.empty()) out += sep;
      out += parts[i];
    }
    return out;
  };
  // The page's own heading among the parts decides.
  std::string heading = collapse_space(h1);
  for (auto part : parts)
    if (!heading.empty() && part == heading) return std::string(part);
  if (!site.empty()) {
    if (lower(parts.back()) == site) return joined(0, parts.size() - 1);
    if (lower(parts.front()) == site) return joined(1, parts.size());
  }
  // No name to go by: the site's name is the short end part ("Title | BBC News").
  if (words_in(parts.back()) <= 4 && words_in(joined(0, parts.size() - 1)) >= 3)
    return joined(0, parts.size() - 1);
  if (words_in(parts.front()) <= 3 && words_in(joined(1, parts.size())) >= 4) return joined(1, parts.size());
  return whole;
}

PageMetadata read_metadata(const Document& page) {
  PageMetadata m;
  m.html_lang = std::string(trim(attribute(page.root(), "lang")));
  if (m.html_lang.empty()) m.html_lang = std::string(trim(attribute(page.root(), "xml:lang")));
  // The direction nearest the text: <body dir> over <html dir>.
  m.html_dir = page.body() ? lower(attribute(page.body(), "dir")) : std::string();
  m.dir_origin = "<body dir>";
  if (m.html_dir != "rtl" && m.html_dir != "ltr") {
    m.html_dir = lower(attribute(page.root(), "dir"));
    m.dir_origin = "<html dir>";
  }
  std::vector<Found> microdata_title, microdata_author, microdata_published, time_elements, canonical,
      content_language;
  // Keyed meta tags collected first, then put into their fields in the table's order.
  // property= before name= for one key (Open Graph and RDFa name their keys with property=).
  std::vector<std::pair<std::string, std::string>> metas, named_metas;
  for_each_element(page.root(), [&](const GumboNode* n, int) {
    GumboTag tag = tag_of(n);
    if (tag == GUMBO_TAG_SCRIPT) {
      if (is_json_ld_type(attribute(n, "type"))) m.json_ld.push_back(raw_text(n));
      return false;
    }
    if (tag == GUMBO_TAG_STYLE || tag == GUMBO_TAG_SVG) return false;
    if (tag == GUMBO_TAG_TITLE && m.title_element.empty() && n->parent && tag_of(n->parent) == GUMBO_TAG_HEAD)
      m.title_element = text_content(n);
    if (tag == GUMBO_TAG_H1) {
      if (m.first_h1.empty()) m.first_h1 = text_content(n);
      m.h1s.push_back(n);
    }
    if (tag == GUMBO_TAG_META) {
      std::string_view content = attribute(n, "content");
      for (const char* key_attr : {"property", "name"}) {
        // property="dc:title og:title" names several; "dc:title" and "DC.title" are one key.
        std::string keys = lower(attribute(n, key_attr));
        for (std::size_t start = 0; start < keys.size();) {
          std::size_t end = keys.find(' ', start);
          if (end == std::string::npos) end = keys.size();
          std::string key = keys.substr(start, end - start);
          for (std::string_view prefix : {"dc:", "dcterms:", "dcterm:"})
            if (key.compare(0, prefix.size(), prefix) == 0)
              key = (prefix == "dc:" ? "dc." : "dcterms.") + key.substr(prefix.size());
          if (!key.empty())
            (std::string_view(key_attr) == "property" ? metas : named_metas)
                .emplace_back(key, std::string(content));
          start = end + 1;
        }
      }
      if (lower(attribute(n, "http-equiv")) == "content-language")
        add(content_language, content, "meta:content-language");
    }
    if (tag == GUMBO_TAG_LINK) {
      std::string rel = lower(attribute(n, "rel"));
      if (rel == "canonical") add(canonical, attribute(n, "href"), "link:canonical");
      if (rel == "author" && m.byline.empty()) m.byline = text_content(n);
    }
    if (tag == GUMBO_TAG_A && lower(attribute(n, "rel")) == "author" && m.byline.empty())
      m.byline = text_content(n);
    if (tag == GUMBO_TAG_TIME && has_attribute(n, "datetime"))
      add(time_elements, attribute(n, "datetime"), "<time datetime>");
    // The date line a reader sees ("الأحد ١٣ مايو ٢٠٢٤"): a few, short, near the top.
    if (m.date_lines.size() < 8 && tag != GUMBO_TAG_BODY && tag != GUMBO_TAG_HTML && tag != GUMBO_TAG_META &&
        (tag == GUMBO_TAG_TIME || class_has(n, "date") || class_has(n, "time") || class_has(n, "publish") ||
         class_has(n, "posted"))) {
      std::string text = text_content(n);
      if (!text.empty() && text.size() < 160) m.date_lines.push_back(collapse_space(text));
    }
    if (has_attribute(n, "itemprop")) {
      std::string prop = lower(attribute(n, "itemprop"));
      if (prop == "headline" || prop == "name headline") {
        add(microdata_title, microdata_value(n), "microdata:headline");
        if (!m.headline && tag != GUMBO_TAG_META) m.headline = n;
      }
      if (prop == "datepublished") add(microdata_published, microdata_value(n), "microdata:datePublished");
      if (prop == "author" || prop == "creator") {
        // An author item names itself in its own itemprop=name, else its text is the name.
        std::string name;
        for_each_element(n, [&](const GumboNode* c, int) {
          if (name.empty() && c != n && lower(attribute(c, "itemprop")) == "name") name = microdata_value(c);
          return name.empty();
        });
        add(microdata_author, name.empty() ? microdata_value(n) : name, "microdata:author");
      }
      if (prop == "articlebody" && !m.microdata_body) m.microdata_body = n;
    }
    if (m.byline.empty() && tag != GUMBO_TAG_BODY && tag != GUMBO_TAG_HTML &&
        (class_has(n, "byline") || lower(attribute(n, "rel")) == "author")) {
      std::string text = text_content(n);
      if (!text.empty() && text.size() < 120) m.byline = text;
    }
    return true;
  });
  metas.insert(metas.end(), named_metas.begin(), named_metas.end());
  for (const auto& k : meta_keys)
    for (const auto& [key, value] : metas)
      if (key == k.key && usable(k.field, value)) add(m.*(k.field), value, "meta:" + key);
  // Microdata after the meta tags, then the page's own elements.
  for (auto* list : {&microdata_title}) m.title.insert(m.title.end(), list->begin(), list->end());
  m.authors.insert(m.authors.end(), microdata_author.begin(), microdata_author.end());
  m.published.insert(m.published.end(), microdata_published.begin(), microdata_published.end());
  m.published.insert(m.published.end(), time_elements.begin(), time_elements.end());
  m.url.insert(m.url.begin(), canonical.begin(), canonical.end());  // canonical before og:url
  m.language.insert(m.language.begin(), content_language.begin(), content_language.end());
  m.byline = collapse_space(m.byline);
  // The lines right under the headline, where a reporter's name and the date go
  // ("رپورٹ: احمد علی | 8 مارچ 2024") whatever their class.
  for (std::size_t h = 0; h < m.h1s.size() && h < 2; ++h) {
    const GumboNode* h1 = m.h1s[h];
    if (!h1->parent || !is_element(h1->parent)) continue;
    const GumboVector& siblings = children_of(h1->parent);
    int taken = 0;
    for (std::size_t i = h1->index_within_parent + 1; i < siblings.length && taken < 3; ++i) {
      const auto* next = static_cast<const GumboNode*>(siblings.data[i]);
      if (!is_element(next)) continue;
      ++taken;
      std::string text = text_content(next);
      if (!text.empty() && text.size() < 160) m.date_lines.push_back(collapse_space(text));
    }
  }
  return m;
}

}  // namespace khabar::detail::html
