#include "analyse/summary_features.hpp"

#include <algorithm>

#include "analyse/portable_math.hpp"
#include "analyse/summary_openers.hpp"
#include "khabar/summarize.hpp"

namespace khabar::detail {

namespace {

bool has_quotation_mark(std::string_view text) {
  for (std::string_view mark : {"\"", "\u00AB", "\u00BB", "\u201C", "\u201D", "\u201E"})
    if (text.find(mark) != std::string_view::npos) return true;
  return false;
}

// Each value divided by the largest, so one article's scale does not weigh on another's.
void scale_to_max(std::vector<SummaryCandidate>& cs, Feature f) {
  double top = 0;
  for (const auto& c : cs) top = std::max(top, c.features[f]);
  if (top > 0)
    for (auto& c : cs) c.features[f] /= top;
}

}  // namespace

std::vector<SummaryCandidate> summary_candidates(const Analysis& a) {
  TermIndex index(a);
  std::vector<SummaryCandidate> out;
  std::vector<std::vector<TermId>> bags;
  std::vector<std::size_t> numbers, paragraph, in_paragraph;
  std::size_t paragraphs = 0;
  for (const AnalysedText& block : a.blocks()) {
    if (block.heading) continue;
    std::size_t here = 0;
    for (const Sentence& s : block.sentences) {
      auto [first, last] = block.words_in(s.start, s.end);
      auto terms = index.terms(block.words.data() + first, block.words.data() + last);
      if (terms.words == 0) continue;  // punctuation only
      SummaryCandidate c;
      c.where = s;
      c.text = block.text.substr(s.start, s.end - s.start);
      c.words = terms.words;
      c.numbers = terms.numbers;
      c.chars = count_characters(c.text);
      c.dangling =
          !out.empty() && opens_dangling(block.words.data() + first, block.words.data() + last, a.language());
      out.push_back(std::move(c));
      bags.push_back(std::move(terms.ids));
      numbers.push_back(terms.numbers);
      paragraph.push_back(paragraphs);
      in_paragraph.push_back(here++);
    }
    if (here > 0) ++paragraphs;
  }
  if (out.empty()) return out;

  std::vector<double> idf = inverse_frequencies(bags, index.size());
  std::vector<TermId> all, title = index.terms(a.title().words).ids;
  auto subtitle = index.terms(a.subtitle().words).ids;
  title.insert(title.end(), subtitle.begin(), subtitle.end());
  for (std::size_t i = 0; i < out.size(); ++i) {
    out[i].vector = tfidf(bags[i], idf);
    all.insert(all.end(), bags[i].begin(), bags[i].end());
  }
  TermVector centroid = tfidf(all, idf), heading = tfidf(title, idf);
  std::vector<double> share(index.size(), 0.0);
  for (TermId t : all) share[t] += 1.0 / static_cast<double>(all.size());

  double mean_words = 0;
  for (const auto& c : out) mean_words += static_cast<double>(c.words);
  mean_words /= static_cast<double>(out.size());
  double last = static_cast<double>(std::max<std::size_t>(out.size(), 2) - 1);
  for (std::size_t i = 0; i < out.size(); ++i) {
    Features& f = out[i].features;
    double position = static_cast<double>(i), words = static_cast<double>(out[i].words);
    f[bias] = 1;
    f[first_sentence] = i == 0;
    f[position_inverse] = 1 / (1 + position);
    f[position_relative] = position / last;
    f[paragraph_first] = in_paragraph[i] == 0;
    f[paragraph_inverse] = 1 / (1 + static_cast<double>(paragraph[i]));
    f[centrality] = cosine(out[i].vector, centroid);
    f[lead_similarity] = i == 0 ? 0 : cosine(out[i].vector, out[0].vector);
    f[title_overlap] = cosine(out[i].vector, heading);
    f[number_share] = static_cast<double>(numbers[i]) / words;
    f[has_number] = numbers[i] > 0;
    f[has_quote] = has_quotation_mark(out[i].text);
    f[log_words] = portable_log(1 + words);
    f[short_sentence] = out[i].words < 8;
    f[long_sentence] = out[i].words > 50;
    f[relative_length] = words / mean_words;
    f[first_paragraph] = paragraph[i] == 0;
    f[in_paragraph_inverse] = 1 / (1 + static_cast<double>(in_paragraph[i]));
    f[dangling_opener] = out[i].dangling;
    f[content_share] = static_cast<double>(bags[i].size()) / words;
    double probability = 0;
    for (TermId t : bags[i]) probability += share[t];
    f[word_probability] = bags[i].empty() ? 0 : probability / static_cast<double>(bags[i].size());
  }
  scale_to_max(out, centrality);
  scale_to_max(out, title_overlap);
  scale_to_max(out, word_probability);
  std::vector<std::size_t> paragraph_size(paragraphs, 0);
  for (std::size_t p : paragraph) ++paragraph_size[p];
  std::vector<TermId> subject(bags[0].begin(), bags[0].begin() + std::min<std::size_t>(2, bags[0].size()));
  for (std::size_t i = 0; i < out.size(); ++i) {
    Features& f = out[i].features;
    if (i > 0) {
      f[prev_centrality] = out[i - 1].features[centrality];
      f[prev_lead_similarity] = i == 1 ? 1 : out[i - 1].features[lead_similarity];
    }
    f[paragraph_last] = i + 1 == out.size() || paragraph[i + 1] != paragraph[i];
    f[paragraph_size_inverse] = 1 / static_cast<double>(paragraph_size[paragraph[i]]);
    std::size_t held = 0;
    for (TermId t : subject) held += std::find(bags[i].begin(), bags[i].end(), t) != bags[i].end();
    f[subject_term] =
        !subject.empty() && std::find(bags[i].begin(), bags[i].end(), subject[0]) != bags[i].end();
    f[subject_terms] = subject.empty() ? 0 : static_cast<double>(held) / static_cast<double>(subject.size());
  }
  return out;
}

}  // namespace khabar::detail
