// Locale formatting, driven by the tables in tests/golden/format/*.json (the wasm tests
// read the same files). Expected values come from CLDR 42 data, not from our output.
#include <doctest/doctest.h>
#include <unicode/locid.h>
#include <unicode/plurrule.h>

#include <fstream>
#include <map>
#include <nlohmann/json.hpp>
#include <set>
#include <sstream>

#include "khabar/format.hpp"
#include "khabar/khabar.hpp"

using namespace khabar;
using nlohmann::json;

namespace {

json table(const std::string& name) {
  std::ifstream in(std::string(KHABAR_SOURCE_DIR) + "/tests/golden/format/" + name, std::ios::binary);
  REQUIRE_MESSAGE(in, "missing table " << name);
  std::stringstream s;
  s << in.rdbuf();
  return json::parse(s.str());
}

Timestamp ts(const std::string& iso) {
  auto t = parse_timestamp(iso);
  REQUIRE_MESSAGE(t, "not a timestamp: " << iso);
  return *t;
}

FormatOptions options_of(const json& c) {
  FormatOptions o;
  o.strict = true;  // a table case never relies on a fallback
  if (c.contains("now")) o.now = ts(c["now"].get<std::string>());
  if (c.contains("tz")) o.time_zone = c["tz"].get<std::string>();
  if (c.contains("max_age_days")) o.relative_max_age_days = c["max_age_days"].get<int>();
  return o;
}

std::string label(const json& c) { return c.dump(); }

}  // namespace

TEST_CASE("format: dates table") {
  auto t = table("dates.json");
  REQUIRE(t["cases"].size() >= 10);
  for (const auto& c : t["cases"]) {
    CAPTURE(label(c));
    Formatter f(c["locale"].get<std::string>(), options_of(c));
    CardDate d = f.format_date(ts(c["input"].get<std::string>()));
    CHECK(d.display == c["expected"].get<std::string>());
    CHECK(d.iso == ts(c["input"].get<std::string>()).iso());
  }
}

TEST_CASE("format: relative time table") {
  const json t = table("relative.json");  // kept alive: ["cases"] refers into it
  for (const auto& c : t["cases"]) {
    CAPTURE(label(c));
    Formatter f(c["locale"].get<std::string>(), options_of(c));
    Timestamp t = ts(c["input"].get<std::string>());
    CHECK(f.relative(t) == c["expected"].get<std::string>());
    CHECK(f.format_date(t).relative == c["expected"].get<std::string>());
  }
}

TEST_CASE("format: numbers and digits in phrases") {
  auto t = table("numbers.json");
  for (const auto& c : t["cases"]) {
    CAPTURE(label(c));
    Formatter f(c["locale"].get<std::string>(), options_of(c));
    CHECK(f.format_number(c["value"].get<double>()) == c["expected"].get<std::string>());
  }
  for (const auto& c : t["phrases"]) {
    CAPTURE(label(c));
    Formatter f(c["locale"].get<std::string>(), options_of(c));
    CHECK(f.localize_digits(c["phrase"].get<std::string>()) == c["expected"].get<std::string>());
  }
}

TEST_CASE("format: plural forms of every catalog message") {
  auto cases = table("plurals.json")["cases"];
  // category -> seen, per catalog language: the table must reach every CLDR category.
  std::map<std::string, std::set<std::string>> seen;
  for (const auto& c : cases) {
    CAPTURE(label(c));
    std::string locale = c["locale"].get<std::string>();
    Formatter f(locale, options_of(c));
    auto n = c["count"].get<std::int64_t>();
    CHECK(f.message(c["message"].get<std::string>(), {{"minutes", n}}) == c["expected"].get<std::string>());
    if (c["message"] == "reading_time")
      CHECK(f.reading_time(static_cast<int>(n)) == c["expected"].get<std::string>());
    // The table's category is what CLDR's rules (ICU PluralRules) select for the count.
    UErrorCode status = U_ZERO_ERROR;
    std::unique_ptr<icu::PluralRules> rules(
        icu::PluralRules::forLocale(icu::Locale(f.language().c_str()), status));
    REQUIRE(U_SUCCESS(status));
    std::string category;
    rules->select(static_cast<int32_t>(n)).toUTF8String(category);
    if (c["category"] != "=0") CHECK(category == c["category"].get<std::string>());
    seen[f.language()].insert(n == 0 ? "=0" : category);
    if (n == 0) seen[f.language()].insert(category);  // =0 also stands for what 0 selects
  }
  for (const std::string& language : catalog_languages()) {
    CAPTURE(language);
    UErrorCode status = U_ZERO_ERROR;
    std::unique_ptr<icu::PluralRules> rules(
        icu::PluralRules::forLocale(icu::Locale(language.c_str()), status));
    std::unique_ptr<icu::StringEnumeration> keywords(rules->getKeywords(status));
    REQUIRE(U_SUCCESS(status));
    CHECK(seen[language].count("=0") == 1);
    for (const char* k = keywords->next(nullptr, status); k; k = keywords->next(nullptr, status)) {
      CAPTURE(k);
      CHECK(seen[language].count(k) == 1);
    }
  }
}

