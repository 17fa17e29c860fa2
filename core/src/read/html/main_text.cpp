#include "read/html/main_text.hpp"

#include <algorithm>
#include <array>
#include <unordered_map>

#include "text/chars.hpp"
#include "text/utf8.hpp"

namespace khabar::detail::html {
namespace {

bool is_ascii_alnum(char c) { return (c >= '0' && c <= '9') || ((c | 0x20) >= 'a' && (c | 0x20) <= 'z'); }

// The words of class and id: "article-body__inner shareBar" -> "article", "body", "inner", "sharebar".
std::vector<std::string> hint_words(const GumboNode* n) {
  std::vector<std::string> out;
  for (const char* name : {"class", "id"}) {
    std::string word;
    for (char c : attribute(n, name)) {
      if (is_ascii_alnum(c)) {
        word += static_cast<char>(c >= 'A' && c <= 'Z' ? c - 'A' + 'a' : c);
      } else if (!word.empty()) {
        out.push_back(std::move(word));
        word.clear();
      }
    }
    if (!word.empty()) out.push_back(std::move(word));
  }
  return out;
}

bool starts_with(std::string_view s, std::string_view p) { return s.substr(0, p.size()) == p; }

// Words that name page furniture, matched at the start of a class/id word ("sharebar", "comments").
constexpr std::array<std::string_view, 50> furniture{
    "comment",    "share",   "sharing",    "social",   "related",   "sidebar",    "cookie",    "consent",
    "gdpr",       "banner",  "promo",      "advert",   "sponsor",   "newsletter", "subscri",   "signup",
    "popup",      "modal",   "breadcrumb", "menu",     "nav",       "footer",     "masthead",  "byline",
    "author",     "caption", "credit",     "widget",   "recommend", "outbrain",   "taboola",   "toolbar",
    "pagination", "pager",   "disqus",     "login",    "popular",   "trending",   "tags",      "print",
    "hidden",     "skip",    "follow",     "readmore", "more",      "dateline",   "timestamp", "rating",
    "overlay",    "shoutbox"};
// Ads are only whole words: "ad" and "ads" (a prefix would take "address", "header"... ).
constexpr std::array<std::string_view, 5> furniture_words{"ad", "ads", "adv", "meta", "tag"};
// Furniture even inside something that also says "article": comments, share bars, related lists.
constexpr std::array<std::string_view, 12> strong_furniture{"comment", "share",   "social",     "related",
                                                            "cookie",  "consent", "newsletter", "outbrain",
                                                            "taboola", "disqus",  "breadcrumb", "recommend"};
constexpr std::array<std::string_view, 10> content_words{"article", "body",  "content", "entry", "main",
                                                         "post",    "story", "text",    "blog",  "hentry"};

bool any_prefix(const std::vector<std::string>& words, std::string_view prefix) {
  return std::any_of(words.begin(), words.end(),
                     [&](const std::string& w) { return starts_with(w, prefix); });
}

bool any_contains(const std::vector<std::string>& words, std::string_view part) {
  return std::any_of(words.begin(), words.end(),
                     [&](const std::string& w) { return w.find(part) != std::string::npos; });
}

int hint_weight(const std::vector<std::string>& words) {
  int weight = 0;
  for (auto w : content_words)
    if (any_contains(words, w)) weight += 25;
  for (auto w : furniture)
    if (any_prefix(words, w)) weight -= 25;
  return std::clamp(weight, -50, 50);
}

bool is_skipped_tag(GumboTag tag) {
  switch (tag) {
    case GUMBO_TAG_SCRIPT:
    case GUMBO_TAG_STYLE:
    case GUMBO_TAG_NOSCRIPT:
    case GUMBO_TAG_TEMPLATE:
    case GUMBO_TAG_SVG:
    case GUMBO_TAG_MATH:
    case GUMBO_TAG_IFRAME:
    case GUMBO_TAG_BUTTON:
    case GUMBO_TAG_SELECT:
    case GUMBO_TAG_TEXTAREA:
    case GUMBO_TAG_INPUT:
    case GUMBO_TAG_NAV:
    case GUMBO_TAG_ASIDE:
    case GUMBO_TAG_FOOTER:
    case GUMBO_TAG_FIGCAPTION:
    case GUMBO_TAG_FIGURE:
    case GUMBO_TAG_HEAD:
    case GUMBO_TAG_OBJECT:
    case GUMBO_TAG_EMBED:
    case GUMBO_TAG_CANVAS:
    case GUMBO_TAG_AUDIO:
    case GUMBO_TAG_VIDEO:
    case GUMBO_TAG_MENU:
    case GUMBO_TAG_LABEL: return true;
    default: return false;
  }
}

// is_boilerplate at strictness 0, 1 and 2 at once, as bits 0, 1 and 2.
unsigned boilerplate_verdicts(const GumboNode* n) {
  constexpr unsigned never = 0, always = 0b111, loose = 0b001, strong_only = 0b011;
  if (!is_element(n)) return never;
  GumboTag tag = tag_of(n);
  if (tag == GUMBO_TAG_BODY || tag == GUMBO_TAG_HTML) return never;
  if (has_attribute(n, "hidden") || attribute(n, "aria-hidden") == "true") return always;
  std::string style = lower_ascii(attribute(n, "style"));
  style.erase(std::remove(style.begin(), style.end(), ' '), style.end());
  if (style.find("display:none") != std::string::npos || style.find("visibility:hidden") != std::string::npos)
    return always;
  std::string role = lower_ascii(attribute(n, "role"));
  if (role == "navigation" || role == "complementary" || role == "contentinfo" || role == "dialog" ||
      role == "alertdialog" || role == "menu" || role == "menubar" || role == "search" || role == "banner")
    return always;
  // A quotation is the article's own content whatever its class says: embedded posts
  // (blockquote.twitter-tweet, .instagram-media) carry the words the story quotes.
  if (tag == GUMBO_TAG_MAIN || tag == GUMBO_TAG_ARTICLE || tag == GUMBO_TAG_BLOCKQUOTE) return never;
  // From here on, strictness 2 trusts no class/id word, and 1 only the strong ones.
  std::vector<std::string> words = hint_words(n);
  if (words.empty()) return never;
  bool strong = false, weak = false;
  for (auto w : strong_furniture) strong = strong || any_prefix(words, w);
  if (strong) return strong_only;
  for (auto w : furniture) weak = weak || any_prefix(words, w);
  for (auto w : furniture_words) weak = weak || std::find(words.begin(), words.end(), w) != words.end();
  if (!weak) return never;
  for (auto w : content_words)
    if (any_contains(words, w)) return never;
  return loose;
}

// is_boilerplate at one strictness for one reading of the page, noting the other strictness
// levels at which some element it was asked about would have been judged otherwise. A level at
// which none would reads the page exactly the same way (every choice of the reading follows
// from these verdicts), so it need not be read again.
// The verdicts are the same in every reading of a page: each element's are worked out once.
class Judge {
 public:
  using Memo = std::unordered_map<const GumboNode*, unsigned>;
  Judge(int strictness, Memo& memo) : strictness_(strictness), memo_(memo) {}
  bool operator()(const GumboNode* n) {
    auto [it, fresh] = memo_.try_emplace(n, 0u);
    if (fresh) it->second = boilerplate_verdicts(n);
    unsigned all = it->second;
    bool verdict = (all >> strictness_) & 1u;
    differs_ |= verdict ? ~all & 0b111u : all;
    return verdict;
  }
  unsigned differs() const { return differs_; }

