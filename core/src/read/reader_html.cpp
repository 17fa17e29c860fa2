// A whole HTML page. With the HTML reader (KHABAR_HTML: native builds, khabar-core-html.wasm) it
// is parsed by Gumbo (read/html/read_page.cpp); without it (the lean khabar-core.wasm) only its
// <script type="application/ld+json"> blocks are read, plus <html lang>.
#include <algorithm>
#include <cctype>

#include "read/readers.hpp"
#include "text/chars.hpp"

namespace khabar::detail {
#ifndef KHABAR_HTML
namespace {

char lower(char c) { return static_cast<char>(std::tolower(static_cast<unsigned char>(c))); }

std::size_t find_ci(std::string_view hay, std::string_view needle, std::size_t from) {
  auto it = std::search(hay.begin() + static_cast<std::ptrdiff_t>(std::min(from, hay.size())), hay.end(),
                        needle.begin(), needle.end(), [](char a, char b) { return lower(a) == lower(b); });
  return it == hay.end() ? std::string_view::npos : static_cast<std::size_t>(it - hay.begin());
}

bool is_name_char(char c) {
  return std::isalnum(static_cast<unsigned char>(c)) || c == '-' || c == '_' || c == ':';
}

// The value of attribute `name` in a start tag's attribute text, lower-cased name match.
std::optional<std::string> attribute(std::string_view tag, std::string_view name) {
  std::size_t i = 0;
  while (i < tag.size()) {
    while (i < tag.size() && !is_name_char(tag[i])) ++i;
    std::size_t start = i;
    while (i < tag.size() && is_name_char(tag[i])) ++i;
    std::string key(tag.substr(start, i - start));
    std::transform(key.begin(), key.end(), key.begin(), lower);
    while (i < tag.size() && tag[i] == ' ') ++i;
    std::string value;
    if (i < tag.size() && tag[i] == '=') {
      ++i;
      while (i < tag.size() && tag[i] == ' ') ++i;
      if (i < tag.size() && (tag[i] == '"' || tag[i] == '\'')) {
        char q = tag[i++];
        std::size_t end = tag.find(q, i);
        if (end == std::string_view::npos) end = tag.size();
        value = tag.substr(i, end - i);
        i = end + 1;
      } else {
        std::size_t vs = i;
        while (i < tag.size() && tag[i] != ' ' && tag[i] != '>') ++i;
        value = tag.substr(vs, i - vs);
      }
    }
    if (!key.empty() && key == name) return value;
    if (start == i) ++i;
  }
  return std::nullopt;
}

}  // namespace
#endif

bool is_json_ld_type(std::string_view type) {
  return lower_trimmed(type.substr(0, type.find(';'))) == "application/ld+json";
}

std::string json_ld_block_text(std::string_view block) {
  // Only a wrapper is cut: a parse error's byte offset stays the one in the block as written.
  std::string_view s = block, t = trim(block);
  for (std::string_view open : {"//<![CDATA[", "<![CDATA[", "<!--"})
    if (t.substr(0, open.size()) == open) s = t = trim(t.substr(open.size()));
  for (std::string_view close : {"//]]>", "]]>", "-->"})
    if (t.size() >= close.size() && t.substr(t.size() - close.size()) == close)
      s = t = trim(t.substr(0, t.size() - close.size()));
  std::string out;
  out.reserve(s.size());
  bool in_string = false;
  for (std::size_t i = 0; i < s.size(); ++i) {
    char c = s[i];
    if (in_string && c == '\\' && i + 1 < s.size()) {
      out += c;
      out += s[++i];
      continue;
    }
    if (c == '"') in_string = !in_string;
    if (in_string && static_cast<unsigned char>(c) < 0x20) {
      static constexpr char hex[] = "0123456789abcdef";
      if (c == '\n')
        out += "\\n";
      else if (c == '\r')
        out += "\\r";
      else if (c == '\t')
        out += "\\t";
      else
        out.append("\\u00").append(1, hex[(c >> 4) & 0xF]).append(1, hex[c & 0xF]);
      continue;
    }
    out += c;
  }
  return out;
}

#ifndef KHABAR_HTML
Error html_reader_missing() {
  return Error(
      codes::html_reader_missing,
      "this build reads an HTML page's JSON-LD article (with its articleBody) in UTF-8 only, and this "
      "page has none or is not UTF-8: the HTML reader is in khabar-core-html.wasm (npm: load({ html: true })) and native builds");
}
#endif

Article read_html(std::string_view html, const Limits& limits, std::string_view content_language) {
#ifdef KHABAR_HTML
  return read_page(html, limits, content_language);
#else
  json blocks = json::array();
  Warnings warnings;
  std::string page_lang;
  if (std::size_t h = find_ci(html, "<html", 0); h != std::string_view::npos) {
    std::size_t end = html.find('>', h);
    if (end != std::string_view::npos)
      page_lang = attribute(html.substr(h + 5, end - h - 5), "lang").value_or("");
  }
  for (std::size_t pos = 0;;) {
    std::size_t open = find_ci(html, "<script", pos);
    if (open == std::string_view::npos) break;
    std::size_t tag_end = html.find('>', open);
    if (tag_end == std::string_view::npos) break;
    std::size_t close = find_ci(html, "</script", tag_end);
    if (close == std::string_view::npos) close = html.size();
    pos = close;
    auto type = attribute(html.substr(open + 7, tag_end - open - 7), "type");
    if (!type || !is_json_ld_type(*type)) continue;
    std::string content = json_ld_block_text(html.substr(tag_end + 1, close - tag_end - 1));
    try {
      blocks.push_back(parse_json(content, limits, &warnings));
    } catch (const Error& e) {
      if (e.code() == codes::too_deep) throw;
      warnings.push_back({"parse.invalid_jsonld_block", "a JSON-LD block was skipped: " + e.message()});
    }
  }
  // Natively such a page is read from its markup: say which build does that, not "no article".
  if (blocks.empty()) throw html_reader_missing();
  Article a;
  try {
    a = read_json_ld(blocks);
  } catch (const Error& e) {
    if (e.code() == codes::no_article) throw html_reader_missing();
    throw;
  }
  // An article without its body is read from the page's markup natively (main-text extraction):
  // a headline-only card here would differ from that one, so say which build reads it.
  if (a.body.empty()) throw html_reader_missing();
  if (a.language.empty()) a.language = page_lang;
  if (a.language.empty()) a.language = content_language;
  a.warnings.insert(a.warnings.begin(), warnings.begin(), warnings.end());
  return a;
#endif
}

}  // namespace khabar::detail
