// The HTML reader measured on real pages (make eval-pages; the data stay in ../shared/eval/pages).
//   khabar_pages benchmark PAGES_DIR OUTPUT_JSON   the article-extraction benchmark: every
//       PAGES_DIR/<id>.html read, {"version", "output": {"<id>": {"articleBody"}}} written for its
//       own scorer (evaluate.py), pages a second printed
//   khabar_pages readability TEST_PAGES_DIR [GOLDEN_JSON]   Readability's pages: full cards, title,
//       lang, dir, byline and date against expected-metadata.json, token F1 against expected.html;
//       with GOLDEN_JSON, the golden checks of a few pages (see check_golden); exit 1 on a miss
//   khabar_pages speed ROUNDS LIST_FILE             the pages named in LIST_FILE (one path a line)
//       read ROUNDS times: one JSON line with pages a second for read_article alone (parse +
//       extract, the work Readability.js does) and for the full card, in CPU time (make bench-pages)
#include <unicode/locid.h>
#include <unicode/uchar.h>
#include <unicode/utf8.h>

#include <chrono>
#include <ctime>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <map>
#include <nlohmann/json.hpp>
#include <sstream>
#include <unordered_map>

#include "khabar/khabar.hpp"
#include "read/html/dom.hpp"
#include "read/markup.hpp"
#include "text/chars.hpp"

namespace fs = std::filesystem;
using nlohmann::json;

