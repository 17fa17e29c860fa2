#pragma once
// What a card pulls out of an article besides its summary: key figures, short quotes,
// keywords and the reading time. Each reads the cleaned article (title, subtitle and
// body) through its Analysis and returns values in the article's own words; formatting for a
// locale (display strings) happens later, in make_card. The Article overloads analyse it first.
// ("Extract" here means these values only; a page's main text is read by the HTML reader,
// core/src/read/html/main_text.cpp.)
#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include "khabar/analysis.hpp"
#include "khabar/article.hpp"

namespace khabar {

// Numbers with what they count, in document order (title first), at most `max`:
// "196 دولة", "أكثر من 140 دولة", "40 في المئة", "plus de 1 500 personnes".
// Figure::text is the article's own span, qualifier included; Figure::value is the
// quantity with scale words applied ("1,5 مليون درهم" -> 1500000). Years, dates, times
// and ordinals ("الدورة 93", "article 5") are not figures. See core/src/analyse/figures.cpp.
std::vector<Figure> extract_figures(const Analysis& analysis, std::size_t max = 5);
std::vector<Figure> extract_figures(const Article& article, std::size_t max = 5);

// Short quoted phrases of at least two words (a quoted single word is a name or a term:
// “الإنتربول”), without their marks, in document order, at most `max`, each with the
// speaker its sentence names ("وعبر اللواء ... عن ... بـ”...”", "a déclaré X",
// "X said", "according to X"); empty speaker when none. See core/src/analyse/quotes.cpp.
std::vector<Quote> extract_quotes(const Analysis& analysis, std::size_t max = 3);
std::vector<Quote> extract_quotes(const Article& article, std::size_t max = 3);

// Between `min` and `max` content words or two-word names, best first, each in its most
// frequent written form (harakat and tatweel removed, hamza as written, a leading
// "و/ب/ل/ف/ك" + "ال" reduced to "ال"). Fewer than `min` only when the article has
// fewer content words. See core/src/analyse/keywords.cpp.
std::vector<std::string> extract_keywords(const Analysis& analysis, std::size_t min = 5, std::size_t max = 8);
std::vector<std::string> extract_keywords(const Article& article, std::size_t min = 5, std::size_t max = 8);

// Silent reading speed in words a minute for a BCP 47 language: the IReST study
// (Trauzettel-Klosinski & Dietz 2012) for ar 138, fr 195, en 228; every other language
// gets the English value.
int words_per_minute(std::string_view language);

// Words of the title, subtitle and body (ICU word breaks, khabar::split_words) and
// minutes at words_per_minute(article.language), rounded up: 0 only for 0 words.
// `display` is left empty for the locale formatter.
ReadingTime reading_time(const Analysis& analysis);
ReadingTime reading_time(const Article& article);

}  // namespace khabar
