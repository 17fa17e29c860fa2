// The one HTML renderer: the CLI prints it for servers, the npm package returns it
// for browsers, and <khabar-card> puts it in its shadow root unchanged.
#include <cstdint>
#include <cstdio>

#include "khabar/format.hpp"
#include "khabar/render.hpp"
#include "url.hpp"

namespace khabar {
namespace {

// Escapes for both text and double-quoted attribute values.
void escape(std::string& out, std::string_view s) {
  for (char c : s) {
    switch (c) {
      case '&': out += "&amp;"; break;
      case '<': out += "&lt;"; break;
      case '>': out += "&gt;"; break;
      case '"': out += "&quot;"; break;
      case '\'': out += "&#39;"; break;
      default: out += c;
    }
  }
}

class Html {
 public:
  Html& raw(std::string_view s) {
    out_ += s;
    return *this;
  }
  Html& text(std::string_view s) {
    escape(out_, s);
    return *this;
  }
  // <tag attr="value"...>: attribute names are ours; values are escaped.
  Html& open(std::string_view tag,
             std::initializer_list<std::pair<std::string_view, std::string_view>> attrs = {}) {
    out_ += '<';
    out_ += tag;
    for (const auto& [name, value] : attrs) {
      out_ += ' ';
      out_ += name;
      out_ += "=\"";
      escape(out_, value);
      out_ += '"';
    }
    out_ += '>';
    return *this;
  }
  // Text whose foreign runs (a Latin name or a number in Arabic, Arabic in French) sit in
  // <bdi dir>, so they cannot reorder the line around them.
  Html& isolated(std::string_view s, Direction base) {
    std::size_t done = 0;
    for (const BidiRun& run : bidi_runs(s, base)) {
      text(s.substr(done, run.start - done));
      open("bdi", {{"dir", to_string(run.dir)}}).text(s.substr(run.start, run.end - run.start)).close("bdi");
      done = run.end;
    }
    return text(s.substr(done));
  }
  Html& close(std::string_view tag) {
    out_ += "</";
    out_ += tag;
    out_ += '>';
    return *this;
  }
  Html& element(std::string_view tag, std::string_view text_value,
                std::initializer_list<std::pair<std::string_view, std::string_view>> attrs = {}) {
    return open(tag, attrs).text(text_value).close(tag);
  }
  std::string str() && { return std::move(out_); }

 private:
  std::string out_;
};

// A stable id for aria-labelledby, derived from the card (never copied from data).
std::string title_id(const Card& card) {
  std::uint32_t h = 2166136261u;  // FNV-1a
  for (unsigned char c : card.id + '\n' + card.url + '\n' + card.title) h = (h ^ c) * 16777619u;
  char buf[24];
  std::snprintf(buf, sizeof buf, "khabar-%08x", h);
  return buf;
}

}  // namespace

std::string render_html(const Card& card, const HtmlOptions& options) {
  int level = options.heading_level < 1 || options.heading_level > 6 ? 2 : options.heading_level;
  std::string heading = "h" + std::to_string(level);
  std::string id = title_id(card);
  const char* dir = to_string(card.dir);
  Html h;
  h.open("article", {{"class", "khabar-card"},
                     {"part", "card"},
                     {"lang", card.lang},
                     {"dir", dir},
                     {"aria-labelledby", id}});
  h.open("header", {{"part", "header"}});
  if (!card.source.empty()) {
    h.open("p", {{"class", "khabar-source"}, {"part", "source"}}).element("bdi", card.source);
    if (!card.credit.empty()) h.raw(" · ").element("bdi", card.credit);
    h.close("p");
  }
  h.open(heading, {{"id", id}, {"class", "khabar-title"}, {"part", "title"}});
  // Every href and src passes the one URL check, also on a Card not made by make_card.
  const bool linked = detail::is_safe_url(card.url);
  if (linked) {
    h.open("a", {{"href", card.url}, {"rel", "noopener"}}).isolated(card.title, card.dir).close("a");
  } else {
    h.isolated(card.title, card.dir);
  }
  h.close(heading);
  if (!card.labels.by.empty())
    h.open("p", {{"class", "khabar-byline"},
                 {"part", "byline"},
                 {"lang", card.ui_lang},
                 {"dir", to_string(card.ui_dir)}})
        .isolated(card.labels.by, card.ui_dir)
        .close("p");
  h.open(
      "p",
      {{"class", "khabar-meta"}, {"part", "meta"}, {"lang", card.ui_lang}, {"dir", to_string(card.ui_dir)}});
  if (card.published) {
    h.element("time", card.published->display, {{"datetime", card.published->iso}});
    if (!card.published->relative.empty())
      h.raw(" <span class=\"khabar-relative\" part=\"relative\">(")
          .text(card.published->relative)
          .raw(")</span>");
  }
  if (!card.reading_time.display.empty())
    h.raw(card.published ? " · " : "")
        .element("span", card.reading_time.display,
                 {{"class", "khabar-reading-time"}, {"part", "reading-time"}});
  h.close("p");
  h.close("header");
  if (card.image && detail::is_safe_url(card.image->url)) {
    h.open("figure", {{"class", "khabar-image"}, {"part", "image"}});
    h.open("img",
           {{"src", card.image->url}, {"alt", card.image->alt}, {"loading", "lazy"}, {"decoding", "async"}});
    if (!card.image->credit.empty()) h.element("figcaption", card.image->credit, {{"part", "image-credit"}});
    h.close("figure");
  }
  if (!card.summary.text.empty())
    h.open("p", {{"class", "khabar-summary"}, {"part", "summary"}})
        .isolated(card.summary.text, card.dir)
        .close("p");
  if (!card.figures.empty()) {
    h.open("ul", {{"class", "khabar-figures"}, {"part", "figures"}});
    for (const auto& f : card.figures)
      h.open("li").isolated(f.display.empty() ? f.text : f.display, card.dir).close("li");
    h.close("ul");
  }
  if (linked && !card.labels.read_more.empty()) {
    h.open("footer", {{"part", "footer"}});
    h.element("a", card.labels.read_more,
              {{"href", card.url},
               {"rel", "noopener"},
               {"class", "khabar-read-more"},
               {"part", "read-more"},
               {"lang", card.ui_lang},
               {"dir", to_string(card.ui_dir)}});
    h.close("footer");
  }
  h.close("article");
  return std::move(h).str();
}

}  // namespace khabar
