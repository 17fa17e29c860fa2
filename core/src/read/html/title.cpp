#include "read/html/title.hpp"

#include <unicode/normalizer2.h>
#include <unicode/uchar.h>

#include "text/chars.hpp"
#include "text/utf8.hpp"

namespace khabar::detail::html {
namespace {

struct Segment {
  std::size_t begin, end;  // the segment's bytes, trimmed
};

// Separators between a title's parts: " | ", " - ", " – ", " — ", ": ", " · ", " » ", and
// the tight forms Korean and other sites write ("-정치ㅣ한국일보", "|DW|").
bool separator_at(std::string_view s, std::size_t i, std::size_t& length) {
  // Every separator starts with one of these bytes: most of a title is passed over at once.
  switch (static_cast<unsigned char>(s[i])) {
    case '|':
    case '-':
    case ':':
    case 0xC2:
    case 0xE2:
    case 0xE3: break;
    default: return false;
  }
  static constexpr std::string_view always[] = {"|", "\xE3\x85\xA3" /* ㅣ */, "\xC2\xBB" /* » */,
                                                "\xC2\xB7" /* · */, "\xE2\x80\xA2" /* • */};
  for (auto sep : always)
    if (s.compare(i, sep.size(), sep) == 0) return length = sep.size(), true;
  // Dashes and the colon cut a title only beside a space: "Jean-Luc", "10:30" stay whole.
  static constexpr std::string_view spaced[] = {"-", "\xE2\x80\x93" /* – */, "\xE2\x80\x94" /* — */, ":"};
  for (auto sep : spaced) {
    if (s.compare(i, sep.size(), sep) != 0) continue;
    bool before = i > 0 && s[i - 1] == ' ';
    bool after = i + sep.size() < s.size() && s[i + sep.size()] == ' ';
    if (sep == ":" ? after : (before || after)) return length = sep.size(), true;
  }
  return false;
}

std::vector<Segment> segments_of(std::string_view s) {
  std::vector<Segment> out;
  std::size_t start = 0;
  auto push = [&](std::size_t from, std::size_t to) {
    while (from < to && s[from] == ' ') ++from;
    while (to > from && s[to - 1] == ' ') --to;
    out.push_back({from, to});
  };
  for (std::size_t i = 0; i < s.size();) {
    std::size_t length = 0;
    if (separator_at(s, i, length)) {
      push(start, i);
      i += length;
      start = i;
    } else {
      ++i;
    }
  }
  push(start, s.size());
  return out;
}

// Only digits, spaces and date punctuation: "28.04.2023", "2024/05/13 10:30".
bool date_like(std::string_view s) {
  bool digit = false;
  for (std::size_t i = 0; i < s.size();) {
    char32_t c = next_code_point(s, i);
    if (u_isdigit(static_cast<UChar32>(c)))
      digit = true;
    else if (c != ' ' && c != '.' && c != '/' && c != '-' && c != ':' && c != ',')
      return false;
  }
  return digit;
}

bool listed(const std::string& folded, const std::vector<std::string>& names) {
  if (folded.empty()) return false;
  for (const auto& n : names)
    if (n == folded) return true;
  return false;
}

}  // namespace

std::string fold_name(std::string_view s) {
  UErrorCode status = U_ZERO_ERROR;
  const icu::Normalizer2* nfd = icu::Normalizer2::getNFDInstance(status);
  icu::UnicodeString text =
      icu::UnicodeString::fromUTF8(icu::StringPiece(s.data(), static_cast<int32_t>(s.size())));
  if (nfd && U_SUCCESS(status)) text = nfd->normalize(text, status);
  std::string out;
  for (int32_t i = 0; i < text.length();) {
    UChar32 c = text.char32At(i);
    i += U16_LENGTH(c);
    if (u_isalnum(c)) append_utf8(out, static_cast<char32_t>(u_foldCase(c, U_FOLD_CASE_DEFAULT)));
  }
  return out;
}

std::vector<std::string> site_names(const std::vector<std::string>& names, std::string_view url) {
  std::vector<std::string> out;
  auto add = [&](std::string_view name) {
    std::string f = fold_name(name);
    if (!f.empty() && !listed(f, out)) out.push_back(std::move(f));
  };
  for (const auto& name : names) {
    add(name);
    auto parts = segments_of(name);
    if (parts.size() > 1) add(std::string_view(name).substr(parts[0].begin, parts[0].end - parts[0].begin));
  }
  // The host: "https://www.golem.de/news/..." -> "golem.de" and "golem".
  std::size_t scheme = url.find("://");
  if (scheme != std::string_view::npos) {
    std::string_view host = url.substr(scheme + 3);
    host = host.substr(0, host.find_first_of("/?#:"));
    if (host.substr(0, 4) == "www.") host.remove_prefix(4);
    // "zpravy.aktualne.cz": the name is the label before the top-level domain.
    if (std::size_t tld = host.rfind('.'); tld != std::string_view::npos && tld > 0) {
      std::size_t label = host.rfind('.', tld - 1);
      std::string_view domain = label == std::string_view::npos ? host : host.substr(label + 1);
      std::string_view name = domain.substr(0, domain.find('.'));
      add(host);
      if (domain.size() > 5) add(domain);
      if (name.size() > 2) add(name);
    }
  }
  return out;
}

std::vector<std::string> repeated_ends(const std::vector<std::string>& titles) {
  // Each title's two ends, folded, with the end's length in bytes.
  struct Ends {
    std::string front, back;
    std::size_t front_size, back_size;
  };
  std::vector<Ends> ends;
  for (const auto& t : titles) {
    std::string s = collapse_space(t);
    auto parts = segments_of(s);
    if (parts.size() < 2) continue;
    auto part = [&](const Segment& g) { return std::string_view(s).substr(g.begin, g.end - g.begin); };
    ends.push_back({fold_name(part(parts.front())), fold_name(part(parts.back())),
                    parts.front().end - parts.front().begin, parts.back().end - parts.back().begin});
  }
  // An end two titles share while their fronts differ is the site's ("X | Site" and
  // "Y | Site"), when it is short as names are (a shared front is a headline's kicker as often
  // as a name: "BREAKING NEWS: X", "Minecraft 1.8 - X").
  std::vector<std::string> out;
  for (std::size_t i = 0; i < ends.size(); ++i)
    for (std::size_t j = i + 1; j < ends.size(); ++j) {
      const Ends &a = ends[i], &b = ends[j];
      if (!a.back.empty() && a.back == b.back && a.front != b.front && !listed(a.back, out))
        out.push_back(a.back);
    }
  return out;
}

namespace {

// The site's name in brackets at either end, where no separator stands: "Chapter 3 [Harbour
// Archive]", "(Harbour Times) Bridge approved", "Bridge approved [harbour-news.example]".
// Brackets that hold anything else stay: "Bridge approved (video)", "Budget [updated]".
std::string_view strip_bracketed_site(std::string_view s, const std::vector<std::string>& sites) {
  static constexpr std::pair<char, char> pairs[] = {{'[', ']'}, {'(', ')'}};
  for (auto [open, close] : pairs) {
    if (s.size() > 2 && s.back() == close) {
      std::size_t at = s.rfind(open);
      if (at != std::string_view::npos && at > 0 &&
          listed(fold_name(s.substr(at + 1, s.size() - at - 2)), sites))
        if (std::string_view rest = trim(s.substr(0, at)); !rest.empty()) return rest;
    }
    if (s.size() > 2 && s.front() == open) {
      std::size_t at = s.find(close);
      if (at != std::string_view::npos && at + 1 < s.size() && listed(fold_name(s.substr(1, at - 1)), sites))
        if (std::string_view rest = trim(s.substr(at + 1)); !rest.empty()) return rest;
    }
  }
  return s;
}

}  // namespace

std::string strip_site_name(std::string_view title_raw, const std::vector<std::string>& sites,
                            std::string_view section) {
  std::string collapsed = collapse_space(title_raw);
  if (sites.empty()) return collapsed;
  std::string title(strip_bracketed_site(collapsed, sites));
  std::string_view s = title;
  auto parts = segments_of(s);
  if (parts.size() < 2) return title;
  auto text = [&](const Segment& g) { return s.substr(g.begin, g.end - g.begin); };
  auto is_site = [&](const Segment& g) { return listed(fold_name(text(g)), sites); };
  std::string folded_section = fold_name(section);
  std::size_t first = 0, last = parts.size();  // the kept segments: [first, last)
  // From the end: a date after the name ("| DW | 28.04.2023"), the name, then a section before it.
  std::size_t at = last - 1;
  while (at > first && date_like(text(parts[at]))) --at;
  if (at > first && is_site(parts[at])) {
    last = at;
    if (last > first + 1 && !folded_section.empty() && fold_name(text(parts[last - 1])) == folded_section)
      --last;
  }
  // From the start: the name, then a section after it.
  if (last - first > 1 && is_site(parts[first])) {
    ++first;
    if (last - first > 1 && !folded_section.empty() && fold_name(text(parts[first])) == folded_section)
      ++first;
  }
  if (first == 0 && last == parts.size()) return title;
  std::string out(s.substr(parts[first].begin, parts[last - 1].end - parts[first].begin));
  return out.empty() ? title : out;
}

bool is_site_name(std::string_view text, const std::vector<std::string>& sites) {
  return listed(fold_name(text), sites);
}

}  // namespace khabar::detail::html