TEST_CASE("format: every Arabic plural form of reading time") {
  Formatter f("ar-MA");
  CHECK(f.reading_time(0) == "أقل من دقيقة");
  CHECK(f.reading_time(1) == "دقيقة واحدة");
  CHECK(f.reading_time(2) == "دقيقتان");
  CHECK(f.reading_time(3) == "3 دقائق");
  CHECK(f.reading_time(11) == "11 دقيقة");
  CHECK(f.reading_time(100) == "100 دقيقة");
  CHECK(f.reading_time(-5) == "أقل من دقيقة");
}

TEST_CASE("format: lists table") {
  const json t = table("lists.json");  // kept alive: ["cases"] refers into it
  for (const auto& c : t["cases"]) {
    CAPTURE(label(c));
    Formatter f(c["locale"].get<std::string>(), options_of(c));
    CHECK(f.list(c["items"].get<std::vector<std::string>>()) == c["expected"].get<std::string>());
  }
}

TEST_CASE("format: messages table and catalog completeness") {
  const json t = table("messages.json");  // kept alive: ["cases"] refers into it
  for (const auto& c : t["cases"]) {
    CAPTURE(label(c));
    FormatOptions o;  // "de" has no catalog file but is a valid locale: not strict about messages
    Formatter f(c["locale"].get<std::string>(), o);
    MessageArgs args;
    if (c.contains("authors"))
      args.push_back({"authors", f.list(c["authors"].get<std::vector<std::string>>())});
    if (c.contains("args"))
      for (auto it = c["args"].begin(); it != c["args"].end(); ++it)
        args.push_back({it.key(), it->get<std::string>()});
    CHECK(f.message(c["message"].get<std::string>(), args) == c["expected"].get<std::string>());
  }
  // Every language file has every message (else a label silently falls back to English).
  std::vector<std::string> ids = {"reading_time", "read_more", "by", "source"};
  auto languages = catalog_languages();
  CHECK(languages == std::vector<std::string>{"ar", "en", "fa", "fr", "he", "ur"});
  for (const auto& language : languages) {
    Formatter f(language);
    CHECK(f.catalog_language() == language);
    for (const auto& id : ids)
      CHECK_NOTHROW(f.message(id, {{"minutes", std::int64_t{1}}, {"authors", "A"}, {"source", "S"}}));
  }
  Formatter f("en");
  CHECK_THROWS_WITH_AS(f.message("no_such_message"), doctest::Contains("[internal.error]"), Error);
}

TEST_CASE("format: bidi isolation table") {
  const json t = table("bidi.json");  // kept alive: ["cases"] refers into it
  for (const auto& c : t["cases"]) {
    CAPTURE(label(c));
    Direction base = c["base"] == "rtl" ? Direction::rtl : Direction::ltr;
    CHECK(isolate_runs(c["input"].get<std::string>(), base) == c["expected"].get<std::string>());
    std::vector<std::string> dirs;
    for (const BidiRun& run : bidi_runs(c["input"].get<std::string>(), base))
      dirs.push_back(to_string(run.dir));
    CHECK(dirs == c["dirs"].get<std::vector<std::string>>());
  }
  auto runs = bidi_runs("موقع كشـ24 و COVID-19", Direction::rtl);
  REQUIRE(runs.size() == 2);
  CHECK(runs[0].dir == Direction::rtl);
  CHECK(runs[1].dir == Direction::ltr);
}

TEST_CASE("format: locale resolution table") {
  const json t = table("locales.json");  // kept alive: ["cases"] refers into it
  for (const auto& c : t["cases"]) {
    CAPTURE(label(c));
    Warnings warnings;
    auto tag = c["tag"].get<std::string>();
    auto language = c["article_language"].get<std::string>();
    bool strict = c["strict"].get<bool>();
    if (c.contains("error")) {
      try {
        resolve_locale(tag, language, strict, warnings);
        FAIL("no error");
      } catch (const Error& e) {
        CHECK(e.code() == c["error"].get<std::string>());
      }
      continue;
    }
    CHECK(resolve_locale(tag, language, strict, warnings) == c["expected"].get<std::string>());
    std::vector<std::string> codes;
    for (const auto& w : warnings) codes.push_back(w.code);
    CHECK(codes == c.value("warnings", std::vector<std::string>{}));
  }
}

