#include "read/html/dom.hpp"

#include <algorithm>
#include <array>
#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "text/chars.hpp"

#if defined(__SANITIZE_ADDRESS__)
#define KHABAR_ASAN 1
#elif defined(__has_feature)
#if __has_feature(address_sanitizer)
#define KHABAR_ASAN 1
#endif
#endif
#ifndef KHABAR_ASAN
#define KHABAR_ASAN 0
#endif
#if KHABAR_ASAN
#include <sanitizer/asan_interface.h>
#endif

namespace khabar::detail::html {

std::size_t nesting_bound(std::string_view html) noexcept {
  static constexpr std::string_view void_elements[] = {"area",  "base",   "br",    "col",  "embed",
                                                       "hr",    "img",    "input", "link", "meta",
                                                       "param", "source", "track", "wbr"};
  std::size_t depth = 0, most = 0;
  for (std::size_t i = 0; i + 1 < html.size(); ++i) {
    if (html[i] != '<') continue;
    char c = html[i + 1];
    if (c == '/') {
      if (depth > 0) --depth;
      continue;
    }
    if (!((c | 0x20) >= 'a' && (c | 0x20) <= 'z')) continue;
    std::size_t end = i + 1;
    while (end < html.size() && ((html[end] | 0x20) >= 'a' && (html[end] | 0x20) <= 'z')) ++end;
    std::string_view name = html.substr(i + 1, end - i - 1);  // letters only: | 0x20 lowers them
    auto is = [&name](std::string_view v) {
      if (v.size() != name.size()) return false;
      for (std::size_t k = 0; k < v.size(); ++k)
        if ((name[k] | 0x20) != v[k]) return false;
      return true;
    };
    bool is_void = false;
    for (auto v : void_elements) is_void = is_void || is(v);
    if (!is_void && ++depth > most) most = depth;
  }
  return most;
}

// Gumbo asks for memory some 350 times a kilobyte of page and gives each piece back alone, at
// the end by walking the whole tree; with malloc each is a call, and a dear one in the fuzzers'
// AddressSanitizer build. Here a piece comes from a free list of its power-of-two size class
// or off a block, goes back to its list, and the blocks go with the Document. Under
// AddressSanitizer what is not handed out stays poisoned, so a read past a node's string is
// still caught.
class Pool {
 public:
  Pool() = default;
  Pool(const Pool&) = delete;
  Pool& operator=(const Pool&) = delete;
  ~Pool() {
    if (!spare() && !blocks_.empty()) spare() = std::move(blocks_.front());
  }

  void* allocate(std::size_t size) {
    std::size_t cls = 0;
    while (cls < classes && (min_piece << cls) < size + header) ++cls;
    char* piece = nullptr;
    if (cls < classes && free_[cls]) {
      piece = free_[cls];
      unpoison(piece, header);
      free_[cls] = *reinterpret_cast<char**>(piece + header - sizeof(char*));
    } else {
      piece = take(cls < classes ? min_piece << cls : size + header);
    }
    unpoison(piece, header + size);
    *reinterpret_cast<std::size_t*>(piece) = cls;
    poison(piece, header);
    return piece + header;
  }

  void deallocate(void* p) {
    if (!p) return;
    char* piece = static_cast<char*>(p) - header;
    unpoison(piece, header);
    std::size_t cls = *reinterpret_cast<std::size_t*>(piece);
    if (cls >= classes) {  // a piece of its own block: kept until the Document goes
      poison(piece, header);
      return;
    }
    *reinterpret_cast<char**>(piece + header - sizeof(char*)) = free_[cls];
    free_[cls] = piece;
    poison(piece, min_piece << cls);
  }

 private:
  static constexpr std::size_t header = alignof(std::max_align_t);  // the size class, then the list's link
  static constexpr std::size_t min_piece = 32, classes = 16;        // 32 bytes to 1 MB
  static constexpr std::size_t block_size = 64 * 1024;
  static_assert(header >= sizeof(std::size_t) + sizeof(char*) && min_piece >= header);

  static void poison([[maybe_unused]] const char* p, [[maybe_unused]] std::size_t n) {
#if KHABAR_ASAN
    __asan_poison_memory_region(p, n);
#endif
  }
  static void unpoison([[maybe_unused]] const char* p, [[maybe_unused]] std::size_t n) {
#if KHABAR_ASAN
    __asan_unpoison_memory_region(p, n);
#endif
  }

