#include "detail/extract_words.hpp"

#include <unicode/uchar.h>

#include "detail/unicode.hpp"
#include "khabar/text.hpp"

namespace khabar::detail {

namespace {

std::u32string decode(std::string_view s) {
  std::u32string out;
  for (std::size_t i = 0; i < s.size();) out += next_code_point(s, i);
  return out;
}

std::string encode(std::u32string_view s) {
  std::string out;
  for (char32_t c : s) append_utf8(out, c);
  return out;
}

bool is_letter(char32_t c) { return u_isalpha(static_cast<UChar32>(c)) != 0; }

bool starts_with(std::u32string_view s, std::u32string_view p) { return s.substr(0, p.size()) == p; }

}  // namespace

std::string primary_subtag(std::string_view bcp47) {
  std::string out(bcp47.substr(0, bcp47.find_first_of("-_")));
  for (char& c : out)
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  return out;
}

std::vector<Token> tokens_of(std::string_view text, std::string_view language) {
  std::vector<Token> out;
  for (Word& w : split_words(text, language)) {
    std::size_t piece = w.start;
    bool cut = false;
    for (std::size_t i = w.start; i < w.end;) {
      std::size_t at = i;
      char32_t c = next_code_point(text, i);
      if (c != '.' || at == piece || i >= w.end) continue;
      std::size_t before = at;
      while (before > piece && (static_cast<unsigned char>(text[before - 1]) & 0xC0) == 0x80) --before;
      if (before > piece) --before;
      std::size_t after = i;
      char32_t prev = next_code_point(text, before), next = next_code_point(text, after);
      if (!is_letter(prev) || !is_letter(next)) continue;
      out.push_back({piece, at, analysis_form(text.substr(piece, at - piece), language)});
      piece = i;
      cut = true;
    }
    if (!cut) {
      out.push_back({w.start, w.end, std::move(w.form)});
    } else if (piece < w.end) {
      out.push_back({piece, w.end, analysis_form(text.substr(piece, w.end - piece), language)});
    }
  }
  return out;
}

bool only_space(std::string_view text, std::size_t from, std::size_t to) {
  for (std::size_t i = from; i < to && i < text.size();)
    if (!is_space(next_code_point(text, i))) return false;
  return true;
}

std::vector<std::string> clitic_variants(std::string_view form) {
  std::u32string f = decode(form);
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
  for (auto& v : found) out.push_back(encode(v));
  return out;
}

std::string without_marks(std::string_view word) {
  std::string out;
  for (std::size_t i = 0; i < word.size();) {
    char32_t c = next_code_point(word, i);
    if ((c >= 0x064B && c <= 0x0652) || c == 0x0670 || c == 0x0640) continue;
    append_utf8(out, c);
  }
  return out;
}

WordList::WordList(std::string_view language, std::initializer_list<std::string_view> words) {
  for (std::string_view w : words) {
    std::string form = analysis_form(w, language);
    forms_.insert(form);
    std::u32string f = decode(form);
    if (f.size() > 3 && starts_with(f, U"ال")) forms_.insert(encode(std::u32string_view(f).substr(2)));
  }
}

bool WordList::exactly(std::string_view form) const { return forms_.count(std::string(form)) != 0; }

bool WordList::contains(std::string_view form) const {
  for (const std::string& v : clitic_variants(form))
    if (forms_.count(v)) return true;
  return false;
}

}  // namespace khabar::detail
