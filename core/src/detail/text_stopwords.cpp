// khabar::is_stopword over the compiled-in lists, matched on analysis forms.
#include "detail/text_stopwords.hpp"

#include <string>
#include <unordered_map>
#include <unordered_set>

#include "detail/text_analysis.hpp"
#include "khabar/text.hpp"

namespace khabar {

namespace {

using StopwordSet = std::unordered_set<std::string>;

// The lists hold written forms ("إلى", "Été"); callers ask with analysis forms.
StopwordSet load(std::string_view language) {
  StopwordSet set;
  std::string_view list = detail::stopword_list(language);
  while (!list.empty()) {
    std::size_t nl = list.find('\n');
    std::string_view line = list.substr(0, nl);
    list = nl == std::string_view::npos ? std::string_view() : list.substr(nl + 1);
    while (!line.empty() && (line.back() == '\r' || line.back() == ' ')) line.remove_suffix(1);
    if (line.empty() || line.front() == '#') continue;
    set.insert(detail::analysis_form(line, language));
  }
  return set;
}

const StopwordSet* stopwords(std::string_view language) {
  // Built once, on first use; a function-local static is initialised thread-safely.
  static const std::unordered_map<std::string, StopwordSet> sets = [] {
    std::unordered_map<std::string, StopwordSet> m;
    for (const char* lang : {"ar", "fr", "en"}) m.emplace(lang, load(lang));
    return m;
  }();
  auto it = sets.find(std::string(detail::primary_language(language)));
  return it == sets.end() ? nullptr : &it->second;
}

}  // namespace

bool is_stopword(std::string_view form, std::string_view language) {
  const StopwordSet* set = stopwords(language);
  return set && set->count(std::string(form)) > 0;
}

}  // namespace khabar
