#include "format/locale_chain.hpp"

#include <cctype>
#include <optional>

#include "text/language_tag.hpp"

namespace khabar::detail {

std::vector<std::string> locale_candidates(std::string_view requested, std::string_view article_language) {
  std::vector<std::string> out;
  if (!requested.empty()) out.emplace_back(requested);
  if (!article_language.empty()) {
    if (std::optional<std::string> tag = normalize_language_tag(article_language))
      out.push_back(std::move(*tag));
    else if (article_language != "und")
      out.emplace_back(article_language);
  }
  out.emplace_back("en");
  return out;
}

bool plain_locale_tag(std::string_view tag) {
  if (tag.find('_') != std::string_view::npos) return false;
  std::size_t cut = tag.find('-');
  std::string_view region = cut == std::string_view::npos ? std::string_view() : tag.substr(cut + 1);
  auto all = [](std::string_view s, auto pred) {
    for (char c : s)
      if (!pred(static_cast<unsigned char>(c))) return false;
    return true;
  };
  return region.empty() || (region.size() == 2 && all(region, ::isalpha)) ||
         (region.size() == 3 && all(region, ::isdigit));
}

}  // namespace khabar::detail
