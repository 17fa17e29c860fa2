#pragma once
// The whole pipeline in one call, shared by the CLI and the WebAssembly binding so
// both produce the same card from the same bytes.
#include <string>
#include <string_view>

#include "khabar/card.hpp"
#include "khabar/read.hpp"
#include "khabar/render.hpp"

namespace khabar {

enum class OutputFormat { json, html, text };

// read_article -> clean -> make_card. Throws khabar::Error.
Card card_from_bytes(std::string_view bytes, const ReadOptions& read = {}, const CardOptions& card = {});

// The card rendered in one of the output formats.
std::string render(const Card& card, OutputFormat format, const HtmlOptions& html = {});

}  // namespace khabar
