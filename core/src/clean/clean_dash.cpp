#include "clean/clean_dash.hpp"

#include <unicode/uchar.h>
#include <unicode/utf8.h>

#include "clean/clean_text.hpp"

namespace khabar::detail {
namespace {

UChar32 before(std::string_view s, std::size_t i) {
  if (i == 0) return -1;
  int32_t at = static_cast<int32_t>(i);
  UChar32 c;
  U8_PREV(reinterpret_cast<const uint8_t*>(s.data()), 0, at, c);
  return c;
}

UChar32 after(std::string_view s, std::size_t i) {
  if (i >= s.size()) return -1;
  int32_t at = static_cast<int32_t>(i);
  UChar32 c;
  U8_NEXT(reinterpret_cast<const uint8_t*>(s.data()), at, static_cast<int32_t>(s.size()), c);
  return c;
}

}  // namespace

bool is_double_dot_dash(std::string_view s, std::size_t pos) noexcept {
  if (pos >= s.size() || s[pos] != '.') return false;
  if (pos + 1 < s.size() && s[pos + 1] == '.') {
    // pos is the first dot
  } else if (pos > 0 && s[pos - 1] == '.') {
    --pos;
  } else {
    return false;
  }
  if ((pos > 0 && s[pos - 1] == '.') || (pos + 2 < s.size() && s[pos + 2] == '.')) return false;

  std::size_t b = pos, a = pos + 2;
  bool spaced_before = b > 0 && s[b - 1] == ' ';
  bool spaced_after = a < s.size() && s[a] == ' ';
  if (spaced_before) --b;
  if (spaced_after) ++a;
  UChar32 prev = before(s, b), next = after(s, a);
  if (prev < 0 || next < 0) return false;
  if (!(is_letter(prev) || u_isdigit(prev) || is_closing(prev))) return false;
  if (!(is_letter(next) || u_isdigit(next) || is_opening(next))) return false;
  // "1..10" is a range, not a dash.
  return !(u_isdigit(prev) && u_isdigit(next) && !spaced_before && !spaced_after);
}

}  // namespace khabar::detail
