#include "analyse/words.hpp"

#include "khabar/analyse.hpp"
#include "text/chars.hpp"
#include "text/utf8.hpp"

namespace khabar::detail {

namespace {

// `v` without its first `n` code points.
std::string_view drop(std::string_view v, std::size_t n) {
  std::size_t i = 0;
  for (std::size_t k = 0; k < n && i < v.size(); ++k) char_after(v, i);
  return v.substr(i);
}

bool starts_with_any(std::string_view v, std::initializer_list<std::string_view> letters) {
  for (std::string_view l : letters)
    if (v.starts_with(l)) return true;
  return false;
}

}  // namespace

// On the UTF-8 bytes: a UTF-8 prefix is a code-point prefix, and lengths are counted in
// code points, as the rules are written.
CliticVariants clitic_variants(std::string_view form) {
  CliticVariants found;
  found.add(form);
  auto add = [&](std::string_view v) {
    if (count_code_points(v) >= 2) found.add(v);
  };
  auto strip_article = [&](std::string_view v) {
    bool long_enough = count_code_points(v) > 3;
    if (v.starts_with("ال") || v.starts_with("لل")) {
      add(drop(v, 2));
    } else if (long_enough && starts_with_any(v, {"ب", "ك", "ف", "و"}) && drop(v, 1).starts_with("ال")) {
      add(drop(v, 3));
    } else if (long_enough && starts_with_any(v, {"ب", "ل", "ك"})) {
      add(drop(v, 1));
    }
  };
  strip_article(form);
  if (count_code_points(form) > 3 && starts_with_any(form, {"و", "ف"})) {
    std::string_view rest = drop(form, 1);
    add(rest);
    strip_article(rest);
  }
  return found;
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

WordList::WordList(std::string_view language, std::initializer_list<std::string_view> words)
    : WordList(language, std::vector<std::string_view>(words)) {}

WordList::WordList(std::string_view language, const std::vector<std::string_view>& words) {
  for (std::string_view w : words) {
    std::string form = analysis_form(w, language);
    forms_.insert(form);
    if (count_code_points(form) > 3 && form.starts_with("ال")) forms_.emplace(drop(form, 2));
  }
}

bool WordList::exactly(std::string_view form) const { return forms_.count(form) != 0; }

bool WordList::contains(std::string_view form) const {
  for (std::string_view v : clitic_variants(form))
    if (forms_.count(v)) return true;
  return false;
}

}  // namespace khabar::detail
