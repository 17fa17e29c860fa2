// A consumer of the installed (or fetched) library: docs/library.md's example on a file.
// Prints the library's version, the card's title and the first bytes of its HTML.
#include <fstream>
#include <iostream>
#include <khabar/khabar.hpp>
#include <sstream>
#include <string>

int main(int argc, char** argv) {
  if (argc != 2) {
    std::cerr << "usage: consumer ARTICLE\n";
    return 2;
  }
  std::ifstream in(argv[1], std::ios::binary);
  std::stringstream bytes;
  bytes << in.rdbuf();
  try {
    khabar::Article article = khabar::read_article(bytes.str());
    khabar::CleanedArticle cleaned = khabar::clean(article);
    khabar::Card card = khabar::make_card(cleaned, {.locale = "ar-MA"});
    std::string html = khabar::render_html(card);
    std::cout << khabar::version << '\n' << card.title << '\n' << html.substr(0, 8) << '\n';
  } catch (const khabar::Error& e) {
    std::cerr << e.what() << '\n';
    return 1;
  }
  return 0;
}
