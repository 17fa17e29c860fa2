#pragma once
// A strict reader for the renderer's own HTML: it knows the fixed set of elements and
// attributes the renderer may write, so anything else (a <script, an on* attribute, a
// javascript: href, an unescaped quote) is a violation. Used by fuzz_render and by
// tests/core/test_hostile.cpp. Returns "" when the markup is safe, else what is wrong.
#include <algorithm>
#include <array>
#include <string>
#include <string_view>
#include <vector>

namespace khabar::markup {

inline bool one_of(std::string_view s, std::initializer_list<std::string_view> set) {
  return std::find(set.begin(), set.end(), s) != set.end();
}

inline bool known_element(std::string_view t) {
  return one_of(t, {"article", "header", "p", "h1", "h2", "h3", "h4", "h5", "h6", "a", "bdi", "time", "span",
                    "figure", "img", "figcaption", "ul", "li", "footer"});
}

inline bool known_attribute(std::string_view a) {
  return one_of(a, {"class", "part", "lang", "dir", "id", "aria-labelledby", "href", "rel", "src", "alt",
                    "loading", "decoding", "datetime"});
}

inline bool starts_ci(std::string_view s, std::string_view prefix) {
  if (s.size() < prefix.size()) return false;
  for (std::size_t i = 0; i < prefix.size(); ++i)
    if ((s[i] | 0x20) != prefix[i]) return false;
  return true;
}

// Only the renderer's five entities may follow '&'.
inline std::string check_escaped(std::string_view s) {
  for (std::size_t i = 0; i < s.size(); ++i) {
    char c = s[i];
    if (c == '<' || c == '>' || c == '"' || c == '\'') return std::string("raw '") + c + "' in text or value";
    if (c == '&') {
      std::string_view rest = s.substr(i);
      bool ok = false;
      for (std::string_view e : {"&amp;", "&lt;", "&gt;", "&quot;", "&#39;"})
        if (rest.substr(0, e.size()) == e) ok = true;
      if (!ok) return "an '&' that is not one of the renderer's entities";
    }
  }
  return {};
}

inline std::string check_html(std::string_view html) {
  std::vector<std::string_view> open;
  std::size_t i = 0;
  while (i < html.size()) {
    std::size_t lt = html.find('<', i);
    if (auto e = check_escaped(html.substr(i, lt - i)); !e.empty()) return e;
    if (lt == std::string_view::npos) break;
    i = lt + 1;
    bool closing = i < html.size() && html[i] == '/';
    if (closing) ++i;
    std::size_t name_start = i;
    while (i < html.size() && ((html[i] >= 'a' && html[i] <= 'z') || (html[i] >= '0' && html[i] <= '9'))) ++i;
    std::string_view name = html.substr(name_start, i - name_start);
    if (!known_element(name)) return "unknown element <" + std::string(name) + ">";
    if (closing) {
      if (i >= html.size() || html[i] != '>') return "malformed end tag";
      if (open.empty() || open.back() != name) return "unbalanced </" + std::string(name) + ">";
      open.pop_back();
      ++i;
      continue;
    }
    while (i < html.size() && html[i] == ' ') {
      ++i;
      std::size_t a = i;
      while (i < html.size() && html[i] != '=' && html[i] != '>' && html[i] != ' ') ++i;
      std::string_view attr = html.substr(a, i - a);
      if (!known_attribute(attr)) return "unknown attribute " + std::string(attr);
      if (html.substr(i, 2) != "=\"") return "attribute " + std::string(attr) + " without a quoted value";
      i += 2;
      std::size_t q = html.find('"', i);
      if (q == std::string_view::npos) return "unterminated attribute value";
      std::string_view value = html.substr(i, q - i);
      if (auto e = check_escaped(value); !e.empty()) return e + " (attribute " + std::string(attr) + ")";
      if ((attr == "href" || attr == "src") && !starts_ci(value, "http://") && !starts_ci(value, "https://"))
        return std::string(attr) + " is not http(s): " + std::string(value);
      i = q + 1;
    }
    if (i >= html.size() || html[i] != '>') return "malformed start tag <" + std::string(name) + ">";
    ++i;
    if (name != "img") open.push_back(name);
  }
  if (!open.empty()) return "unclosed <" + std::string(open.back()) + ">";
  return {};
}

// Per line of plain-text output: FSI/LRI/RLI ... PDI balanced and never below zero, and no
// embedding or override (LRE RLE LRO RLO PDF) at all, so no field reorders another.
inline std::string check_text_isolation(std::string_view text) {
  long depth = 0;
  for (std::size_t i = 0; i < text.size();) {
    unsigned char b = static_cast<unsigned char>(text[i]);
    // The marks are all E2 80 AA..AE and E2 81 A6..A9.
    if (b == 0xE2 && i + 2 < text.size()) {
      unsigned char b1 = static_cast<unsigned char>(text[i + 1]),
                    b2 = static_cast<unsigned char>(text[i + 2]);
      if (b1 == 0x80 && b2 >= 0xAA && b2 <= 0xAE) return "an embedding or override in the text output";
      if (b1 == 0x81 && b2 >= 0xA6 && b2 <= 0xA8) ++depth;
      if (b1 == 0x81 && b2 == 0xA9 && --depth < 0) return "a PDI without its isolate";
    }
    if (b == '\n') {
      if (depth != 0) return "an isolate left open at the end of a line";
      depth = 0;
    }
    ++i;
  }
  return depth == 0 ? std::string() : "an isolate left open at the end";
}

}  // namespace khabar::markup