  // One block the thread keeps between Documents: most pages need no other, and a new block
  // each parse is a new allocation (page faults; under ASan, its fill of new memory).
  static std::unique_ptr<char[]>& spare() {
    thread_local std::unique_ptr<char[]> block;
    return block;
  }

  // `n` bytes (a multiple of the alignment) off the current block, or a block of their own.
  char* take(std::size_t n) {
    if (n > block_size / 4) {
      own_.emplace_back(new char[n]);  // new's alignment is max_align_t's at least
      poison(own_.back().get(), n);
      return own_.back().get();
    }
    if (blocks_.empty() || used_ + n > block_size) {
      blocks_.push_back(std::move(spare()));
      if (!blocks_.back()) blocks_.back().reset(new char[block_size]);
      poison(blocks_.back().get(), block_size);
      used_ = 0;
    }
    char* p = blocks_.back().get() + used_;
    used_ += n;
    return p;
  }

  std::vector<std::unique_ptr<char[]>> blocks_;  // block_size each, the last one in use
  std::vector<std::unique_ptr<char[]>> own_;     // pieces over a quarter of a block
  std::size_t used_ = 0;
  std::array<char*, classes> free_{};
};

namespace {

// Gumbo (0.10) reads the digits of a numeric character reference into an int without a
// bound: past 2^31 the value wraps, and a negative one comes out as bytes that are not UTF-8
// ("&#x0FFFFFFFFF1;", found by fuzz_markup; the card then failed with input.invalid_utf8 on a
// well-formed page). The HTML standard reads every value past U+10FFFF as U+FFFD, so such a
// reference reaches Gumbo with its digits replaced by FFFD's; nothing else changes, and a page
// without one is not copied.
std::optional<std::string> bounded_char_refs(std::string_view html) {
  std::optional<std::string> out;
  std::size_t copied = 0;
  for (std::size_t at = html.find("&#"); at != std::string_view::npos; at = html.find("&#", at + 2)) {
    std::size_t i = at + 2;
    bool hex = i < html.size() && (html[i] == 'x' || html[i] == 'X');
    if (hex) ++i;
    std::size_t digits = i;
    std::uint32_t value = 0;
    for (; i < html.size(); ++i) {
      char c = html[i];
      int d = c >= '0' && c <= '9'                            ? c - '0'
              : hex && (c | 0x20) >= 'a' && (c | 0x20) <= 'f' ? (c | 0x20) - 'a' + 10
                                                              : -1;
      if (d < 0) break;
      value = std::min<std::uint32_t>(value * (hex ? 16 : 10) + static_cast<std::uint32_t>(d), 0x110000);
    }
    if (i == digits || value <= 0x10FFFF) continue;
    if (!out) out.emplace().reserve(html.size());
    out->append(html.substr(copied, digits - copied)).append(hex ? "FFFD" : "65533");
    copied = i;
  }
  if (out) out->append(html.substr(copied));
  return out;
}

}  // namespace

Document::Document(std::string_view utf8) : pool_(std::make_unique<Pool>()) {
  if (auto bounded = bounded_char_refs(utf8)) {
    source_ = std::move(*bounded);  // Gumbo's nodes point into the text they were parsed from
    utf8 = source_;
  }
  GumboOptions options = kGumboDefaultOptions;
  options.max_errors = 0;  // parse errors are not reported, only recovered from
  options.userdata = pool_.get();
  options.allocator = [](void* pool, std::size_t size) { return static_cast<Pool*>(pool)->allocate(size); };
  options.deallocator = [](void* pool, void* p) { static_cast<Pool*>(pool)->deallocate(p); };
  output_ = gumbo_parse_with_options(&options, utf8.data(), utf8.size());
  for (unsigned i = 0; i < output_->root->v.element.children.length; ++i) {
    auto* child = static_cast<const GumboNode*>(output_->root->v.element.children.data[i]);
    if (tag_of(child) == GUMBO_TAG_HEAD) head_ = child;
    if (tag_of(child) == GUMBO_TAG_BODY) body_ = child;
  }
}

// The tree's memory is the pool's: it goes at once, without walking the tree (gumbo_destroy_output).
Document::~Document() = default;

std::string_view attribute(const GumboNode* n, const char* name) {
  if (n->type != GUMBO_NODE_ELEMENT) return {};
  const GumboAttribute* a = gumbo_get_attribute(&n->v.element.attributes, name);
  return a ? std::string_view(a->value) : std::string_view();
}

bool has_attribute(const GumboNode* n, const char* name) {
  return n->type == GUMBO_NODE_ELEMENT && gumbo_get_attribute(&n->v.element.attributes, name) != nullptr;
}

void for_each_element(const GumboNode* from, const std::function<bool(const GumboNode*, int)>& visit) {
  struct Frame {
    const GumboNode* node;
    int depth;
  };
  std::vector<Frame> stack{{from, 0}};
  while (!stack.empty()) {
    Frame f = stack.back();
    stack.pop_back();
    if (!is_element(f.node) || f.depth > max_walk_depth) continue;
    if (!visit(f.node, f.depth)) continue;
    const GumboVector& kids = children_of(f.node);
    for (unsigned i = kids.length; i-- > 0;)
      stack.push_back({static_cast<const GumboNode*>(kids.data[i]), f.depth + 1});
  }
}

bool is_block_tag(GumboTag tag) {
  switch (tag) {
    case GUMBO_TAG_P:
    case GUMBO_TAG_DIV:
    case GUMBO_TAG_LI:
    case GUMBO_TAG_UL:
    case GUMBO_TAG_OL:
    case GUMBO_TAG_H1:
    case GUMBO_TAG_H2:
    case GUMBO_TAG_H3:
    case GUMBO_TAG_H4:
    case GUMBO_TAG_H5:
    case GUMBO_TAG_H6:
    case GUMBO_TAG_BR:
    case GUMBO_TAG_TR:
    case GUMBO_TAG_TD:
    case GUMBO_TAG_TH:
    case GUMBO_TAG_BLOCKQUOTE:
    case GUMBO_TAG_PRE:
    case GUMBO_TAG_SECTION:
    case GUMBO_TAG_ARTICLE:
    case GUMBO_TAG_HEADER:
    case GUMBO_TAG_FOOTER:
    case GUMBO_TAG_FIGURE:
    case GUMBO_TAG_FIGCAPTION:
    case GUMBO_TAG_DT:
    case GUMBO_TAG_DD:
    case GUMBO_TAG_TABLE:
    case GUMBO_TAG_HR:
    case GUMBO_TAG_MAIN:
    case GUMBO_TAG_ASIDE:
    case GUMBO_TAG_NAV:
    case GUMBO_TAG_ADDRESS:
    case GUMBO_TAG_DL: return true;
    default: return false;
  }
}

namespace {

void append_text(const GumboNode* n, std::string& out, int depth) {
  if (depth > max_walk_depth) return;
  switch (n->type) {
    case GUMBO_NODE_TEXT:
    case GUMBO_NODE_CDATA:
    case GUMBO_NODE_WHITESPACE: out += n->v.text.text; return;
    case GUMBO_NODE_ELEMENT:
    case GUMBO_NODE_TEMPLATE: break;
    default: return;
  }
  GumboTag tag = tag_of(n);
  if (tag == GUMBO_TAG_SCRIPT || tag == GUMBO_TAG_STYLE || tag == GUMBO_TAG_NOSCRIPT ||
      tag == GUMBO_TAG_TEMPLATE)
    return;
  bool block = is_block_tag(tag);
  if (block) out += ' ';
  const GumboVector& kids = n->v.element.children;
  for (unsigned i = 0; i < kids.length; ++i)
    append_text(static_cast<const GumboNode*>(kids.data[i]), out, depth + 1);
  if (block) out += ' ';
}

}  // namespace

std::string text_content(const GumboNode* n) {
  std::string out;
  append_text(n, out, 0);
  return collapse_space(out);
}

std::string raw_text(const GumboNode* n) {
  std::string out;
  const GumboVector& kids = children_of(n);
  for (unsigned i = 0; i < kids.length; ++i) {
    auto* c = static_cast<const GumboNode*>(kids.data[i]);
    if (c->type == GUMBO_NODE_TEXT || c->type == GUMBO_NODE_WHITESPACE || c->type == GUMBO_NODE_CDATA)
      out += c->v.text.text;
  }
  return out;
}

}  // namespace khabar::detail::html