namespace {

std::string slurp(const fs::path& p) {
  std::ifstream in(p, std::ios::binary);
  std::stringstream s;
  s << in.rdbuf();
  return s.str();
}

std::string body_text(const khabar::Article& a) {
  std::string out;
  for (const auto& b : a.body) {
    if (!out.empty()) out += '\n';
    out += b.text;
  }
  return out;
}

std::vector<std::string> tokens(std::string_view text) {
  std::vector<std::string> out;
  std::string t = khabar::detail::collapse_space(text);
  for (std::size_t start = 0; start < t.size();) {
    std::size_t sp = t.find(' ', start);
    if (sp == std::string::npos) sp = t.size();
    out.push_back(t.substr(start, sp - start));
    start = sp + 1;
  }
  return out;
}

double token_f1(std::string_view got, std::string_view want) {
  std::unordered_map<std::string, int> counts;
  auto g = tokens(got), w = tokens(want);
  if (g.empty() && w.empty()) return 1.0;
  if (g.empty() || w.empty()) return 0.0;
  for (auto& t : w) ++counts[t];
  std::size_t common = 0;
  for (auto& t : g)
    if (auto it = counts.find(t); it != counts.end() && it->second > 0) --it->second, ++common;
  double p = static_cast<double>(common) / static_cast<double>(g.size());
  double r = static_cast<double>(common) / static_cast<double>(w.size());
  return p + r == 0 ? 0.0 : 2 * p * r / (p + r);
}

// Any field of a card a reader would see holding a tag or an entity.
bool card_has_markup(const khabar::Card& c) {
  using khabar::detail::looks_like_markup;
  if (looks_like_markup(c.title) || looks_like_markup(c.subtitle) || looks_like_markup(c.summary.text) ||
      looks_like_markup(c.source) || looks_like_markup(c.section))
    return true;
  for (const auto& a : c.authors)
    if (looks_like_markup(a)) return true;
  for (const auto& t : c.tags)
    if (looks_like_markup(t)) return true;
  return false;
}

std::string str(const json& j, const char* key) {
  auto it = j.find(key);
  return it != j.end() && it->is_string() ? it->get<std::string>() : std::string();
}

std::string lower(std::string s) {
  for (char& c : s)
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  return s;
}

// Well-formed BCP 47 as ICU reads it, checked here independently of the core's normalizer:
// the whole tag parses and ICU writes it back the same ("ar-AR", not "ar_AR" or "ar-ar").
bool well_formed_tag(const std::string& tag) {
  UErrorCode status = U_ZERO_ERROR;
  icu::Locale l = icu::Locale::forLanguageTag(tag, status);
  if (U_FAILURE(status) || l.isBogus() || l.getLanguage()[0] == '\0') return tag == "und";
  return l.toLanguageTag<std::string>(status) == tag && U_SUCCESS(status);
}

std::string primary_of(const std::string& tag) { return lower(tag.substr(0, tag.find_first_of("-_"))); }

// The direction the text's own letters give: right to left when strong R/AL letters outnumber L.
std::string direction_of_text(std::string_view text) {
  std::size_t rtl = 0, ltr = 0;
  const auto* bytes = reinterpret_cast<const uint8_t*>(text.data());
  const auto length = static_cast<int32_t>(text.size());
  for (int32_t i = 0; i < length;) {
    UChar32 c;
    U8_NEXT(bytes, i, length, c);
    if (c < 0) continue;
    UCharDirection d = u_charDirection(c);
    rtl += d == U_RIGHT_TO_LEFT || d == U_RIGHT_TO_LEFT_ARABIC;
    ltr += d == U_LEFT_TO_RIGHT;
  }
  return rtl > ltr ? "rtl" : "ltr";
}

// Whether a title starts or ends with the site's name set off by a separator ("X | Site");
// `rest` gets the title without it.
bool title_has_site(const std::string& title_raw, const std::string& site_raw,
                    std::string* rest_out = nullptr) {
  std::string collapsed = khabar::detail::collapse_space(title_raw);
  std::string title = lower(collapsed);
  std::string site = lower(khabar::detail::collapse_space(site_raw));
  if (site.empty() || title.size() <= site.size() + 2) return false;
  static const std::vector<std::string> seps{
      "|", "-", "\xE2\x80\x93", "\xE2\x80\x94", ":", "\xC2\xB7", "\xE3\x85\xA3", "\xC2\xBB", "/"};
  auto sep_at = [&](std::string_view s) {
    s = khabar::detail::trim(s);
    for (const auto& sep : seps)
      if (s == sep) return true;
    return false;
  };
  if (title.compare(title.size() - site.size(), site.size(), site) == 0) {
    std::string_view rest(title.data(), title.size() - site.size());
    for (std::size_t k = 1; k <= 4 && k <= rest.size(); ++k)
      if (sep_at(rest.substr(rest.size() - k))) {
        if (rest_out) *rest_out = khabar::detail::collapse_space(collapsed.substr(0, rest.size() - k));
        return true;
      }
  }
  if (title.compare(0, site.size(), site) == 0) {
    std::string_view rest = std::string_view(title).substr(site.size());
    for (std::size_t k = 1; k <= 4 && k <= rest.size(); ++k)
      if (sep_at(rest.substr(0, k))) {
        if (rest_out) *rest_out = khabar::detail::collapse_space(collapsed.substr(site.size() + k));
        return true;
      }
  }
  return false;
}

// The site's name for the title checks: Readability's siteName, else the card's source, else
// the label of the URL's host before its top-level domain ("en.wikipedia.org" -> "wikipedia").
std::string site_of(const json& expected, const std::string& source, const std::string& url) {
  if (!str(expected, "siteName").empty()) return str(expected, "siteName");
  if (!source.empty()) return source;
  std::size_t scheme = url.find("://");
  if (scheme == std::string::npos) return {};
  std::string host = url.substr(scheme + 3);
  host = host.substr(0, host.find_first_of("/?#:"));
  std::size_t tld = host.rfind('.');
  if (tld == std::string::npos || tld == 0) return {};
  std::size_t dot = host.rfind('.', tld - 1);
  return host.substr(dot == std::string::npos ? 0 : dot + 1, tld - (dot == std::string::npos ? 0 : dot + 1));
}

int benchmark(const fs::path& pages, const fs::path& output) {
  std::vector<fs::path> files;
  for (const auto& e : fs::directory_iterator(pages))
    if (e.path().extension() == ".html") files.push_back(e.path());
  std::sort(files.begin(), files.end());
  std::vector<std::string> bytes;
  for (const auto& f : files) bytes.push_back(slurp(f));
  json out = json::object();
  std::size_t failed = 0;
  khabar::ReadOptions options;
  options.format = khabar::InputFormat::html;
  auto start = std::chrono::steady_clock::now();
  for (std::size_t i = 0; i < files.size(); ++i) {
    std::string id = files[i].stem().string();
    try {
      out[id] = {{"articleBody", body_text(khabar::read_article(bytes[i], options))}};
    } catch (const khabar::Error& e) {
      ++failed;
      std::cerr << id << ": " << e.what() << "\n";
      out[id] = {{"articleBody", ""}};
    }
  }
  double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  std::ofstream(output) << json{{"version", khabar::version}, {"output", out}}.dump(1);
  std::printf("extraction benchmark: %zu pages read in %.3f s: %.1f pages a second; %zu failed\n",
              files.size(), seconds, static_cast<double>(files.size()) / seconds, failed);
  return 0;
}

// A card's bytes as a number: the golden table keeps this, never the page's text.
std::uint64_t fnv1a64(std::string_view bytes) {
  std::uint64_t h = 14695981039346656037ull;
  for (unsigned char c : bytes) h = (h ^ c) * 1099511628211ull;
  return h;
}

std::string hex(std::uint64_t v) {
  char out[17];
  std::snprintf(out, sizeof out, "%016llx", static_cast<unsigned long long>(v));
  return out;
}

// What a golden check compares for one page.
struct Golden {
  std::string title, lang, dir;  // the card's, against expected-metadata.json
  std::size_t blocks = 0;        // the article's body blocks
  std::string card;              // FNV-1a 64 of the card rendered as JSON
};

// The golden checks (tests/eval/golden-pages.json): for a handful of Readability's pages of
// different kinds, the card's title, lang and dir against the page's own expected-metadata.json
// (read at run time), and the number of body blocks and a hash of the card's JSON against the
// committed table, which holds only numbers and hashes (no text of the pages). A changed card
// fails until the table is regenerated (KHABAR_GOLDEN_UPDATE=1) and the change reviewed.
int check_golden(const fs::path& table_path, const std::map<std::string, Golden>& got, const fs::path& root) {
  json table = json::parse(slurp(table_path));
  bool update = std::getenv("KHABAR_GOLDEN_UPDATE") != nullptr;
  std::size_t failed = 0;
  for (auto& [name, want] : table.items()) {
    auto it = got.find(name);
    if (it == got.end()) {
      std::printf("  golden %-28s FAIL: no card\n", name.c_str());
      ++failed;
      continue;
    }
    const Golden& g = it->second;
    json expected = json::parse(slurp(root / name / "expected-metadata.json"));
    std::vector<std::string> misses;
    // The table may name the title where the card differs from Readability on purpose (the
    // site's name Readability keeps, #21), saying why in "title_why".
    std::string want_title = want.value("title", khabar::detail::collapse_space(str(expected, "title")));
    if (g.title != want_title) misses.push_back("title");
    // lang and dir: the page's declared ones; a page that declares none reads as "ltr" and the
    // detected language the table names.
    std::string lang = str(expected, "lang");
    if (lang.empty()) lang = want.value("detected_lang", "");
    if (lower(g.lang) != lower(lang)) misses.push_back("lang " + g.lang + " vs " + lang);
    std::string dir = str(expected, "dir").empty() ? "ltr" : str(expected, "dir");
    if (g.dir != dir) misses.push_back("dir " + g.dir + " vs " + dir);
    if (update) {
      want["blocks"] = g.blocks;
      want["card_fnv1a64"] = g.card;
    }
    if (want.value("blocks", std::size_t{0}) != g.blocks)
      misses.push_back("blocks " + std::to_string(g.blocks) + " vs " +
                       std::to_string(want.value("blocks", 0)));
    if (want.value("card_fnv1a64", "") != g.card) misses.push_back("card bytes (hash " + g.card + ")");
    failed += !misses.empty();
    std::string why;
    for (const auto& m : misses) why += (why.empty() ? "" : ", ") + m;
    std::printf("  golden %-28s %s  (%s)\n", name.c_str(), misses.empty() ? "ok  " : ("FAIL: " + why).c_str(),
                want.value("kind", "").c_str());
  }
  if (update) std::ofstream(table_path) << table.dump(2) << "\n";
  std::printf("  golden checks: %zu of %zu pages right\n", table.size() - failed, table.size());
  return failed == 0 ? 0 : 1;
}

// CPU time of this process: on a machine shared with other builds, wall time measures the load.
double cpu_seconds() {
  timespec t{};
  clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &t);
  return static_cast<double>(t.tv_sec) + static_cast<double>(t.tv_nsec) / 1e9;
}

