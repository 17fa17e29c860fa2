// The summarizer, the card text's length limit, and the ROUGE scorer of tests/eval.
#include <doctest/doctest.h>

#include <algorithm>
#include <cmath>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "analyse/portable_math.hpp"
#include "analyse/summary_model.hpp"
#include "analyse/summary_rank.hpp"
#include "khabar/analyse.hpp"
#include "khabar/clean.hpp"
#include "khabar/read.hpp"
#include "khabar/render.hpp"
#include "khabar/summarize.hpp"
#include "rouge.hpp"
#include "support.hpp"
#include "train.hpp"
#include "yardstick.hpp"

using namespace khabar;

namespace {

Article seed() { return clean(read_article(test::read_file("examples/seed-article-ar.txt"))).article; }

Article paragraphs(std::vector<std::string> texts, std::string title = "") {
  Article a;
  a.language = "ar";
  a.direction = Direction::rtl;
  a.title = std::move(title);
  for (auto& t : texts) a.body.push_back({Block::Kind::paragraph, std::move(t)});
  return a;
}

bool contains(const std::string& text, std::string_view part) { return text.find(part) != std::string::npos; }

std::string repeat(std::string_view s, int n) {
  std::string out;
  for (int i = 0; i < n; ++i) out += s;
  return out;
}

}  // namespace

TEST_CASE("summarize: the seed's summary says the Interpol assembly meets in Marrakech with 196 countries") {
  Article a = seed();
  Summary s = summarize(a, {3, 0});
  REQUIRE(s.sentences.size() == 3);
  bool assembly = false, countries = false;
  for (const auto& x : s.sentences) {
    assembly = assembly || (contains(x.text, "مراكش") && contains(x.text, "للدورة 93 للجمعية العامة"));
    countries = countries || contains(x.text, "196 دولة");
  }
  CHECK(assembly);
  CHECK(countries);
  CHECK(s.sentences.front().block == 0);  // the lead opens the summary
  // The card's 280 characters: the opening sentence about the assembly, whole.
  Summary card = summarize(a);
  REQUIRE(!card.sentences.empty());
  CHECK(contains(card.text, "للدورة 93 للجمعية العامة"));
  CHECK_FALSE(contains(card.text, "…"));
}

TEST_CASE("summarize: the sub-heading is neither cut in two nor chosen") {
  Article a = seed();
  // Wherever the cleaner puts it, the heading stays one unit.
  bool whole = false;
  for (const Sentence& x : split_sentences(a)) {
    std::string text = a.body[x.block].text.substr(x.start, x.end - x.start);
    whole = whole || contains(text, "المغرب.. بلد الأمن والسلام");
    CHECK_FALSE(text.starts_with("بلد الأمن والسلام"));
  }
  CHECK(whole);
  for (const auto& x : summarize(a, {10, 0}).sentences) {
    CHECK(a.body[x.block].kind == Block::Kind::paragraph);
    CHECK_FALSE(contains(x.text, "المغرب.. بلد الأمن والسلام"));
  }
}

TEST_CASE("summarize: sentences in document order, offsets into the cleaned text, scores set") {
  Article a = seed();
  Summary s = summarize(a, {5, 0});
  REQUIRE(s.sentences.size() == 5);
  for (std::size_t i = 0; i < s.sentences.size(); ++i) {
    const auto& x = s.sentences[i];
    REQUIRE(x.block < a.body.size());
    REQUIRE(x.end <= a.body[x.block].text.size());
    CHECK(a.body[x.block].text.substr(x.start, x.end - x.start) == x.text);
    CHECK(x.score > 0);
    if (i > 0) {
      const auto& p = s.sentences[i - 1];
      CHECK((p.block < x.block || (p.block == x.block && p.end <= x.start)));
    }
  }
  // No limit: the text is every chosen sentence, space-separated.
  std::string joined;
  for (const auto& x : s.sentences) joined += (joined.empty() ? "" : " ") + x.text;
  CHECK(s.text == joined);
}

TEST_CASE("summarize: the text keeps whole sentences within max_chars") {
  Article a = seed();
  Summary s = summarize(a, {3, 280});
  REQUIRE(!s.text.empty());
  CHECK(count_characters(s.text) <= 280);
  CHECK(s.text.starts_with(s.sentences.front().text));
  // Cut at a sentence end: whole sentences only when the first fits.
  if (count_characters(s.sentences.front().text) <= 280) CHECK_FALSE(contains(s.text, "…"));
}

namespace {

// A hand-made model: the chance rises with the sentence's position weight given, so a test
// says which sentences the scorer prefers without depending on the trained table.
detail::SummaryModel prefers(detail::Feature feature, double weight, double min_gain = -1) {
  detail::SummaryModel m;
  m.weights[detail::bias] = -1;
  m.weights[feature] = weight;
  m.redundancy = 0;
  m.min_gain = m.card_min_gain = min_gain;
  m.lead_weight = m.card_lead_weight = 0;  // the most kept words, whatever the lead keeps
  m.opens_with_first = false;              // any sentence may open the set
  return m;
}

}  // namespace

