// schema.org JSON-LD as news sites publish it: NewsArticle and kin, alone, in an
// array or in @graph, with authors, publishers and images in every shape seen.
#include <map>

#include "read/markup.hpp"
#include "read/readers.hpp"
#include "text/chars.hpp"
#include "text/utf8.hpp"

namespace khabar::detail {
namespace {

bool is_article_type(const std::string& type) {
  static const char* const types[] = {"NewsArticle",           "Article",
                                      "ReportageNewsArticle",  "BlogPosting",
                                      "AnalysisNewsArticle",   "OpinionNewsArticle",
                                      "BackgroundNewsArticle", "ReviewNewsArticle",
                                      "LiveBlogPosting",       "Report"};
  std::string_view t = type;
  if (auto colon = t.rfind(':'); colon != std::string_view::npos)
    t.remove_prefix(colon + 1);  // "schema:NewsArticle"
  if (auto slash = t.rfind('/'); slash != std::string_view::npos) t.remove_prefix(slash + 1);  // full IRI
  for (const char* candidate : types)
    if (t == candidate) return true;
  return false;
}

bool has_article_type(const json& node) {
  auto it = node.find("@type");
  if (it == node.end()) return false;
  if (it->is_string()) return is_article_type(it->get<std::string>());
  if (it->is_array())
    for (const auto& t : *it)
      if (t.is_string() && is_article_type(t.get<std::string>())) return true;
  return false;
}

// Every object reachable through arrays, @graph and the properties that hold a page's article
// (WebPage.mainEntity, mainEntityOfPage, hasPart), in document order; bounded by the depth the
// parser allowed.
void collect_nodes(const json& value, std::vector<const json*>& out) {
  if (value.is_array()) {
    for (const auto& v : value) collect_nodes(v, out);
  } else if (value.is_object()) {
    out.push_back(&value);
    for (const char* key : {"@graph", "mainEntity", "mainEntityOfPage", "hasPart"})
      if (auto g = value.find(key); g != value.end()) collect_nodes(*g, out);
  }
}

// A key as written, or a case variant of it ("headLine", "ArticleBody"): templates spell them so.
json::const_iterator find_key(const json& node, const char* key) {
  auto it = node.find(key);
  if (it != node.end()) return it;
  std::string_view want = key;
  for (auto i = node.begin(); i != node.end(); ++i) {
    const std::string& k = i.key();
    if (k.size() == want.size() &&
        std::equal(k.begin(), k.end(), want.begin(), [](char a, char b) { return (a | 0x20) == (b | 0x20); }))
      return i;
  }
  return node.end();
}

class Graph {
 public:
  explicit Graph(const std::vector<const json*>& nodes) {
    for (const json* n : nodes)
      if (auto id = n->find("@id"); id != n->end() && id->is_string() && n->size() > 1)
        by_id_.emplace(id->get<std::string>(), n);
  }
  // A node given as {"@id": "..."} only, resolved to its full form in the graph.
  const json& resolve(const json& v) const {
    if (v.is_object() && v.size() == 1)
      if (auto id = v.find("@id"); id != v.end() && id->is_string())
        if (auto found = by_id_.find(id->get<std::string>()); found != by_id_.end()) return *found->second;
    return v;
  }

