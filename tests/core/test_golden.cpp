// The golden cards, rendered by the library: the same files the wasm and browser
// tests check, so every build gives the same bytes.
#include <doctest/doctest.h>

#include <nlohmann/json.hpp>

#include "khabar/pipeline.hpp"
#include "support.hpp"

using namespace khabar;

TEST_CASE("golden cards: native output matches expected/ byte for byte") {
  auto spec = nlohmann::json::parse(test::read_file("tests/golden/cards/cases.json"));
  CardOptions options;
  options.now = parse_timestamp(spec["now"].get<std::string>());
  options.time_zone = spec["time_zone"];
  REQUIRE(options.now);
  int checked = 0;
  // The HTML reader's pages too (html_cases): the native build has it.
  auto cases = spec["cases"];
  for (const auto& c : spec["html_cases"]) cases.push_back(c);
  for (const auto& c : cases) {
    std::string input = test::read_file(c["input"]);
    for (const auto& locale : c["locales"]) {
      options.locale = locale;
      Card card = card_from_bytes(input, {}, options);
      for (const auto& format : spec["formats"]) {
        std::string name =
            c["name"].get<std::string>() + "." + locale.get<std::string>() + "." + format.get<std::string>();
        CAPTURE(name);
        OutputFormat f = format == "html"   ? OutputFormat::html
                         : format == "text" ? OutputFormat::text
                                            : OutputFormat::json;
        std::string out = render(card, f);
        if (f != OutputFormat::text) out += '\n';  // the CLI ends JSON and HTML with a newline
        CHECK(out == test::read_file("tests/golden/cards/expected/" + name));
        ++checked;
      }
    }
  }
  CHECK(checked == 78);  // 19 + 4 + 3 case-locales x 3 formats
}
