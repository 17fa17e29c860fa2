// khabar: the command-line shell around the library. It parses arguments, reads
// bytes, calls the pipeline and writes the whole result at once (never a partial one).
#include <cstdio>
#include <fstream>
#include <iostream>
#include <sstream>
#include <string>
#include <vector>

#include "fetch_url.hpp"
#include "image_files.hpp"
#include "khabar/image.hpp"
#include "khabar/khabar.hpp"
#include "summarize_jsonl.hpp"

namespace {

// The usage of each command, and of them all: `khabar help [COMMAND]`, `khabar COMMAND --help`.
constexpr const char* card_usage =
    R"(  khabar card FILE|URL|- [--locale L] [--format json|html|text] [--now ISO-8601] [--tz ZONE]
                     [--input auto|khabar|jsonld|html|text] [--heading-level N] [--max-bytes N] [--strict]
                     [--timeout MS] [--allow-private ADDRESS:PORT] [--content-type T] [--content-language L]
      the card of one article; warnings (things fixed, dropped or guessed) go to stderr. An http(s)
      URL is fetched (libcurl): 3 redirects at most, --timeout (10000 ms) for the whole page,
      --max-bytes, no loopback or private address but the one --allow-private names (tests); its
      Content-Type charset decodes it and its Content-Language is its language when it declares
      none (--content-type and --content-language say them for a file)
)";
constexpr const char* image_usage =
    R"(  khabar image FILE|URL|- [--locale L] [--size og|square|story|WxH] [--theme light|dark]
                      [--format png|svg] [--accent #RRGGBB] [--picture FILE] [--font FILE]
                      [--fonts DIR] [-o FILE] [and the options of khabar card]
      the card as a picture (og is 1200x630, square 1080x1080, story 1080x1920), PNG or SVG, to
      standard output or -o FILE (written whole or not at all). --picture: the article's picture
      (JPEG, PNG, WebP; unreadable: left out, with a warning). Fonts: --fonts DIR, else
      $KHABAR_FONTS, else fonts/ beside the executable; --font FILE adds a publisher's own, first
)";
constexpr const char* inspect_usage =
    R"(  khabar inspect FILE|URL|- [--input auto|khabar|jsonld|html|text] [--max-bytes N]
      the article as read, as cleaned, and every fix the cleaner made, and the card's
      summary with its sentences' scores and its warnings (JSON)
)";
constexpr const char* summarize_usage =
    R"(  khabar summarize --jsonl FILE|- [--max-sentences N] [--max-bytes N]
      one JSON object a line: {"article": plain text, one paragraph a line, "title"?, "language"?,
      "topic"?} or a Khabar/JSON-LD object; writes {"topic", "summary"} a line (sentences one a line)
)";
constexpr const char* usage_tail = R"(  khabar help [COMMAND] | COMMAND --help | --version
Errors go to stderr as "khabar: error [code]: message"; exit 1 for bad input, 2 for bad usage.
)";

std::string usage_of(std::string_view command) {
  if (command == "card") return std::string("usage:\n") + card_usage;
  if (command == "image") return std::string("usage:\n") + image_usage;
  if (command == "inspect") return std::string("usage:\n") + inspect_usage;
  if (command == "summarize") return std::string("usage:\n") + summarize_usage;
  return std::string("usage:\n") + card_usage + image_usage + inspect_usage + summarize_usage + usage_tail;
}

struct Usage : std::runtime_error {
  using std::runtime_error::runtime_error;
};

struct Args {
  std::string command;
  std::string file;
  khabar::Request request;
  std::size_t max_sentences = khabar::SummaryOptions{}.max_sentences;
  bool help = false;
  khabar::cli::FetchOptions fetch;
  // khabar image: its options, kept as given until the command is known.
  khabar::ImageOptions image;
  std::string format;  // --format: the card's (json|html|text) or the picture's (png|svg)
  std::string picture, font, fonts, output;
  std::vector<std::string> image_flags;  // given, to refuse them for another command
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

// "--heading-level" -> "heading_level": the name khabar::set_option knows it by.
std::string option_name(const std::string& flag) {
  std::string name = flag.substr(2);
  for (char& c : name)
    if (c == '-') c = '_';
  return name;
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
    if (w == "--help" || w == "-h") {
      a.help = true;
    } else if (w == "--strict") {
      khabar::set_option(a.request, "strict", "true");
    } else if (w == "--jsonl") {
      a.file = value();
    } else if (w == "--allow-private") {
      a.fetch.allow = value();
    } else if (w == "--timeout") {
      a.fetch.timeout_ms = static_cast<long>(parse_size(w, value()));
    } else if (w == "--format") {
      a.format = value();
    } else if (w == "--size" || w == "--theme" || w == "--accent") {
      a.image_flags.push_back(w);
      khabar::set_image_option(a.image, w.substr(2), value());
    } else if (w == "--picture" || w == "--font" || w == "--fonts" || w == "-o") {
      a.image_flags.push_back(w);
      (w == "--picture" ? a.picture : w == "--font" ? a.font : w == "--fonts" ? a.fonts : a.output) = value();
    } else if (w == "--max-sentences") {
      a.max_sentences = parse_size(w, value());
    } else if (w.size() > 2 && w.compare(0, 2, "--") == 0 && khabar::is_option(option_name(w)) &&
               w != "--strict") {
      khabar::set_option(a.request, option_name(w), value());
    } else if (w.size() > 1 && w[0] == '-' && w != "-") {
      throw Usage("unknown option " + w);
    } else if (a.command.empty()) {
      a.command = w;
    } else if (a.file.empty()) {
      a.file = w;
    } else {
      throw Usage("unexpected argument " + w);
    }
  }
  if (a.command == "help") {
    if (!a.file.empty() && a.file != "card" && a.file != "image" && a.file != "inspect" &&
        a.file != "summarize")
      throw Usage("no command " + a.file + " to help with");
    return a;
  }
  if (a.command != "card" && a.command != "image" && a.command != "inspect" && a.command != "summarize")
    throw Usage(a.command.empty() ? "no command given" : "unknown command " + a.command);
  if (a.help) return a;
  if (a.command == "image") {
    if (!a.format.empty()) khabar::set_image_option(a.image, "format", a.format);
  } else {
    if (!a.image_flags.empty()) throw Usage(a.image_flags.front() + " is an option of khabar image");
    if (!a.format.empty()) khabar::set_option(a.request, "format", a.format);
  }
  if (a.file.empty()) throw Usage("no input file given (use - for standard input)");
  return a;
}

