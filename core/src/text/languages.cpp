#include "text/languages.hpp"

#include "text/chars.hpp"

namespace khabar::detail {

std::string primary_language(std::string_view bcp47) {
  return lower_ascii(bcp47.substr(0, bcp47.find_first_of("-_")));
}

const LanguageInfo* find_language(std::string_view bcp47) {
  std::string primary = primary_language(bcp47);
  for (const LanguageInfo& l : registered_languages())
    if (l.code == primary) return &l;
  return nullptr;
}

}  // namespace khabar::detail
