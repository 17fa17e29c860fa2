// Counting and cutting text by user-perceived characters (grapheme clusters).
//
// ICU's character BreakIterator runs over a UText that reads the UTF-8 in place, so its
// boundaries are byte offsets directly.
#include <unicode/brkiter.h>
#include <unicode/uchar.h>
#include <unicode/utext.h>
#include <unicode/utf8.h>

#include <memory>
#include <string>
#include <vector>

#include "khabar/error.hpp"
#include "khabar/summarize.hpp"
#include "text/chars.hpp"
#include "text/utf8.hpp"

namespace khabar {

namespace {

// Grapheme rules are the same in every locale; one iterator per thread, since an
// iterator is not thread-safe but building one loads rule data.
icu::BreakIterator& character_iterator() {
  thread_local std::unique_ptr<icu::BreakIterator> it;
  if (!it) {
    UErrorCode status = U_ZERO_ERROR;
    it.reset(icu::BreakIterator::createCharacterInstance(icu::Locale::getRoot(), status));
    if (U_FAILURE(status) || !it) {
      it.reset();
      throw Error(codes::internal, std::string("ICU character iterator unavailable: ") + u_errorName(status));
    }
  }
  return *it;
}

// Byte offsets of the grapheme boundaries after the start, up to `limit` of them (the
// whole text when limit is npos). The last entry is text.size() when the text ends first.
std::vector<std::size_t> grapheme_ends(std::string_view text, std::size_t limit) {
  std::vector<std::size_t> ends;
  if (text.empty() || limit == 0) return ends;
  UErrorCode status = U_ZERO_ERROR;
  UText* ut = utext_openUTF8(nullptr, text.data(), static_cast<int64_t>(text.size()), &status);
  if (U_FAILURE(status)) throw Error(codes::internal, std::string("utext_openUTF8: ") + u_errorName(status));
  icu::BreakIterator& it = character_iterator();
  it.setText(ut, status);
  if (U_SUCCESS(status)) {
    it.first();
    for (int32_t b = it.next(); b != icu::BreakIterator::DONE && ends.size() < limit; b = it.next())
      ends.push_back(static_cast<std::size_t>(b));
  }
  it.setText(icu::UnicodeString());  // drop the reference to the caller's bytes
  utext_close(ut);
  if (U_FAILURE(status))
    throw Error(codes::internal, std::string("BreakIterator::setText: ") + u_errorName(status));
  return ends;
}

UChar32 first_char(std::string_view s, std::size_t at) { return detail::char_after(s, at); }
UChar32 last_char(std::string_view s, std::size_t end) { return detail::char_before(s, end); }

bool is_alef(UChar32 c) { return c == 0x0627 || c == 0x0622 || c == 0x0623 || c == 0x0625 || c == 0x0671; }

// Punctuation that would dangle before the ellipsis ("القانون،…"); closing quotes and
// brackets stay, they end what they close.
bool dangles(UChar32 c) {
  if (detail::is_blank(c)) return true;
  switch (c) {
    case ',':
    case 0x060C:
    case ';':
    case 0x061B:
    case ':':
    case '-':
    case 0x2013:
    case 0x2014:
    case '(':
    case '[':
    case 0x201C:
    case 0x00AB:
    case '"': return true;
    default: return false;
  }
}

}  // namespace

std::size_t count_characters(std::string_view text) {
  return grapheme_ends(text, std::string_view::npos).size();
}

std::string shorten(std::string_view text, std::size_t max_chars) {
  static constexpr std::string_view ellipsis = "…";
  // One more boundary than allowed tells whether the text fits.
  auto ends = grapheme_ends(text, max_chars + 1);
  if (ends.size() <= max_chars) return std::string(text);
  if (max_chars == 0) return {};
  if (max_chars == 1) return std::string(ellipsis);

  // Keep at most max_chars - 1 clusters; ends[k - 1] is the byte end of the k-th.
  std::size_t keep = max_chars - 1;
  std::size_t cut = 0;
  // The last cluster boundary within the budget that is followed by white space.
  for (std::size_t k = keep; k > 0 && cut == 0; --k)
    if (detail::is_blank(first_char(text, ends[k - 1]))) cut = ends[k - 1];
  if (cut == 0) {
    // One word longer than the limit: cut between clusters, but not between lam and
    // alef, which render as one ligature.
    // The k-th cluster starts at ends[k - 2]; its base letter decides, not its harakat.
    std::size_t k = keep;
    auto base_of = [&](std::size_t k_th) { return first_char(text, k_th >= 2 ? ends[k_th - 2] : 0); };
    while (k > 1 && base_of(k) == 0x0644 && is_alef(first_char(text, ends[k - 1]))) --k;
    cut = ends[k - 1];
  }
  while (cut > 0 && dangles(last_char(text, cut))) detail::char_before(text, cut);
  std::string out(text.substr(0, cut));
  out += ellipsis;
  return out;
}

}  // namespace khabar
