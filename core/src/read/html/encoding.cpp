#include "read/html/encoding.hpp"

#include <unicode/ucnv.h>

#include <algorithm>
#include <array>

#include "read/html/dom.hpp"
#include "text/chars.hpp"
#include "text/utf8.hpp"

namespace khabar::detail::html {
namespace {

constexpr auto lower = lower_trimmed;  // a label or attribute value as compared (text/chars.hpp)

// The labels WHATWG maps to another encoding than the one ICU would open under that name.
struct Alias {
  std::string_view label, encoding;
};
constexpr std::array<Alias, 14> whatwg_aliases{{
    {"ascii", "windows-1252"},
    {"us-ascii", "windows-1252"},
    {"iso-8859-1", "windows-1252"},
    {"latin1", "windows-1252"},
    {"l1", "windows-1252"},
    {"iso8859-1", "windows-1252"},
    {"cp1252", "windows-1252"},
    {"iso-8859-9", "windows-1254"},
    {"latin5", "windows-1254"},
    {"gb2312", "gbk"},
    {"x-gbk", "gbk"},
    {"euc-kr", "windows-949"},
    {"ks_c_5601-1987", "windows-949"},
    {"tis-620", "windows-874"},
}};

}  // namespace

// The charset named in a Content-Type value: "text/html; charset=windows-1256".
std::string charset_of_content_type(std::string_view value) {
  std::string v = lower(value);
  std::size_t at = v.find("charset");
  if (at == std::string::npos) return {};
  at = v.find('=', at);
  if (at == std::string::npos) return {};
  std::string rest = std::string(trim(std::string_view(v).substr(at + 1)));
  if (!rest.empty() && (rest.front() == '"' || rest.front() == '\'')) rest.erase(0, 1);
  std::size_t end = rest.find_first_of("\"'; ");
  return rest.substr(0, end);
}

namespace {

bool is_utf8_label(std::string_view label) {
  std::string l = lower(label);
  return l == "utf-8" || l == "utf8" || l == "unicode-1-1-utf-8";
}

// Whether `text` (a page's first bytes) may declare an encoding other than UTF-8: some "charset"
// (any case) followed by a value that is not a UTF-8 label. Most pages say charset=utf-8 or
// nothing, and then the parse below (a fifth of the reading time) is not needed.
bool may_declare_other(std::string_view text) {
  // Matched in place, in any case (no lower-cased copy of up to 64 KB): the bytes compared
  // after "charset" are punctuation, and is_utf8_label lowers the label itself.
  constexpr std::string_view word = "charset";
  auto charset_at = [&](std::size_t at) {
    for (std::size_t k = 0; k < word.size(); ++k)
      if ((text[at + k] | 0x20) != word[k]) return false;  // | 0x20 lowers an ASCII letter only
    return true;
  };
  for (std::size_t at = 0; at + word.size() <= text.size(); ++at) {
    if (!charset_at(at)) continue;
    std::size_t v = at + 7;
    while (v < text.size() && (text[v] == ' ' || text[v] == '=' || text[v] == '"' || text[v] == '\'')) ++v;
    std::size_t end = text.find_first_of("\"'; >/\t\n\r", v);
    if (!is_utf8_label(std::string_view(text).substr(v, end == std::string::npos ? end : end - v)))
      return true;
  }
  return false;
}

// The label the page declares, read from its parsed <head> (a parse of the undecoded bytes:
// the markup around the label is ASCII in every encoding a page may declare).
std::string declared_label(std::string_view bytes) {
  bytes = bytes.substr(0, std::min<std::size_t>(bytes.size(), 64 * 1024));
  if (!may_declare_other(bytes)) return {};
  Document page(bytes);
  std::string label;
  for_each_element(page.root(), [&](const GumboNode* n, int) {
    if (!label.empty()) return false;
    if (tag_of(n) == GUMBO_TAG_BODY) return false;
    if (tag_of(n) != GUMBO_TAG_META) return true;
    if (has_attribute(n, "charset"))
      label = lower(attribute(n, "charset"));
    else if (lower(attribute(n, "http-equiv")) == "content-type")
      label = charset_of_content_type(attribute(n, "content"));
    return false;
  });
  return label;
}

std::optional<std::string> convert(std::string_view bytes, const std::string& converter) {
  UErrorCode status = U_ZERO_ERROR;
  UConverter* cnv = ucnv_open(converter.c_str(), &status);
  if (U_FAILURE(status)) return std::nullopt;
  icu::UnicodeString text(bytes.data(), static_cast<int32_t>(bytes.size()), cnv, status);
  ucnv_close(cnv);
  if (U_FAILURE(status)) return std::nullopt;
  return to_utf8(text);
}

}  // namespace

std::optional<std::string> converter_for_label(std::string_view label) {
  std::string l = lower(label);
  if (l.empty()) return std::nullopt;
  for (const auto& a : whatwg_aliases)
    if (l == a.label) l = std::string(a.encoding);
  if (l == "utf8" || l == "unicode-1-1-utf-8") l = "utf-8";
  UErrorCode status = U_ZERO_ERROR;
  UConverter* cnv = ucnv_open(l.c_str(), &status);
  if (U_FAILURE(status)) {
    if (cnv) ucnv_close(cnv);
    return std::nullopt;
  }
  ucnv_close(cnv);
  return l;
}

std::optional<std::string> decode_page(std::string_view bytes, Warnings& warnings,
                                       std::string_view content_type) {
  if (bytes.size() >= 2 &&
      ((bytes[0] == '\xFF' && bytes[1] == '\xFE') || (bytes[0] == '\xFE' && bytes[1] == '\xFF'))) {
    bool le = bytes[0] == '\xFF';
    auto out = convert(bytes.substr(2), le ? "UTF-16LE" : "UTF-16BE");
    if (out)
      warnings.push_back(
          {"input.decoded", std::string("the page was decoded from ") + (le ? "UTF-16LE" : "UTF-16BE")});
    return out;
  }
  bool valid = !first_invalid_utf8(bytes).has_value();
  bool ascii = valid && std::all_of(bytes.begin(), bytes.end(),
                                    [](char c) { return static_cast<unsigned char>(c) < 0x80; });
  if (ascii) return std::nullopt;  // the same text in every encoding a page may declare
  // The HTTP header's charset before the page's own label (WHATWG): a server knows what it sends
  // better than a template re-saved from another site.
  std::string label = charset_of_content_type(content_type);
  auto converter = converter_for_label(label);
  std::string source = "the HTTP header";
  if (!converter) {
    label = declared_label(bytes);
    converter = converter_for_label(label);
    source = "the page";
  }
  if (valid) {
    // Non-ASCII text that is valid UTF-8 is UTF-8 whatever the template declares: legacy bytes
    // almost never form valid UTF-8 by chance, while pages re-saved as UTF-8 keep their old label.
    if (converter && *converter != "utf-8")
      warnings.push_back({"input.encoding_label_ignored",
                          source + " declares " + label + " but the bytes are UTF-8: read as UTF-8"});
    return std::nullopt;
  }
  if (!converter || *converter == "utf-8") {
    converter = "windows-1252";  // WHATWG's default for a page that says nothing
    warnings.push_back({"input.encoding_guessed", "the page is not UTF-8 and declares no usable encoding" +
                                                      (label.empty() ? std::string() : " (" + label + ")") +
                                                      ": read as windows-1252"});
  }
  auto out = convert(bytes, *converter);
  if (!out) throw Error(codes::invalid_utf8, "the page cannot be decoded as " + *converter);
  warnings.push_back({"input.decoded", "the page was decoded from " + *converter});
  return out;
}

}  // namespace khabar::detail::html
