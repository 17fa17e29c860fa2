#pragma once
// The analysed article: every text of a cleaned article split into sentences and words once,
// with each word's analysis form, and the results the analysers draw from it. The summarizer,
// figures, quotes, keywords and reading time all read one Analysis, so they see the same
// words and the article is segmented once per card.
#include <cstddef>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "khabar/analyse.hpp"
#include "khabar/article.hpp"

namespace khabar {

// One text of the article (the title, the subtitle or a body block) with its segmentation.
// Offsets in `words` and `sentences` are UTF-8 byte offsets into `text`.
struct AnalysedText {
  std::string_view text;    // the article's own bytes
  bool heading = false;     // a sub-heading block
  std::vector<Word> words;  // split_words
  std::vector<Sentence>
      sentences;  // split_sentences; Sentence::block is the body index (0 for title, subtitle)

  // The words that lie inside text[from, to): the index range [first, last).
  std::pair<std::size_t, std::size_t> words_in(std::size_t from, std::size_t to) const;
};

class Analysis {
 public:
  // Segments the cleaned article's title, subtitle and every body block. The Analysis refers
  // to the article's text: the article must outlive it.
  explicit Analysis(const Article& cleaned);
  ~Analysis();
  Analysis(Analysis&&) noexcept;
  Analysis(const Analysis&) = delete;
  Analysis& operator=(const Analysis&) = delete;
  Analysis& operator=(Analysis&&) = delete;

  const Article& article() const { return *article_; }
  const std::string& language() const { return article_->language; }
  const AnalysedText& title() const { return title_; }
  const AnalysedText& subtitle() const { return subtitle_; }
  const std::vector<AnalysedText>& blocks() const { return blocks_; }

  // Words of the title, subtitle and body.
  std::size_t word_count() const;

  // khabar::stem of an analysis form in the article's language, computed once per form.
  const std::string& stem(const std::string& form) const;

 private:
  const Article* article_;
  AnalysedText title_, subtitle_;
  std::vector<AnalysedText> blocks_;
  struct StemCache;
  std::unique_ptr<StemCache> stems_;
};

struct ReadingTime {
  std::size_t words = 0;  // ICU word breaks
  int minutes = 0;        // rounded up, never 0 for a non-empty article
  std::string display;    // "3 دقائق" (set by the formatter)
  bool operator==(const ReadingTime&) const = default;
};

struct SummarySentence {
  std::string text;
  std::size_t block = 0;  // index into the cleaned article's body
  std::size_t start = 0;  // UTF-8 byte offsets into that block's text
  std::size_t end = 0;
  double score = 0;
  bool operator==(const SummarySentence&) const = default;
};

struct Summary {
  std::string text;  // what the card shows: at most max_chars, cut at a sentence end or word with "…"
  std::vector<SummarySentence> sentences;  // in document order
  bool operator==(const Summary&) const = default;
};

struct Figure {
  std::string text;     // in the article's words: "196 دولة", "أكثر من 140 دولة"
  double value = 0;     // 196
  std::string display;  // with the locale's digits: "١٩٦ دولة" (set by the formatter)
  bool operator==(const Figure&) const = default;
};

struct Quote {
  std::string text;     // without the quotation marks
  std::string speaker;  // empty when the sentence names none
  bool operator==(const Quote&) const = default;
};

}  // namespace khabar
