#pragma once
// What a page says about itself, gathered from every place publishers put it, each value with
// the place it came from. read_page picks among them in the documented order (README, "HTML pages").
#include <string>
#include <vector>

#include "read/html/dom.hpp"
#include "read/json.hpp"

namespace khabar::detail::html {

struct Found {
  std::string value;
  std::string origin;  // "og:title", "twitter:title", "meta:description", "microdata", "<title>", ...
};

struct PageMetadata {
  std::vector<std::string> json_ld;  // the text of each <script type="application/ld+json">
  // Candidates per field, in the order of precedence read_page applies after JSON-LD.
  std::vector<Found> title, description, authors, published, modified, image, image_alt, site_name, url,
      language, section, tags;
  std::string html_lang, html_dir;            // <html lang>; <body dir> or else <html dir>
  std::string dir_origin;                     // which of the two gave html_dir
  std::string title_element;                  // <title>, as written
  std::string first_h1;                       // the page's first <h1>
  std::vector<const GumboNode*> h1s;          // every <h1>, in document order
  const GumboNode* headline = nullptr;        // the element marked itemprop=headline (not a <meta>)
  const GumboNode* microdata_body = nullptr;  // itemprop=articleBody
  std::string byline;                         // a rel=author link or an element marked as the byline
  std::vector<std::string> date_lines;        // short texts of <time> and of elements marked as a date
};

PageMetadata read_metadata(const Document& page);

// A <title> without the site's name: "Title | Site", "Site - Title", "Title – Section – Site".
std::string title_without_site(std::string_view title, std::string_view site_name, std::string_view h1);

}  // namespace khabar::detail::html