TEST_CASE("summarize: within max_chars, a sentence that would not fit is not chosen, a later one is") {
  std::string first = "أعلنت الحكومة اليوم خطة جديدة لدعم الفلاحين.";
  std::string long_one =
      "وقال الوزير إن الخطة " + repeat("تشمل قروضا بدون فوائد وتوزيع البذور ", 6) + "على الفلاحين.";
  std::string last = "وتأتي الخطة بعد موسم جاف طويل.";  // six words: not a fragment
  Article a = paragraphs({first, long_one, last});
  Analysis analysis(a);
  auto model = prefers(detail::first_sentence, 3);
  std::size_t room = count_characters(first) + 1 + count_characters(last);
  REQUIRE(count_characters(first) + 1 + count_characters(long_one) > room);
  Summary s = detail::summarize_with(analysis, {3, room}, model);
  REQUIRE(s.sentences.size() == 2);
  CHECK(s.sentences[0].text == first);
  CHECK(s.sentences[1].text == last);
  CHECK(s.text == first + " " + last);  // what is chosen is what is shown
  // One character less and the last no longer fits either.
  CHECK(detail::summarize_with(analysis, {3, room - 1}, model).text == first);
  // Without a limit, all three.
  CHECK(detail::summarize_with(analysis, {3, 0}, model).text == first + " " + long_one + " " + last);
}

TEST_CASE("summarize: the scorer's choice, or the lead with a warning when it is not confident") {
  std::vector<std::string> texts{
      "أعلنت الحكومة اليوم خطة جديدة لدعم الفلاحين.", "وقال الوزير إن الخطة تشمل قروضا بدون فوائد.",
      "وتأتي الخطة بعد موسم جاف عرف تراجعا في التساقطات.",
      "وبلغت قيمة القروض 500 مليون درهم لفائدة 20 ألف فلاح.", "وسيبدأ العمل بالخطة مطلع السنة المقبلة."};
  Article a = paragraphs(texts);
  Analysis analysis(a);
  auto candidates = detail::summary_candidates(analysis);
  REQUIRE(candidates.size() == 5);

  // A scorer that likes the last sentences: it departs from the lead, and by its own account
  // gains over it (the chosen words' mean chance minus the lead's).
  auto late = prefers(detail::position_relative, 4);
  late.lead_weight = 1;  // worth: the kept words over the lead's in as many words
  auto choice = detail::choose(candidates, late, {2, 0});
  CHECK(choice.chosen == std::vector<std::size_t>{3, 4});
  CHECK_FALSE(choice.lead);
  CHECK(choice.gain > 0.3);
  Warnings warnings;
  Summary s = detail::summarize_with(analysis, {2, 0}, late, &warnings);
  CHECK(s.text == texts[3] + " " + texts[4]);
  CHECK(warnings.empty());

  // The same scorer asked for a larger gain than it sees: the lead, and a warning saying so.
  late.min_gain = choice.gain + 0.01;
  choice = detail::choose(candidates, late, {2, 0});
  CHECK(choice.chosen == std::vector<std::size_t>{0, 1});
  CHECK(choice.lead);
  s = detail::summarize_with(analysis, {2, 0}, late, &warnings);
  CHECK(s.text == texts[0] + " " + texts[1]);
  REQUIRE(warnings.size() == 1);
  CHECK(warnings[0].code == "summary.lead_shown");

  // A scorer that prefers the lead chooses it itself: no warning, however high min_gain.
  auto early = prefers(detail::position_inverse, 4, 0.5);
  warnings.clear();
  choice = detail::choose(candidates, early, {2, 0});
  CHECK(choice.chosen == std::vector<std::size_t>{0, 1});
  CHECK_FALSE(choice.lead);
  detail::summarize_with(analysis, {2, 0}, early, &warnings);
  CHECK(warnings.empty());

  // The lead under a character limit is what the card would show of it: here the first alone.
  std::size_t room = count_characters(texts[0]) + 5;
  late.card_min_gain = 2;  // never confident under a character limit
  choice = detail::choose(candidates, late, {2, room});
  CHECK(choice.chosen == std::vector<std::size_t>{0});
  CHECK(choice.lead);
}

TEST_CASE("summarize: the confidence is the choice's expected kept words over the lead's, per word") {
  std::vector<std::string> texts{"أعلنت الحكومة اليوم خطة جديدة لدعم الفلاحين.",
                                 "وقال الوزير إن الخطة تشمل قروضا بدون فوائد.",
                                 "وبلغت قيمة القروض 500 مليون درهم لفائدة 20 ألف فلاح."};
  Article a = paragraphs(texts);
  Analysis analysis(a);
  auto cs = detail::summary_candidates(analysis);
  REQUIRE(cs.size() == 3);
  auto late = prefers(detail::position_relative, 4);
  auto choice = detail::choose(cs, late, {1, 0});
  REQUIRE(choice.chosen == std::vector<std::size_t>{2});
  // By hand: (chance of the last times its words - chance of the first times its words) / the
  // larger word count.
  double p0 = choice.chance[0], p2 = choice.chance[2];
  double w0 = static_cast<double>(cs[0].words), w2 = static_cast<double>(cs[2].words);
  CHECK(choice.gain == doctest::Approx((p2 * w2 - p0 * w0) / std::max(w0, w2)));
  // Just above it: the lead; just below: the choice.
  late.min_gain = choice.gain + 1e-9;
  CHECK(detail::choose(cs, late, {1, 0}).lead);
  late.min_gain = choice.gain - 1e-9;
  CHECK_FALSE(detail::choose(cs, late, {1, 0}).lead);
  // The card's threshold is the card's own: the summary's does not reach it.
  late.min_gain = 2;
  late.card_min_gain = -1;
  CHECK_FALSE(detail::choose(cs, late, {1, 280}).lead);
  CHECK(detail::choose(cs, late, {1, 0}).lead);
}

