#pragma once
// A set of strings that is asked with string_views: no std::string is made for a look-up
// (on wasm32, std::string holds at most 10 bytes without allocating: 5 Arabic letters).
#include <cstddef>
#include <functional>
#include <string>
#include <string_view>
#include <unordered_set>

namespace khabar::detail {

struct StringHash {
  using is_transparent = void;
  std::size_t operator()(std::string_view s) const noexcept { return std::hash<std::string_view>{}(s); }
};

using StringSet = std::unordered_set<std::string, StringHash, std::equal_to<>>;

}  // namespace khabar::detail
