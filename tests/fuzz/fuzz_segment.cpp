// Sentence and word segmentation, the analysis form, stopwords and stems: offsets stay in
// the text, ordered, on UTF-8 boundaries.
#include "fuzz_support.hpp"

using namespace khabar;

namespace {

bool on_boundary(std::string_view s, std::size_t at) {
  return at == s.size() || (static_cast<unsigned char>(s[at]) & 0xC0) != 0x80;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  if (size < 1) return 0;
  std::string_view lang = fuzz::language_from(data[0]);
  std::string_view text = fuzz::as_view(data + 1, size - 1);
  if (detail::first_invalid_utf8(text)) return 0;  // the segmenters take cleaned (valid) text

  std::size_t last_end = 0;
  for (const Sentence& s : split_sentences(text, lang)) {
    fuzz::check(s.start <= s.end && s.end <= text.size(), "sentence out of range");
    fuzz::check(s.start >= last_end, "sentences overlap or go backwards");
    fuzz::check(on_boundary(text, s.start) && on_boundary(text, s.end), "sentence splits a code point");
    last_end = s.end;
  }
  last_end = 0;
  std::size_t n = 0;
  for (const Word& w : split_words(text, lang)) {
    fuzz::check(w.start < w.end && w.end <= text.size(), "word out of range");
    fuzz::check(w.start >= last_end, "words overlap or go backwards");
    fuzz::check(on_boundary(text, w.start) && on_boundary(text, w.end), "word splits a code point");
    last_end = w.end;
    if (++n > 64) continue;  // stems and forms of a sample are enough per input
    std::string_view word = text.substr(w.start, w.end - w.start);
    fuzz::check_utf8(analysis_form(word, lang), "analysis form is not UTF-8");
    fuzz::check_utf8(stem(word, lang), "stem is not UTF-8");
    (void)is_stopword(w.form, lang);
  }
  return 0;
}
