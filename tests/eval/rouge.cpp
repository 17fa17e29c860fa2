#include "rouge.hpp"

#include <unicode/uchar.h>
#include <unicode/utf8.h>

#include <algorithm>
#include <unordered_map>

namespace khabar::eval {

namespace {

// -1: dropped. Only what the README lists.
UChar32 normalise(UChar32 c) {
  if ((c >= 0x064B && c <= 0x0652) || c == 0x0670 || c == 0x0640) return -1;
  if (c == 0x0622 || c == 0x0623 || c == 0x0625 || c == 0x0671) return 0x0627;
  return u_tolower(c);
}

std::unordered_map<std::string, std::size_t> ngram_counts(const std::vector<std::string>& tokens, int n) {
  std::unordered_map<std::string, std::size_t> counts;
  auto size = static_cast<std::size_t>(n);
  for (std::size_t i = 0; i + size <= tokens.size(); ++i) {
    std::string key = tokens[i];
    for (std::size_t j = 1; j < size; ++j) key += '\x1f' + tokens[i + j];
    ++counts[key];
  }
  return counts;
}

double f1(std::size_t hits, std::size_t candidate, std::size_t reference) {
  if (hits == 0 || candidate == 0 || reference == 0) return 0;
  double p = static_cast<double>(hits) / static_cast<double>(candidate);
  double r = static_cast<double>(hits) / static_cast<double>(reference);
  return 2 * p * r / (p + r);
}

}  // namespace

std::vector<std::string> rouge_tokens(std::string_view text) {
  std::vector<std::string> tokens;
  std::string current;
  for (std::size_t i = 0; i < text.size();) {
    UChar32 c;
    U8_NEXT(text.data(), i, text.size(), c);
    c = c < 0 ? 0xFFFD : normalise(c);
    if (c < 0) continue;
    bool in_word = u_isalpha(c) || u_isdigit(c) || (!current.empty() && u_charType(c) == U_NON_SPACING_MARK);
    if (in_word) {
      char buf[4];
      std::size_t len = 0;
      U8_APPEND_UNSAFE(buf, len, c);
      current.append(buf, len);
    } else if (!current.empty()) {
      tokens.push_back(std::move(current));
      current.clear();
    }
  }
  if (!current.empty()) tokens.push_back(std::move(current));
  return tokens;
}

double rouge_n_f1(const std::vector<std::string>& candidate, const std::vector<std::string>& reference,
                  int n) {
  auto c = ngram_counts(candidate, n), r = ngram_counts(reference, n);
  std::size_t hits = 0, c_total = 0, r_total = 0;
  for (const auto& [gram, count] : c) {
    c_total += count;
    if (auto it = r.find(gram); it != r.end()) hits += std::min(count, it->second);
  }
  for (const auto& [gram, count] : r) r_total += count;
  return f1(hits, c_total, r_total);
}

double rouge_l_f1(const std::vector<std::string>& candidate, const std::vector<std::string>& reference) {
  // Two rows of the LCS table.
  std::vector<std::size_t> prev(reference.size() + 1, 0), row(reference.size() + 1, 0);
  for (const auto& token : candidate) {
    for (std::size_t j = 1; j <= reference.size(); ++j)
      row[j] = token == reference[j - 1] ? prev[j - 1] + 1 : std::max(prev[j], row[j - 1]);
    std::swap(prev, row);
  }
  return f1(prev[reference.size()], candidate.size(), reference.size());
}

RougeScores rouge(std::string_view candidate, std::span<const std::string> references) {
  RougeScores mean;
  if (references.empty()) return mean;
  auto c = rouge_tokens(candidate);
  for (const auto& reference : references) {
    auto r = rouge_tokens(reference);
    mean.r1 += rouge_n_f1(c, r, 1);
    mean.r2 += rouge_n_f1(c, r, 2);
    mean.rl += rouge_l_f1(c, r);
  }
  double n = static_cast<double>(references.size());
  mean.r1 /= n, mean.r2 /= n, mean.rl /= n;
  return mean;
}

}  // namespace khabar::eval
