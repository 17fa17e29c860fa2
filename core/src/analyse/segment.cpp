// Segmentation runs ICU's BreakIterators over a UText that reads the UTF-8 block in
// place, so every index ICU returns is already a UTF-8 byte offset: no copy to UTF-16,
// no index map, linear in the text. ICU's sentence rules (UAX #29) are then adjusted
// for news text by the rules in detail/text_rules.hpp.
#include <unicode/brkiter.h>
#include <unicode/locid.h>
#include <unicode/uchar.h>
#include <unicode/utext.h>
#include <unicode/utf8.h>

#include <algorithm>
#include <memory>
#include <string>
#include <unordered_map>

#include "analyse/analysis_form.hpp"
#include "analyse/sentence_rules.hpp"
#include "khabar/analyse.hpp"
#include "text/chars.hpp"
#include "text/languages.hpp"
#include "text/utf8.hpp"

namespace khabar {

namespace {

using detail::char_after;
using detail::char_before;
using detail::is_blank;

// ICU's en/fr/de/es/it/pt/ru data suppress breaks after known abbreviations ("Mr.",
// "U.S.") with this keyword; for other locales the keyword is ignored.
icu::Locale break_locale(std::string_view language) {
  std::string tag(language.empty() ? "und" : language);
  UErrorCode status = U_ZERO_ERROR;
  icu::Locale locale = icu::Locale::forLanguageTag(tag, status);
  if (U_FAILURE(status) || locale.isBogus()) locale = icu::Locale::getRoot();
  status = U_ZERO_ERROR;
  locale.setKeywordValue("ss", "standard", status);
  return locale;
}

enum class BreakKind { sentence, word };

// Creating a BreakIterator loads and compiles rule data: done once per language and
// thread, since a BreakIterator is not thread-safe but is reusable.
icu::BreakIterator& break_iterator(BreakKind kind, std::string_view language) {
  thread_local std::unordered_map<std::string, std::unique_ptr<icu::BreakIterator>> cache;
  // Keyed by primary language: the rules differ by language only, and the cache stays
  // small whatever tags callers pass.
  std::string key =
      (kind == BreakKind::sentence ? "s:" : "w:") + std::string(detail::primary_language(language));
  auto& slot = cache[key];
  if (!slot) {
    UErrorCode status = U_ZERO_ERROR;
    icu::Locale locale = break_locale(detail::primary_language(language));
    slot.reset(kind == BreakKind::sentence ? icu::BreakIterator::createSentenceInstance(locale, status)
                                           : icu::BreakIterator::createWordInstance(locale, status));
    if (U_FAILURE(status) || !slot) {
      slot.reset();
      throw Error(codes::internal, std::string("ICU break iterator unavailable: ") + u_errorName(status));
    }
  }
  return *slot;
}

// A UText over UTF-8 bytes in place; its native indices are byte offsets.
struct Utf8Text {
  UText* ut = nullptr;
  explicit Utf8Text(std::string_view text) {
    UErrorCode status = U_ZERO_ERROR;
    ut = utext_openUTF8(nullptr, text.data(), static_cast<int64_t>(text.size()), &status);
    if (U_FAILURE(status))
      throw Error(codes::internal, std::string("utext_openUTF8: ") + u_errorName(status));
  }
  ~Utf8Text() { utext_close(ut); }
  Utf8Text(const Utf8Text&) = delete;
  Utf8Text& operator=(const Utf8Text&) = delete;
};

void set_text(icu::BreakIterator& it, const Utf8Text& text) {
  UErrorCode status = U_ZERO_ERROR;
  it.setText(text.ut, status);
  if (U_FAILURE(status))
    throw Error(codes::internal, std::string("BreakIterator::setText: ") + u_errorName(status));
}

std::size_t skip_space_forward(std::string_view s, std::size_t i) {
  while (i < s.size()) {
    std::size_t next = i;
    if (!is_blank(char_after(s, next))) break;
    i = next;
  }
  return i;
}

std::size_t skip_space_backward(std::string_view s, std::size_t i, std::size_t floor) {
  while (i > floor) {
    std::size_t prev = i;
    if (!is_blank(char_before(s, prev))) break;
    i = prev;
  }
  return i;
}

}  // namespace

std::vector<Sentence> split_sentences(std::string_view text, std::string_view language) {
  std::vector<std::size_t> cuts;
  if (!text.empty()) {
    Utf8Text ut(text);
    icu::BreakIterator& it = break_iterator(BreakKind::sentence, language);
    set_text(it, ut);
    for (int32_t b = it.next(); b != icu::BreakIterator::DONE; b = it.next())
      if (static_cast<std::size_t>(b) < text.size()) cuts.push_back(static_cast<std::size_t>(b));
    it.setText(icu::UnicodeString());  // drop the reference to the caller's bytes
    auto extra = detail::extra_sentence_boundaries(text);
    std::vector<std::size_t> all;
    all.reserve(cuts.size() + extra.size());
    std::merge(cuts.begin(), cuts.end(), extra.begin(), extra.end(), std::back_inserter(all));
    all.erase(std::unique(all.begin(), all.end()), all.end());
    cuts.clear();
    for (std::size_t b : all)
      if (detail::keep_sentence_boundary(text, b)) cuts.push_back(b);
  }
  cuts.push_back(text.size());

  std::vector<Sentence> out;
  std::size_t start = skip_space_forward(text, 0);
  for (std::size_t b : cuts) {
    if (b <= start) continue;
    std::size_t end = skip_space_backward(text, b, start);
    if (end > start) out.push_back(Sentence{0, start, end});
    start = skip_space_forward(text, b);
  }
  return out;
}

std::vector<Sentence> split_sentences(const Article& article) {
  std::vector<Sentence> out;
  for (std::size_t i = 0; i < article.body.size(); ++i) {
    const Block& block = article.body[i];
    if (block.kind == Block::Kind::heading) {
      // A sub-heading is read as one unit even when it holds a full stop.
      std::string_view t = block.text;
      std::size_t start = skip_space_forward(t, 0);
      std::size_t end = skip_space_backward(t, t.size(), start);
      if (end > start) out.push_back(Sentence{i, start, end});
      continue;
    }
    for (Sentence s : split_sentences(block.text, article.language)) {
      s.block = i;
      out.push_back(s);
    }
  }
  return out;
}

std::vector<Word> split_words(std::string_view text, std::string_view language) {
  std::vector<Word> out;
  if (text.empty()) return out;
  Utf8Text ut(text);
  icu::BreakIterator& it = break_iterator(BreakKind::word, language);
  set_text(it, ut);
  int32_t start = it.first();
  for (int32_t end = it.next(); end != icu::BreakIterator::DONE; start = end, end = it.next()) {
    int32_t status = it.getRuleStatus();
    // NONE (0..99) is space and punctuation; NUMBER, LETTER, KANA and IDEO are words.
    if (status < UBRK_WORD_NONE_LIMIT) continue;
    auto from = static_cast<std::size_t>(start), to = static_cast<std::size_t>(end);
    auto emit = [&](std::size_t b, std::size_t e) {
      // "و27", "بـ2020": a one-letter Arabic proclitic glued to a number is a word of its own.
      if (std::size_t p = detail::proclitic_before_digits(text.substr(b, e - b))) {
        out.push_back(Word{b, b + p, analysis_form(text.substr(b, p), language), false});
        b += p;
      }
      std::string_view piece = text.substr(b, e - b);
      out.push_back(Word{b, e, analysis_form(piece, language), detail::is_number_text(piece)});
    };
    // UAX #29 keeps "letters.letters" as one word (for "U.S" and domains), which also
    // glues the words around a missing space after a full stop: "المنظمة.وفي".
    std::string_view upto = text.substr(0, to);  // find() must not scan past the word
    for (std::size_t dot = upto.find('.', from); dot != upto.npos; dot = upto.find('.', dot + 1)) {
      if (!detail::glued_full_stop(text, dot)) continue;
      emit(from, dot);
      from = dot + 1;
    }
    emit(from, to);
  }
  it.setText(icu::UnicodeString());
  return out;
}

std::string analysis_form(std::string_view word, std::string_view language) {
  return detail::analysis_form(word, language);
}

}  // namespace khabar
