#include "khabar/read.hpp"

#include <optional>
#include <string>

#include "khabar/language.hpp"
#include "read/json.hpp"
#include "read/readers.hpp"
#ifdef KHABAR_HTML
#include "read/html/encoding.hpp"
#endif
#include "text/chars.hpp"
#include "text/language_tag.hpp"
#include "text/utf8.hpp"

namespace khabar {
namespace detail {

namespace {

int hex_value(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  return -1;
}

// The code unit of a "\uXXXX" escape starting at `at`, or -1.
long escape_at(std::string_view text, std::size_t at) {
  if (at + 6 > text.size() || text[at] != '\\' || text[at + 1] != 'u') return -1;
  long v = 0;
  for (std::size_t k = 2; k < 6; ++k) {
    int d = hex_value(text[at + k]);
    if (d < 0) return -1;
    v = v * 16 + d;
  }
  return v;
}

// The JSON text with every unpaired surrogate escape inside a string replaced by \ufffd,
// or nothing when there is none. One pass; only string contents are looked at.
std::optional<std::string> replace_lone_surrogates(std::string_view text, std::size_t& count,
                                                   std::size_t& first) {
  std::optional<std::string> out;
  bool in_string = false;
  std::size_t copied = 0;
  for (std::size_t i = 0; i < text.size(); ++i) {
    char c = text[i];
    if (!in_string) {
      in_string = c == '"';
      continue;
    }
    if (c == '"') {
      in_string = false;
    } else if (c == '\\' && i + 1 < text.size()) {
      long unit = escape_at(text, i);
      if (unit < 0xD800 || unit > 0xDFFF) {
        ++i;  // any other escape: skip the escaped character (it may be a quote)
        continue;
      }
      long next = escape_at(text, i + 6);
      if (unit <= 0xDBFF && next >= 0xDC00 && next <= 0xDFFF) {
        i += 11;  // a proper pair
        continue;
      }
      if (!out) out.emplace();
      if (count++ == 0) first = i;
      out->append(text.substr(copied, i - copied)).append("\\ufffd");
      copied = i + 6;
      i += 5;
    }
  }
  if (out) out->append(text.substr(copied));
  return out;
}

}  // namespace

json parse_json(std::string_view text, const Limits& limits, Warnings* warnings) {
  std::optional<std::string> repaired;
  if (warnings) {
    std::size_t count = 0, first = 0;
    repaired = replace_lone_surrogates(text, count, first);
    if (repaired) {
      warnings->push_back(
          {"input.lone_surrogate_replaced", std::to_string(count) +
                                                " unpaired UTF-16 surrogate escape(s), the first at byte " +
                                                std::to_string(first) + ", became U+FFFD"});
      text = *repaired;
    }
  }
  // nlohmann's parser keeps its own stack, but a deep document still costs memory and
  // later recursion (our readers, the destructor): refuse it while parsing.
  json::parser_callback_t depth_guard = [&limits](int depth, json::parse_event_t event, json&) {
    if ((event == json::parse_event_t::object_start || event == json::parse_event_t::array_start) &&
        depth >= limits.max_depth)
      throw Error(codes::too_deep, "JSON nesting is deeper than " + std::to_string(limits.max_depth));
    return true;
  };
  try {
    return json::parse(text.begin(), text.end(), depth_guard);
  } catch (const json::parse_error& e) {
    // nlohmann's message quotes the bytes it last read, which may be half a character.
    throw Error(
        codes::invalid_json,
        "invalid JSON at byte " + std::to_string(e.byte) + ": " +
            detail::well_formed_utf8(std::string(e.what()).substr(std::string(e.what()).find(':') + 2)));
  } catch (const json::out_of_range& e) {
    // A number past the range of a double ("1e999") is thrown as out_of_range.406, not a parse error.
    throw Error(codes::invalid_json, "invalid JSON: a number is too large (" +
                                         std::string(e.what()).substr(std::string(e.what()).find(']') + 2) +
                                         ")");
  }
}

std::string string_field(const json& object, const char* key, std::string_view where, NumberAsText numbers) {
  auto it = object.find(key);
  if (it == object.end() || it->is_null()) return {};
  if (it->is_string()) return it->get<std::string>();
  if (it->is_number() && numbers == NumberAsText::yes) return it->dump();
  throw Error(codes::invalid_field,
              std::string(where) + "." + key + " must be a string, not " + it->type_name());
}

std::vector<std::string> string_list_field(const json& object, const char* key, std::string_view where) {
  auto it = object.find(key);
  if (it == object.end() || it->is_null()) return {};
  if (it->is_string()) return {it->get<std::string>()};
  std::vector<std::string> out;
  if (it->is_array()) {
    for (const auto& v : *it) {
      if (!v.is_string())
        throw Error(codes::invalid_field, std::string(where) + "." + key + " must hold strings");
      out.push_back(v.get<std::string>());
    }
    return out;
  }
  throw Error(codes::invalid_field,
              std::string(where) + "." + key + " must be a string or an array of strings");
}

bool is_language_tag(std::string_view tag) noexcept {
  // language (2-8 letters), then subtags of 1-8 letters or digits, separated by '-' or '_'.
  if (tag.size() > 64) return false;
  std::size_t subtag = 0, index = 0;
  for (std::size_t i = 0; i <= tag.size(); ++i) {
    if (i == tag.size() || tag[i] == '-' || tag[i] == '_') {
      if (subtag == 0 || subtag > 8 || (index == 0 && subtag < 2)) return false;
      subtag = 0;
      ++index;
      continue;
    }
    auto c = static_cast<unsigned char>(tag[i]);
    bool letter = (c | 0x20) >= 'a' && (c | 0x20) <= 'z';
    if (!letter && !(index > 0 && c >= '0' && c <= '9')) return false;
    ++subtag;
  }
  return true;
}

std::vector<std::string> split_lines(std::string_view text) {
  std::vector<std::string> lines;
  std::string current;
  auto flush = [&] {
    std::string line = collapse_space(current);
    if (!line.empty()) lines.push_back(std::move(current));
    current.clear();
  };
  for (std::size_t i = 0; i < text.size();) {
    std::size_t at = i;
    char32_t c = next_code_point(text, i);
    if (c == '\n' || c == '\r' || c == 0x2028 || c == 0x2029) {
      if (c == '\r' && i < text.size() && text[i] == '\n') ++i;
      flush();
    } else {
      current.append(text.substr(at, i - at));
    }
  }
  flush();
  return lines;
}

}  // namespace detail

namespace {

std::string_view skip_space(std::string_view s) {
  while (!s.empty() && (s.front() == ' ' || s.front() == '\t' || s.front() == '\n' || s.front() == '\r'))
    s.remove_prefix(1);
  return s;
}

constexpr std::string_view bom = "\xEF\xBB\xBF";

}  // namespace

InputFormat detect_format(std::string_view bytes) {
  if (bytes.substr(0, bom.size()) == bom) bytes.remove_prefix(bom.size());
  // A UTF-16 page, by its byte-order mark and a '<' first (decoded by the HTML reader).
  if (bytes.size() >= 4 && (bytes.substr(0, 4) == std::string_view("\xFF\xFE<\0", 4) ||
                            bytes.substr(0, 4) == std::string_view("\xFE\xFF\0<", 4)))
    return InputFormat::html;
  std::string_view s = skip_space(bytes);
  if (s.empty()) return InputFormat::text;
  if (s.front() == '<') return InputFormat::html;
  if (s.front() == '{' || s.front() == '[') {
    // Decided on the parsed document by read_article; a cheap look here suffices
    // for callers that only want to know.
    return s.find("\"@context\"") != std::string_view::npos || s.find("\"@type\"") != std::string_view::npos
               ? InputFormat::json_ld
               : InputFormat::khabar_json;
  }
  return InputFormat::text;
}

Article read_article(std::string_view bytes, const ReadOptions& options) {
  const Limits& limits = options.limits;
  if (bytes.size() > limits.max_bytes)
    throw Error(codes::too_large, "input is " + std::to_string(bytes.size()) + " bytes; the limit is " +
                                      std::to_string(limits.max_bytes));
  Warnings warnings;
  if (bytes.substr(0, bom.size()) == bom) {
    bytes.remove_prefix(bom.size());
    warnings.push_back({"input.bom_removed", "a UTF-8 byte-order mark was removed"});
  }
  InputFormat format = options.format;
  if (format == InputFormat::automatic) format = detect_format(bytes);
#ifdef KHABAR_HTML
  // A page may be in another encoding than UTF-8 (windows-1256 on Arabic sites): decoded first.
  std::optional<std::string> decoded;
  if (format == InputFormat::html &&
      (decoded = detail::html::decode_page(bytes, warnings, options.content_type)))
    bytes = *decoded;
#else
  // Without the HTML reader a page is not decoded from its charset: say which build does that.
  if (format == InputFormat::html && detail::first_invalid_utf8(bytes)) throw detail::html_reader_missing();
#endif
  if (auto bad = detail::first_invalid_utf8(bytes))
    throw Error(codes::invalid_utf8, "input is not valid UTF-8 at byte " + std::to_string(*bad));
  if (skip_space(bytes).empty()) throw Error(codes::empty_input, "input is empty");

  Article article;
  switch (format) {
    case InputFormat::khabar_json:
    case InputFormat::json_ld: {
      detail::json document = detail::parse_json(bytes, limits, &warnings);
      // Detection by content, not by the cheap look: a Khabar document may quote "@type" in its text.
      if (options.format == InputFormat::automatic)
        format = detail::is_khabar_json(document) ? InputFormat::khabar_json : InputFormat::json_ld;
      article = format == InputFormat::khabar_json ? detail::read_khabar_json(document)
                                                   : detail::read_json_ld(document);
      break;
    }
    case InputFormat::html: article = detail::read_html(bytes, limits, options.content_language); break;
    case InputFormat::text:
    case InputFormat::automatic: article = detail::read_text(bytes, limits); break;
  }
  article.format = format;
  article.warnings.insert(article.warnings.begin(), warnings.begin(), warnings.end());
  // Text and JSON say nothing of HTTP: the header is their language when they declare none (a
  // page's reader places it among the page's own declarations).
  if (format != InputFormat::html && article.language.empty() && !options.content_language.empty()) {
    article.language = options.content_language;
    article.origins["language"] = "http:content-language";
  }

  if (article.title.empty() && article.body.empty())
    throw Error(codes::no_article, "no title and no body text found");
  if (article.body.size() > limits.max_blocks)
    throw Error(codes::too_many_blocks, "the body has " + std::to_string(article.body.size()) +
                                            " blocks; the limit is " + std::to_string(limits.max_blocks));
  // The text reader checks its lines as it splits them; JSON fields are checked here, so every
  // format has the same bound on one block (what the analysers' per-block work grows with).
  auto check_length = [&limits](const std::string& text, const char* what) {
    if (text.size() > limits.max_line_bytes)
      throw Error(codes::line_too_long, std::string(what) + " is " + std::to_string(text.size()) +
                                            " bytes; the limit is " + std::to_string(limits.max_line_bytes));
  };
  check_length(article.title, "the title");
  check_length(article.subtitle, "the subtitle");
  for (const auto& block : article.body) check_length(block.text, "a body block");

  // The language becomes the card's lang attribute and the locale fallback: a declared tag is
  // made well-formed ("ar_AR" -> "ar-AR", "eng" -> "en"); what cannot be read is dropped with a
  // warning that keeps it, and the language detected from the text instead.
  std::optional<Direction> declared_direction;
  if (article.origins.count("direction")) declared_direction = article.direction;
  if (!article.language.empty()) {
    if (auto tag = detail::normalize_language_tag(article.language)) {
      article.language = *tag;
    } else {
      article.warnings.push_back({"parse.invalid_language", detail::quoted_declaration(article.language) +
                                                                " is not a BCP 47 tag: ignored"});
      article.language.clear();
    }
  }
  std::string sample = article.title;
  for (const auto& block : article.body) {
    if (sample.size() > 4096) break;
    sample += '\n';
    sample += block.text;
  }
  // What the text itself says: detection, or for a script one language dominates (Gujarati,
  // Greek, Thai...) that language.
  auto detected = [&sample] {
    LanguageGuess guess = detect_language(sample);
    if (guess.language == "und")
      if (std::string by_script = detail::language_of_script_family(detail::dominant_script_family(sample));
          !by_script.empty())
        guess = {by_script, direction_of_language(by_script)};
    return guess;
  };
  // A declaration whose script is not the text's (an Arabic body under lang="en-US", a
  // Gujarati one under "en-IN") is a template's default, not the article's language: the
  // detected language replaces it when detection names one.
  if (!article.language.empty()) {
    std::string text_script = detail::dominant_script_family(sample);
    std::string declared_script = detail::script_family_of_language(article.language);
    if (!text_script.empty() && !declared_script.empty() && text_script != declared_script) {
      if (LanguageGuess guess = detected(); guess.language != "und") {
        article.warnings.push_back({"read.language_mismatch", "the declared language " + article.language +
                                                                  " is not written in the text's script (" +
                                                                  text_script + "): " + guess.language +
                                                                  " detected instead"});
        article.language = guess.language;
        article.direction = guess.direction;
        article.language_detected = true;
      }
    }
  }
  if (article.language.empty()) {
    LanguageGuess guess = detected();
    article.language = guess.language;
    article.direction = guess.direction;
    article.language_detected = true;
  } else if (!article.language_detected) {
    article.direction = direction_of_language(article.language);
  }
  if (declared_direction) article.direction = *declared_direction;  // <html dir> says it outright
  return article;
}

}  // namespace khabar
