// read -> clean -> summarize, extract and shorten: the summary respects its limits and its
// sentences point into the cleaned blocks.
#include "fuzz_support.hpp"

using namespace khabar;

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  if (size < 2) return 0;
  SummaryOptions options{static_cast<std::size_t>(data[0] % 6), static_cast<std::size_t>(data[1])};
  std::string_view bytes = fuzz::as_view(data + 2, size - 2);
  CleanedArticle c;
  if (!fuzz::expect_error_only([&] { c = clean(read_article(bytes, {InputFormat::text, {}})); })) return 0;
  const Article& a = c.article;
  Summary s = summarize(a, options);
  fuzz::check(s.sentences.size() <= options.max_sentences, "too many summary sentences");
  if (options.max_chars > 0)
    fuzz::check(count_characters(s.text) <= options.max_chars, "summary longer than max_chars", s.text);
  fuzz::check_utf8(s.text, "summary is not UTF-8");
  for (const auto& sent : s.sentences) {
    fuzz::check(sent.block < a.body.size(), "summary sentence block out of range");
    const std::string& block = a.body[sent.block].text;
    fuzz::check(sent.start <= sent.end && sent.end <= block.size(), "summary sentence out of its block");
    fuzz::check(block.compare(sent.start, sent.end - sent.start, sent.text) == 0,
                "summary sentence text differs from its block span");
  }
  std::string short_title = shorten(a.title, options.max_chars);
  fuzz::check(options.max_chars == 0 || count_characters(short_title) <= options.max_chars,
              "shorten exceeded its limit", short_title);
  fuzz::check_utf8(short_title, "shortened title is not UTF-8");
  for (const auto& f : extract_figures(a)) fuzz::check_utf8(f.text, "figure is not UTF-8");
  for (const auto& q : extract_quotes(a)) fuzz::check_utf8(q.text, "quote is not UTF-8");
  for (const auto& k : extract_keywords(a)) fuzz::check_utf8(k, "keyword is not UTF-8");
  ReadingTime t = reading_time(a);
  fuzz::check((t.words == 0) == (t.minutes == 0), "reading time minutes and words disagree");
  return 0;
}
