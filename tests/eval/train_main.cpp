// khabar_train: the summarizer's model from the EASC dev split, written as a C++ header.
//   khabar_train EASC.jsonl core/src/analyse/summary_model.hpp
// Not shipped; the header it writes is. Re-run it when the features change (make train-summary),
// then scripts/update-golden.sh, since the cards' summaries change with it.
// KHABAR_TRAIN_TRACE=1 prints the cross-validated objective of every setting tried;
// KHABAR_TRAIN_FREE_OPENING=1 lets a summary open with any sentence (the rule's ablation);
// KHABAR_TRAIN_MASK=name,... trains and scores without those features;
// KHABAR_TRAIN_DUMP=FILE writes each sentence's features and label as CSV (for a look; never commit it).
#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <iostream>

#include "train.hpp"

int main(int argc, char** argv) {
  if (argc != 3) {
    std::cerr << "usage: khabar_train EASC.jsonl OUT.hpp\n";
    return 2;
  }
  try {
    auto items = khabar::eval::read_easc(argv[1]);
    std::vector<khabar::eval::Prepared> docs;
    for (const auto& item : items) docs.push_back(khabar::eval::prepare(item, 5));
    std::vector<const khabar::eval::Prepared*> all;
    for (const auto& d : docs) all.push_back(&d);
    if (const char* path = std::getenv("KHABAR_TRAIN_DUMP")) {  // features and labels, for a look
      std::ofstream dump(path);
      for (const auto& d : docs)
        for (std::size_t i = 0; i < d.candidates.size(); ++i) {
          dump << d.item->topic << ',' << d.fold << ',' << i << ',' << d.candidate_tokens[i].size() << ','
               << d.labels[i];
          for (double x : d.candidates[i].features) dump << ',' << x;
          dump << '\n';
        }
    }
    auto trained = khabar::eval::train(all);
    std::ofstream out(argv[2], std::ios::binary);
    if (!out) throw std::runtime_error(std::string("cannot write ") + argv[2]);
    char line[400];
    out << "#pragma once\n"
           "// Written by tests/eval's khabar_train from the EASC dev split; do not edit by hand. Weights\n"
           "// over summary_features.hpp that rank an article's sentences as readers kept them (a softmax\n"
           "// over its sentences, L2 "
        << trained.l2
        << " / 100), then calibrated to the labels: a sentence's label is the share\n"
           "// of its bigrams found in each of the five references, averaged. L2, redundancy, the min_gains\n"
           "// and the lead_weights chosen by 5-fold cross-validation by topic. title_overlap is 0: EASC\n"
           "// articles have no titles, so nothing could be learned.\n"
           "#include \"analyse/summary_rank.hpp\"\n\n"
           "namespace khabar::detail {\n\n"
           "inline constexpr SummaryModel trained_summary_model{\n    {\n";
    for (std::size_t f = 0; f < khabar::detail::feature_count; ++f) {
      std::snprintf(line, sizeof line, "        %.17g,  // %s\n", trained.model.weights[f],
                    std::string(khabar::detail::feature_names[f]).c_str());
      out << line;
    }
    std::snprintf(
        line, sizeof line,
        "    },\n    %.17g,  // redundancy\n    %.17g,  // min_gain\n    %.17g,  // lead_weight\n"
        "    %.17g,  // card_min_gain\n    %.17g,  // card_lead_weight\n    %s,  // opens_with_first\n};\n",
        trained.model.redundancy, trained.model.min_gain, trained.model.lead_weight,
        trained.model.card_min_gain, trained.model.card_lead_weight,
        trained.model.opens_with_first ? "true" : "false");
    out << line << "\n}  // namespace khabar::detail\n";
    std::printf(
        "khabar_train: %zu articles; l2 %g, redundancy %.2f, min_gain %.2f, lead_weight %.2f, card_min_gain %.2f, "
        "card_lead_weight %.2f (cross-validated objective %+.2f R-1)\n",
        docs.size(), trained.l2, trained.model.redundancy, trained.model.min_gain, trained.model.lead_weight,
        trained.model.card_min_gain, trained.model.card_lead_weight, 100 * trained.objective);
    for (std::size_t f = 0; f < khabar::detail::feature_count; ++f)
      std::printf("  %-18s %+8.3f\n", std::string(khabar::detail::feature_names[f]).c_str(),
                  trained.model.weights[f]);
    return 0;
  } catch (const std::exception& e) {
    std::cerr << "khabar_train: " << e.what() << "\n";
    return 1;
  }
}
