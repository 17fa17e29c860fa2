#pragma once
// ROUGE F1 as the EASC README defines it: tokens are runs of letters and digits after
// removing harakat (U+064B–U+0652, U+0670) and tatweel and mapping آ أ إ ٱ to ا (and
// nothing else: ى and ة stay, unlike khabar::analysis_form); no stemming; n-gram counts
// clipped; ROUGE-L is the F1 of the longest common subsequence of the two token lists.
#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace khabar::eval {

// A combining mark right after a letter stays in its token (it belongs to the letter);
// Latin letters are lower-cased, as the original ROUGE script does.
std::vector<std::string> rouge_tokens(std::string_view text);

double rouge_n_f1(const std::vector<std::string>& candidate, const std::vector<std::string>& reference,
                  int n);
double rouge_l_f1(const std::vector<std::string>& candidate, const std::vector<std::string>& reference);

struct RougeScores {
  double r1 = 0, r2 = 0, rl = 0;  // F1 in [0, 1]
};

// Each score averaged over the references.
RougeScores rouge(std::string_view candidate, std::span<const std::string> references);

}  // namespace khabar::eval