TEST_CASE("summarize: lead_weight 1 weighs a set against the lead at its own length") {
  // A long second sentence a little likelier than the lead's words, and a short third one
  // much likelier: the most kept words is the long one; over the lead at the same length, the
  // short one.
  std::string first = "أعلنت الحكومة اليوم خطة جديدة لدعم الفلاحين.";
  std::string long_one =
      "وقال الوزير إن الخطة " + repeat("تشمل قروضا بدون فوائد وتوزيع البذور ", 4) + "على الفلاحين.";
  std::string short_one = "وبلغت قيمة القروض 500 مليون درهم.";
  Article a = paragraphs({first, long_one, short_one});
  Analysis analysis(a);
  auto cs = detail::summary_candidates(analysis);
  REQUIRE(cs.size() == 3);
  detail::SummaryModel m = prefers(detail::position_relative, 0);
  m.weights[detail::has_number] = 3;  // the short sentence: chance sigmoid(2)
  m.weights[detail::long_sentence] = 0;
  m.weights[detail::log_words] = 0;
  m.weights[detail::bias] = -1;
  m.weights[detail::relative_length] = 0.3;  // the long one a little above the first
  auto most = detail::choose(cs, m, {1, 0});
  m.lead_weight = 1;
  auto over_lead = detail::choose(cs, m, {1, 0});
  CHECK(most.chosen == std::vector<std::size_t>{1});
  CHECK(over_lead.chosen == std::vector<std::size_t>{2});
}

TEST_CASE("summarize: the lead shown in its place skips a repeated sentence") {
  std::string lead = "أعلنت الحكومة اليوم خطة جديدة لدعم الفلاحين المتضررين من الجفاف.";
  std::string next = "وقال الوزير إن الخطة تشمل قروضا بدون فوائد وتوزيع البذور.";
  Article a = paragraphs({lead, lead, next});
  Analysis analysis(a);
  auto late = prefers(detail::position_relative, 4, 2);  // never confident: always the lead
  auto choice = detail::choose(detail::summary_candidates(analysis), late, {2, 0});
  CHECK(choice.chosen == std::vector<std::size_t>{0, 2});
}

TEST_CASE("inspect: the card's summary and its warnings, and only the summary's") {
  std::vector<std::string> texts{"أعلنت الحكومة اليوم خطة جديدة لدعم الفلاحين.",
                                 "وقال الوزير إن الخطة تشمل قروضا بدون فوائد.",
                                 "وبلغت قيمة القروض 500 مليون درهم لفائدة 20 ألف فلاح."};
  CleanedArticle cleaned = clean(paragraphs(texts));
  Analysis analysis(cleaned.article);
  Card card;
  auto late = prefers(detail::position_relative, 4, 2);  // never confident: always the lead
  card.summary = detail::summarize_with(analysis, {2, 280}, late, &card.warnings);
  REQUIRE(card.warnings.size() == 1);
  card.warnings.push_back({"locale.fallback", "not the summary's"});
  auto j = nlohmann::json::parse(render_inspection(cleaned, card));
  CHECK(j["summary"]["text"] == texts[0] + " " + texts[1]);
  REQUIRE(j["summary"]["sentences"].size() == 2);
  CHECK(j["summary"]["sentences"][0]["score"].get<double>() > 0);
  REQUIRE(j["summary"]["warnings"].size() == 1);
  CHECK(j["summary"]["warnings"][0]["code"] == "summary.lead_shown");
  CHECK(j.contains("fixes"));  // the inspection as before, the summary beside it
  CHECK_FALSE(nlohmann::json::parse(render_inspection(cleaned)).contains("summary"));
}

TEST_CASE("summarize: asked for more sentences than sets can be tried, a greedy choice") {
  std::vector<std::string> texts;
  for (int i = 0; i < 40; ++i)
    texts.push_back("وقال المسؤول في البيان رقم " + std::to_string(i + 1) + " إن اللجنة " +
                    repeat("درست ", static_cast<int>(i % 5) + 1) + "الملف كاملا.");
  Article a = paragraphs(texts);
  Analysis analysis(a);
  auto cs = detail::summary_candidates(analysis);
  REQUIRE(cs.size() == 40);
  // Kept words only: each sentence adds to them, so as many as asked for, in document order.
  auto m = prefers(detail::position_inverse, 2);
  auto choice = detail::choose(cs, m, {25, 0});
  REQUIRE(choice.chosen.size() == 25);
  CHECK(std::is_sorted(choice.chosen.begin(), choice.chosen.end()));
  CHECK(std::adjacent_find(choice.chosen.begin(), choice.chosen.end()) == choice.chosen.end());
  // Far more than there are: every sentence once.
  CHECK(detail::choose(cs, m, {100000, 0}).chosen.size() == 40);
  // Within a character limit: what is chosen fits.
  auto card = detail::summarize_with(analysis, {30, 280}, m);
  CHECK(count_characters(card.text) <= 280);
  CHECK(card.sentences.size() > 1);
}

