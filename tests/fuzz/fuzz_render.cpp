// The whole pipeline, bytes -> card -> HTML, JSON and text, with the output invariants:
// only the renderer's elements and attributes, everything escaped, http(s) links only,
// balanced tags, bidi isolation balanced on every line of text, and the Card's JSON read back
// (card_from_json) written again byte for byte.
#include <nlohmann/json.hpp>

#include "fuzz_support.hpp"
#include "markup_check.hpp"

using namespace khabar;

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  if (size < 1) return 0;
  static constexpr const char* locales[] = {"", "ar-MA", "en", "fr", "fa", "he", "ar-EG", "ur"};
  CardOptions options;
  options.locale = locales[data[0] % 8];
  options.now = parse_timestamp("2025-11-29T10:00:00+01:00");
  HtmlOptions html_options{1 + (data[0] >> 3) % 6};
  ReadOptions read;
  read.limits.max_blocks = 200;
  Card card;
  if (!fuzz::expect_error_only(
          [&] { card = card_from_bytes(fuzz::as_view(data + 1, size - 1), read, options); }))
    return 0;

  std::string html = render_html(card, html_options);
  if (std::string e = markup::check_html(html); !e.empty()) fuzz::fail(e.c_str(), html);
  fuzz::check_utf8(html, "HTML is not UTF-8");

  std::string text = render_text(card);
  if (std::string e = markup::check_text_isolation(text); !e.empty()) fuzz::fail(e.c_str(), text);

  std::string json = render_json(card);
  fuzz::check(nlohmann::json::accept(json), "card JSON does not parse", json);
  // The Card reads back from its JSON (what the service hands the picture renderer) and is
  // written again as the same bytes: no field lost, no number changed.
  fuzz::check(render_json(card_from_json(json)) == json, "render_json(card_from_json(json)) differs", json);
  return 0;
}