// The same table the wasm core is checked against in Node and in Chromium, where the offsets
// come from the host's Intl instead of ICU's zone data: one card a case, as the JS renders it.
TEST_CASE("format: time zones around their offset changes (zones.json)") {
  const json t = table("zones.json");
  REQUIRE(t["cases"].size() >= 20);
  for (const auto& c : t["cases"]) {
    CAPTURE(label(c));
    json article = {{"khabar", 1}, {"title", "t"}, {"body", {"b."}}, {"published", c["input"]}};
    json options = {{"locale", c["locale"]}, {"time_zone", c["tz"]}, {"strict", c.value("strict", true)}};
    if (c.contains("now")) options["now"] = c["now"];
    Request request = request_from_json(options.dump());
    if (c.contains("error")) {
      try {
        card_from_bytes(article.dump(), request.read, request.card);
        FAIL("no error");
      } catch (const Error& e) {
        CHECK(e.code() == c["error"].get<std::string>());
      }
      continue;
    }
    Card card = card_from_bytes(article.dump(), request.read, request.card);
    REQUIRE(card.published);
    CHECK(card.published->display == c["expected"].get<std::string>());
    CHECK(card.published->relative == c.value("relative", std::string()));
    std::vector<std::string> codes;
    for (const auto& w : card.warnings)
      if (w.code.rfind("time.", 0) == 0) codes.push_back(w.code);
    CHECK(codes == c.value("warnings", std::vector<std::string>{}));
  }
}

TEST_CASE("format: errors and fallbacks") {
  FormatOptions strict;
  strict.strict = true;
  strict.time_zone = "Mars/Olympus_Mons";
  CHECK_THROWS_WITH_AS(Formatter("en", strict), doctest::Contains("[time.invalid]"), Error);
  CHECK_THROWS_WITH_AS(Formatter("en_GB", strict), doctest::Contains("[locale.invalid]"), Error);

  FormatOptions lenient;
  lenient.time_zone = "Mars/Olympus_Mons";
  Formatter f("en", lenient);
  REQUIRE(f.warnings().size() == 1);
  CHECK(f.warnings()[0].code == "time.zone_fallback");
  CHECK(f.format_date(ts("2025-11-21T23:30:00Z")).display == "November 21, 2025");  // UTC

  Timestamp impossible;
  impossible.year = 2025;
  impossible.month = 2;
  impossible.day = 30;
  CHECK_THROWS_WITH_AS(Formatter("en").format_date(impossible), doctest::Contains("[time.invalid]"), Error);

  Formatter no_now("ar-MA");
  CHECK(no_now.format_date(ts("2025-11-21")).relative.empty());
  CHECK(no_now.direction() == Direction::rtl);
  CHECK(Formatter("fr-MA").direction() == Direction::ltr);
}

TEST_CASE("format: the seed card reads right in ar-MA, ar-EG, fr-MA and en") {
  std::ifstream in(std::string(KHABAR_SOURCE_DIR) + "/examples/seed-article-ar.txt", std::ios::binary);
  std::stringstream s;
  s << in.rdbuf();
  CleanedArticle article = clean(read_article(s.str()));
  struct Want {
    const char *locale, *date, *read_more, *ui_lang;
    Direction ui_dir;
  };
  for (const Want& w : {Want{"ar-MA", "21 نونبر 2025", "اقرأ المزيد", "ar", Direction::rtl},
                        Want{"ar-EG", "٢١ نوفمبر ٢٠٢٥", "اقرأ المزيد", "ar", Direction::rtl},
                        Want{"fr-MA", "21 novembre 2025", "Lire la suite", "fr", Direction::ltr},
                        Want{"en", "November 21, 2025", "Read more", "en", Direction::ltr}}) {
    CAPTURE(w.locale);
    CardOptions o;
    o.locale = w.locale;
    o.now = ts("2025-11-29T10:00:00+01:00");
    o.strict = true;
    Card card = make_card(article, o);
    CHECK(card.locale == w.locale);
    CHECK(card.ui_lang == w.ui_lang);
    CHECK(card.ui_dir == w.ui_dir);
    REQUIRE(card.published);
    CHECK(card.published->display == w.date);
    CHECK(card.published->relative.empty());  // 8 days: past the 7-day maximum
    CHECK(card.labels.read_more == w.read_more);
    for (const auto& figure : card.figures) CHECK(!figure.display.empty());
    if (card.reading_time.minutes > 0) CHECK(!card.reading_time.display.empty());
  }
  CardOptions bad;
  bad.locale = "ar_MA";
  bad.strict = true;
  CHECK_THROWS_WITH_AS(make_card(article, bad), doctest::Contains("[locale.invalid]"), Error);
  bad.strict = false;
  Card card = make_card(article, bad);
  CHECK(card.locale == "ar");
  bool warned = false;
  for (const auto& w : card.warnings) warned |= w.code == "locale.fallback";
  CHECK(warned);
}
