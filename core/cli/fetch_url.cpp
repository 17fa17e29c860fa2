#include "fetch_url.hpp"

#include <arpa/inet.h>
#include <curl/curl.h>
#include <netinet/in.h>
#include <sys/socket.h>
#include <unistd.h>

#include <algorithm>
#include <array>
#include <cctype>
#include <cstring>
#include <string>

#include "khabar/khabar.hpp"

namespace khabar::cli {
namespace {

// Why an IPv4 address may not be fetched, or nullptr for a public one (as web/src/service-fetch.js).
const char* ipv4_class(const std::array<unsigned char, 4>& b) {
  if (b[0] == 127) return "loopback";
  if (b[0] == 10 || (b[0] == 172 && b[1] >= 16 && b[1] <= 31) || (b[0] == 192 && b[1] == 168))
    return "private";
  if (b[0] == 169 && b[1] == 254) return "link-local";
  if (b[0] == 100 && b[1] >= 64 && b[1] <= 127) return "private";  // carrier-grade NAT
  if (b[0] == 0 || b[0] >= 224) return "reserved";
  if (b[0] == 192 && b[1] == 0 && b[2] == 0) return "reserved";
  if (b[0] == 198 && (b[1] == 18 || b[1] == 19)) return "reserved";
  return nullptr;
}

const char* address_class(const sockaddr* address) {
  if (address->sa_family == AF_INET) {
    std::array<unsigned char, 4> b{};
    std::memcpy(b.data(), &reinterpret_cast<const sockaddr_in*>(address)->sin_addr, 4);
    return ipv4_class(b);
  }
  if (address->sa_family != AF_INET6) return "reserved";
  std::array<unsigned char, 16> a{};
  std::memcpy(a.data(), &reinterpret_cast<const sockaddr_in6*>(address)->sin6_addr, 16);
  const bool zero10 = std::all_of(a.begin(), a.begin() + 10, [](unsigned char c) { return c == 0; });
  if (zero10 && a[10] == 0xff && a[11] == 0xff)
    return ipv4_class({a[12], a[13], a[14], a[15]});  // ::ffff:a.b.c.d
  if (zero10 && a[10] == 0 && a[11] == 0) {
    const bool loopback = std::all_of(a.begin() + 12, a.begin() + 15, [](unsigned char c) { return c == 0; });
    if (loopback && a[15] <= 1) return a[15] == 1 ? "loopback" : "reserved";
    return ipv4_class({a[12], a[13], a[14], a[15]});  // ::a.b.c.d
  }
  if (a[0] == 0xfe && (a[1] & 0xc0) == 0x80) return "link-local";
  if ((a[0] & 0xfe) == 0xfc) return "private";
  if (a[0] == 0xfe && (a[1] & 0xc0) == 0xc0) return "private";
  if (a[0] == 0xff) return "reserved";
  if (a[0] == 0x20 && a[1] == 0x02) return "reserved";  // 6to4
  if (a[0] == 0x00 && a[1] == 0x64 && a[2] == 0xff && a[3] == 0x9b)
    return ipv4_class({a[12], a[13], a[14], a[15]});
  return nullptr;
}

struct Transfer {
  const FetchOptions* options;
  std::string body;
  std::string refused;  // why a connection was refused (an address), empty if none was
  bool too_large = false;
};

// Runs before every connection (redirects too), on the address curl resolved.
curl_socket_t open_socket(void* data, curlsocktype, curl_sockaddr* address) {
  auto* transfer = static_cast<Transfer*>(data);
  if (const char* kind = address_class(&address->addr)) {
    char text[INET6_ADDRSTRLEN] = "?";
    const bool v4 = address->family == AF_INET;
    const auto* in4 = reinterpret_cast<const sockaddr_in*>(&address->addr);
    const auto* in6 = reinterpret_cast<const sockaddr_in6*>(&address->addr);
    inet_ntop(address->family,
              v4 ? static_cast<const void*>(&in4->sin_addr) : static_cast<const void*>(&in6->sin6_addr), text,
              sizeof text);
    const std::string where =
        std::string(text) + ":" + std::to_string(ntohs(v4 ? in4->sin_port : in6->sin6_port));
    if (where != transfer->options->allow) {
      transfer->refused = std::string(kind) + " address " + where;
      return CURL_SOCKET_BAD;
    }
  }
  return socket(address->family, address->socktype, address->protocol);
}

std::size_t write_body(char* data, std::size_t size, std::size_t count, void* user) {
  auto* transfer = static_cast<Transfer*>(user);
  const std::size_t n = size * count;
  if (transfer->body.size() + n > transfer->options->max_bytes) {
    transfer->too_large = true;
    return 0;  // aborts the transfer
  }
  transfer->body.append(data, n);
  return n;
}

bool readable_type(const char* content_type) {
  if (!content_type) return false;
  std::string type(content_type);
  type = type.substr(0, type.find(';'));
  type.erase(std::remove_if(type.begin(), type.end(), [](unsigned char c) { return std::isspace(c); }),
             type.end());
  std::transform(type.begin(), type.end(), type.begin(), [](unsigned char c) { return std::tolower(c); });
  return type == "application/json" || type == "application/ld+json" || type == "text/html" ||
         type == "application/xhtml+xml" || type == "text/plain";
}

}  // namespace

bool is_url(std::string_view argument) {
  const std::size_t colon = argument.find("://");
  if (colon == std::string_view::npos || colon == 0 || !std::isalpha(static_cast<unsigned char>(argument[0])))
    return false;
  return std::all_of(argument.begin(), argument.begin() + static_cast<std::ptrdiff_t>(colon), [](char c) {
    return std::isalnum(static_cast<unsigned char>(c)) || c == '+' || c == '-' || c == '.';
  });
}

std::string fetch_url(const std::string& url, const FetchOptions& options, std::string* content_type_out,
                      std::string* content_language_out) {
  std::string scheme = url.substr(0, url.find("://"));
  std::transform(scheme.begin(), scheme.end(), scheme.begin(),
                 [](unsigned char c) { return std::tolower(c); });
  if (scheme != "http" && scheme != "https")
    throw Error("fetch.unsupported_scheme", "only http(s) articles are fetched, not " + scheme + ":");
  static const bool initialised = curl_global_init(CURL_GLOBAL_DEFAULT) == CURLE_OK;
  CURL* curl = initialised ? curl_easy_init() : nullptr;
  if (!curl) throw Error("fetch.failed", "libcurl could not start");
  Transfer transfer{&options, {}, {}, false};
  curl_easy_setopt(curl, CURLOPT_URL, url.c_str());
  curl_easy_setopt(curl, CURLOPT_PROTOCOLS_STR, "http,https");
  curl_easy_setopt(curl, CURLOPT_REDIR_PROTOCOLS_STR, "http,https");
  curl_easy_setopt(curl, CURLOPT_FOLLOWLOCATION, 1L);
  curl_easy_setopt(curl, CURLOPT_MAXREDIRS, 3L);
  curl_easy_setopt(curl, CURLOPT_TIMEOUT_MS, options.timeout_ms);
  curl_easy_setopt(curl, CURLOPT_NOSIGNAL, 1L);
  curl_easy_setopt(curl, CURLOPT_PROXY,
                   "");  // no proxy from the environment: the address checked is the one connected to
  curl_easy_setopt(curl, CURLOPT_MAXFILESIZE_LARGE, static_cast<curl_off_t>(options.max_bytes));
  curl_easy_setopt(curl, CURLOPT_OPENSOCKETFUNCTION, open_socket);
  curl_easy_setopt(curl, CURLOPT_OPENSOCKETDATA, &transfer);
  curl_easy_setopt(curl, CURLOPT_WRITEFUNCTION, write_body);
  curl_easy_setopt(curl, CURLOPT_WRITEDATA, &transfer);
  curl_easy_setopt(curl, CURLOPT_USERAGENT, (std::string("khabar/") + version).c_str());
  curl_easy_setopt(curl, CURLOPT_ACCEPT_ENCODING, "");  // any encoding curl decodes
  const CURLcode result = curl_easy_perform(curl);
  long status = 0;
  const char* type = nullptr;
  curl_easy_getinfo(curl, CURLINFO_RESPONSE_CODE, &status);
  curl_easy_getinfo(curl, CURLINFO_CONTENT_TYPE, &type);
  const std::string content_type = type ? type : "";
  // The last response's (after redirects) Content-Language, when it has one.
  std::string content_language;
  if (curl_header* h = nullptr;
      curl_easy_header(curl, "Content-Language", 0, CURLH_HEADER, -1, &h) == CURLHE_OK && h && h->value)
    content_language = h->value;
  const std::string message = curl_easy_strerror(result);
  curl_easy_cleanup(curl);
  if (!transfer.refused.empty())
    throw Error("fetch.private_address", url + ": " + transfer.refused + ": not fetched");
  if (transfer.too_large || result == CURLE_FILESIZE_EXCEEDED)
    throw Error("fetch.too_large", url + ": more than " + std::to_string(options.max_bytes) + " bytes");
  if (result == CURLE_OPERATION_TIMEDOUT)
    throw Error("fetch.timeout", url + ": not whole within " + std::to_string(options.timeout_ms) + " ms");
  if (result == CURLE_TOO_MANY_REDIRECTS)
    throw Error("fetch.too_many_redirects", url + ": more than 3 redirects");
  if (result == CURLE_UNSUPPORTED_PROTOCOL)
    throw Error("fetch.unsupported_scheme", url + ": only http(s) is fetched");
  if (result != CURLE_OK) throw Error("fetch.failed", url + ": " + message);
  if (status < 200 || status > 299)
    throw Error("fetch.http_status", url + ": HTTP " + std::to_string(status));
  if (!readable_type(content_type.empty() ? nullptr : content_type.c_str()))
    throw Error("fetch.content_type", url + ": " + (content_type.empty() ? "no content type" : content_type) +
                                          " is not an article format");
  if (content_type_out) *content_type_out = content_type;
  if (content_language_out && !content_language.empty()) *content_language_out = content_language;
  return std::move(transfer.body);
}

}  // namespace khabar::cli