TEST_CASE("summarize: a fragment of fewer than six words is never chosen, but for the first sentence") {
  std::string first = "تقرير.";
  std::string middle = "أعلنت الحكومة اليوم خطة جديدة لدعم الفلاحين المتضررين من الجفاف.";
  std::string fragment = "من أشهر الخطط.";
  Article a = paragraphs({first, middle, fragment});
  Analysis analysis(a);
  // A scorer that likes the end best would take the fragment first; it takes the rest.
  auto late = prefers(detail::position_relative, 4);
  auto choice = detail::choose(detail::summary_candidates(analysis), late, {2, 0});
  CHECK(choice.chosen == std::vector<std::size_t>{0, 1});
}

TEST_CASE("summarize: features of the sentences the scorer reads") {
  Article a = paragraphs({"أعلنت الحكومة اليوم خطة جديدة لدعم الفلاحين. وقال الوزير «إنها خطة طموحة».",
                          "وبلغت قيمة القروض 500 مليون درهم."},
                         "الحكومة تعلن خطة لدعم الفلاحين");
  Analysis analysis(a);
  auto cs = detail::summary_candidates(analysis);
  REQUIRE(cs.size() == 3);
  CHECK(cs[0].features[detail::first_sentence] == 1);
  CHECK(cs[1].features[detail::first_sentence] == 0);
  CHECK(cs[1].features[detail::paragraph_first] == 0);
  CHECK(cs[2].features[detail::paragraph_first] == 1);
  CHECK(cs[2].features[detail::paragraph_inverse] == doctest::Approx(0.5));
  CHECK(cs[1].features[detail::has_quote] == 1);
  CHECK(cs[0].features[detail::has_quote] == 0);
  CHECK(cs[2].features[detail::has_number] == 1);
  CHECK(cs[2].features[detail::position_relative] == 1);
  CHECK(cs[0].features[detail::title_overlap] == 1);  // the sentence closest to the title
  CHECK(cs[0].features[detail::lead_similarity] == 0);
  for (const auto& c : cs) CHECK(c.features[detail::bias] == 1);
}

TEST_CASE("summarize: features of a sentence's context and of the article's subject") {
  Article a = paragraphs(
      {"الحكومة المغربية أعلنت اليوم خطة جديدة لدعم الفلاحين. وقال الوزير إن الخطة طموحة جدا.",
       "وتدعم الحكومة المغربية الفلاحين منذ سنوات طويلة.", "وتراجعت التساقطات المطرية هذا العام."});
  Analysis analysis(a);
  auto cs = detail::summary_candidates(analysis);
  REQUIRE(cs.size() == 4);
  CHECK(cs[0].features[detail::prev_centrality] == 0);
  CHECK(cs[1].features[detail::prev_centrality] == cs[0].features[detail::centrality]);
  CHECK(cs[2].features[detail::prev_centrality] == cs[1].features[detail::centrality]);
  CHECK(cs[1].features[detail::prev_lead_similarity] == 1);  // after the first
  CHECK(cs[2].features[detail::prev_lead_similarity] == cs[1].features[detail::lead_similarity]);
  CHECK(cs[0].features[detail::paragraph_last] == 0);
  CHECK(cs[1].features[detail::paragraph_last] == 1);
  CHECK(cs[2].features[detail::paragraph_last] == 1);
  CHECK(cs[3].features[detail::paragraph_last] == 1);
  CHECK(cs[0].features[detail::paragraph_size_inverse] == doctest::Approx(0.5));
  CHECK(cs[2].features[detail::paragraph_size_inverse] == 1);
  // The subject: the first sentence's first two content terms ("الحكومة المغربية").
  CHECK(cs[2].features[detail::subject_term] == 1);
  CHECK(cs[2].features[detail::subject_terms] == 1);
  CHECK(cs[1].features[detail::subject_term] == 0);
  CHECK(cs[3].features[detail::subject_terms] == 0);
}

TEST_CASE("summarize: a first sentence longer than max_chars is cut at a word boundary with an ellipsis") {
  Article a = seed();
  for (std::size_t limit : {20u, 61u, 100u}) {
    Summary s = summarize(a, {3, limit});
    const std::string& first = s.sentences.front().text;
    REQUIRE(count_characters(first) > limit);
    CHECK(count_characters(s.text) <= limit);
    REQUIRE(s.text.ends_with("…"));
    std::string kept = s.text.substr(0, s.text.size() - std::string("…").size());
    REQUIRE(first.starts_with(kept));
    // The next character of the sentence after what was kept starts no word part:
    // it is a space or the punctuation dropped before the ellipsis.
    std::string next = first.substr(kept.size(), 1);
    CHECK((next == " " || first.substr(kept.size(), 2) == "،"));
  }
}

