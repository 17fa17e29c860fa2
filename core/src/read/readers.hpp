#pragma once
// The readers behind read_article. Each fills an Article from its format and
// leaves language detection, limits and warnings common to all to read.cpp.
#include <optional>
#include <string>
#include <string_view>

#include "khabar/article.hpp"
#include "khabar/read.hpp"
#include "read/json.hpp"

namespace khabar::detail {

Article read_khabar_json(const json& document);
// parse.no_article if none; page_title (a page's <title>) chooses between headline and name.
Article read_json_ld(const json& document, std::string_view page_title = {});
Article read_html(std::string_view html, const Limits& limits,
                  std::string_view content_language = {});  // a page (read_page with KHABAR_HTML)
#ifndef KHABAR_HTML
Error html_reader_missing();  // what a build without the HTML reader says of a page it cannot read
#endif
Article read_page(std::string_view html, const Limits& limits,
                  std::string_view content_language = {});  // the Gumbo reader (read/html/)

// A <script type="application/ld+json"> block's text made parseable as publishers' templates
// break it: <![CDATA[ ]]> and <!-- --> wrappers dropped, raw control characters inside strings
// (a newline in a headline) escaped. Anything else is left for the JSON parser to judge.
std::string json_ld_block_text(std::string_view block);

// Whether a <script type> holds JSON-LD: its MIME type's essence (before any ';' parameter,
// trimmed, ASCII case folded) is application/ld+json. Both HTML readers (with and without
// Gumbo) ask here, so a page's data are read alike by every build.
bool is_json_ld_type(std::string_view type);

// A date field's text as a Timestamp, or nothing (empty text) with a parse.invalid_date
// warning naming `key` (text that is no date): the Khabar JSON and JSON-LD readers' dates.
std::optional<Timestamp> date_field_value(std::string_view key, const std::string& text, Warnings& warnings);
Article read_text(std::string_view text, const Limits& limits);

// Splits plain text into paragraphs at line breaks (\n, \r\n, \r, U+2028, U+2029),
// dropping blank lines. Shared by the text reader and articleBody of JSON-LD.
std::vector<std::string> split_lines(std::string_view text);

// True for a syntactically well-formed BCP 47 tag (also with '_' separators, as CMSs write them).
bool is_language_tag(std::string_view tag) noexcept;

// True for a JSON object that looks like Khabar JSON rather than schema.org.
bool is_khabar_json(const json& document);

}  // namespace khabar::detail