 private:
  int strictness_;
  Memo& memo_;
  unsigned differs_ = 0;
};

bool is_heading(GumboTag tag) {
  return tag == GUMBO_TAG_H1 || tag == GUMBO_TAG_H2 || tag == GUMBO_TAG_H3 || tag == GUMBO_TAG_H4 ||
         tag == GUMBO_TAG_H5 || tag == GUMBO_TAG_H6;
}

// Per element: its text's length in code points, the part inside links, and its commas.
struct Stats {
  std::size_t chars = 0;
  std::size_t link_chars = 0;
  std::size_t commas = 0;
  std::size_t paragraphs = 0;  // <p> elements inside
};

bool is_comma(UChar32 c) { return c == ',' || c == 0x060C || c == 0xFF0C || c == 0x3001; }

class Scorer {
 public:
  Scorer(const GumboNode* from, Judge& judge) : judge_(judge) { measure(from, 0, false); }

  const Stats& stats(const GumboNode* n) const {
    static const Stats none;
    auto it = stats_.find(n);
    return it == stats_.end() ? none : it->second;
  }
  double link_density(const GumboNode* n) const {
    const Stats& s = stats(n);
    return s.chars == 0 ? 0.0 : static_cast<double>(s.link_chars) / static_cast<double>(s.chars);
  }

