// A consumer's own shared library, with Khabar linked in: it links only if
// Khabar's objects are position-independent (tests/cmake/run.sh).
#include <khabar/khabar.hpp>
#include <string>
#include <string_view>

std::string khabar_card_html(std::string_view bytes) {
  return khabar::render_html(khabar::card_from_bytes(bytes));
}
