// The language registry (core/languages.json) is the one place a language is written: every
// other place that lists languages must agree with it. Nothing here is added by hand.
#include <doctest/doctest.h>

#include <algorithm>
#include <fstream>
#include <map>
#include <regex>
#include <set>
#include <sstream>
#include <string>

#include "khabar/analyse.hpp"
#include "khabar/extract.hpp"
#include "khabar/format.hpp"
#include "khabar/language.hpp"
#include "khabar/pipeline.hpp"
#include "text/languages.hpp"

using namespace khabar;

namespace {

std::string file(const std::string& path) {
  std::ifstream in(std::string(KHABAR_SOURCE_DIR) + "/" + path, std::ios::binary);
  REQUIRE_MESSAGE(in, path);
  std::stringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

std::set<std::string> pack_languages() {
  std::set<std::string> out;
  for (const auto& l : detail::registered_languages())
    if (!l.icu_locales.empty()) out.emplace(l.code);
  return out;
}

}  // namespace

TEST_CASE("registry: each language's direction is the one ICU gives its tag") {
  REQUIRE(detail::registered_languages().size() >= 6);
  for (const auto& l : detail::registered_languages()) {
    CAPTURE(l.code);
    CHECK(direction_of_language(l.code) == l.direction);
  }
}

TEST_CASE("registry: stemmers, stopword lists and the message catalog") {
  std::vector<std::string> catalog = catalog_languages();
  for (const auto& l : detail::registered_languages()) {
    CAPTURE(l.code);
    CHECK(std::find(catalog.begin(), catalog.end(), std::string(l.code)) != catalog.end());
    if (!l.stemmer.empty()) CHECK_NOTHROW(stem("words", l.code));
    if (!l.stopwords.empty()) {
      // The list's first word (after its comment lines) is a stopword of the language.
      std::istringstream lines{std::string(l.stopwords)};
      std::string word;
      while (std::getline(lines, word) && (word.empty() || word[0] == '#')) {
      }
      CHECK(is_stopword(analysis_form(word, l.code), l.code));
    }
  }
  for (const std::string& c : catalog) CHECK_MESSAGE(detail::find_language(c) != nullptr, c);
  CHECK(detail::find_language("AR-ma")->code == "ar");
  CHECK(detail::find_language("de") == nullptr);
  CHECK(words_per_minute("ar-MA") == 138);
  CHECK(words_per_minute("de") == words_per_minute("en"));
}

TEST_CASE("registry: the wasm build's ICU data list has one package a registered language") {
  // wasm/deps/icu-data.list: "lang NAME ID..." lines must be the registry's icu_locales.
  std::istringstream list(file("wasm/deps/icu-data.list"));
  std::map<std::string, std::string> packs;
  for (std::string line; std::getline(list, line);) {
    if (line.rfind("lang ", 0) != 0) continue;
    std::istringstream words(line.substr(5));
    std::string name, id, ids;
    words >> name;
    while (words >> id) ids += (ids.empty() ? "" : " ") + id;
    packs[name] = ids;
  }
  std::map<std::string, std::string> registered;
  for (const auto& l : detail::registered_languages())
    if (!l.icu_locales.empty()) registered[std::string(l.code)] = std::string(l.icu_locales);
  CHECK(packs == registered);
}

TEST_CASE("registry: the npm package fetches a data file for each registered language") {
  std::string js = file("web/src/index.js");
  std::smatch m;
  REQUIRE(std::regex_search(js, m, std::regex(R"(PACK_LANGUAGES = new Set\(\[([^\]]*)\]\))")));
  std::set<std::string> listed;
  std::string inner = m[1];
  const std::regex quoted("'([a-z]+)'"), url(R"(\./khabar-icu-([a-z]{2,3})\.dat)");
  for (std::sregex_iterator it(inner.begin(), inner.end(), quoted), end; it != end; ++it)
    listed.insert((*it)[1]);
  CHECK(listed == pack_languages());
  // Each is written out as its own URL, for bundlers to see.
  std::set<std::string> urls;
  for (std::sregex_iterator it(js.begin(), js.end(), url), end; it != end; ++it) urls.insert((*it)[1]);
  CHECK(urls == pack_languages());
}

TEST_CASE("registry: the workerd service bundles a data file for each registered language") {
  // Its modules are listed by hand (workerd imports no glob): the worker and its config.
  const std::regex pack(R"(khabar/khabar-icu-([a-z]{2,3})\.dat)");
  for (const char* path : {"examples/service/worker.js", "examples/service/workerd.capnp"}) {
    CAPTURE(path);
    std::string text = file(path);
    std::set<std::string> found;
    for (std::sregex_iterator it(text.begin(), text.end(), pack), end; it != end; ++it)
      found.insert((*it)[1]);
    CHECK(found == pack_languages());
  }
}

TEST_CASE("locale_data_languages: the data packs a card needs before ICU is asked for them") {
  auto needs = [](std::string language, std::string locale) {
    Article a;
    a.language = std::move(language);
    Request r;
    r.card.locale = std::move(locale);
    return locale_data_languages(a, r);
  };
  using V = std::vector<std::string>;
  CHECK(needs("ar", "ar-MA") == V{"ar"});
  CHECK(needs("ar", "") == V{"ar"});
  CHECK(needs("en", "fr-MA") == V{"en", "fr"});
  // A locale that may still fall back (an extension, a malformed or unregistered tag) needs the
  // next candidates' data too, down to en, ICU's last resort.
  CHECK(needs("ar", "ar-SA-u-ca-islamic-umalqura") == V{"ar"});
  CHECK(needs("und", "xx-!!") == V{"en"});
  CHECK(needs("de", "fr-u-nu-arab") == V{"fr", "en"});
  CHECK(needs("ar", "de") == V{"ar"});
  // ICU refuses a '_' in a locale (it is no BCP 47): "fr_MA" falls through to the article's
  // language and en, whose data the card then needs.
  CHECK(needs("und", "fr_MA") == V{"fr", "en"});
}

TEST_CASE("locale_data_languages walks resolve_locale's chain: the locale it settles on has its data") {
  // The same candidates (format/locale_chain.hpp) for both: whatever resolve_locale settles on
  // with every language's data at hand, the prediction made without them asked for its language.
  for (std::string language :
       {"ar", "ar_MA", "en", "fr-MA", "he", "fa", "ur", "de", "und", "iw", "eng", ""}) {
    for (std::string locale : {"", "ar-MA", "fr_MA", "en-001", "ar-SA-u-ca-islamic-umalqura", "fr-u-nu-arab",
                               "ar-u-nu-xyz", "xx-!!", "de", "he-IL", "fa-Arab", "ur-PK", "und"}) {
      CAPTURE(language);
      CAPTURE(locale);
      Warnings warnings;
      std::string resolved = resolve_locale(locale, language, false, warnings);
      const detail::LanguageInfo* info = detail::find_language(resolved);
      if (!info || info->icu_locales.empty()) continue;  // root data: no pack to load
      Article a;
      a.language = language;
      Request r;
      r.card.locale = locale;
      std::vector<std::string> needs = locale_data_languages(a, r);
      CHECK(std::find(needs.begin(), needs.end(), std::string(info->code)) != needs.end());
    }
  }
}
