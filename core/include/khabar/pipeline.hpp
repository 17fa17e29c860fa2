#pragma once
// The whole pipeline in one call, shared by the CLI and the WebAssembly binding so
// both produce the same card from the same bytes.
#include <string>
#include <string_view>
#include <vector>

#include "khabar/card.hpp"
#include "khabar/read.hpp"
#include "khabar/render.hpp"
#include "khabar/request.hpp"

namespace khabar {

// read_article -> clean -> make_card. Throws khabar::Error.
Card card_from_bytes(std::string_view bytes, const ReadOptions& read = {}, const CardOptions& card = {});

// The card rendered in one of the output formats.
std::string render(const Card& card, OutputFormat format, const HtmlOptions& html = {});

// The registered languages (core/languages.json codes with an ICU data pack) whose locale data
// making the article's card under this request asks ICU for: the article's language (its
// segmentation rules) and every candidate resolve_locale may try (the request's locale, the
// article's language, en) up to the first plain tag of a registered language. A build that
// loads ICU data per language (wasm) loads these first: ICU remembers a locale it once missed.
std::vector<std::string> locale_data_languages(const Article& article, const Request& request);

}  // namespace khabar
