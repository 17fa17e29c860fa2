#include "url.hpp"

#include <cctype>

namespace khabar::detail {

bool is_safe_url(std::string_view url) noexcept {
  auto starts_ci = [&](std::string_view prefix) {
    if (url.size() < prefix.size()) return false;
    for (std::size_t i = 0; i < prefix.size(); ++i)
      if (static_cast<char>(std::tolower(static_cast<unsigned char>(url[i]))) != prefix[i]) return false;
    return true;
  };
  std::size_t host = starts_ci("https://") ? 8 : starts_ci("http://") ? 7 : 0;
  if (host == 0 || host >= url.size() || url[host] == '/') return false;
  for (unsigned char c : url)
    if (c <= 0x20 || c == 0x7F || c == '"' || c == '\'' || c == '<' || c == '>' || c == '`' || c == '\\')
      return false;
  // Bidi formatting characters (U+061C, U+200E/F, U+202A–E, U+2066–9) are not allowed in an IRI
  // (RFC 3987 §4.1) and would let a link text reorder ("https://a.com/\u202Egpj.exe").
  for (std::size_t i = 0; i + 1 < url.size(); ++i) {
    auto b0 = static_cast<unsigned char>(url[i]), b1 = static_cast<unsigned char>(url[i + 1]);
    if (b0 == 0xD8 && b1 == 0x9C) return false;
    if (b0 != 0xE2 || i + 2 >= url.size()) continue;
    auto b2 = static_cast<unsigned char>(url[i + 2]);
    if ((b1 == 0x80 && (b2 == 0x8E || b2 == 0x8F || (b2 >= 0xAA && b2 <= 0xAE))) ||
        (b1 == 0x81 && b2 >= 0xA6 && b2 <= 0xA9))
      return false;
  }
  return true;
}

namespace {

bool has_scheme(std::string_view url) {
  std::size_t colon = url.find(':');
  if (colon == 0 || colon == std::string_view::npos) return false;
  for (std::size_t i = 0; i < colon; ++i)
    if (!std::isalnum(static_cast<unsigned char>(url[i])) && url[i] != '+' && url[i] != '-' && url[i] != '.')
      return false;
  return std::isalpha(static_cast<unsigned char>(url[0])) != 0;
}

}  // namespace

std::string resolve_url(const std::string& ref, const std::string& base) {
  if (ref.empty() || has_scheme(ref) || !is_safe_url(base)) return ref;
  std::size_t host = base.find("//") + 2;
  std::size_t path = base.find_first_of("/?#", host);
  std::string origin = base.substr(0, path);
  if (ref.rfind("//", 0) == 0) return base.substr(0, base.find(':') + 1) + ref;
  if (ref[0] == '/') return origin + ref;
  std::string dir = path == std::string::npos ? origin + "/" : base.substr(0, base.find_first_of("?#", path));
  if (ref[0] == '?' || ref[0] == '#') return dir + ref;
  return dir.substr(0, dir.rfind('/') + 1) + ref;
}

std::string safe_url_or_warn(const std::string& url, std::string_view field, Warnings& warnings) {
  if (url.empty() || is_safe_url(url)) return url;
  warnings.push_back({"url.unsafe_dropped", std::string(field) + " is not an http(s) URL and was dropped"});
  return {};
}

}  // namespace khabar::detail
