#include "analyse/words.hpp"

#include "khabar/text.hpp"
#include "text/chars.hpp"
#include "text/utf8.hpp"

namespace khabar::detail {

namespace {

bool starts_with(std::u32string_view s, std::u32string_view p) { return s.substr(0, p.size()) == p; }

}  // namespace

std::vector<std::string> clitic_variants(std::string_view form) {
  std::u32string f = to_utf32(form);
  std::vector<std::u32string> found{f};
  auto add = [&](std::u32string_view v) {
    if (v.size() >= 2) found.emplace_back(v);
  };
  auto strip_article = [&](std::u32string_view v) {
    if (starts_with(v, U"ال")) {
      add(v.substr(2));
    } else if (starts_with(v, U"لل")) {
      add(v.substr(2));
    } else if (v.size() > 3 && (v[0] == U'ب' || v[0] == U'ك' || v[0] == U'ف' || v[0] == U'و') &&
               starts_with(v.substr(1), U"ال")) {
      add(v.substr(3));
    } else if (v.size() > 3 && (v[0] == U'ب' || v[0] == U'ل' || v[0] == U'ك')) {
      add(v.substr(1));
    }
  };
  strip_article(f);
  if (f.size() > 3 && (f[0] == U'و' || f[0] == U'ف')) {
    add(f.substr(1));
    strip_article(std::u32string_view(f).substr(1));
  }
  std::vector<std::string> out;
  for (auto& v : found) out.push_back(from_utf32(v));
  return out;
}

std::string without_marks(std::string_view word) {
  std::string out;
  for (std::size_t i = 0; i < word.size();) {
    std::size_t at = i;
    UChar32 c = char_after(word, i);
    if (is_arabic_vowel_mark(c) || c == static_cast<UChar32>(tatweel)) continue;
    out.append(word.substr(at, i - at));
  }
  return out;
}

WordList::WordList(std::string_view language, std::initializer_list<std::string_view> words) {
  for (std::string_view w : words) {
    std::string form = analysis_form(w, language);
    forms_.insert(form);
    std::u32string f = to_utf32(form);
    if (f.size() > 3 && starts_with(f, U"ال")) forms_.insert(from_utf32(std::u32string_view(f).substr(2)));
  }
}

bool WordList::exactly(std::string_view form) const { return forms_.count(std::string(form)) != 0; }

bool WordList::contains(std::string_view form) const {
  for (const std::string& v : clitic_variants(form))
    if (forms_.count(v)) return true;
  return false;
}

}  // namespace khabar::detail
