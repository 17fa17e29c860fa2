// khabar: the command-line shell around the library. It parses arguments, reads
// bytes, calls the pipeline and writes the whole result at once (never a partial one).
#include <cstdio>
#include <fstream>
#include <iostream>
#include <sstream>
#include <string>
#include <vector>

#include "khabar/khabar.hpp"
#include "summarize_jsonl.hpp"

namespace {

constexpr const char* usage_text = R"(usage:
  khabar card FILE|- [--locale L] [--format json|html|text] [--now ISO-8601] [--tz ZONE]
                     [--input auto|khabar|jsonld|html|text] [--heading-level N] [--max-bytes N] [--strict]
  khabar inspect FILE|- [--input auto|khabar|jsonld|html|text] [--max-bytes N]
  khabar summarize --jsonl FILE|- [--max-sentences N] [--max-bytes N]
      one JSON object a line: {"article": plain text, one paragraph a line, "title"?, "language"?,
      "topic"?} or a Khabar/JSON-LD object; writes {"topic", "summary"} a line (sentences one a line)
  khabar --version | --help
Errors go to stderr as "khabar: error [code]: message"; exit 1 for bad input, 2 for bad usage.
)";

struct Usage : std::runtime_error {
  using std::runtime_error::runtime_error;
};

struct Args {
  std::string command;
  std::string file;
  std::string locale, format = "json", now, tz, input = "auto";
  int heading_level = 2;
  std::size_t max_bytes = khabar::Limits{}.max_bytes;
  bool strict = false;
  std::size_t max_sentences = khabar::SummaryOptions{}.max_sentences;
};

std::size_t parse_size(const std::string& flag, const std::string& value) {
  try {
    std::size_t used = 0;
    unsigned long long n = std::stoull(value, &used);
    if (used == value.size() && n > 0) return static_cast<std::size_t>(n);
  } catch (const std::exception&) {
  }
  throw Usage(flag + " takes a positive whole number");
}

Args parse_args(int argc, char** argv) {
  std::vector<std::string> words(argv + 1, argv + argc);
  Args a;
  for (std::size_t i = 0; i < words.size(); ++i) {
    const std::string& w = words[i];
    auto value = [&]() -> std::string {
      if (i + 1 >= words.size()) throw Usage(w + " needs a value");
      return words[++i];
    };
    if (w == "--locale")
      a.locale = value();
    else if (w == "--format")
      a.format = value();
    else if (w == "--now")
      a.now = value();
    else if (w == "--tz")
      a.tz = value();
    else if (w == "--input")
      a.input = value();
    else if (w == "--heading-level")
      a.heading_level = static_cast<int>(parse_size(w, value()));
    else if (w == "--max-bytes")
      a.max_bytes = parse_size(w, value());
    else if (w == "--strict")
      a.strict = true;
    else if (w == "--jsonl")
      a.file = value();
    else if (w == "--max-sentences")
      a.max_sentences = parse_size(w, value());
    else if (w.size() > 1 && w[0] == '-' && w != "-")
      throw Usage("unknown option " + w);
    else if (a.command.empty())
      a.command = w;
    else if (a.file.empty())
      a.file = w;
    else
      throw Usage("unexpected argument " + w);
  }
  if (a.command != "card" && a.command != "inspect" && a.command != "summarize")
    throw Usage(a.command.empty() ? "no command given" : "unknown command " + a.command);
  if (a.file.empty()) throw Usage("no input file given (use - for standard input)");
  if (a.format != "json" && a.format != "html" && a.format != "text")
    throw Usage("--format must be json, html or text");
  if (a.heading_level < 1 || a.heading_level > 6) throw Usage("--heading-level must be 1 to 6");
  return a;
}

// Reads at most max_bytes + 1 so an oversized input is refused without being loaded whole.
std::string read_input(const std::string& path, std::size_t max_bytes) {
  std::ifstream file;
  std::istream* in = &std::cin;
  if (path != "-") {
    file.open(path, std::ios::binary);
    if (!file) throw khabar::Error(khabar::codes::io_failed, "cannot open " + path);
    in = &file;
  }
  std::string data;
  std::vector<char> chunk(64 * 1024);
  while (*in && data.size() <= max_bytes) {
    in->read(chunk.data(), static_cast<std::streamsize>(chunk.size()));
    data.append(chunk.data(), static_cast<std::size_t>(in->gcount()));
  }
  if (in->bad()) throw khabar::Error(khabar::codes::io_failed, "cannot read " + path);
  return data;
}

std::string run(const Args& a) {
  if (a.command == "summarize")
    return khabar::cli::summarize_jsonl(read_input(a.file, a.max_bytes), {a.max_sentences, 0});
  khabar::ReadOptions read_options;
  read_options.limits.max_bytes = a.max_bytes;
  auto format = khabar::input_format_from_string(a.input);
  if (!format) throw Usage("--input must be auto, khabar, jsonld, html or text");
  read_options.format = *format;
  khabar::Article article = khabar::read_article(read_input(a.file, a.max_bytes), read_options);
  khabar::CleanedArticle cleaned = khabar::clean(article);
  if (a.command == "inspect") return khabar::render_inspection(cleaned) + "\n";

  khabar::CardOptions options;
  options.locale = a.locale;
  options.time_zone = a.tz;
  options.strict = a.strict;
  if (!a.now.empty()) {
    options.now = khabar::parse_timestamp(a.now);
    if (!options.now)
      throw khabar::Error(khabar::codes::invalid_time, "--now is not an ISO 8601 time: " + a.now);
  }
  khabar::Card card = khabar::make_card(cleaned, options);
  auto output = a.format == "html"   ? khabar::OutputFormat::html
                : a.format == "text" ? khabar::OutputFormat::text
                                     : khabar::OutputFormat::json;
  std::string rendered = khabar::render(card, output, {a.heading_level});
  if (output != khabar::OutputFormat::text) rendered += '\n';
  return rendered;
}

}  // namespace

int main(int argc, char** argv) {
  std::ios::sync_with_stdio(false);
  if (argc == 2 && std::string(argv[1]) == "--version") {
    std::cout << "khabar " << khabar::version << "\n";
    return 0;
  }
  if (argc == 2 && (std::string(argv[1]) == "--help" || std::string(argv[1]) == "-h")) {
    std::cout << usage_text;
    return 0;
  }
  try {
    std::string output = run(parse_args(argc, argv));
    std::cout.write(output.data(), static_cast<std::streamsize>(output.size()));
    std::cout.flush();
    if (!std::cout) {
      std::cerr << "khabar: error [io.write_failed]: cannot write the output\n";
      return 1;
    }
    return 0;
  } catch (const Usage& e) {
    std::cerr << "khabar: error [cli.usage]: " << e.what() << "\n" << usage_text;
    return 2;
  } catch (const khabar::Error& e) {
    std::cerr << "khabar: error [" << e.code() << "]: " << e.message() << "\n";
    return 1;
  } catch (const std::bad_alloc&) {
    std::cerr << "khabar: error [internal.out_of_memory]: out of memory\n";
    return 1;
  } catch (const std::exception& e) {
    std::cerr << "khabar: error [" << khabar::codes::internal << "]: " << e.what() << "\n";
    return 1;
  }
}