int speed(int rounds, const fs::path& list) {
  std::vector<std::string> pages;
  {
    std::ifstream in(list);
    for (std::string line; std::getline(in, line);)
      if (!line.empty()) pages.push_back(slurp(line));
  }
  if (pages.empty() || rounds < 1) {
    std::cerr << "khabar_pages speed: no pages in " << list << "\n";
    return 2;
  }
  khabar::ReadOptions options;
  options.format = khabar::InputFormat::html;
  std::size_t read = 0, failed = 0, cards = 0;
  double read_seconds = 0, card_seconds = 0;
  for (int r = 0; r < rounds; ++r) {
    read = failed = cards = 0;
    double start = cpu_seconds();
    for (const auto& page : pages) {
      try {
        read += !khabar::read_article(page, options).body.empty();
      } catch (const khabar::Error&) {
        ++failed;
      }
    }
    double middle = cpu_seconds();
    for (const auto& page : pages) {
      try {
        cards += !khabar::make_card(khabar::clean(khabar::read_article(page, options))).title.empty();
      } catch (const khabar::Error&) {
      }
    }
    double end = cpu_seconds();
    read_seconds += middle - start;
    card_seconds += end - middle;
  }
  double n = static_cast<double>(pages.size()) * rounds;
  std::cout << json{{"pages", pages.size()},
                    {"read", read},
                    {"failed", failed},
                    {"cards", cards},
                    {"read_per_second", n / read_seconds},
                    {"card_per_second", n / card_seconds}}
                   .dump()
            << "\n";
  return 0;
}