TEST_CASE("shorten: never inside a grapheme cluster, nor inside lam-alef") {
  // لَا repeated with no space: cluster boundaries fall between lam+fatha and alef.
  std::string lam_alef = "لَا";  // 6 bytes, two clusters
  std::string word = repeat(lam_alef, 10);
  CHECK(count_characters(word) == 20);
  for (std::size_t limit : {5u, 6u, 7u}) {
    std::string out = shorten(word, limit);
    CHECK(count_characters(out) <= limit);
    REQUIRE(out.ends_with("…"));
    std::size_t kept = out.size() - std::string("…").size();
    CHECK(kept % lam_alef.size() == 0);  // whole لَا only
    CHECK(kept > 0);
  }

  // An emoji ZWJ family is one character and is kept or dropped whole.
  std::string family = "👨‍👩‍👧";
  CHECK(count_characters(family) == 1);
  std::string text = "abc" + family + family + family;
  CHECK(count_characters(text) == 6);
  CHECK(shorten(text, 6) == text);
  CHECK(shorten(text, 5) == "abc" + family + "…");
  CHECK(shorten(text, 4) == "abc…");

  // At a word boundary: the family before the cut survives whole.
  std::string words = "سَلَامٌ " + family + " عَلَيْكُمْ";
  CHECK(shorten(words, 8) == "سَلَامٌ " + family + "…");
  CHECK(shorten(words, 7) == "سَلَامٌ " + family + "…");
  CHECK(shorten(words, 6) == "سَلَامٌ…");
  CHECK(count_characters(words) == 12);
  CHECK(shorten(words, 0).empty());
  CHECK(shorten(words, 100) == words);
}

TEST_CASE("summarize: the card text honours grapheme clusters at the cut") {
  std::string family = "👨‍👩‍👧";
  std::string sentence = repeat("لَا " + family + " ", 30) + "انتهى.";
  Article a = paragraphs({sentence});
  for (std::size_t limit : {10u, 11u, 12u, 13u}) {
    Summary s = summarize(a, {3, limit});
    CHECK(count_characters(s.text) <= limit);
    REQUIRE(s.text.ends_with("…"));
    std::string kept = s.text.substr(0, s.text.size() - std::string("…").size());
    CHECK(sentence.starts_with(kept));
    CHECK(sentence.substr(kept.size(), 1) == " ");
  }
}

namespace {

// Which of the paragraphs' sentences the summarizer reads as dangling, in a language.
std::vector<bool> dangling(std::string language, std::vector<std::string> texts) {
  Article a = paragraphs(std::move(texts));
  a.language = std::move(language);
  a.direction = a.language == "en" || a.language == "fr" ? Direction::ltr : Direction::rtl;
  Analysis analysis(a);
  std::vector<bool> out;
  for (const auto& c : detail::summary_candidates(analysis)) {
    CHECK(c.features[detail::dangling_opener] == (c.dangling ? 1 : 0));
    out.push_back(c.dangling);
  }
  return out;
}

}  // namespace

TEST_CASE("summarize: sentences opening with a connective or anaphor that leans on the one before") {
  using V = std::vector<bool>;
  // Arabic: the bare "و" of "وقال" is on most sentences and is not one; "ولكن", "إلا أن",
  // "كما أن", "لذلك", "وبالتالي", "وهذه" are. The first sentence never is: none comes before it.
  CHECK(dangling("ar",
                 {"ولكن الحكومة أعلنت اليوم خطة جديدة لدعم الفلاحين.",
                  "وقال الوزير إن الخطة تشمل قروضا بدون فوائد.", "ولكن المعارضة انتقدت الخطة في البرلمان.",
                  "إلا أن الحكومة تمسكت بموقفها أمام النواب.", "كما أن الخطة تشمل توزيع البذور.",
                  "لذلك طالب النواب بجلسة عاجلة.", "وبالتالي تأجل التصويت إلى الأسبوع المقبل.",
                  "وهذه ليست المرة الأولى التي يتأجل فيها التصويت.", "وأكد رئيس المجلس أن الجلسة ستعقد.",
                  "هذيان الحملة الانتخابية لم يتوقف."}) == V{0, 0, 1, 1, 1, 1, 1, 1, 0, 0});
  CHECK(dangling("ar-MA", {"أعلنت الحكومة خطة جديدة.", "لكنها لم تحدد موعد تنفيذها بعد."}) == V{0, 1});
  CHECK(dangling("fa", {"دولت امروز طرح جدیدی را اعلام کرد.", "اما مخالفان از این طرح انتقاد کردند.",
                        "بنابراین مجلس جلسه فوری تشکیل داد.", "وزیر اقتصاد از طرح دفاع کرد."}) ==
        V{0, 1, 1, 0});
  CHECK(dangling("ur", {"حکومت نے آج ایک نیا منصوبہ پیش کیا۔", "لیکن حزب اختلاف نے اس پر تنقید کی۔",
                        "تاہم وزیر نے منصوبے کا دفاع کیا۔", "وزیر خزانہ نے بجٹ پیش کیا۔",
                        "انہیں امید ہے کہ بجٹ منظور ہو جائے گا۔", "چاہے بجٹ منظور ہو یا نہ ہو۔"}) ==
        V{0, 1, 1, 0, 1, 1});
  CHECK(dangling("he", {"הממשלה הודיעה היום על תוכנית חדשה לחקלאים.",
                        "גדולה מזו, התוכנית כוללת הלוואות ללא ריבית.", "לכן החקלאים בירכו על ההחלטה.",
                        "אבל האופוזיציה מתחה ביקורת.", "החקלאים בירכו על ההחלטה."}) == V{0, 1, 1, 1, 0});
  CHECK(dangling("en", {"The council approved the budget on Monday.",
                        "However, two members voted against it.", "But the mayor welcomed the vote.",
                        "Moreover, the session lasted six hours.", "This is the third budget in a row.",
                        "It passed by seven votes.", "Italy sent observers to the meeting.",
                        "Thistle farmers were not consulted.", "This year the council meets in the port.",
                        "This week it votes again."}) == V{0, 1, 1, 1, 1, 1, 0, 0, 0, 0});
  // A demonstrative that names the present period points at the calendar, not at a sentence.
  CHECK(dangling("ar", {"أعلنت الحكومة خطة جديدة لدعم الفلاحين.", "هذا العام تراجعت التساقطات المطرية.",
                        "هذا القرار أثار جدلا واسعا."}) == V{0, 0, 1});
  CHECK(dangling("fr", {"Le conseil a voté le budget lundi.", "Cette année, la séance a duré six heures.",
                        "Cette décision a surpris les habitants."}) == V{0, 0, 1});
  CHECK(dangling("fr", {"Le conseil a voté le budget lundi.", "Cependant, deux membres ont voté contre.",
                        "Il y a trois ans, le budget avait été rejeté.", "Cela n'était jamais arrivé.",
                        "De plus, la séance a duré six heures.", "Elle a commencé à midi.",
                        "Iliade est le nom de la salle."}) == V{0, 1, 0, 1, 1, 1, 0});
  // A language without a table: nothing is dangling.
  CHECK(dangling("de", {"Der Rat hat den Haushalt beschlossen.", "Aber zwei Mitglieder stimmten dagegen."}) ==
        V{0, 0});
}

