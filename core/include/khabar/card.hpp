#pragma once
// The Card: everything a story card shows, already chosen and formatted. It is the
// contract between the core and every renderer; its JSON form (render.hpp) is
// what the npm package's analyze() returns, versioned by `card_version`. The analysers'
// result types (Summary, Figure, Quote, ReadingTime) are in analysis.hpp, CardDate in format.hpp.
#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "khabar/analysis.hpp"
#include "khabar/article.hpp"
#include "khabar/clean.hpp"
#include "khabar/error.hpp"
#include "khabar/format.hpp"
#include "khabar/read.hpp"

namespace khabar {

inline constexpr int card_version = 1;

// UI strings in the reader's locale (from the message catalog).
struct Labels {
  std::string read_more;
  std::string by;      // the byline: "بقلم أ و ب" / "By A and B"; empty when no authors
  std::string source;  // "المصدر: كشـ24"
  bool operator==(const Labels&) const = default;
};

struct Card {
  int version = card_version;
  std::string locale;              // the locale the card was formatted for
  std::string lang;                // the article's language
  Direction dir = Direction::ltr;  // the article's direction
  std::string ui_lang;             // the language of the labels (from locale)
  Direction ui_dir = Direction::ltr;

  std::string id;
  std::string url;  // http/https only; empty otherwise
  std::string title;
  std::string subtitle;
  std::string source;
  std::string credit;
  std::vector<std::string> authors;
  std::optional<CardDate> published;
  std::optional<CardDate> updated;
  std::optional<Image> image;  // url http/https only
  std::string section;
  std::vector<std::string> tags;

  ReadingTime reading_time;
  Summary summary;
  std::vector<Figure> figures;
  std::vector<Quote> quotes;
  std::vector<std::string> keywords;
  Labels labels;

  Warnings warnings;  // from reading, cleaning and formatting
  bool operator==(const Card&) const = default;
};

struct CardOptions {
  std::string locale;            // BCP 47; empty: the article's language
  std::optional<Timestamp> now;  // for relative time; none: no relative time
  std::string time_zone;         // IANA; empty: the timestamp's own offset, else UTC
  std::size_t summary_max_chars = 280;
  std::size_t summary_max_sentences = 3;
  bool strict = false;  // a bad locale is an error instead of a warning
};

Card make_card(const CleanedArticle& article, const CardOptions& options = {});

// A Card read back from its JSON form (render_json): render_json(card_from_json(j)) == j for
// every JSON render_json wrote. For a renderer given the Card a server already has (the picture:
// no second analysis). An absent or null field keeps its default. Throws parse.invalid_json,
// parse.invalid_field (a field of the wrong type, named), parse.unsupported_version (another
// khabar_card), input.empty, input.too_large and input.too_deep (limits.max_bytes, max_depth).
Card card_from_json(std::string_view json, const Limits& limits = {});

}  // namespace khabar
