#pragma once
// URL safety, in one place: make_card drops what fails it (with a warning) and the HTML renderer
// re-checks every href and src with the same function, so a Card built by hand is safe too.
#include <string>
#include <string_view>

#include "khabar/error.hpp"

namespace khabar::detail {

// True for an absolute http: or https: URL with a host and no characters that
// could break out of an attribute; anything else (javascript:, data:, relative) is not shown.
bool is_safe_url(std::string_view url) noexcept;

// A relative reference ("/uploads/a.jpg", "//cdn.site/a.jpg", "a.jpg") resolved against the
// article's own http(s) URL, as a browser would on the article's page; others unchanged.
std::string resolve_url(const std::string& ref, const std::string& base);

// `url` when empty or safe; otherwise "" and a url.unsafe_dropped warning naming `field`.
std::string safe_url_or_warn(const std::string& url, std::string_view field, Warnings& warnings);

}  // namespace khabar::detail