TEST_CASE("summarize: a dangling sentence is shown only after the sentence before it") {
  std::vector<std::string> texts{
      "أعلنت الحكومة اليوم خطة جديدة لدعم الفلاحين.",
      "وقال الوزير إن الخطة " + repeat("تشمل قروضا بدون فوائد وتوزيع البذور ", 4) + "على الفلاحين.",
      "ولكن المعارضة انتقدت الخطة بشدة في جلسة البرلمان أمس.",
      "وتأتي الخطة بعد موسم جاف عرف تراجعا في التساقطات."};
  Article a = paragraphs(texts);
  Analysis analysis(a);
  auto cs = detail::summary_candidates(analysis);
  REQUIRE(cs.size() == 4);
  REQUIRE(cs[2].dangling);
  // A scorer that likes the dangling sentence best would show it alone; it is shown only with
  // the sentence before it, in the summary and in the card, by the set search and by the greedy
  // choice alike.
  auto likes = prefers(detail::dangling_opener, 4);
  for (std::size_t k : {1, 2, 3}) {
    auto chosen = detail::choose(cs, likes, {k, 0}).chosen;
    REQUIRE_FALSE(chosen.empty());
    for (std::size_t j = 0; j < chosen.size(); ++j)
      if (chosen[j] == 2) CHECK((j > 0 && chosen[j - 1] == 1));
    if (k == 1) CHECK(chosen != std::vector<std::size_t>{2});
    if (k >= 2) CHECK(std::find(chosen.begin(), chosen.end(), 2) != chosen.end());  // with 1 before it
  }
  std::size_t both = count_characters(texts[1]) + 1 + count_characters(texts[2]);
  auto card = detail::choose(cs, likes, {3, both}).chosen;
  CHECK(card == std::vector<std::size_t>{1, 2});
  CHECK(detail::choose(cs, likes, {3, both - 1}).chosen != std::vector<std::size_t>{2});
  Summary s = detail::summarize_with(analysis, {1, 0}, likes);
  CHECK_FALSE(s.text.starts_with("ولكن"));

  // The lead in the card's room: the second sentence does not fit, so the third, which leans on
  // it, is not shown after the first; the fourth is.
  auto never = prefers(detail::first_sentence, -8, 2);  // never confident: always the lead
  std::size_t room =
      count_characters(texts[0]) + 1 + count_characters(texts[2]) + 1 + count_characters(texts[3]);
  REQUIRE(count_characters(texts[0]) + 1 + count_characters(texts[1]) > room);
  auto lead = detail::choose(cs, never, {4, room});
  CHECK(lead.lead);
  CHECK(lead.chosen == std::vector<std::size_t>{0, 3});
}