 private:
  Stats measure(const GumboNode* n, int depth, bool in_link) {
    Stats s;
    if (n->type == GUMBO_NODE_TEXT || n->type == GUMBO_NODE_CDATA) {
      std::string_view t = n->v.text.text;
      for (std::size_t i = 0; i < t.size();) {
        UChar32 c = char_after(t, i);
        if (is_white_space(c)) continue;
        ++s.chars;
        if (is_comma(c)) ++s.commas;
      }
      if (in_link) s.link_chars = s.chars;
      return s;
    }
    if (!is_element(n) || depth > max_walk_depth || is_skipped_tag(tag_of(n)) || judge_(n)) return s;
    bool link = in_link || tag_of(n) == GUMBO_TAG_A;
    const GumboVector& kids = children_of(n);
    for (unsigned i = 0; i < kids.length; ++i) {
      Stats k = measure(static_cast<const GumboNode*>(kids.data[i]), depth + 1, link);
      s.chars += k.chars;
      s.link_chars += k.link_chars;
      s.commas += k.commas;
      s.paragraphs += k.paragraphs;
    }
    if (tag_of(n) == GUMBO_TAG_P) ++s.paragraphs;
    stats_.emplace(n, s);
    return s;
  }

  Judge& judge_;
  std::unordered_map<const GumboNode*, Stats> stats_;
};

// An element that holds a paragraph of the article: <p>, <pre>, <blockquote>, <td>, or a
// <div>/<section> whose own text (not that of block children) is long.
bool is_paragraph_like(const GumboNode* n) {
  GumboTag tag = tag_of(n);
  if (tag == GUMBO_TAG_P || tag == GUMBO_TAG_PRE || tag == GUMBO_TAG_BLOCKQUOTE || tag == GUMBO_TAG_TD ||
      tag == GUMBO_TAG_LI || tag == GUMBO_TAG_DD)
    return true;
  if (tag != GUMBO_TAG_DIV && tag != GUMBO_TAG_SECTION && tag != GUMBO_TAG_ARTICLE && tag != GUMBO_TAG_SPAN &&
      tag != GUMBO_TAG_FONT && tag != GUMBO_TAG_CENTER)
    return false;
  std::size_t own = 0;
  const GumboVector& kids = children_of(n);
  for (unsigned i = 0; i < kids.length; ++i) {
    auto* c = static_cast<const GumboNode*>(kids.data[i]);
    if (c->type == GUMBO_NODE_TEXT) own += trim(c->v.text.text).size();
  }
  return own >= 50;
}

// A paragraph-like element by its own text rather than by its tag (a <div> holding text).
bool holds_bare_text(const GumboNode* n) {
  GumboTag tag = tag_of(n);
  return tag != GUMBO_TAG_P && tag != GUMBO_TAG_PRE && tag != GUMBO_TAG_BLOCKQUOTE && tag != GUMBO_TAG_TD &&
         tag != GUMBO_TAG_LI && tag != GUMBO_TAG_DD;
}

struct Candidate {
  const GumboNode* node;
  double score;
};

int tag_weight(GumboTag tag) {
  switch (tag) {
    case GUMBO_TAG_ARTICLE:
    case GUMBO_TAG_MAIN: return 10;
    case GUMBO_TAG_DIV: return 5;
    case GUMBO_TAG_SECTION:
    case GUMBO_TAG_PRE:
    case GUMBO_TAG_TD:
    case GUMBO_TAG_BLOCKQUOTE: return 3;
    case GUMBO_TAG_OL:
    case GUMBO_TAG_UL:
    case GUMBO_TAG_DL:
    case GUMBO_TAG_DD:
    case GUMBO_TAG_DT:
    case GUMBO_TAG_LI:
    case GUMBO_TAG_FORM: return -3;
    case GUMBO_TAG_ADDRESS:
    case GUMBO_TAG_TH:
    case GUMBO_TAG_H1:
    case GUMBO_TAG_H2:
    case GUMBO_TAG_H3:
    case GUMBO_TAG_H4:
    case GUMBO_TAG_H5:
    case GUMBO_TAG_H6: return -5;
    default: return 0;
  }
}

// The block emitter: inline content gathers into the current paragraph; a block element or
// two <br> close it; headings are their own blocks.
class Emitter {
 public:
  Emitter(const std::function<bool(const GumboNode*)>& skip, bool newline_breaks)
      : skip_(skip), newline_breaks_(newline_breaks) {}

