// khabar::is_stopword over the registry's compiled-in lists, matched on analysis forms.
#include <string>
#include <unordered_map>
#include <unordered_set>

#include "analyse/analysis_form.hpp"
#include "khabar/analyse.hpp"
#include "text/languages.hpp"
#include "text/string_set.hpp"

namespace khabar {

namespace {

using StopwordSet = detail::StringSet;

// The lists hold written forms ("إلى", "Été"); callers ask with analysis forms.
StopwordSet load(const detail::LanguageInfo& language) {
  StopwordSet set;
  std::string_view list = language.stopwords;
  while (!list.empty()) {
    std::size_t nl = list.find('\n');
    std::string_view line = list.substr(0, nl);
    list = nl == std::string_view::npos ? std::string_view() : list.substr(nl + 1);
    while (!line.empty() && (line.back() == '\r' || line.back() == ' ')) line.remove_suffix(1);
    if (line.empty() || line.front() == '#') continue;
    set.insert(detail::analysis_form(line, language.code));
  }
  return set;
}

const StopwordSet* stopwords(std::string_view language) {
  // Built once, on first use; a function-local static is initialised thread-safely.
  static const std::unordered_map<std::string_view, StopwordSet> sets = [] {
    std::unordered_map<std::string_view, StopwordSet> m;
    for (const auto& l : detail::registered_languages())
      if (!l.stopwords.empty()) m.emplace(l.code, load(l));
    return m;
  }();
  const detail::LanguageInfo* info = detail::find_language(language);
  auto it = info ? sets.find(info->code) : sets.end();
  return it == sets.end() ? nullptr : &it->second;
}

}  // namespace

bool is_stopword(std::string_view form, std::string_view language) {
  const StopwordSet* set = stopwords(language);
  return set && set->count(form) > 0;
}

}  // namespace khabar