// Reads at most max_bytes + 1 so an oversized input is refused without being loaded whole.
// A URL's Content-Type and Content-Language headers go to `read` (when given).
std::string read_input(const std::string& path, std::size_t max_bytes, khabar::cli::FetchOptions fetch = {},
                       khabar::ReadOptions* read = nullptr) {
  if (khabar::cli::is_url(path)) {
    fetch.max_bytes = max_bytes;
    return khabar::cli::fetch_url(path, fetch, read ? &read->content_type : nullptr,
                                  read ? &read->content_language : nullptr);
  }
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

struct Output {
  std::string text;
  khabar::Warnings warnings;
};

Output run(const Args& a) {
  const khabar::Request& r = a.request;
  if (a.command == "summarize")
    return {khabar::cli::summarize_jsonl(read_input(a.file, r.read.limits.max_bytes), {a.max_sentences, 0},
                                         r.read),
            {}};
  khabar::ReadOptions read = r.read;
  std::string bytes = read_input(a.file, r.read.limits.max_bytes, a.fetch, &read);
  khabar::CleanedArticle cleaned = khabar::clean(khabar::read_article(bytes, read));
  khabar::Card card = khabar::make_card(cleaned, r.card);
  if (a.command == "inspect") {
    khabar::Warnings warnings = cleaned.article.warnings;
    for (const auto& w : card.warnings)
      if (w.code.starts_with("summary.")) warnings.push_back(w);
    return {khabar::render_inspection(cleaned, card) + "\n", std::move(warnings)};
  }
  if (a.command == "image") {
    std::string picture = a.picture.empty() ? std::string() : khabar::cli::read_file(a.picture);
    khabar::ImageResult image =
        khabar::render_image(card, a.image, khabar::cli::load_fonts(a.fonts, a.font), picture);
    khabar::Warnings warnings = card.warnings;
    warnings.insert(warnings.end(), image.warnings.begin(), image.warnings.end());
    return {std::move(image.bytes), std::move(warnings)};
  }
  std::string rendered = khabar::render(card, r.format, r.html);
  if (r.format != khabar::OutputFormat::text) rendered += '\n';
  return {std::move(rendered), card.warnings};
}

}  // namespace

int main(int argc, char** argv) {
  std::ios::sync_with_stdio(false);
  if (argc == 2 && std::string(argv[1]) == "--version") {
    std::cout << "khabar " << khabar::version << "\n";
    return 0;
  }
  if (argc == 2 && (std::string(argv[1]) == "--help" || std::string(argv[1]) == "-h")) {
    std::cout << usage_of("");
    return 0;
  }
  std::string command;
  try {
    Args args = parse_args(argc, argv);
    command = args.command;
    if (args.command == "help" || args.help) {
      std::cout << usage_of(args.command == "help" ? args.file : args.command);
      return 0;
    }
    Output output = run(args);
    if (!args.output.empty()) {
      khabar::cli::write_file_atomically(args.output, output.text);
      output.text.clear();
    }
    std::cout.write(output.text.data(), static_cast<std::streamsize>(output.text.size()));
    std::cout.flush();
    if (!std::cout) {
      std::cerr << "khabar: error [io.write_failed]: cannot write the output\n";
      return 1;
    }
    for (const auto& w : output.warnings)
      std::cerr << "khabar: warning [" << w.code << "]: " << w.message << "\n";
    return 0;
  } catch (const Usage& e) {
    std::cerr << "khabar: error [cli.usage]: " << e.what() << "\n" << usage_of(command);
    return 2;
  } catch (const khabar::Error& e) {
    std::cerr << "khabar: error [" << e.code() << "]: " << e.message() << "\n";
    // A bad option is bad usage, whichever option it was.
    return std::string_view(e.code()) == khabar::codes::invalid_option ? 2 : 1;
  } catch (const std::bad_alloc&) {
    std::cerr << "khabar: error [internal.out_of_memory]: out of memory\n";
    return 1;
  } catch (const std::exception& e) {
    std::cerr << "khabar: error [" << khabar::codes::internal << "]: " << e.what() << "\n";
    return 1;
  }
}
