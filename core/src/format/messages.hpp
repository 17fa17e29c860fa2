#pragma once
// The message catalog compiled in from core/messages/<lang>.json (see core/cmake/embed_languages.cmake).
#include <string_view>
#include <vector>

namespace khabar::detail {

struct CatalogFile {
  std::string_view language;  // the file's name: "ar", "ar-MA"
  std::string_view json;      // its bytes: {"id": "ICU MessageFormat pattern", ...}
};

const std::vector<CatalogFile>& catalog_files();

}  // namespace khabar::detail
