#pragma once
// A page's bytes in UTF-8, decoded as the WHATWG Encoding Standard says a browser would:
// the byte-order mark first, then the charset of the HTTP Content-Type header the bytes came
// with, then the page's <meta charset> (or http-equiv Content-Type).
#include <optional>
#include <string>
#include <string_view>

#include "khabar/error.hpp"

namespace khabar::detail::html {

// The ICU converter for a WHATWG encoding label ("windows-1256", "latin1" -> windows-1252,
// "gb2312" -> GBK, ...), or nothing for a label that is not one or has no converter.
std::optional<std::string> converter_for_label(std::string_view label);

// The charset parameter of a Content-Type value ("text/html; charset=windows-1256"), lower
// case, or "" when there is none.
std::string charset_of_content_type(std::string_view value);

// The page in UTF-8, or nothing when the bytes already are (valid UTF-8 and not declared
// otherwise: valid UTF-8 is read as UTF-8 whatever a header or template declares, with a
// warning). `content_type` is the HTTP header's value when the page came over HTTP. Throws
// input.invalid_utf8 only when no declared or default encoding decodes them.
std::optional<std::string> decode_page(std::string_view bytes, Warnings& warnings,
                                       std::string_view content_type = {});

}  // namespace khabar::detail::html
