#pragma once
// Word-level helpers shared by the figure, quote and keyword extractors.
#include <cstddef>
#include <initializer_list>
#include <string>
#include <string_view>
#include <unordered_set>
#include <vector>

namespace khabar::detail {

// "ar-MA" -> "ar", lower case: what the extractors' word lists are chosen by.
std::string primary_subtag(std::string_view bcp47);

struct Token {
  std::size_t start = 0, end = 0;  // UTF-8 byte offsets into the text given
  std::string form;                // khabar::analysis_form
};

// khabar::split_words, with a word cut where a full stop is glued between letters
// ("دولة.النموذج"): ICU's word rules keep "letter . letter" as one word (as in "e.g"),
// but in scraped news it is a missing space after a sentence end.
std::vector<Token> tokens_of(std::string_view text, std::string_view language);

// Whether text[from, to) is empty or only white space.
bool only_space(std::string_view text, std::size_t from, std::size_t to);

// The ways an Arabic analysis form may carry clitics, the form itself first: without a
// leading و/ف, without ال, لل, بال/كال/فال/وال, or a lone ب/ل/ك ("للدوره" -> "دوره").
// Non-Arabic forms yield only themselves.
std::vector<std::string> clitic_variants(std::string_view form);

// A display form: harakat (U+064B–U+0652, U+0670) and tatweel removed, letters as written.
std::string without_marks(std::string_view word);

// A fixed word list matched on analysis forms: entries are normalised with
// analysis_form (Arabic ones also without ال), and lookups try every clitic variant.
class WordList {
 public:
  WordList(std::string_view language, std::initializer_list<std::string_view> words);
  bool contains(std::string_view form) const;  // the form or one of its clitic variants
  bool exactly(std::string_view form) const;   // the form itself only

 private:
  std::unordered_set<std::string> forms_;
};

}  // namespace khabar::detail
