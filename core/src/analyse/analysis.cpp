// The one segmentation pass of a card: each text split into words and sentences once.
#include "khabar/analysis.hpp"

#include <algorithm>
#include <unordered_map>

namespace khabar {

struct Analysis::StemCache {
  std::unordered_map<std::string, std::string> by_form;
};

namespace {

AnalysedText analysed(std::string_view text, std::string_view language, std::size_t block, bool heading) {
  AnalysedText t;
  t.text = text;
  t.heading = heading;
  t.words = split_words(text, language);
  t.sentences = split_sentences(text, language);
  for (Sentence& s : t.sentences) s.block = block;
  return t;
}

}  // namespace

std::pair<std::size_t, std::size_t> AnalysedText::words_in(std::size_t from, std::size_t to) const {
  auto first = std::lower_bound(words.begin(), words.end(), from,
                                [](const Word& w, std::size_t at) { return w.start < at; });
  auto last = first;
  while (last != words.end() && last->end <= to) ++last;
  return {static_cast<std::size_t>(first - words.begin()), static_cast<std::size_t>(last - words.begin())};
}

Analysis::Analysis(const Article& cleaned) : article_(&cleaned), stems_(std::make_unique<StemCache>()) {
  title_ = analysed(cleaned.title, cleaned.language, 0, false);
  subtitle_ = analysed(cleaned.subtitle, cleaned.language, 0, false);
  blocks_.reserve(cleaned.body.size());
  for (std::size_t i = 0; i < cleaned.body.size(); ++i)
    blocks_.push_back(
        analysed(cleaned.body[i].text, cleaned.language, i, cleaned.body[i].kind == Block::Kind::heading));
}

Analysis::~Analysis() = default;
Analysis::Analysis(Analysis&&) noexcept = default;

std::size_t Analysis::word_count() const {
  std::size_t n = title_.words.size() + subtitle_.words.size();
  for (const AnalysedText& b : blocks_) n += b.words.size();
  return n;
}

const std::string& Analysis::stem(const std::string& form) const {
  auto [it, inserted] = stems_->by_form.try_emplace(form);
  if (inserted) it->second = khabar::stem(form, article_->language);
  return it->second;
}

}  // namespace khabar
