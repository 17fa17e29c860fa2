// A Card read back from its JSON form (render_json.cpp writes it): so that a picture, or any
// other renderer, is drawn from the Card a server already has, with no second analysis.
// Every field has one type; an absent or null one keeps its default, another type is
// parse.invalid_field naming it.
#include <cmath>
#include <initializer_list>
#include <limits>
#include <string>
#include <utility>

#include "khabar/card.hpp"
#include "khabar/read.hpp"
#include "read/json.hpp"

namespace khabar {
namespace {

using detail::json;

std::string path(std::string_view where, std::string_view key) {
  return std::string(where) + "." + std::string(key);
}

[[noreturn]] void wrong(const std::string& where, const char* what) {
  throw Error(codes::invalid_field, where + " must be " + what);
}

// The field, or nullptr when absent or null.
const json* field(const json& object, std::string_view key) {
  auto it = object.find(key);
  return it == object.end() || it->is_null() ? nullptr : &*it;
}

std::string text(const json& object, std::string_view key, std::string_view where) {
  const json* v = field(object, key);
  if (!v) return {};
  if (!v->is_string()) wrong(path(where, key), "a string");
  return v->get<std::string>();
}

bool boolean(const json& object, std::string_view key, std::string_view where, bool fallback) {
  const json* v = field(object, key);
  if (!v) return fallback;
  if (!v->is_boolean()) wrong(path(where, key), "true or false");
  return v->get<bool>();
}

// A whole number >= 0 that fits T.
template <typename T>
T count(const json& object, std::string_view key, std::string_view where) {
  const json* v = field(object, key);
  if (!v) return T{};
  if (v->is_number_unsigned() &&
      v->get<unsigned long long>() <= static_cast<unsigned long long>(std::numeric_limits<T>::max()))
    return static_cast<T>(v->get<unsigned long long>());
  wrong(path(where, key), "a whole number >= 0");
}

double number(const json& object, std::string_view key, std::string_view where) {
  const json* v = field(object, key);
  if (!v) return 0;
  if (!v->is_number() || !std::isfinite(v->get<double>())) wrong(path(where, key), "a number");
  return v->get<double>();
}

const json& object_at(const json& v, const std::string& where) {
  if (!v.is_object()) wrong(where, "an object");
  return v;
}

// Each element of an array field (absent or null: none).
template <typename F>
void each(const json& object, std::string_view key, std::string_view where, F&& f) {
  const json* v = field(object, key);
  if (!v) return;
  if (!v->is_array()) wrong(path(where, key), "an array");
  for (std::size_t i = 0; i < v->size(); ++i) f((*v)[i], path(where, key) + "[" + std::to_string(i) + "]");
}

std::vector<std::string> strings(const json& object, std::string_view key, std::string_view where) {
  std::vector<std::string> out;
  each(object, key, where, [&](const json& v, const std::string& at) {
    if (!v.is_string()) wrong(at, "a string");
    out.push_back(v.get<std::string>());
  });
  return out;
}

Direction direction(const json& object, std::string_view key, std::string_view where) {
  std::string d = text(object, key, where);
  if (d.empty() || d == "ltr") return Direction::ltr;
  if (d == "rtl") return Direction::rtl;
  wrong(path(where, key), "\"ltr\" or \"rtl\"");
}

std::optional<CardDate> date(const json& object, std::string_view key) {
  const json* v = field(object, key);
  if (!v) return std::nullopt;
  std::string at = path("card", key);
  const json& d = object_at(*v, at);
  return CardDate{text(d, "iso", at), boolean(d, "date_only", at, true), text(d, "display", at),
                  text(d, "relative", at)};
}

Card card_of(const json& j) {
  const json& c = object_at(j, "card");
  Card card;
  const json* version = field(c, "khabar_card");
  if (!version) throw Error(codes::invalid_field, "card.khabar_card (the Card's version) is missing");
  if (!version->is_number_integer()) wrong("card.khabar_card", "a version number");
  if (version->get<long long>() != card_version)
    throw Error(codes::unsupported_version, "Card version " + version->dump() +
                                                " is not supported (this library reads " +
                                                std::to_string(card_version) + ")");
  card.version = card_version;
  using TextField = std::pair<const char*, std::string Card::*>;
  for (auto [key, member] : std::initializer_list<TextField>{{"locale", &Card::locale},
                                                             {"lang", &Card::lang},
                                                             {"ui_lang", &Card::ui_lang},
                                                             {"id", &Card::id},
                                                             {"url", &Card::url},
                                                             {"title", &Card::title},
                                                             {"subtitle", &Card::subtitle},
                                                             {"source", &Card::source},
                                                             {"credit", &Card::credit}})
    card.*member = text(c, key, "card");
  card.dir = direction(c, "dir", "card");
  card.ui_dir = direction(c, "ui_dir", "card");
  card.authors = strings(c, "authors", "card");
  card.published = date(c, "published");
  card.updated = date(c, "updated");
  if (const json* v = field(c, "image")) {
    const json& i = object_at(*v, "card.image");
    card.image =
        Image{text(i, "url", "card.image"), text(i, "alt", "card.image"), text(i, "credit", "card.image")};
  }
  card.section = text(c, "section", "card");
  card.tags = strings(c, "tags", "card");
  if (const json* v = field(c, "reading_time")) {
    const json& r = object_at(*v, "card.reading_time");
    card.reading_time.words = count<std::size_t>(r, "words", "card.reading_time");
    card.reading_time.minutes = count<int>(r, "minutes", "card.reading_time");
    card.reading_time.display = text(r, "display", "card.reading_time");
  }
  if (const json* v = field(c, "summary")) {
    const json& s = object_at(*v, "card.summary");
    card.summary.text = text(s, "text", "card.summary");
    each(s, "sentences", "card.summary", [&](const json& e, const std::string& at) {
      const json& o = object_at(e, at);
      card.summary.sentences.push_back({text(o, "text", at), count<std::size_t>(o, "block", at),
                                        count<std::size_t>(o, "start", at), count<std::size_t>(o, "end", at),
                                        number(o, "score", at)});
    });
  }
  each(c, "figures", "card", [&](const json& e, const std::string& at) {
    const json& o = object_at(e, at);
    card.figures.push_back({text(o, "text", at), number(o, "value", at), text(o, "display", at)});
  });
  each(c, "quotes", "card", [&](const json& e, const std::string& at) {
    const json& o = object_at(e, at);
    card.quotes.push_back({text(o, "text", at), text(o, "speaker", at)});
  });
  card.keywords = strings(c, "keywords", "card");
  if (const json* v = field(c, "labels")) {
    const json& l = object_at(*v, "card.labels");
    card.labels = {text(l, "read_more", "card.labels"), text(l, "by", "card.labels"),
                   text(l, "source", "card.labels")};
  }
  each(c, "warnings", "card", [&](const json& e, const std::string& at) {
    const json& o = object_at(e, at);
    card.warnings.push_back({text(o, "code", at), text(o, "message", at)});
  });
  return card;
}

}  // namespace

Card card_from_json(std::string_view text, const Limits& limits) {
  if (text.empty()) throw Error(codes::empty_input, "no Card JSON");
  if (text.size() > limits.max_bytes)
    throw Error(codes::too_large, "the Card JSON is " + std::to_string(text.size()) + " bytes, more than " +
                                      std::to_string(limits.max_bytes));
  return card_of(detail::parse_json(text, limits));
}

}  // namespace khabar
