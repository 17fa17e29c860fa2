#pragma once
// The analyse stage's primitives (core/src/analyse/), on ICU: sentences and words of cleaned
// article text, the analysis form of a word, stopwords and stems. Offsets are UTF-8 byte offsets.
// Every function is thread-safe and linear in the length of its text.
#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include "khabar/article.hpp"

namespace khabar {

struct Sentence {
  std::size_t block = 0;  // index into Article::body
  std::size_t start = 0;  // byte offsets into that block's text; [start, end) excludes trailing space
  std::size_t end = 0;
  bool operator==(const Sentence&) const = default;
};

// ICU's sentence BreakIterator (with its "ss=standard" abbreviation data) plus what news
// text needs: "؟", "!", "." and "…" end a sentence, "،" and "؛" do not; nor do initials
// and abbreviations ("د.", "م.", "M.", "Dr.", "U.S.", "e.g."), decimals and dotted dates
// ("2.5", "21.11.2025"), or ".." used as a dash ("المغرب.. بلد"). Closing quotes and
// brackets after the stop stay with the sentence. A stop glued to the next word
// ("القانون.المغرب", "said.The") still ends one. `block` is 0; `language` is BCP 47.
std::vector<Sentence> split_sentences(std::string_view text, std::string_view language);
// Every block, in order, in the article's language; a heading block is one sentence.
std::vector<Sentence> split_sentences(const Article& article);

struct Word {
  std::size_t start = 0, end = 0;  // byte offsets into the text given
  std::string form;                // analysis form (see analysis_form)
  bool number = false;             // a run of digits (any script), possibly with separators
};

// ICU's word BreakIterator; only words with letters or digits are returned ("1,000",
// "2.5" and "كشـ24" are one word each). Words glued by a missing space after a full stop
// ("المنظمة.وفي") are two words, as split_sentences makes them two sentences.
std::vector<Word> split_words(std::string_view text, std::string_view language);

// The form used for matching and counting, in NFC. Arabic script: harakat U+064B–U+0652,
// U+0670 and tatweel U+0640 removed, آ أ إ ٱ -> ا, ى -> ي, ة -> ه (for fa/ur/ps: ي ى -> ی
// and ك -> ک instead). Hebrew: points and cantillation removed. Cased scripts: case
// folded ("Été" -> "été"). Digits of every script become ASCII ("٢٠٢٥" -> "2025").
std::string analysis_form(std::string_view word, std::string_view language);

// Stopword test on an analysis form (ar, fr, en lists from stopwords-iso, see
// core/src/stopwords/README.md; other languages: none). "ar-MA" uses the ar list.
bool is_stopword(std::string_view form, std::string_view language);

// Snowball stem (ar, fr, en; the word itself for other languages and for words longer than
// 256 bytes, which keeps stemming linear in the text). Takes the word as
// written or its analysis form. For Arabic the written word stems better: Snowball reads
// ة, ى and the hamza after a "و"/"ف" prefix, which the analysis form folds away
// (written: "المنظمة" -> "منظم", "وأشار" -> "اشار"; analysis form: "المنظمه" -> "منظمه",
// "واشار" -> "واشار"). Compare only stems made from the same kind of input.
std::string stem(std::string_view word, std::string_view language);

}  // namespace khabar
