#pragma once
// The EASC dev split (one JSON object a line) and its articles as Khabar articles.
#include <string>
#include <vector>

#include "khabar/article.hpp"

namespace khabar::eval {

struct EascItem {
  std::string topic;
  std::string source;  // "Wikipedia" or a newspaper
  std::string article;
  std::vector<std::string> references;
};

// Throws std::runtime_error naming the line when one is not an EASC object.
std::vector<EascItem> read_easc(const std::string& path);

// EASC text is one paragraph a line, but the newspaper articles are hard-wrapped at
// about 80 columns: a line that does not end like a sentence continues on the next.
// No title (EASC has none); language "ar".
Article easc_article(const std::string& text);

}  // namespace khabar::eval