 private:
  std::map<std::string, const json*> by_id_;
};

// A text value: a string, a number, or an object's name / @value.
std::string text_of(const json& v) {
  if (v.is_string()) return v.get<std::string>();
  if (v.is_number()) return v.dump();
  if (v.is_object()) {
    for (const char* key : {"name", "@value", "text"})
      if (auto it = v.find(key); it != v.end() && it->is_string()) return it->get<std::string>();
  }
  if (v.is_array() && !v.empty()) return text_of(v.front());
  return {};
}

std::string text_field(const json& node, const char* key) {
  auto it = find_key(node, key);
  return it == node.end() ? std::string() : text_of(*it);
}

// A field shown as one line: entities decoded and tags dropped (publishers' templates leave both).
std::string line_field(const json& node, const char* key) { return plain_text(text_field(node, key)); }

std::vector<std::string> names(const json& v, const Graph& graph) {
  std::vector<std::string> out;
  if (v.is_array()) {
    for (const auto& item : v)
      for (auto& name : names(item, graph)) out.push_back(std::move(name));
    return out;
  }
  std::string name = plain_text(text_of(graph.resolve(v)));
  if (!name.empty()) out.push_back(name);
  return out;
}

std::string url_of(const json& v, const Graph& graph) {
  const json& r = graph.resolve(v);
  if (r.is_string()) return r.get<std::string>();
  if (r.is_array() && !r.empty()) return url_of(r.front(), graph);
  if (r.is_object()) {
    for (const char* key : {"url", "contentUrl", "@id"})
      if (auto it = r.find(key); it != r.end() && it->is_string()) return it->get<std::string>();
  }
  return {};
}

std::optional<Image> image_of(const json& v, const Graph& graph) {
  const json& r = graph.resolve(v.is_array() && !v.empty() ? v.front() : v);
  Image image;
  image.url = url_of(r, graph);
  if (r.is_object()) {
    image.alt = line_field(r, "caption");
    if (image.alt.empty()) image.alt = line_field(r, "name");
    image.credit = line_field(r, "creditText");
    if (image.credit.empty())
      if (auto it = r.find("author"); it != r.end()) {
        auto who = names(*it, graph);
        if (!who.empty()) image.credit = who.front();
      }
    if (image.credit.empty()) image.credit = line_field(r, "copyrightHolder");
  }
  if (image.url.empty()) return std::nullopt;
  return image;
}

std::optional<Timestamp> date_field(const json& node, const char* key, Warnings& warnings) {
  return date_field_value(key, text_field(node, key), warnings);
}

// The article among the nodes: the one with the longest body (a page may also
// describe related articles), the first on a tie.
const json* pick_article(const std::vector<const json*>& nodes) {
  const json* best = nullptr;
  std::size_t best_len = 0;
  for (const json* n : nodes) {
    if (!has_article_type(*n)) continue;
    std::size_t len = text_field(*n, "articleBody").size() + 1;
    if (!best || len > best_len) best = n, best_len = len;
  }
  return best;
}

// The share of a text's words that another text also has (space-separated, as written).
double shared_words(std::string_view text, std::string_view other) {
  std::size_t words = 0, found = 0;
  for (std::size_t start = 0; start < text.size();) {
    std::size_t end = text.find(' ', start);
    if (end == std::string_view::npos) end = text.size();
    if (end > start) {
      ++words;
      found += other.find(text.substr(start, end - start)) != std::string_view::npos;
    }
    start = end + 1;
  }
  return words ? static_cast<double>(found) / static_cast<double>(words) : 0.0;
}

}  // namespace

Article read_json_ld(const json& document, std::string_view page_title) {
  std::vector<const json*> nodes;
  collect_nodes(document, nodes);
  const json* found = pick_article(nodes);
  if (!found)
    throw Error(codes::no_article,
                "no schema.org NewsArticle, Article, ReportageNewsArticle or BlogPosting found");
  const json& node = *found;
  Graph graph(nodes);

  Article a;
  a.title = line_field(node, "headline");
  std::string name = line_field(node, "name");
  // Some publishers put a description in headline and the title in name (Wikipedia): the one
  // nearer the page's <title> is the title.
  if (!a.title.empty() && !name.empty() && name != a.title && !page_title.empty() &&
      shared_words(name, page_title) > shared_words(a.title, page_title))
    a.title = name;
  if (a.title.empty()) a.title = name;
  a.subtitle = line_field(node, "alternativeHeadline");
  a.url = text_field(node, "url");
  if (a.url.empty())
    if (auto it = node.find("mainEntityOfPage"); it != node.end()) a.url = url_of(*it, graph);
  a.id = text_field(node, "identifier");
  if (a.id.empty()) a.id = text_field(node, "@id");
  if (a.id.empty()) a.id = a.url;
  if (auto it = node.find("author"); it != node.end()) a.authors = names(*it, graph);
  if (auto it = node.find("publisher"); it != node.end()) {
    auto who = names(*it, graph);
    if (!who.empty()) a.source = who.front();
  }
  if (auto it = node.find("sourceOrganization"); a.source.empty() && it != node.end()) {
    auto who = names(*it, graph);
    if (!who.empty()) a.source = who.front();
  }
  a.credit = line_field(node, "creditText");
  a.published = date_field(node, "datePublished", a.warnings);
  if (!a.published) a.published = date_field(node, "dateCreated", a.warnings);
  a.updated = date_field(node, "dateModified", a.warnings);
  if (auto it = node.find("inLanguage"); it != node.end()) {
    const json& lang = graph.resolve(*it);
    a.language = lang.is_object() ? text_field(lang, "alternateName") : text_of(lang);
  }
  a.body = text_blocks(text_field(node, "articleBody"));
  if (auto it = node.find("image"); it != node.end()) a.image = image_of(*it, graph);
  if (auto it = node.find("articleSection"); it != node.end()) a.section = plain_text(text_of(*it));
  if (auto it = node.find("keywords"); it != node.end()) {
    if (it->is_string()) {  // "a, b, c" as most sites write it
      std::string all = it->get<std::string>();
      for (std::size_t start = 0; start <= all.size();) {
        std::size_t comma = all.find(',', start);
        if (comma == std::string::npos) comma = all.size();
        std::string tag = plain_text(all.substr(start, comma - start));
        if (!tag.empty()) a.tags.push_back(tag);
        start = comma + 1;
      }
    } else {
      a.tags = names(*it, graph);
    }
  }
  return a;
}

}  // namespace khabar::detail
