#pragma once
#include <string>
#include <string_view>

namespace khabar::detail {

// True for an absolute http: or https: URL with a host and no characters that
// could break out of an attribute; anything else (javascript:, data:, relative) is not shown.
bool is_safe_url(std::string_view url) noexcept;

}  // namespace khabar::detail
