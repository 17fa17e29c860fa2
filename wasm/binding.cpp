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
#include <nlohmann/json.hpp>
#include <string>

#include "khabar/khabar.hpp"
#include "khabar/text.hpp"

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

// Runs one call: its output on success, the error's stable code and message otherwise.
template <class F>
int guarded(F&& produce) {
  try {
    last().output = produce();
    last().code.clear();
    return 0;
  } catch (const khabar::Error& e) {
    return fail(e.code(), e.message());
  } catch (const std::bad_alloc&) {
    return fail("internal.out_of_memory", "out of memory");
  } catch (const std::exception& e) {
    return fail(khabar::codes::internal, e.what());
  }
}

// Options arrive as a JSON object with the core's snake_case names; the JS shim maps
// its camelCase options onto them.
struct Options {
  khabar::ReadOptions read;
  khabar::CardOptions card;
  khabar::HtmlOptions html;
  khabar::OutputFormat format = khabar::OutputFormat::json;
};

Options parse_options(std::string_view text) {
  Options o;
  if (text.empty()) return o;
  nlohmann::json j = nlohmann::json::parse(text, nullptr, /*allow_exceptions=*/false);
  if (!j.is_object()) throw khabar::Error(khabar::codes::invalid_option, "options must be a JSON object");
  auto str = [&](const char* key) -> std::string {
    auto it = j.find(key);
    if (it == j.end() || it->is_null()) return {};
    if (!it->is_string())
      throw khabar::Error(khabar::codes::invalid_option, std::string(key) + " must be a string");
    return it->get<std::string>();
  };
  o.card.locale = str("locale");
  o.card.time_zone = str("time_zone");
  if (std::string now = str("now"); !now.empty()) {
    o.card.now = khabar::parse_timestamp(now);
    if (!o.card.now) throw khabar::Error(khabar::codes::invalid_time, "now is not an ISO 8601 time: " + now);
  }
  if (std::string input = str("input"); !input.empty()) {
    auto f = khabar::input_format_from_string(input);
    if (!f)
      throw khabar::Error(khabar::codes::invalid_option, "input must be auto, khabar, jsonld, html or text");
    o.read.format = *f;
  }
  std::string format = str("format");
  if (format == "html")
    o.format = khabar::OutputFormat::html;
  else if (format == "text")
    o.format = khabar::OutputFormat::text;
  else if (!format.empty() && format != "json")
    throw khabar::Error(khabar::codes::invalid_option, "format must be json, html or text");
  if (auto it = j.find("heading_level"); it != j.end() && !it->is_null()) {
    if (!it->is_number_integer() || *it < 1 || *it > 6)
      throw khabar::Error(khabar::codes::invalid_option, "heading_level must be 1 to 6");
    o.html.heading_level = it->get<int>();
  }
  if (auto it = j.find("max_bytes"); it != j.end() && !it->is_null()) {
    if (!it->is_number_unsigned())
      throw khabar::Error(khabar::codes::invalid_option, "max_bytes must be a count");
    o.read.limits.max_bytes = it->get<std::size_t>();
  }
  if (auto it = j.find("strict"); it != j.end() && it->is_boolean()) o.card.strict = it->get<bool>();
  return o;
}

}  // namespace

extern "C" {

// ICU's data, handed over once before any other call; the bytes must stay alive.
int khabar_load_icu_data(const std::uint8_t* data, std::size_t size) {
  if (size < 32) return fail("icu.data_invalid", "the ICU data file is too small");
  UErrorCode status = U_ZERO_ERROR;
  udata_setCommonData(data, &status);
  if (U_FAILURE(status))
    return fail("icu.data_invalid", std::string("ICU refused its data: ") + u_errorName(status));
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

// Reads, cleans, analyses and renders one article. 0: khabar_output() holds the card;
// 1: khabar_error_code() and khabar_output() (the message) say why.
int khabar_card(const char* input, std::size_t input_size, const char* options, std::size_t options_size) {
  return guarded([&] {
    Options o = parse_options(std::string_view(options, options_size));
    khabar::Card card = khabar::card_from_bytes(std::string_view(input, input_size), o.read, o.card);
    return khabar::render(card, o.format, o.html);
  });
}

// The article's language (BCP 47) as read_article gives it, so the JS shim can load that
// language's ICU data before anything asks ICU for it. Touches no locale data itself.
int khabar_article_language(const char* input, std::size_t input_size, const char* options,
                            std::size_t options_size) {
  return guarded([&] {
    Options o = parse_options(std::string_view(options, options_size));
    return khabar::read_article(std::string_view(input, input_size), o.read).language;
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
