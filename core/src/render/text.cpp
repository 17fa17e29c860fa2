#include "khabar/format.hpp"
#include "khabar/render.hpp"

namespace khabar {
namespace {

// First-strong isolate ... pop directional isolate: a field cannot reorder its neighbours.
std::string isolate(std::string_view s) { return "\u2068" + std::string(s) + "\u2069"; }

}  // namespace

std::string render_text(const Card& card) {
  std::string out;
  auto line = [&out](std::string_view s) {
    out += s;
    out += '\n';
  };
  std::string head;
  if (!card.source.empty()) head += isolate(card.source);
  if (!card.credit.empty()) head += " · " + isolate(card.credit);
  if (!head.empty()) line(head);
  line(isolate(isolate_runs(card.title, card.dir)));
  if (!card.labels.by.empty()) line(isolate(isolate_runs(card.labels.by, card.ui_dir)));
  std::string meta;
  if (card.published) {
    meta += isolate(card.published->display);
    if (!card.published->relative.empty()) meta += " (" + isolate(card.published->relative) + ")";
  }
  if (!card.reading_time.display.empty())
    meta += (meta.empty() ? "" : " · ") + isolate(card.reading_time.display);
  if (!meta.empty()) line(meta);
  if (!card.summary.text.empty()) {
    line("");
    line(isolate(isolate_runs(card.summary.text, card.dir)));
  }
  if (!card.figures.empty()) {
    line("");
    for (const auto& f : card.figures)
      line("• " + isolate(isolate_runs(f.display.empty() ? f.text : f.display, card.dir)));
  }
  if (!card.url.empty()) {
    line("");
    line((card.labels.read_more.empty() ? std::string() : isolate(card.labels.read_more) + ": ") +
         isolate(card.url));
  }
  return out;
}

}  // namespace khabar
