// The WebAssembly binding: C functions over the core's pipeline. It converts types
// (bytes and JSON options in, bytes out) and nothing else; no exception crosses it:
// each call returns a status, and the code and message of an error stay readable
// until the next call.
#include <malloc.h>
#include <unicode/locid.h>
#include <unicode/udata.h>

#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <set>
#include <string>

#include "khabar/analyse.hpp"
#include "khabar/khabar.hpp"

namespace {

struct LastResult {
  std::string output;  // the rendered card, or the error message
  std::string code;    // "" on success
};

LastResult& last() {
  static LastResult result;
  return result;
}

int fail(std::string code, std::string message) {
  last().code = std::move(code);
  last().output = std::move(message);
  return 1;
}

// The languages whose ICU data the JS shim has handed over (khabar_load_icu_data).
std::set<std::string>& loaded_languages() {
  static std::set<std::string> languages;
  return languages;
}

// Thrown inside a call when the card needs a language's ICU data that is not loaded yet.
struct NeedsData {
  std::string languages;  // space-separated
};

// Runs one call: its output on success, the error's stable code and message otherwise.
template <class F>
int guarded(F&& produce) {
  try {
    last().output = produce();
    last().code.clear();
    return 0;
  } catch (const NeedsData& n) {
    last().code.clear();  // not an error: status 2 asks for data
    last().output = n.languages;
    return 2;
  } catch (const khabar::Error& e) {
    return fail(e.code(), e.message());
  } catch (const std::bad_alloc&) {
    return fail("internal.out_of_memory", "out of memory");
  } catch (const std::exception& e) {
    return fail(khabar::codes::internal, e.what());
  }
}

// Reads, cleans and analyses one article, once ICU has every language's data the card needs
// (else NeedsData, status 2): the card's and the picture's calls alike.
khabar::Card card_of(std::string_view input, const khabar::Request& request) {
  khabar::Article article = khabar::read_article(input, request.read);
  std::string missing;
  for (const std::string& language : khabar::locale_data_languages(article, request))
    if (!loaded_languages().count(language) && !loaded_languages().count("*"))
      missing += (missing.empty() ? "" : " ") + language;
  if (!missing.empty()) throw NeedsData{missing};
  return khabar::make_card(khabar::clean(std::move(article)), request.card);
}

}  // namespace

extern "C" {

// ICU's data, handed over before any call that needs it: the shared part with `language` "",
// then one file a language ("ar"), or one complete file with "*". The bytes must stay alive.
int khabar_load_icu_data(const std::uint8_t* data, std::size_t size, const char* language) {
  if (size < 32) return fail("icu.data_invalid", "the ICU data file is too small");
  UErrorCode status = U_ZERO_ERROR;
  udata_setCommonData(data, &status);
  if (U_FAILURE(status))
    return fail("icu.data_invalid", std::string("ICU refused its data: ") + u_errorName(status));
  if (language && *language) loaded_languages().insert(language);  // "*": a complete data file
  // A locale without data falls back to ICU's default locale before root, and ICU reads the
  // default's data on its own (GregorianCalendar's default century reads the week data of the
  // default's likely locale: en_US for root). Once ICU has looked for en without its data it
  // keeps the miss, and English cards made after the en pack arrives are wrong. The
  // environment's en_US_POSIX and root both lead to en; root's language with the world
  // region (und_001) leads nowhere but root, so only English cards need the en pack.
  icu::Locale::setDefault(icu::Locale("und_001"), status);
  last() = {};
  return 0;
}

// Reads, cleans, analyses and renders one article: one call a card. 0: khabar_output() holds
// the card; 1: khabar_error_code() and khabar_output() (the message) say why; 2: the card needs
// the ICU data of the languages khabar_output() lists (space-separated), which ICU must have
// before it is first asked for them: load them and call again with the same bytes.
int khabar_card(const char* input, std::size_t input_size, const char* options, std::size_t options_size) {
  return guarded([&] {
    khabar::Request request = khabar::request_from_json(std::string_view(options, options_size));
    khabar::Card card = card_of(std::string_view(input, input_size), request);
    return khabar::render(card, request.format, request.html);
  });
}

// Sentence boundaries of a text, for benchmarks against Intl.Segmenter: the output is
// "start end\n" pairs of UTF-8 byte offsets, the cheapest form to convert.
int khabar_split_sentences(const char* text, std::size_t size, const char* language) {
  return guarded([&] {
    std::string out;
    for (const auto& s : khabar::split_sentences(std::string_view(text, size), language)) {
      out += std::to_string(s.start);
      out += ' ';
      out += std::to_string(s.end);
      out += '\n';
    }
    return out;
  });
}

// Bytes of the heap in use (dlmalloc's mallinfo): the leak checks read it between calls.
std::size_t khabar_heap_used() { return static_cast<std::size_t>(mallinfo().uordblks); }

const char* khabar_output() { return last().output.data(); }
std::size_t khabar_output_size() { return last().output.size(); }
const char* khabar_error_code() { return last().code.c_str(); }
const char* khabar_version() { return khabar::version; }

// The JS shim copies strings and ICU's data in through these (sized with TextEncoder, never
// string.length). 16-byte alignment: udata_setCommonData requires it of the data.
void* khabar_alloc(std::size_t size) { return std::aligned_alloc(16, (size + 15) / 16 * 16); }
void khabar_free(void* p) { std::free(p); }
}
