// The cleaner: three passes per field (see detail/clean_text.hpp), then glued headings
// split out of body paragraphs. Every pass keeps each byte's original offsets, so the
// fixes point into the article as read, which stays in CleanedArticle::original.
#include "khabar/clean.hpp"

#include <algorithm>

#include "clean/clean_heading.hpp"
#include "clean/clean_text.hpp"
#include "text/utf8.hpp"

namespace khabar {
namespace {

using detail::Decoded;
using detail::FixLog;
using detail::Glue;
using detail::Traced;

void require_utf8(const std::string& text, const std::string& field) {
  if (auto bad = detail::first_invalid_utf8(text))
    throw Error(codes::invalid_utf8, field + " is not valid UTF-8 at byte " + std::to_string(*bad));
}

// Passes 1 and 2, on every text field.
Traced normalise(const std::string& original, FixLog& log) {
  require_utf8(original, log.field);
  return detail::decode_entities(detail::to_nfc(detail::strip_and_collapse(original, log), log), log);
}

// text[b, e) with the missing spaces after sentence ends put back. `next` walks `glue`
// once across consecutive calls, so a block cut in many pieces stays linear.
std::string with_spaces(const Traced& t, std::size_t b, std::size_t e, const std::vector<Glue>& glue,
                        std::size_t& next, FixLog& log) {
  std::string out;
  out.reserve(e - b + 16);
  std::size_t at = b;
  for (; next < glue.size() && glue[next].insert < e; ++next) {
    const std::size_t insert = glue[next].insert;
    if (insert <= b) continue;  // the start of a split-off block needs no space
    out.append(t.text, at, insert - at);
    out += ' ';
    log.add("space.after_sentence", t.after(insert), 0, " ");
    at = insert;
  }
  out.append(t.text, at, e - at);
  return out;
}

// Fixes of one field, in the order of their offsets (stable: pass order breaks ties).
void flush(std::vector<Fix>& field_fixes, std::vector<Fix>& all) {
  std::stable_sort(field_fixes.begin(), field_fixes.end(),
                   [](const Fix& a, const Fix& b) { return a.offset < b.offset; });
  all.insert(all.end(), field_fixes.begin(), field_fixes.end());
  field_fixes.clear();
}

// Short metadata strings: invisible characters, white space, NFC.
void clean_short(std::string& text, const std::string& field, std::vector<Fix>& fixes) {
  std::vector<Fix> local;
  FixLog log{field, local};
  text = normalise(text, log).text;
  flush(local, fixes);
}

// Title and subtitle: everything but heading splits.
void clean_line(std::string& text, const std::string& field, std::vector<Fix>& fixes) {
  std::vector<Fix> local;
  FixLog log{field, local};
  Traced t = normalise(text, log);
  detail::mark_double_dots(t, log);
  std::size_t next = 0;
  text = with_spaces(t, 0, t.text.size(), detail::find_glue(Decoded(t.text)), next, log);
  flush(local, fixes);
}

void clean_body(const std::vector<Block>& body, std::vector<Block>& out, std::vector<Fix>& fixes) {
  std::vector<Traced> texts;
  std::vector<std::vector<Fix>> local(body.size());
  texts.reserve(body.size());
  for (std::size_t i = 0; i < body.size(); ++i) {
    FixLog log{"body[" + std::to_string(i) + "]", local[i]};
    texts.push_back(normalise(body[i].text, log));
  }
  for (std::size_t i = 0; i < body.size(); ++i) {
    FixLog log{"body[" + std::to_string(i) + "]", local[i]};
    const Traced& t = texts[i];
    if (t.text.empty()) {
      log.add("block.dropped", 0, body[i].text.size(), "");
      flush(local[i], fixes);
      continue;
    }
    detail::mark_double_dots(t, log);
    Decoded d(t.text);
    std::vector<Glue> glue = detail::find_glue(d);
    std::vector<detail::HeadingSpan> headings;
    if (body[i].kind == Block::Kind::paragraph && !glue.empty()) {
      std::size_t next = i + 1;
      while (next < body.size() && texts[next].text.empty()) ++next;
      bool paragraph_follows = next < body.size() && body[next].kind == Block::Kind::paragraph;
      headings = detail::find_glued_headings(t.text, d, glue, paragraph_follows);
    }
    std::size_t at = 0, next = 0;
    for (const auto& h : headings) {
      if (h.begin > at) out.push_back({body[i].kind, with_spaces(t, at, h.begin, glue, next, log)});
      std::string heading = with_spaces(t, h.begin, h.end, glue, next, log);
      std::size_t offset = t.from[h.begin].begin;
      log.add("heading.split", offset, t.after(h.end) - offset, heading);
      out.push_back({Block::Kind::heading, std::move(heading)});
      at = h.end;
    }
    if (at < t.text.size()) out.push_back({body[i].kind, with_spaces(t, at, t.text.size(), glue, next, log)});
    flush(local[i], fixes);
  }
}

}  // namespace

CleanedArticle clean(const Article& article) {
  CleanedArticle r{article, article, {}};
  Article& a = r.article;
  clean_line(a.title, "title", r.fixes);
  clean_line(a.subtitle, "subtitle", r.fixes);
  a.body.clear();
  clean_body(article.body, a.body, r.fixes);
  for (std::size_t i = 0; i < a.authors.size(); ++i)
    clean_short(a.authors[i], "authors[" + std::to_string(i) + "]", r.fixes);
  clean_short(a.source, "source", r.fixes);
  clean_short(a.credit, "credit", r.fixes);
  if (a.image) {
    clean_short(a.image->alt, "image.alt", r.fixes);
    clean_short(a.image->credit, "image.credit", r.fixes);
  }
  // Shown by partners from the card JSON: a bidi override here would reorder their page too.
  clean_short(a.section, "section", r.fixes);
  for (std::size_t i = 0; i < a.tags.size(); ++i)
    clean_short(a.tags[i], "tags[" + std::to_string(i) + "]", r.fixes);
  return r;
}

}  // namespace khabar
