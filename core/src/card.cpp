#include "khabar/card.hpp"

#include <cctype>

#include "detail/format_card.hpp"
#include "detail/url.hpp"
#include "khabar/extract.hpp"
#include "khabar/language.hpp"
#include "khabar/summarize.hpp"

namespace khabar {
namespace detail {

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

}  // namespace detail

namespace {

bool has_scheme(std::string_view url) {
  std::size_t colon = url.find(':');
  if (colon == 0 || colon == std::string_view::npos) return false;
  for (std::size_t i = 0; i < colon; ++i)
    if (!std::isalnum(static_cast<unsigned char>(url[i])) && url[i] != '+' && url[i] != '-' && url[i] != '.')
      return false;
  return std::isalpha(static_cast<unsigned char>(url[0])) != 0;
}

// A relative image or link ("/uploads/a.jpg", "//cdn.site/a.jpg", "a.jpg") resolved against
// the article's own http(s) URL, as a browser would on the article's page.
std::string resolve(const std::string& ref, const std::string& base) {
  if (ref.empty() || has_scheme(ref) || !detail::is_safe_url(base)) return ref;
  std::size_t host = base.find("//") + 2;
  std::size_t path = base.find_first_of("/?#", host);
  std::string origin = base.substr(0, path);
  if (ref.rfind("//", 0) == 0) return base.substr(0, base.find(':') + 1) + ref;
  if (ref[0] == '/') return origin + ref;
  std::string dir = path == std::string::npos ? origin + "/" : base.substr(0, base.find_first_of("?#", path));
  if (ref[0] == '?' || ref[0] == '#') return dir + ref;
  return dir.substr(0, dir.rfind('/') + 1) + ref;
}

std::string safe_url(const std::string& url, const char* field, Warnings& warnings) {
  if (url.empty() || detail::is_safe_url(url)) return url;
  warnings.push_back({"url.unsafe_dropped", std::string(field) + " is not an http(s) URL and was dropped"});
  return {};
}

}  // namespace

Card make_card(const CleanedArticle& cleaned, const CardOptions& options) {
  const Article& a = cleaned.article;
  Card card;
  card.warnings = a.warnings;
  card.locale = options.locale.empty() ? a.language : options.locale;
  card.lang = a.language;
  card.dir = a.direction;
  card.ui_lang = card.locale;
  card.ui_dir = direction_of_language(card.locale);
  card.id = a.id;
  card.url = safe_url(a.url, "url", card.warnings);
  card.title = a.title;
  card.subtitle = a.subtitle;
  card.source = a.source;
  card.credit = a.credit;
  card.authors = a.authors;
  if (a.image) {
    Image image = *a.image;
    image.url = safe_url(resolve(image.url, card.url), "image.url", card.warnings);
    if (!image.url.empty()) card.image = image;
  }
  card.section = a.section;
  card.tags = a.tags;
  card.reading_time = reading_time(a);
  card.figures = extract_figures(a);
  card.quotes = extract_quotes(a);
  card.keywords = extract_keywords(a);
  card.summary = summarize(a, {options.summary_max_sentences, options.summary_max_chars});
  // Last: it formats values (reading time, figures) that the steps above compute.
  detail::format_card(card, a, options);
  return card;
}

}  // namespace khabar
