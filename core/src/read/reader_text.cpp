// Plain text in the form news sites are scraped into: a title line, an optional
// "date | source" line, then one paragraph per line.
#include <array>

#include "read/readers.hpp"
#include "text/chars.hpp"
#include "text/utf8.hpp"

namespace khabar::detail {
namespace {

std::vector<std::string_view> split(std::string_view s, std::string_view sep) {
  std::vector<std::string_view> parts;
  for (std::size_t start = 0;;) {
    std::size_t at = s.find(sep, start);
    parts.push_back(trim(s.substr(start, at - start)));
    if (at == std::string_view::npos) break;
    start = at + sep.size();
  }
  return parts;
}

// A date anywhere in a metadata part: the part itself, or one of its words.
std::optional<Timestamp> find_date(std::string_view part) {
  if (auto t = parse_timestamp(part)) return t;
  for (auto word : split(part, " "))
    if (auto t = parse_timestamp(word)) return t;
  return std::nullopt;
}

// Words that introduce the source in bylines, longest first within a language.
constexpr std::array<std::string_view, 12> source_prefixes{
    "من طرف", "بواسطة", "بقلم", "المصدر:", "المصدر", "كتبه", "Source:", "Source :", "By", "by", "Par", "par"};

void read_source(std::string_view part, Article& a) {
  for (auto prefix : source_prefixes) {
    if (part.substr(0, prefix.size()) == prefix &&
        (part.size() == prefix.size() || part[prefix.size()] == ' ' || prefix.back() == ':')) {
      part = trim(part.substr(prefix.size()));
      break;
    }
  }
  // "كشـ24 - وكالات": the publisher, then who supplied the story.
  for (std::string_view dash : {" - ", " – ", " — ", " / "}) {
    if (std::size_t at = part.find(dash); at != std::string_view::npos) {
      a.source = std::string(trim(part.substr(0, at)));
      a.credit = std::string(trim(part.substr(at + dash.size())));
      return;
    }
  }
  a.source = std::string(part);
}

// "حرر بتاريخ | 11/21/2025 | من طرف كشـ24 - وكالات": true when the line was one.
bool read_metadata_line(std::string_view line, Article& a) {
  if (line.find('|') == std::string_view::npos) return false;
  auto parts = split(line, "|");
  std::optional<std::size_t> date_part;
  for (std::size_t i = 0; i < parts.size() && !date_part; ++i)
    if (auto t = find_date(parts[i])) a.published = t, date_part = i;
  if (!date_part) return false;
  // The source is the last part after the date that is not empty.
  for (std::size_t i = parts.size(); i-- > *date_part + 1;) {
    if (!parts[i].empty()) {
      read_source(parts[i], a);
      break;
    }
  }
  return true;
}

bool ends_like_sentence(std::string_view line) {
  static constexpr std::array<std::string_view, 12> ends{".",  "!", "?", "؟", "…", ":",
                                                         "\"", "”", "»", ")", "؛", "،"};
  line = trim(line);
  for (auto e : ends)
    if (line.size() >= e.size() && line.substr(line.size() - e.size()) == e) return true;
  return false;
}

std::size_t word_count(std::string_view line) {
  std::size_t n = 0;
  for (auto w : split(trim(line), " ")) n += !w.empty();
  return n;
}

}  // namespace

Article read_text(std::string_view text, const Limits& limits) {
  auto lines = split_lines(text);
  for (const auto& line : lines)
    if (line.size() > limits.max_line_bytes)
      throw Error(codes::line_too_long, "a line is " + std::to_string(line.size()) + " bytes; the limit is " +
                                            std::to_string(limits.max_line_bytes));
  Article a;
  if (lines.empty()) throw Error(codes::no_article, "the text has no lines");
  a.title = lines[0];
  std::size_t first = 1;
  if (lines.size() > 1 && read_metadata_line(lines[1], a)) first = 2;
  for (std::size_t i = first; i < lines.size(); ++i) {
    // A short line without a sentence end, followed by more text, is a sub-heading.
    bool heading = i + 1 < lines.size() && word_count(lines[i]) <= 10 && !ends_like_sentence(lines[i]);
    a.body.push_back({heading ? Block::Kind::heading : Block::Kind::paragraph, lines[i]});
  }
  return a;
}

}  // namespace khabar::detail
