#pragma once
// Shared by the picture tests: the build's fonts (core/fonts, copied from fonts-noto-core) and
// the cards of the golden articles, formatted with a fixed `now` and zone.
#include <string>

#include "khabar/image.hpp"
#include "khabar/pipeline.hpp"
#include "support.hpp"

namespace khabar::test {

inline std::string read_font(const char* name) {
  std::ifstream in(std::string(KHABAR_TEST_FONTS) + "/" + name, std::ios::binary);
  if (!in) throw std::runtime_error(std::string("missing font ") + name + " (build the khabar_fonts target)");
  std::ostringstream s;
  s << in.rdbuf();
  return s.str();
}

inline const FontSet& noto_fonts() {
  static const FontSet set = [] {
    FontSet f;
    std::string* slots[] = {&f.latin.regular, &f.latin.bold, &f.arabic.regular, &f.arabic.bold,
                            &f.urdu.regular,  &f.urdu.bold,  &f.hebrew.regular, &f.hebrew.bold};
    for (std::size_t i = 0; i < std::size(slots); ++i) *slots[i] = read_font(font_file_names[i]);
    return f;
  }();
  return set;
}

inline Card golden_card(const std::string& input, const std::string& locale) {
  CardOptions options;
  options.locale = locale;
  options.now = parse_timestamp("2025-11-29T10:00:00+01:00");
  options.time_zone = "Africa/Casablanca";
  return card_from_bytes(read_file(input), {}, options);
}

}  // namespace khabar::test
