#pragma once
// Word-level helpers shared by the figure, quote and keyword extractors.
#include <array>
#include <cstddef>
#include <initializer_list>
#include <string>
#include <string_view>
#include <vector>

#include "text/string_set.hpp"

namespace khabar::detail {

// The ways an Arabic analysis form may carry clitics, the form itself first: without a
// leading و/ف, without ال, لل, بال/كال/فال/وال, or a lone ب/ل/ك ("للدوره" -> "دوره").
// Non-Arabic forms yield only themselves. Each variant is an end of `form` (a view into it),
// and there are at most four.
class CliticVariants {
 public:
  const std::string_view* begin() const { return views_.data(); }
  const std::string_view* end() const { return views_.data() + size_; }
  std::size_t size() const { return size_; }
  void add(std::string_view v) { views_[size_++] = v; }

 private:
  std::array<std::string_view, 4> views_{};
  std::size_t size_ = 0;
};
CliticVariants clitic_variants(std::string_view form);

// A display form: Arabic vowel marks and tatweel removed, letters as written.
std::string without_marks(std::string_view word);

// A fixed word list matched on analysis forms: entries are normalised with
// analysis_form (Arabic ones also without ال), and lookups try every clitic variant.
class WordList {
 public:
  WordList(std::string_view language, std::initializer_list<std::string_view> words);
  WordList(std::string_view language, const std::vector<std::string_view>& words);
  bool contains(std::string_view form) const;  // the form or one of its clitic variants
  bool exactly(std::string_view form) const;   // the form itself only

 private:
  StringSet forms_;
};

}  // namespace khabar::detail
