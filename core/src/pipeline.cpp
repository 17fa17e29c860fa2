#include "khabar/pipeline.hpp"

namespace khabar {

Card card_from_bytes(std::string_view bytes, const ReadOptions& read, const CardOptions& card) {
  return make_card(clean(read_article(bytes, read)), card);
}

std::string render(const Card& card, OutputFormat format, const HtmlOptions& html) {
  switch (format) {
    case OutputFormat::html: return render_html(card, html);
    case OutputFormat::text: return render_text(card);
    case OutputFormat::json: break;
  }
  return render_json(card);
}

}  // namespace khabar
