// Khabar JSON: the Article model as JSON (documented in the README).
#include "read/readers.hpp"

namespace khabar::detail {

bool is_khabar_json(const json& document) {
  if (!document.is_object()) return false;
  if (document.contains("khabar")) return true;
  return !document.contains("@context") && !document.contains("@type") && !document.contains("@graph");
}

namespace {

std::optional<Timestamp> timestamp_field(const json& object, const char* key, Warnings& warnings) {
  return date_field_value(key, string_field(object, key, "article", NumberAsText::no), warnings);
}

std::vector<Block> body_field(const json& object) {
  std::vector<Block> body;
  auto it = object.find("body");
  if (it == object.end() || it->is_null()) return body;
  if (it->is_string()) {
    for (auto& line : split_lines(it->get<std::string>())) body.push_back({Block::Kind::paragraph, line});
    return body;
  }
  if (!it->is_array())
    throw Error(codes::invalid_field, "article.body must be a string or an array of blocks");
  for (std::size_t i = 0; i < it->size(); ++i) {
    const json& b = (*it)[i];
    std::string where = "article.body[" + std::to_string(i) + "]";
    if (b.is_string()) {
      body.push_back({Block::Kind::paragraph, b.get<std::string>()});
      continue;
    }
    if (!b.is_object()) throw Error(codes::invalid_field, where + " must be a string or an object");
    std::string type = string_field(b, "type", where, NumberAsText::no);
    Block block;
    if (type == "heading") {
      block.kind = Block::Kind::heading;
    } else if (!type.empty() && type != "paragraph") {
      throw Error(codes::invalid_field, where + ".type must be \"paragraph\" or \"heading\"");
    }
    block.text = string_field(b, "text", where, NumberAsText::no);
    body.push_back(std::move(block));
  }
  return body;
}

}  // namespace

Article read_khabar_json(const json& document) {
  if (!document.is_object()) throw Error(codes::no_article, "a Khabar JSON article is an object");
  if (auto v = document.find("khabar"); v != document.end()) {
    if (!v->is_number_integer()) throw Error(codes::invalid_field, "article.khabar must be a version number");
    if (v->get<int>() > khabar_json_version || v->get<int>() < 1)
      throw Error(codes::unsupported_version, "Khabar JSON version " + v->dump() +
                                                  " is not supported (this build reads version " +
                                                  std::to_string(khabar_json_version) + ")");
  }
  Article a;
  a.id = string_field(document, "id", "article", NumberAsText::no);
  a.url = string_field(document, "url", "article", NumberAsText::no);
  a.title = string_field(document, "title", "article", NumberAsText::no);
  a.subtitle = string_field(document, "subtitle", "article", NumberAsText::no);
  a.authors = string_list_field(document, "authors", "article");
  a.source = string_field(document, "source", "article", NumberAsText::no);
  a.credit = string_field(document, "credit", "article", NumberAsText::no);
  a.published = timestamp_field(document, "published", a.warnings);
  a.updated = timestamp_field(document, "updated", a.warnings);
  a.language = string_field(document, "language", "article", NumberAsText::no);
  a.body = body_field(document);
  if (auto it = document.find("image"); it != document.end() && !it->is_null()) {
    Image image;
    if (it->is_string()) {
      image.url = it->get<std::string>();
    } else if (it->is_object()) {
      image.url = string_field(*it, "url", "article.image", NumberAsText::no);
      image.alt = string_field(*it, "alt", "article.image", NumberAsText::no);
      image.credit = string_field(*it, "credit", "article.image", NumberAsText::no);
    } else {
      throw Error(codes::invalid_field, "article.image must be a URL or an object");
    }
    if (!image.url.empty()) a.image = image;
  }
  a.section = string_field(document, "section", "article", NumberAsText::no);
  a.tags = string_list_field(document, "tags", "article");
  if (a.title.empty() && a.body.empty())
    throw Error(codes::no_article, "the Khabar JSON document has neither title nor body");
  return a;
}

}  // namespace khabar::detail
