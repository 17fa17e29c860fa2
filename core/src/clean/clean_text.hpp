#pragma once
// The cleaner's passes over one field's text. Each pass reads a Traced text and
// writes a new one, so every byte still knows which bytes of the ORIGINAL field it
// came from; fixes are recorded with original offsets however many passes ran.
#include <unicode/umachine.h>

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include "khabar/clean.hpp"
#include "text/chars.hpp"

namespace khabar::detail {

// The original bytes [begin, end) one output byte stands for: itself when copied,
// the whole replaced span when a pass rewrote it.
struct Origin {
  std::size_t begin = 0, end = 0;
};

struct Traced {
  std::string text;
  std::vector<Origin> from;  // one per byte of text

  static Traced of(std::string_view original);
  // Original offset of the gap just after text[0, i) (i > 0).
  std::size_t after(std::size_t i) const { return from[i - 1].end; }
};

// Code points of a text with their byte offsets (at[n] == text.size()).
struct Decoded {
  std::vector<UChar32> cp;
  std::vector<std::size_t> at;
  explicit Decoded(std::string_view text);
  std::size_t size() const { return cp.size(); }
};

// Recorder of one field's fixes.
struct FixLog {
  std::string field;
  std::vector<Fix>& out;
  void add(const char* kind, std::size_t offset, std::size_t length, std::string replacement) {
    out.push_back({kind, field, offset, length, std::move(replacement)});
  }
};

// Pass 1, on the original: removes controls, zero-width and bidi-override characters
// (and joiners that join nothing), collapses white space runs to one space and trims.
Traced strip_and_collapse(std::string_view original, FixLog& log);

// Pass 2: NFC, one fix per changed normalisation segment, narrowed to the bytes that differ.
Traced to_nfc(Traced in, FixLog& log);

// Pass 3: HTML entities left in the text ("&quot;", "&amp;", "&#8217;") decoded, each a fix
// ("entity.decoded"); an entity for a code point no text holds (NUL, a surrogate) is removed.
Traced decode_entities(Traced in, FixLog& log);

// Marks every ".." dash ("dash.double_dot", a mark: nothing changes).
void mark_double_dots(const Traced& t, FixLog& log);

// A sentence end glued to the next word ("المنظمة.وفي"). `punct` is the byte of the
// sentence-end mark, `insert` the byte where the missing space belongs (after any
// closing quote), `punct_cp`/`insert_cp` the same as code-point indexes.
struct Glue {
  std::size_t punct = 0, insert = 0;
  std::size_t punct_cp = 0, insert_cp = 0;
};
std::vector<Glue> find_glue(const Decoded& d);

bool is_sentence_end(UChar32 c) noexcept;
bool is_closing(UChar32 c) noexcept;  // closing quote or bracket: ” » ’ ) ] "
bool is_opening(UChar32 c) noexcept;  // opening quote or bracket: “ « ( [ "

}  // namespace khabar::detail
