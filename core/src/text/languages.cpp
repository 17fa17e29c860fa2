#include "text/languages.hpp"

namespace khabar::detail {

std::string primary_language(std::string_view bcp47) {
  std::string out(bcp47.substr(0, bcp47.find_first_of("-_")));
  for (char& c : out)
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  return out;
}

const LanguageInfo* find_language(std::string_view bcp47) {
  std::string primary = primary_language(bcp47);
  for (const LanguageInfo& l : registered_languages())
    if (l.code == primary) return &l;
  return nullptr;
}

}  // namespace khabar::detail