  void walk(const GumboNode* n, int depth) {
    if (depth > max_walk_depth) return;
    if (n->type == GUMBO_NODE_TEXT || n->type == GUMBO_NODE_CDATA || n->type == GUMBO_NODE_WHITESPACE) {
      std::string_view t = n->v.text.text;
      if (!newline_breaks_) {
        current_ += t;
        if (n->type != GUMBO_NODE_WHITESPACE) brs_ = 0;
        return;
      }
      for (std::size_t start = 0;;) {
        std::size_t nl = t.find('\n', start);
        current_ += t.substr(start, nl == std::string_view::npos ? std::string_view::npos : nl - start);
        if (nl == std::string_view::npos) break;
        flush();
        start = nl + 1;
      }
      return;
    }
    if (!is_element(n)) return;
    GumboTag tag = tag_of(n);
    if (is_skipped_tag(tag) && tag != GUMBO_TAG_FIGURE) return;
    if (tag == GUMBO_TAG_FIGURE) return;
    if (skip_ && skip_(n)) return;
    if (tag == GUMBO_TAG_BR) {
      if (++brs_ >= 2) flush();
      current_ += ' ';
      return;
    }
    if (is_heading(tag)) {
      flush();
      std::string text = text_content(n);
      if (!text.empty()) out.push_back({Block::Kind::heading, std::move(text)});
      return;
    }
    bool block = is_block_tag(tag);
    if (block) flush();
    const GumboVector& kids = children_of(n);
    for (unsigned i = 0; i < kids.length; ++i) walk(static_cast<const GumboNode*>(kids.data[i]), depth + 1);
    if (block) flush();
  }

  void flush() {
    std::string text = collapse_space(current_);
    current_.clear();
    brs_ = 0;
    if (!text.empty()) out.push_back({Block::Kind::paragraph, std::move(text)});
  }

  std::vector<Block> out;

