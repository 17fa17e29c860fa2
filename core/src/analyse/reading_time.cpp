// Reading time from the analysis's word count and the registry's silent reading speed.
#include "khabar/extract.hpp"
#include "text/languages.hpp"

namespace khabar {

int words_per_minute(std::string_view language) {
  // IReST, "Standardized Assessment of Reading Performance: The New International
  // Reading Speed Texts IReST", Trauzettel-Klosinski & Dietz, IOVS 53(9), 2012: mean
  // words a minute of native readers, the values Yoast SEO uses (core/languages.json).
  // Languages without a value read at the English speed.
  const detail::LanguageInfo* info = detail::find_language(language);
  if (!info || info->words_per_minute <= 0) info = detail::find_language("en");
  return info->words_per_minute;
}

ReadingTime reading_time(const Analysis& analysis) {
  ReadingTime r;
  r.words = analysis.word_count();
  int wpm = words_per_minute(analysis.language());
  r.minutes = static_cast<int>((r.words + static_cast<std::size_t>(wpm) - 1) / static_cast<std::size_t>(wpm));
  return r;
}

ReadingTime reading_time(const Article& article) { return reading_time(Analysis(article)); }

}  // namespace khabar
