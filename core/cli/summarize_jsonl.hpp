#pragma once
// `khabar summarize --jsonl FILE`: many articles in, one summary a line out.
#include <string>
#include <string_view>

#include "khabar/read.hpp"
#include "khabar/summarize.hpp"

namespace khabar::cli {

// Input: one JSON object a line (blank lines skipped). An object with "article" is plain
// text, one paragraph a line, with optional "title", "language" (BCP 47; detected when
// absent) and "topic"; any other object is a Khabar input (Khabar JSON or JSON-LD) read
// as `khabar card` reads it, under the same limits. Each article is cleaned and summarized.
// Output: {"topic": <the input's topic, or null>, "summary": <the chosen sentences in
// document order, one a line, whole>} a line, in input order.
// Throws khabar::Error (parse.invalid_json, parse.invalid_field, ...) naming the line.
std::string summarize_jsonl(std::string_view input, const SummaryOptions& options,
                            const ReadOptions& read = {});

}  // namespace khabar::cli
