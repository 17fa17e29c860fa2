#pragma once
// The renderers: the one place card markup is produced (server and browser alike), one file
// an output in core/src/render/: html.cpp, json.cpp (with render_inspection), text.cpp.
#include <string>

#include "khabar/card.hpp"
#include "khabar/clean.hpp"

namespace khabar {

struct HtmlOptions {
  int heading_level = 2;  // 1..6: the title's <hN>
};

std::string render_html(const Card& card, const HtmlOptions& options = {});
std::string render_json(const Card& card, int indent = 2);  // the Card's JSON form
std::string render_text(const Card& card);                  // plain text, bidi-isolated

// For `khabar inspect`: the article as read, the cleaned one and every fix.
std::string render_inspection(const CleanedArticle& article, int indent = 2);
// The same, and the card's summary: its text, its sentences with their scores, and its
// warnings (summary.lead_shown: the card shows the lead because the scorer was not confident).
std::string render_inspection(const CleanedArticle& article, const Card& card, int indent = 2);

}  // namespace khabar
