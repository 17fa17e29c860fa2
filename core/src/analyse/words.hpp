#pragma once
// Word-level helpers shared by the figure, quote and keyword extractors.
#include <initializer_list>
#include <string>
#include <string_view>
#include <unordered_set>
#include <vector>

namespace khabar::detail {

// The ways an Arabic analysis form may carry clitics, the form itself first: without a
// leading و/ف, without ال, لل, بال/كال/فال/وال, or a lone ب/ل/ك ("للدوره" -> "دوره").
// Non-Arabic forms yield only themselves.
std::vector<std::string> clitic_variants(std::string_view form);

// A display form: Arabic vowel marks and tatweel removed, letters as written.
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
