// `khabar card https://…`: the article fetched with libcurl under the card service's rules.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>

namespace khabar::cli {

struct FetchOptions {
  std::size_t max_bytes = 5 * 1024 * 1024;
  long timeout_ms = 10000;  // the whole transfer, headers and body
  std::string allow;        // one ADDRESS:PORT that may be loopback or private (tests only)
};

// True for an argument that starts with a scheme and "://" (read as a URL, not a file name).
bool is_url(std::string_view argument);

// The body of the page at `url`: http(s) only, at most 3 redirects, each connection's address
// checked before connecting (no loopback, private, link-local or reserved one but `allow`),
// no proxy, the time-out and size limit enforced, the content type one the core reads. Throws
// khabar::Error with the service's codes (fetch.private_address, fetch.timeout, ...).
// `content_type`, when given, receives the response's Content-Type header (its charset decodes
// the page: ReadOptions::content_type); `content_language` its Content-Language header, empty
// when it has none (the page's language when the page declares none: ReadOptions::content_language).
std::string fetch_url(const std::string& url, const FetchOptions& options,
                      std::string* content_type = nullptr, std::string* content_language = nullptr);

}  // namespace khabar::cli