TEST_CASE("summarize: the summary and the card open with the article's first sentence") {
  std::vector<std::string> texts{
      "أعلنت الحكومة اليوم خطة جديدة لدعم الفلاحين.", "وقال الوزير إن الخطة تشمل قروضا بدون فوائد.",
      "وتأتي الخطة بعد موسم جاف عرف تراجعا في التساقطات.",
      "وبلغت قيمة القروض 500 مليون درهم لفائدة 20 ألف فلاح.", "وسيبدأ العمل بالخطة مطلع السنة المقبلة."};
  Article a = paragraphs(texts);
  Analysis analysis(a);
  auto cs = detail::summary_candidates(analysis);
  // A scorer that likes the last sentences best: free, it leaves the first out; under the rule
  // the first opens the set and the scorer chooses the rest, in the set search, the card and
  // the greedy choice alike.
  auto late = prefers(detail::position_relative, 4);
  late.lead_weight = late.card_lead_weight = 1;
  CHECK(detail::choose(cs, late, {2, 0}).chosen == std::vector<std::size_t>{3, 4});
  late.opens_with_first = true;
  auto two = detail::choose(cs, late, {2, 0}).chosen;
  REQUIRE(two.size() == 2);
  CHECK(two[0] == 0);
  CHECK(two[1] >= 3);  // the scorer's late sentence
  std::size_t room = count_characters(texts[0]) + 1 + count_characters(texts[4]);
  CHECK(detail::choose(cs, late, {3, room}).chosen == std::vector<std::size_t>{0, 4});
  auto many = detail::choose(cs, late, {100000, 0}).chosen;
  REQUIRE_FALSE(many.empty());
  CHECK(many.front() == 0);
  CHECK(detail::trained_summary_model.opens_with_first);

  // A dateline before the lead is a fragment, not the story's opening: the lead opens the set.
  std::vector<std::string> dated{
      "الأحد 21 مارس 2024 - 12:45 بتوقيت مكة", texts[0], texts[1], texts[2], texts[3], texts[4]};
  Article b = paragraphs(dated);
  Analysis with_dateline(b);
  auto two_dated = detail::choose(detail::summary_candidates(with_dateline), late, {2, 0}).chosen;
  REQUIRE_FALSE(two_dated.empty());
  CHECK(two_dated.front() == 1);

  // After the dateline, a first sentence that leans on nothing shown: the set opens after it,
  // never empty, in the set search and the greedy choice alike.
  Article c = paragraphs({"Monday 21 March 2024", "However, the council approved the budget on Monday night.",
                          "The vote followed a long debate about the city's roads and schools.",
                          "The mayor said the new budget would be published next week."});
  c.language = "en";
  Analysis leaning(c);
  auto leaning_cs = detail::summary_candidates(leaning);
  REQUIRE(leaning_cs.size() == 4);
  REQUIRE(leaning_cs[1].dangling);
  for (std::size_t k : {2, 100000}) {
    auto chosen = detail::choose(leaning_cs, late, {k, 0}).chosen;
    REQUIRE_FALSE(chosen.empty());
    CHECK(chosen.front() == 2);
  }
}

TEST_CASE("summarize: empty input gives an empty summary") {
  CHECK(summarize(Article{}) == Summary{});
  CHECK(summarize(paragraphs({"", "   "})) == Summary{});
  Article headings_only;
  headings_only.language = "ar";
  headings_only.body.push_back({Block::Kind::heading, "المغرب.. بلد الأمن والسلام"});
  CHECK(summarize(headings_only) == Summary{});
  CHECK(summarize(seed(), {0, 280}) == Summary{});
}

TEST_CASE("summarize: redundancy control skips a repeated sentence") {
  std::string lead = "أعلنت الحكومة اليوم خطة جديدة لدعم الفلاحين المتضررين من الجفاف في الجهات الجنوبية.";
  Article a =
      paragraphs({lead, lead, "وقال الوزير إن الخطة تشمل قروضا بدون فوائد وتوزيع البذور على الفلاحين الصغار.",
                  "وتأتي الخطة بعد موسم فلاحي صعب عرف تراجعا كبيرا في التساقطات المطرية في المملكة."});
  Summary s = summarize(a, {2, 0});
  REQUIRE(s.sentences.size() == 2);
  CHECK(s.sentences[0].text != s.sentences[1].text);
}

TEST_CASE("rouge: hand-computed unigram, bigram and LCS F1") {
  using namespace khabar::eval;
  auto c = rouge_tokens("the cat sat on the mat");
  auto r = rouge_tokens("The cat is on the mat.");
  REQUIRE(c.size() == 6);
  REQUIRE(r.size() == 6);
  CHECK(rouge_n_f1(c, r, 1) == doctest::Approx(5.0 / 6));  // the x2, cat, on, mat
  CHECK(rouge_n_f1(c, r, 2) == doctest::Approx(3.0 / 5));  // the cat, on the, the mat
  CHECK(rouge_l_f1(c, r) == doctest::Approx(5.0 / 6));     // the cat on the mat

  // Clipping: "the" three times matches the reference's one "the" once.
  // P = 1/3, R = 1/2, F1 = 2PR / (P + R) = 0.4.
  CHECK(rouge_n_f1(rouge_tokens("the the the"), rouge_tokens("the cat"), 1) == doctest::Approx(0.4));
  CHECK(rouge_n_f1(rouge_tokens("the"), rouge_tokens("the cat"), 2) == 0);

  // Mean over references: 5/6 against the first, 0 against the second.
  std::vector<std::string> refs{"The cat is on the mat.", "dogs run"};
  RougeScores s = rouge("the cat sat on the mat", refs);
  CHECK(s.r1 == doctest::Approx(5.0 / 12));
  CHECK(s.r2 == doctest::Approx(3.0 / 10));
  CHECK(s.rl == doctest::Approx(5.0 / 12));
}

