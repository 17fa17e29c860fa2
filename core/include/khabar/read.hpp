#pragma once
// Reading bytes into an Article: Khabar JSON, schema.org JSON-LD (alone or in an
// HTML page) and scraped plain text, detected automatically unless told.
#include <cstddef>
#include <string>
#include <string_view>

#include "khabar/article.hpp"

namespace khabar {

struct Limits {
  std::size_t max_bytes = 5 * 1024 * 1024;  // input.too_large
  int max_depth = 64;                       // input.too_deep (JSON nesting)
  std::size_t max_blocks = 5000;            // input.too_many_blocks
  std::size_t max_line_bytes = 256 * 1024;  // input.line_too_long (one line or block)
};

struct ReadOptions {
  InputFormat format = InputFormat::automatic;
  Limits limits;
  // The HTTP Content-Type header the bytes came with ("text/html; charset=windows-1256"), when
  // they came over HTTP: its charset decodes an HTML page before the page's own <meta charset>
  // (a byte-order mark still comes first), as the WHATWG Encoding Standard orders them.
  std::string content_type;
  // The HTTP Content-Language header, when the bytes came over HTTP ("ar", "fr-MA, ar"): the
  // article's language when the data declare none. In a page it comes after <html lang> and
  // <meta http-equiv="content-language">, before og:locale and dc.language (HTML's order, the
  // protocol's word above a social tag's); what cannot be read as a tag is dropped with a warning.
  std::string content_language;
};

// What automatic detection would choose for these bytes.
InputFormat detect_format(std::string_view bytes);

// Throws khabar::Error (parse.*, input.*). The result's language and direction are
// always set: from the data when it has them, otherwise detected from the text.
Article read_article(std::string_view bytes, const ReadOptions& options = {});

// Khabar JSON of an article (the input format; round-trips through read_article).
std::string to_khabar_json(const Article& article, int indent = 2);

}  // namespace khabar
