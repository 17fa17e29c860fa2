// Reading time from ICU word breaks and a per-language silent reading speed.
#include "khabar/extract.hpp"
#include "khabar/text.hpp"

namespace khabar {

int words_per_minute(std::string_view language) noexcept {
  // IReST, "Standardized Assessment of Reading Performance: The New International
  // Reading Speed Texts IReST", Trauzettel-Klosinski & Dietz, IOVS 53(9), 2012: mean
  // words a minute of native readers, the values Yoast SEO uses. Languages without a
  // value here read at the English speed.
  std::string_view primary = language.substr(0, language.find_first_of("-_"));
  auto is = [&](std::string_view code) {
    if (primary.size() != code.size()) return false;
    for (std::size_t i = 0; i < code.size(); ++i)
      if ((primary[i] | 0x20) != code[i]) return false;  // ASCII subtags: case-insensitive
    return true;
  };
  if (is("ar")) return 138;
  if (is("fr")) return 195;
  return 228;
}

ReadingTime reading_time(const Article& article) {
  ReadingTime r;
  auto count = [&](std::string_view text) { r.words += split_words(text, article.language).size(); };
  count(article.title);
  count(article.subtitle);
  for (const Block& b : article.body) count(b.text);
  int wpm = words_per_minute(article.language);
  r.minutes = static_cast<int>((r.words + static_cast<std::size_t>(wpm) - 1) / static_cast<std::size_t>(wpm));
  return r;
}

}  // namespace khabar