TEST_CASE("rouge: the EASC normalisation, and only it") {
  using namespace khabar::eval;
  // Harakat, tatweel and alef variants go.
  CHECK(rouge_tokens("الأَعْظَم كـتاب إسلام آمن ٱلله") ==
        std::vector<std::string>{"الاعظم", "كتاب", "اسلام", "امن", "الله"});
  // ى and ة stay as written, unlike khabar::analysis_form.
  CHECK(rouge_tokens("مدرسة على") == std::vector<std::string>{"مدرسة", "على"});
  // Runs of letters and digits; punctuation separates.
  CHECK(rouge_tokens("196 دولة، (2025)") == std::vector<std::string>{"196", "دولة", "2025"});
}

TEST_CASE("eval yardstick: the lead cut to a length, whole sentences within it, the paired bootstrap") {
  using namespace khabar::eval;
  std::vector<std::string> lead{"The cat sat.", "It was on the mat, all day.", "Then it left."};
  CHECK(cut_to_tokens(lead, 5) == "the cat sat it was");  // ROUGE tokens: Latin lower-cased
  CHECK(cut_to_tokens(lead, 0).empty());
  CHECK(token_count(cut_to_tokens(lead, 100)) == 13);
  // The lead stops at the first sentence that does not fit; a ranked list skips it.
  CHECK(whole_sentences_within(lead, 6, false) == std::vector<std::string>{"The cat sat."});
  CHECK(whole_sentences_within(lead, 6, true) == std::vector<std::string>{"The cat sat.", "Then it left."});
  // The first is always taken, even when longer than the length.
  CHECK(whole_sentences_within(lead, 1, false) == std::vector<std::string>{"The cat sat."});

  std::vector<double> a{0.5, 0.6, 0.7, 0.8}, b{0.4, 0.5, 0.6, 0.7};
  Interval same = paired_bootstrap(a, a, 2000, 25);
  CHECK(same.mean == 0);
  CHECK(same.low == 0);
  CHECK(same.high == 0);
  // A constant difference of 0.1 in every document: every resample's mean is 10 (x100).
  Interval shifted = paired_bootstrap(a, b, 2000, 25);
  CHECK(shifted.mean == doctest::Approx(10));
  CHECK(shifted.low == doctest::Approx(10));
  CHECK(shifted.high == doctest::Approx(10));
  // Differences of -1 and +1: the interval spans 0 and is ordered.
  Interval mixed = paired_bootstrap({1, 0, 1, 0, 1, 0}, {0, 1, 0, 1, 0, 1}, 2000, 25);
  CHECK(mixed.mean == doctest::Approx(0));
  CHECK(mixed.low < 0);
  CHECK(mixed.high > 0);
}

TEST_CASE("eval trainer: a sentence's label is the share of its bigrams in each reference") {
  using namespace khabar::eval;
  auto tokens = [](const char* text) { return rouge_tokens(text); };
  std::vector<std::vector<std::string>> refs{tokens("a b c d. e f"), tokens("x y z")};
  CHECK(reference_share(tokens("a b c"), refs) == doctest::Approx(0.5));        // whole in one of two
  CHECK(reference_share(tokens("c d e q"), refs) == doctest::Approx(1.0 / 3));  // c d, d e of 3, once
  CHECK(reference_share(tokens("z"), refs) == doctest::Approx(0.5));            // one word: the word itself
  CHECK(reference_share({}, refs) == 0);
}

TEST_CASE("portable_log and portable_exp: within two ulps of the libm, exact where they must be") {
  auto ulps = [](double a, double b) {
    if (a == b) return 0.0;
    return std::fabs(a - b) / (std::nextafter(std::fabs(b), INFINITY) - std::fabs(b));
  };
  double worst_log = 0, worst_exp = 0;
  // The idf's arguments ((n + 1) / (df + 0.5)) and a sweep over many binades.
  for (int n = 1; n <= 300; ++n)
    for (int df = 0; df <= n; ++df) {
      double x = (n + 1.0) / (df + 0.5);
      worst_log = std::max(worst_log, ulps(detail::portable_log(x), std::log(x)));
    }
  for (double x = 1e-300; x < 1e300; x *= 1.37)
    worst_log = std::max(worst_log, ulps(detail::portable_log(x), std::log(x)));
  // The lead prior's arguments (-i / 8) and both signs up to the overflow.
  for (int i = 0; i <= 5000; ++i)
    worst_exp = std::max(worst_exp, ulps(detail::portable_exp(-i / 8.0), std::exp(-i / 8.0)));
  for (double x = -700; x < 700; x += 0.731)
    worst_exp = std::max(worst_exp, ulps(detail::portable_exp(x), std::exp(x)));
  MESSAGE("worst: log " << worst_log << " ulps, exp " << worst_exp << " ulps");
  CHECK(worst_log <= 2);
  CHECK(worst_exp <= 2);
  CHECK(detail::portable_log(1.0) == 0.0);
  CHECK(detail::portable_exp(0.0) == 1.0);
  CHECK(detail::portable_log(0.0) == -INFINITY);
  CHECK(std::isnan(detail::portable_log(-1.0)));
  CHECK(detail::portable_exp(-1000.0) == 0.0);
  CHECK(detail::portable_exp(1000.0) == INFINITY);
}