int readability(const fs::path& root, const fs::path& golden) {
  std::vector<fs::path> dirs;
  for (const auto& e : fs::directory_iterator(root))
    if (fs::exists(e.path() / "source.html")) dirs.push_back(e.path());
  std::sort(dirs.begin(), dirs.end());
  struct Tally {
    std::size_t n = 0, hit = 0;
    double pct() const { return n ? 100.0 * static_cast<double>(hit) / static_cast<double>(n) : 0.0; }
  };
  std::map<std::string, Tally> t;
  double f1_sum = 0, read_seconds = 0;
  std::vector<std::string> misses;
  std::map<std::string, Golden> cards;
  khabar::ReadOptions options;
  options.format = khabar::InputFormat::html;
  for (const auto& dir : dirs) {
    std::string name = dir.filename().string();
    std::string source = slurp(dir / "source.html");
    json expected = json::parse(slurp(dir / "expected-metadata.json"));
    bool readerable = expected.value("readerable", false);
    std::string want_text;
    {
      khabar::detail::html::Document doc(slurp(dir / "expected.html"));
      want_text = khabar::detail::html::text_content(doc.body() ? doc.body() : doc.root());
    }
    khabar::Article a;
    bool read = false, full = false, markup = false;
    try {
      auto start = std::chrono::steady_clock::now();
      a = khabar::read_article(source, options);
      read_seconds += std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
      read = true;
      khabar::Card card = khabar::make_card(khabar::clean(a));
      full = !card.title.empty() && !card.summary.text.empty();
      markup = card_has_markup(card);
      // The card as a reader sees it, with no locale asked: its lang, dir and title.
      ++t["card lang well-formed or absent"].n;
      t["card lang well-formed or absent"].hit += card.lang.empty() || well_formed_tag(card.lang);
      if (!card.lang.empty() && !well_formed_tag(card.lang))
        misses.push_back(name + ": card lang " + card.lang);
      ++t["card lang absent"].n, t["card lang absent"].hit += card.lang.empty();
      if (std::string lang = str(expected, "lang"); !lang.empty()) {
        bool right = primary_of(card.lang) == primary_of(lang);
        ++t["card language right (declared)"].n, t["card language right (declared)"].hit += right;
        if (!right) misses.push_back(name + ": card lang " + card.lang + " for declared " + lang);
      }
      // The direction right: Readability's (declared on <html>/<body>), else one the page declares
      // nearer the text (<main dir>), else the one the text's own letters give.
      std::string want_dir = str(expected, "dir");
      if (want_dir.empty())
        want_dir =
            a.origins.count("direction") ? khabar::to_string(a.direction) : direction_of_text(body_text(a));
      bool dir_right = khabar::to_string(card.dir) == want_dir;
      ++t["card dir right"].n, t["card dir right"].hit += dir_right;
      if (!dir_right)
        misses.push_back(name + ": card dir " + khabar::to_string(card.dir) + " vs " + want_dir);
      std::string site = site_of(expected, card.source, card.url);
      bool site_in_title = title_has_site(card.title, site);
      ++t["title free of the site name"].n, t["title free of the site name"].hit += !site_in_title;
      if (site_in_title) misses.push_back(name + ": site name in title \"" + card.title + "\"");
      // The card's labels in the article's language when no locale is asked and the catalog
      // has it ("3 دقائق", not "3 minutes"), else English.
      bool in_catalog = false;
      for (const auto& l : khabar::catalog_languages()) in_catalog = in_catalog || l == primary_of(card.lang);
      bool ui = card.ui_lang == (in_catalog ? primary_of(card.lang) : std::string("en"));
      ++t["card UI in the article's language"].n, t["card UI in the article's language"].hit += ui;
      if (!ui) misses.push_back(name + ": card UI " + card.ui_lang + " for " + card.lang);
      cards[name] = {khabar::detail::collapse_space(card.title), card.lang, khabar::to_string(card.dir),
                     a.body.size(), hex(fnv1a64(khabar::render(card, khabar::OutputFormat::json)))};
    } catch (const khabar::Error& e) {
      misses.push_back(name + ": " + e.what());
    }
    ++t["read"].n, t["read"].hit += read;
    ++t["full card"].n, t["full card"].hit += full;
    if (readerable) ++t["full card (readerable)"].n, t["full card (readerable)"].hit += full;
    ++t["no markup in card"].n, t["no markup in card"].hit += read && !markup;
    if (read && markup) misses.push_back(name + ": markup or entity in a card field");
    if (!full) misses.push_back(name + ": no full card" + (readerable ? " (readerable)" : ""));
    double f1 = read ? token_f1(body_text(a), want_text) : 0.0;
    f1_sum += f1;
    std::string title = khabar::detail::collapse_space(str(expected, "title"));
    if (!title.empty()) {
      bool same = read && khabar::detail::collapse_space(a.title) == title;
      ++t["title equal"].n, t["title equal"].hit += same;
      // Readability keeps a site's name its title carries ("Mozilla - Wikipedia"); the card
      // drops it (#21): the same title once the name is off Readability's.
      std::string site = site_of(expected, a.source, a.url);
      std::string without_site = title;
      title_has_site(title, site, &without_site);
      bool same_modulo = read && (same || khabar::detail::collapse_space(a.title) == without_site);
      ++t["title equal, site name aside"].n, t["title equal, site name aside"].hit += same_modulo;
      if (!same) misses.push_back(name + ": title \"" + (read ? a.title : "") + "\" vs \"" + title + "\"");
    }
    if (std::string lang = str(expected, "lang"); !lang.empty()) {
      // Detection measured on labelled real text: the page's body against its declared language.
      std::string primary = lower(lang.substr(0, lang.find_first_of("-_")));
      if (read && !a.body.empty()) {
        std::string guess = khabar::detect_language(a.title + "\n" + body_text(a).substr(0, 4096)).language;
        ++t["detected lang right"].n, t["detected lang right"].hit += guess == primary;
        ++t["detected lang und"].n, t["detected lang und"].hit += guess == "und";
        ++t["detected lang wrong"].n, t["detected lang wrong"].hit += guess != "und" && guess != primary;
        if (guess != primary) misses.push_back(name + ": detected " + guess + " for " + lang);
      }
      bool same = read && lower(a.language) == lower(lang);
      ++t["lang equal (declared)"].n, t["lang equal (declared)"].hit += same;
      if (!same) misses.push_back(name + ": lang " + a.language + " vs " + lang);
    }
    if (std::string dir_ = str(expected, "dir"); !dir_.empty()) {
      bool same = read && khabar::to_string(a.direction) == dir_;
      ++t["dir equal (declared)"].n, t["dir equal (declared)"].hit += same;
      if (!same) misses.push_back(name + ": dir " + khabar::to_string(a.direction) + " vs " + dir_);
    }
    if (std::string by = khabar::detail::collapse_space(str(expected, "byline")); !by.empty()) {
      std::string ours;
      for (const auto& au : a.authors) ours += (ours.empty() ? "" : ", ") + au;
      bool same = read && lower(ours) == lower(by);
      bool within = read && !ours.empty() && lower(by).find(lower(ours)) != std::string::npos;
      ++t["byline equal"].n, t["byline equal"].hit += same;
      ++t["byline within expected"].n, t["byline within expected"].hit += within;
    }
    if (std::string date = str(expected, "publishedTime"); !date.empty()) {
      auto want = khabar::parse_timestamp(date);
      bool same_day = read && a.published && want && a.published->year == want->year &&
                      a.published->month == want->month && a.published->day == want->day;
      bool same = read && a.published && want && a.published->iso() == want->iso();
      ++t["date same day"].n, t["date same day"].hit += same_day;
      ++t["date same instant as written"].n, t["date same instant as written"].hit += same;
      if (!same_day)
        misses.push_back(name + ": date " + (a.published ? a.published->iso() : "none") + " vs " + date);
    }
  }
  std::printf("Readability's pages: %zu\n", dirs.size());
  for (const auto& [k, v] : t) std::printf("  %-30s %4zu / %4zu  %5.1f%%\n", k.c_str(), v.hit, v.n, v.pct());
  std::printf("  %-30s %.3f\n", "token F1 vs expected.html", f1_sum / static_cast<double>(dirs.size()));
  std::printf("  %-30s %.1f pages a second (read_article only)\n", "speed",
              static_cast<double>(t["read"].hit) / read_seconds);
  if (std::getenv("KHABAR_EVAL_VERBOSE"))
    for (const auto& m : misses) std::printf("    %s\n", m.c_str());
  return golden.empty() ? 0 : check_golden(golden, cards, root);
}

}  // namespace

int main(int argc, char** argv) {
  if (argc == 4 && std::string(argv[1]) == "benchmark") return benchmark(argv[2], argv[3]);
  if ((argc == 3 || argc == 4) && std::string(argv[1]) == "readability")
    return readability(argv[2], argc == 4 ? argv[3] : "");
  if (argc == 4 && std::string(argv[1]) == "speed") return speed(std::atoi(argv[2]), argv[3]);
  std::cerr
      << "usage: khabar_pages benchmark PAGES_DIR OUTPUT_JSON | readability TEST_PAGES_DIR [GOLDEN_JSON] | "
         "speed "
         "ROUNDS LIST_FILE\n";
  return 2;
}