 private:
  const std::function<bool(const GumboNode*)>& skip_;
  bool newline_breaks_;
  std::string current_;
  int brs_ = 0;
};

// The label alone of a block (case, surrounding spaces and closing punctuation aside).
std::string label_of(std::string_view text) {
  std::string t = lower_ascii(text);
  while (!t.empty() &&
         (t.back() == ' ' || t.back() == '.' || t.back() == ':' || t.back() == '-' || t.back() == '!'))
    t.pop_back();
  while (!t.empty() && (t.front() == ' ' || t.front() == '-')) t.erase(0, 1);
  if (t.size() >= 3 && t.compare(t.size() - 3, 3, "\u2026") == 0) t.resize(t.size() - 3);  // "…"
  return t;
}

// A line that opens what follows an article: its comments, related or recommended stories.
// From such a line in the article's second half on, the rest is left out.
bool opens_after_article(std::string_view text) {
  static constexpr std::string_view labels[] = {"comments",
                                                "leave a comment",
                                                "leave a reply",
                                                "related articles",
                                                "related posts",
                                                "related stories",
                                                "related",
                                                "you may also like",
                                                "you might also like",
                                                "more stories",
                                                "recommended",
                                                "recommended for you",
                                                "most popular",
                                                "tell us what you think",
                                                "commentaires",
                                                "articles similaires",
                                                "à lire aussi",
                                                "comentarios",
                                                "noticias relacionadas",
                                                "kommentare",
                                                "التعليقات",
                                                "مقالات ذات صلة",
                                                "اقرأ أيضا",
                                                "اقرأ أيضاً"};
  std::string t = label_of(text);
  return std::find(std::begin(labels), std::end(labels), t) != std::end(labels);
}

// A block that is only the label of an ad slot ("Advertisement", "ADVERT", "Publicité", "إعلان").
bool is_ad_label(std::string_view text) {
  static constexpr std::string_view labels[] = {
      "advertisement", "advert",      "ad",         "ads",         "sponsored",  "anzeige",
      "werbung",       "publicité",   "publicidad", "publicidade", "pubblicità", "reklama",
      "reclame",       "advertentie", "iklan",      "إعلان",       "اعلان",      "פרסומת"};
  std::string t = label_of(text);
  return std::find(std::begin(labels), std::end(labels), t) != std::end(labels);
}

// A block near the top that repeats the title the card shows already, as a paragraph or a
// heading, whole or as the title's larger part (the title may carry the site's name).
bool repeats_title(std::string_view text, std::string_view title) {
  if (title.empty() || text.size() < 8) return false;
  if (text == title) return true;
  return title.find(text) != std::string_view::npos && text.size() * 2 >= title.size();
}

// Text that ends like a sentence (any script's full stop, question or exclamation mark).
bool ends_like_sentence(std::string_view text) {
  std::size_t i = text.size();
  UChar32 c = char_before(text, i);
  while (c == '"' || c == 0x201D || c == 0xBB || c == ')' || c == 0x2019) c = char_before(text, i);
  return c == '.' || c == '!' || c == '?' || c == 0x061F || c == 0x06D4 || c == 0x3002 || c == 0xFF01 ||
         c == 0xFF1F || c == 0x2026 || c == ':';
}

}  // namespace

bool is_boilerplate(const GumboNode* n, int strictness) {
  return (boilerplate_verdicts(n) >> std::clamp(strictness, 0, 2)) & 1u;
}

std::vector<Block> blocks_of(const GumboNode* n, const std::function<bool(const GumboNode*)>& skip,
                             bool newline_breaks) {
  Emitter e(skip, newline_breaks);
  e.walk(n, 0);
  e.flush();
  return std::move(e.out);
}

namespace {

bool contains(const GumboNode* ancestor, const GumboNode* n) {
  for (int depth = 0; n && depth <= max_walk_depth; ++depth, n = n->parent)
    if (n == ancestor) return true;
  return false;
}

// The nearest ancestor of `best` (below <body>) that holds at least three of the five next
// candidates scoring within 75% of it; null when there is none.
const GumboNode* common_ancestor_of_near(const GumboNode* best, double best_score,
                                         const std::vector<const GumboNode*>& order,
                                         const std::unordered_map<const GumboNode*, double>& scores) {
  constexpr std::size_t next = 5, enough = 3;
  std::vector<const GumboNode*> ranked;
  for (const GumboNode* n : order)
    if (n != best) ranked.push_back(n);
  std::stable_sort(ranked.begin(), ranked.end(),
                   [&](const GumboNode* a, const GumboNode* b) { return scores.at(a) > scores.at(b); });
  if (ranked.size() > next) ranked.resize(next);
  std::erase_if(ranked, [&](const GumboNode* n) { return scores.at(n) < best_score * 0.75; });
  if (ranked.size() < enough) return nullptr;
  for (const GumboNode* a = best->parent; a && is_element(a) && tag_of(a) != GUMBO_TAG_BODY; a = a->parent) {
    std::size_t held = 0;
    for (const GumboNode* n : ranked) held += contains(a, n);
    if (held >= enough) return a;
  }
  return nullptr;
}

// The lowest ancestor of `best` (below <body>, at most six levels up) that also holds every
// other candidate made from the same template: the same class words as `best`, a real share of
// its score, neither inside it nor around it (an article split into chunks between ad rails,
// each chunk a "body" div of its own). Null when there is no such candidate.
const GumboNode* ancestor_of_same_template(const GumboNode* best, double best_score,
                                           const std::vector<const GumboNode*>& order,
                                           const std::unordered_map<const GumboNode*, double>& scores) {
  std::vector<std::string> words = hint_words(best);
  if (words.empty()) return nullptr;
  std::vector<const GumboNode*> twins;
  for (const GumboNode* n : order)
    if (n != best && scores.at(n) >= best_score * 0.3 && !contains(n, best) && !contains(best, n) &&
        hint_words(n) == words)
      twins.push_back(n);
  if (twins.empty()) return nullptr;
  const GumboNode* a = best->parent;
  for (int level = 0; a && is_element(a) && tag_of(a) != GUMBO_TAG_BODY && level < 6; ++level, a = a->parent)
    if (std::all_of(twins.begin(), twins.end(), [&](const GumboNode* t) { return contains(a, t); })) return a;
  return nullptr;
}

// One reading at `strictness`; `differs` gets the levels at which another reading could differ
// (Judge::differs).
std::vector<Block> extract_at(const GumboNode* from, std::string_view title, int strictness,
                              Judge::Memo& verdicts, const GumboNode*& article, unsigned& differs) {
  article = from;
  Judge judge(strictness, verdicts);
  Scorer scorer(from, judge);
  std::unordered_map<const GumboNode*, double> scores;
  std::vector<const GumboNode*> order;  // candidates in first-scored order (ties: the earlier)
  for_each_element(from, [&](const GumboNode* n, int) {
    if (is_skipped_tag(tag_of(n)) || judge(n)) return false;
    if (!is_paragraph_like(n)) return true;
    const Stats& s = scorer.stats(n);
    if (s.chars < 25 || scorer.link_density(n) > 0.5) return true;
    double score = 1.0 + static_cast<double>(s.commas) + std::min(static_cast<double>(s.chars) / 100.0, 3.0);
    // Text straight in a <div> (between <br>s, beside images) is a paragraph of its own inside
    // that div, as if wrapped in a <p>: the div is its first candidate, not the div's parent.
    const GumboNode* ancestor = holds_bare_text(n) ? n : n->parent;
    for (int level = 0; ancestor && level < 3 && is_element(ancestor); ++level, ancestor = ancestor->parent) {
      auto [it, fresh] = scores.try_emplace(ancestor, 0.0);
      if (fresh) {
        it->second = tag_weight(tag_of(ancestor)) + hint_weight(hint_words(ancestor));
        order.push_back(ancestor);
      }
      it->second += score / (level == 0 ? 1.0 : level == 1 ? 2.0 : level * 3.0);
    }
    return true;
  });
  if (order.empty()) {
    // No paragraph anywhere (a short note, text straight in <body>): the body's own text.
    std::function<bool(const GumboNode*)> skip = [&](const GumboNode* n) { return judge(n); };
    std::vector<Block> out = blocks_of(from, skip);
    differs = judge.differs();
    return out;
  }
  const GumboNode* best = nullptr;
  double best_score = 0;
  for (const GumboNode* n : order) {
    double s = scores[n] * (1.0 - scorer.link_density(n));
    scores[n] = s;
    if (!best || s > best_score) best = n, best_score = s;
  }
  // An article cut into parts (chunks between ad slots, one card per paragraph, sections): when
  // three of the next five candidates score near the best and share an ancestor with it, that
  // ancestor holds the whole article.
  const GumboNode* whole = common_ancestor_of_near(best, best_score, order, scores);
  if (!whole) whole = ancestor_of_same_template(best, best_score, order, scores);
  if (whole) {
    best = whole;
    if (auto it = scores.find(whole); it != scores.end()) best_score = std::max(best_score, it->second);
  }
  // A candidate that is one of few children of its parent: the parent holds the whole article
  // (a lead paragraph or a gallery beside the body), when the parent scores near it.
  for (int climb = 0;
       climb < 3 && best->parent && is_element(best->parent) && tag_of(best->parent) != GUMBO_TAG_BODY;
       ++climb) {
    auto it = scores.find(best->parent);
    if (it == scores.end() || it->second < best_score * 0.75) break;
    best = best->parent;
    best_score = it->second;
  }

  article = best;
  // The best candidate, and siblings that belong to the same article.
  std::vector<const GumboNode*> parts;
  const GumboNode* parent = best->parent;
  if (!parent || !is_element(parent)) {
    parts.push_back(best);
  } else {
    double threshold = std::max(10.0, best_score * 0.2);
    std::vector<std::string> best_class = hint_words(best);
    const GumboVector& kids = children_of(parent);
    for (unsigned i = 0; i < kids.length; ++i) {
      auto* sib = static_cast<const GumboNode*>(kids.data[i]);
      if (!is_element(sib)) continue;
      if (sib == best) {
        parts.push_back(sib);
        continue;
      }
      if (is_skipped_tag(tag_of(sib)) || judge(sib)) continue;
      double bonus = !best_class.empty() && hint_words(sib) == best_class ? best_score * 0.2 : 0.0;
      auto it = scores.find(sib);
      if (it != scores.end() && it->second + bonus >= threshold) {
        parts.push_back(sib);
        continue;
      }
      if (tag_of(sib) == GUMBO_TAG_P) {
        const Stats& s = scorer.stats(sib);
        double density = scorer.link_density(sib);
        if ((s.chars > 80 && density < 0.25) ||
            (s.chars > 0 && density == 0.0 && ends_like_sentence(text_content(sib))))
          parts.push_back(sib);
      }
    }
  }

  // Inside the article: furniture, link lists and short link-only lines are left out.
  std::function<bool(const GumboNode*)> skip = [&](const GumboNode* n) {
    if (judge(n)) return true;
    GumboTag tag = tag_of(n);
    const Stats& s = scorer.stats(n);
    double density = scorer.link_density(n);
    if ((tag == GUMBO_TAG_UL || tag == GUMBO_TAG_OL) && density > 0.5) return true;
    if ((tag == GUMBO_TAG_DIV || tag == GUMBO_TAG_SECTION || tag == GUMBO_TAG_TABLE) && s.paragraphs == 0 &&
        density > 0.5)
      return true;
    if ((tag == GUMBO_TAG_P || tag == GUMBO_TAG_LI) && density > 0.8) return true;
    return false;
  };
  std::vector<Block> out;
  std::string normalized_title = collapse_space(title);
  for (const GumboNode* part : parts)
    for (auto& block : blocks_of(part, skip))
      if (!(block.kind == Block::Kind::heading && block.text == normalized_title))
        out.push_back(std::move(block));
  differs = judge.differs();
  return out;
}

}  // namespace

std::vector<Block> extract_main_text(const GumboNode* from, std::string_view title,
                                     const GumboNode** article) {
  // Class and id words mislead on some templates (a wrapper "has-sidebar", "share-enabled"):
  // when the strict reading finds less than a short article, they are trusted less.
  constexpr std::size_t enough = 500;
  std::vector<Block> best;
  std::size_t best_chars = 0;
  // Ad-slot labels and a repeat of the title at the top are left out of the reading chosen (not
  // before: they count towards "enough", as the reading's size is a sign of where it stands).
  std::string normalized_title = collapse_space(title);
  auto tidy = [&](std::vector<Block> blocks) {
    std::vector<Block> out;
    for (std::size_t i = 0; i < blocks.size(); ++i) {
      Block& block = blocks[i];
      if (i >= 1 && i * 2 >= blocks.size() && opens_after_article(block.text)) break;
      if (block.kind == Block::Kind::heading && block.text == normalized_title) continue;
      if (!is_ad_label(block.text) && !(out.size() < 3 && repeats_title(block.text, normalized_title)))
        out.push_back(std::move(block));
    }
    return out.empty() ? blocks : out;  // a page whose only text is its title keeps it (unmoved)
  };
  Judge::Memo verdicts;
  unsigned differs = 0b111;  // the levels at which the last reading could differ
  for (int strictness = 0; strictness <= 2; ++strictness) {
    // A reading that would be the last one again adds nothing (no class or id word on the page
    // is judged otherwise at this level): skipped, the result is the same.
    if (!((differs >> strictness) & 1u)) continue;
    const GumboNode* root = nullptr;
    // The headline counts towards the reading's size (it is dropped from the text in tidy):
    // whether the title carries the site's name must not move the reading chosen.
    std::vector<Block> blocks = extract_at(from, {}, strictness, verdicts, root, differs);
    std::size_t chars = 0;
    for (const auto& b : blocks) chars += count_code_points(b.text);
    if (chars >= enough || chars > best_chars) {
      if (article) *article = root;
      if (chars >= enough) return tidy(std::move(blocks));
      best = std::move(blocks), best_chars = chars;
    }
  }
  return tidy(std::move(best));
}

}  // namespace khabar::detail::html
