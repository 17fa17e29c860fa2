// Sentences, words, analysis forms, stopwords and stems (khabar/analyse.hpp).
#include <doctest/doctest.h>
#include <unicode/uchar.h>

#include <cstdio>
#include <fstream>
#include <sstream>
#include <string>
#include <thread>
#include <vector>

#include "analyse/analysis_form.hpp"
#include "analyse/words.hpp"
#include "khabar/analyse.hpp"
#include "khabar/read.hpp"
#include "text/chars.hpp"
#include "text/utf8.hpp"

using namespace khabar;

namespace doctest {
template <>
struct StringMaker<std::vector<std::string>> {
  static String convert(const std::vector<std::string>& v) {
    std::string out = "{";
    for (const auto& s : v) out += "\"" + s + "\" ";
    return (out + "}").c_str();
  }
};
}  // namespace doctest

namespace {

using Strings = std::vector<std::string>;

Strings sentences(std::string_view text, std::string_view language) {
  Strings out;
  for (const Sentence& s : split_sentences(text, language))
    out.emplace_back(text.substr(s.start, s.end - s.start));
  return out;
}

Strings forms(std::string_view text, std::string_view language) {
  Strings out;
  for (const Word& w : split_words(text, language)) out.push_back(w.form);
  return out;
}

std::string read_seed() {
  std::ifstream in(KHABAR_SOURCE_DIR "/examples/seed-article-ar.txt", std::ios::binary);
  REQUIRE(in);
  std::ostringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

}  // namespace

TEST_CASE("split_sentences: Arabic full stop, question and exclamation marks, ellipsis") {
  CHECK(sentences("وتوقف المتحدث عند عملية “نبتون”. وأشاد الرئيسي بمحورية الدور المغربي.", "ar") ==
        Strings{"وتوقف المتحدث عند عملية “نبتون”.", "وأشاد الرئيسي بمحورية الدور المغربي."});
  CHECK(sentences("هل تنجح المنظمة في مواجهة الجريمة العابرة للحدود؟ يرى الرئيسي أن التعاون ضروري.", "ar") ==
        Strings{"هل تنجح المنظمة في مواجهة الجريمة العابرة للحدود؟", "يرى الرئيسي أن التعاون ضروري."});
  CHECK(sentences("إنه حدث عالمي بامتياز! وستشارك وفود 196 دولة.", "ar") ==
        Strings{"إنه حدث عالمي بامتياز!", "وستشارك وفود 196 دولة."});
  CHECK(sentences("وتتطور التهديدات بسرعة مذهلة… ولم تعد أي دولة قادرة على مواجهتها وحدها.", "ar") ==
        Strings{"وتتطور التهديدات بسرعة مذهلة…", "ولم تعد أي دولة قادرة على مواجهتها وحدها."});
}

TEST_CASE("split_sentences: Arabic comma and semicolon do not end a sentence") {
  std::string text =
      "احتضنت مدينة مراكش، اليوم الجمعة (21 نونبر)، ندوة صحفية؛ سلطت الضوء على ترتيبات الدورة 93 للجمعية "
      "العامة.";
  CHECK(sentences(text, "ar") == Strings{text});
}

TEST_CASE("split_sentences: abbreviations and initials") {
  std::string ar = "رحب بوبكر سبيك باستضافة د. أحمد ناصر الرئيسي في مراكش. وحضر م. خالد الندوة.";
  CHECK(sentences(ar, "ar") ==
        Strings{"رحب بوبكر سبيك باستضافة د. أحمد ناصر الرئيسي في مراكش.", "وحضر م. خالد الندوة."});
  std::string en =
      "The U.S. delegation met Dr. Ahmed Naser Al-Raisi in Marrakech on Friday. Officials from 196 "
      "countries, "
      "e.g. France, will attend.";
  CHECK(sentences(en, "en") ==
        Strings{"The U.S. delegation met Dr. Ahmed Naser Al-Raisi in Marrakech on Friday.",
                "Officials from 196 countries, e.g. France, will attend."});
  std::string fr = "M. Sbai a salué le rôle du Maroc au sein d'Interpol. La réunion se tiendra à Marrakech.";
  CHECK(sentences(fr, "fr") == Strings{"M. Sbai a salué le rôle du Maroc au sein d'Interpol.",
                                       "La réunion se tiendra à Marrakech."});
  // A lower-case single letter is a unit, which may end a sentence.
  CHECK(sentences("Le sommet s'ouvre à 10 h. Les délégations arrivent lundi.", "fr") ==
        Strings{"Le sommet s'ouvre à 10 h.", "Les délégations arrivent lundi."});
}

TEST_CASE("split_sentences: decimal numbers and dotted dates") {
  std::string ar =
      "ارتفع عدد الموقوفين بنسبة 2.5 في المئة منذ 21.11.2025 حسب المنظمة. وتوقف المتحدث عند عملية نبتون.";
  CHECK(sentences(ar, "ar") == Strings{"ارتفع عدد الموقوفين بنسبة 2.5 في المئة منذ 21.11.2025 حسب المنظمة.",
                                       "وتوقف المتحدث عند عملية نبتون."});
  CHECK(sentences("Crime rose 2.5 percent. The summit opens on 21.11.2025 in Marrakech.", "en") ==
        Strings{"Crime rose 2.5 percent.", "The summit opens on 21.11.2025 in Marrakech."});
}

TEST_CASE("split_sentences: closing quotes stay with their sentence") {
  CHECK(sentences("قال: “انتهى.” ثم غادر القاعة.", "ar") == Strings{"قال: “انتهى.”", "ثم غادر القاعة."});
  CHECK(sentences("He said: \"It is over.\" Then he left.", "en") ==
        Strings{"He said: \"It is over.\"", "Then he left."});
}

TEST_CASE("split_sentences: '..' used as a dash is no sentence end") {
  std::string text = "وعبر الرئيسي عن سعادته بوجوده في المغرب.. بلد الأمن والسلام.";
  CHECK(sentences(text, "ar") == Strings{text});
  // Three dots are an ellipsis, which does end one.
  CHECK(sentences("وعبر الرئيسي عن سعادته... بلد الأمن والسلام.", "ar").size() == 2);
}

TEST_CASE("split_sentences: a full stop glued to the next word still splits") {
  CHECK(sentences("وخبرة تجاوزت أربعة عقود في مجال إنفاذ القانون.المغرب بلد الأمن والسلام.", "ar") ==
        Strings{"وخبرة تجاوزت أربعة عقود في مجال إنفاذ القانون.", "المغرب بلد الأمن والسلام."});
  CHECK(sentences("Delegations from 196 countries attended.The summit opens Monday.", "en") ==
        Strings{"Delegations from 196 countries attended.", "The summit opens Monday."});
}

TEST_CASE("split_sentences: offsets are UTF-8 byte offsets without surrounding space") {
  std::string text = "  وشكل هذا اللقاء فرصة.   وفي مستهل الندوة رحب سبيك بالحضور.  ";
  auto s = split_sentences(text, "ar");
  REQUIRE(s.size() == 2);
  CHECK(s[0].start == 2);
  CHECK(text.substr(s[0].start, s[0].end - s[0].start) == "وشكل هذا اللقاء فرصة.");
  CHECK(text.substr(s[1].start, s[1].end - s[1].start) == "وفي مستهل الندوة رحب سبيك بالحضور.");
  CHECK(s[1].end == text.size() - 2);
  CHECK(split_sentences("", "ar").empty());
  CHECK(split_sentences("   ", "ar").empty());
}

TEST_CASE("split_sentences(Article): blocks in order, a heading is one sentence") {
  Article a;
  a.language = "ar";
  a.body = {Block{Block::Kind::paragraph, "وشكل هذا اللقاء فرصة. وفي مستهل الندوة رحب سبيك بالحضور."},
            Block{Block::Kind::heading, "المغرب.. بلد الأمن والسلام. رسالة الرئيسي"},
            Block{Block::Kind::paragraph, "وشدد المسؤول الأمني الدولي على التعاون."}};
  auto s = split_sentences(a);
  REQUIRE(s.size() == 4);
  CHECK(s[0] == Sentence{0, 0, std::string_view("وشكل هذا اللقاء فرصة.").size()});
  CHECK(s[1].block == 0);
  CHECK(s[2] == Sentence{1, 0, a.body[1].text.size()});
  CHECK(s[3] == Sentence{2, 0, a.body[2].text.size()});
}

TEST_CASE("split_sentences: the seed article") {
  // Counted by hand over the body as read (not cleaned): 9 paragraphs, 13 sentences.
  // Two paragraphs each hold one full stop glued to the next sentence ("المنظمة.وفي",
  // "دولة.النموذج"), one holds "القانون.المغرب.. بلد" (a split, then a ".." dash that is
  // none), and one holds two ordinary sentences.
  Article a = read_article(read_seed());
  REQUIRE(a.body.size() == 9);
  std::size_t paragraph_sentences[9] = {};
  for (const Sentence& s : split_sentences(a)) ++paragraph_sentences[s.block];
  CHECK(paragraph_sentences[0] == 1);
  CHECK(paragraph_sentences[1] == 2);
  CHECK(paragraph_sentences[2] == 2);
  CHECK(paragraph_sentences[5] == 2);
  CHECK(paragraph_sentences[6] == 2);
  CHECK(split_sentences(a).size() == 13);
}

TEST_CASE("split_words: a seed paragraph") {
  std::string text =
      "وأوضح رئيس الإنتربول أن الدول الـ 196 الأعضاء مطالبة بالعمل يدا واحدة لمجابهة تهديدات أمنية تتطور "
      "بسرعة "
      "مذهلة، لا سيما في مجالات الجريمة المنظمة والأمن السيبراني والجرائم العابرة للقارات.";
  auto words = split_words(text, "ar");
  CHECK(words.size() == 29);
  CHECK(text.substr(words[0].start, words[0].end - words[0].start) == "وأوضح");
  CHECK(words[2].form == "الانتربول");
  CHECK(words[5].form == "ال");  // "الـ": the tatweel goes
  CHECK(words[6].number);
  CHECK(words[6].form == "196");
  CHECK_FALSE(words[7].number);
}

TEST_CASE("split_words: numbers in any script keep their separators") {
  auto words = split_words("توقيف ١٣٥ مطلوبا و ۳۲۵ ملاحقا من أصل 1,000 بنسبة 2.5 في المئة", "ar");
  Strings numbers;
  for (const Word& w : words)
    if (w.number) numbers.push_back(w.form);
  CHECK(numbers == Strings{"135", "325", "1,000", "2.5"});
  // A proclitic glued to a number is its own word; Arabic separators map to ASCII.
  CHECK(forms("ما بين 24 و27 نونبر بنسبة ٢٫٥ و١٬٠٠٠ شخص", "ar") ==
        Strings{"ما", "بين", "24", "و", "27", "نونبر", "بنسبه", "2.5", "و", "1,000", "شخص"});
  auto glued = split_words("و27", "ar");
  REQUIRE(glued.size() == 2);
  CHECK_FALSE(glued[0].number);
  CHECK(glued[1].number);
  CHECK(glued[1].start == std::string_view("و").size());
  CHECK_FALSE(split_words("كشـ24", "ar")[0].number);
  CHECK(forms("Interpol arrested 1,000 people in 2.5 days", "en") ==
        Strings{"interpol", "arrested", "1,000", "people", "in", "2.5", "days"});
}

TEST_CASE("analysis_form: each mapping") {
  CHECK(analysis_form("الإنتربول", "ar") == "الانتربول");
  CHECK(analysis_form("أحمد", "ar") == "احمد");
  CHECK(analysis_form("آمن", "ar") == "امن");
  CHECK(analysis_form("ٱلله", "ar") == "الله");
  CHECK(analysis_form("كشـ24", "ar") == "كش24");
  CHECK(analysis_form("مكتبة", "ar") == "مكتبه");
  CHECK(analysis_form("على", "ar") == "علي");
  CHECK(analysis_form("مُدِينَةٌ", "ar") == "مدينه");
  CHECK(analysis_form("هٰذا", "ar") == "هذا");
  CHECK(analysis_form("٢٠٢٥", "ar") == "2025");
  CHECK(analysis_form("۱۴۰", "fa") == "140");
  CHECK(analysis_form("Été", "fr") == "été");
  CHECK(analysis_form("E\u0301te\u0301", "fr") == "été");  // decomposed input comes out NFC
  CHECK(analysis_form("Straße", "en") == "strasse");
  CHECK(analysis_form("INTERPOL", "en") == "interpol");
}

TEST_CASE("char_after and append_utf8: the inline paths agree with ICU's decoder") {
  // Every one- and two-byte string, alone and before "x": same code point, same next index.
  std::size_t differ = 0;
  for (unsigned a = 0; a < 256; ++a)
    for (int b = -1; b < 256; ++b) {
      std::string s(1, static_cast<char>(a));
      if (b >= 0) s += static_cast<char>(b);
      for (const std::string& t : {s, s + "x"}) {
        std::size_t i = 0, j = 0;
        UChar32 inline_c = detail::char_after(t, i), long_c = detail::char_after_long(t, j);
        if (inline_c != long_c || i != j) ++differ;
      }
    }
  CHECK(differ == 0);
  for (char32_t c : {U'\0', U'a', U'\u007F', U'\u0080', U'\u0628', U'\u07FF', U'\u0800', U'\U0001F600'}) {
    std::string quick, slow;
    detail::append_utf8(quick, c);
    detail::append_utf8_long(slow, c);
    CHECK(quick == slow);
  }
}

TEST_CASE(
    "first_invalid_utf8: eight ASCII bytes at a time, the offset of the first ill-formed byte wherever it is") {
  // Each ill-formed sequence (a stray trail byte, an overlong, a surrogate, past U+10FFFF, a cut
  // sequence, a byte UTF-8 never uses) at every offset of 40 bytes of ASCII, after well-formed
  // two-, three- and four-byte sequences or none, and at the end: the first bad byte's offset.
  const std::vector<std::string> bad = {"\x80",     "\xC0\x80", "\xED\xA0\x80", "\xF4\x90\x80\x80",
                                        "\xE2\x82", "\xFF"};
  const std::vector<std::string> good = {"", "\xD8\xA8", "\xE2\x80\x8F", "\xF0\x9F\x98\x80"};
  std::size_t wrong = 0, cases = 0;
  for (const auto& g : good)
    for (const auto& b : bad)
      for (std::size_t at = 0; at <= 40; ++at) {
        std::string s = g + std::string(at, 'a') + b + std::string(40 - at, 'z');
        ++cases;
        if (detail::first_invalid_utf8(s) != g.size() + at) ++wrong;
        if (detail::first_invalid_utf8(g + std::string(at, 'a') + g) != std::nullopt) ++wrong;
      }
  CHECK(cases == 4 * 6 * 41);
  CHECK(wrong == 0);
  CHECK(detail::first_invalid_utf8(std::string(1000, 'x') + "\xC3") == 1000u);
}

TEST_CASE("collapse_space: runs copied whole give what one code point at a time through ICU gives") {
  // The per-code-point definition: each White_Space run (ICU) becomes one space between kept
  // characters, none at the ends; ill-formed bytes are kept as they are.
  auto reference = [](std::string_view s) {
    std::string out;
    bool pending = false;
    for (std::size_t i = 0; i < s.size();) {
      std::size_t at = i;
      UChar32 c = detail::char_after(s, i);
      if (c >= 0 && u_isUWhiteSpace(c)) {
        pending = !out.empty();
        continue;
      }
      if (pending) out += ' ';
      pending = false;
      out.append(s.substr(at, i - at));
    }
    return out;
  };
  std::vector<std::string> cases = {"",
                                    " ",
                                    "a",
                                    "  a  b\t\n c  ",
                                    "\xC2\xA0x\xC2\xA0",
                                    "x\xE3\x80\x80y",
                                    "\xD8\xA8 \xE2\x80\xAF\xD8\xA8",
                                    "\xFF \xC2",
                                    "a\xE2\x80",
                                    "\x1C\x1F\x85 z",
                                    "\xC2\x85"
                                    "a\xE2\x80\xA8"
                                    "b\xE2\x80\x8B"};
  // Every byte alone, between letters and beside a space (ASCII's White_Space, the C1 controls,
  // lead and trail bytes cut short).
  for (unsigned b = 0; b < 256; ++b) {
    std::string c(1, static_cast<char>(b));
    cases.push_back(c);
    cases.push_back("a" + c + "b");
    cases.push_back(" " + c + " x" + c);
  }
  std::size_t differ = 0;
  for (const auto& s : cases)
    if (detail::collapse_space(s) != reference(s)) ++differ;
  CHECK(differ == 0);
  CHECK(detail::collapse_space(" \t a \r\n\u00A0 b\u3000") == "a b");
}

TEST_CASE("analysis_form: the quick path gives ICU's form for every code point below U+0800") {
  // Each code point alone, after an Arabic letter, after a Latin one and before a
  // combining mark (which the quick path leaves to ICU), in an Arabic and a Persian word.
  const std::vector<std::string> around = {"", "\u0628", "e", "\u0627", "I"};
  const std::vector<std::string> after = {"", "\u0654", "\u0301", "\u0651\u064E", "\u0316", "x"};
  std::size_t checked = 0, differ = 0;
  for (char32_t c = 1; c < 0x800; ++c) {
    std::string cp;
    detail::append_utf8(cp, c);
    for (const auto& before : around)
      for (const auto& rest : after)
        for (const char* lang : {"ar", "fa", "fr"}) {
          std::string word = before + cp + rest;
          ++checked;
          if (detail::analysis_form(word, lang) != detail::analysis_form_icu(word, lang)) {
            ++differ;
            char name[16];
            std::snprintf(name, sizeof name, "U+%04X", static_cast<unsigned>(c));
            INFO(name, " in ", std::string(lang), ": ", word);
            CHECK(detail::analysis_form(word, lang) == detail::analysis_form_icu(word, lang));
          }
        }
  }
  CHECK(checked == 0x7FF * 5 * 6 * 3);
  CHECK(differ == 0);
  // Both paths meet on mixed words too: a decomposed hamza, Quranic marks in both orders.
  for (const char* w :
       {"\u0627\u0654\u0645\u064A\u0631", "\u0645\u06D6\u06E2\u0646", "\u0645\u06E2\u06D6\u0646",
        "\u0645\u0651\u064E\u0646", "\u0645\u064E\u0651\u0646", "\xFF\xFE\u0628", "\uFEFB\u0628"})
    CHECK(detail::analysis_form(w, "ar") == detail::analysis_form_icu(w, "ar"));
}

TEST_CASE("clitic_variants: each rule, as views into the form") {
  auto variants = [](std::string_view form) {
    std::vector<std::string> out;
    for (std::string_view v : detail::clitic_variants(form)) {
      CHECK(v.data() + v.size() == form.data() + form.size());  // an end of the form itself
      out.emplace_back(v);
    }
    return out;
  };
  CHECK(variants("المغرب") == Strings{"المغرب", "مغرب"});
  CHECK(variants("للدوره") == Strings{"للدوره", "دوره"});
  CHECK(variants("بالمغرب") == Strings{"بالمغرب", "مغرب"});
  CHECK(variants("والمغرب") == Strings{"والمغرب", "مغرب", "المغرب", "مغرب"});
  CHECK(variants("وفي") == Strings{"وفي"});  // the و rule needs more than three letters
  CHECK(variants("فلما") == Strings{"فلما", "لما"});
  CHECK(variants("بيت") == Strings{"بيت"});  // a lone ب needs more than three letters
  CHECK(variants("كتاب") == Strings{"كتاب", "تاب"});
  CHECK(variants("ال") == Strings{"ال"});  // nothing of fewer than two letters is added
  CHECK(variants("interpol") == Strings{"interpol"});
  CHECK(variants("") == Strings{""});
}

TEST_CASE("is_stopword") {
  CHECK(is_stopword("في", "ar"));
  CHECK(is_stopword("من", "ar"));
  CHECK(is_stopword(analysis_form("إلى", "ar"), "ar"));
  CHECK(is_stopword("le", "fr"));
  CHECK(is_stopword("the", "en"));
  CHECK(is_stopword("the", "en-GB"));
  CHECK_FALSE(is_stopword(analysis_form("الإنتربول", "ar"), "ar"));
  CHECK_FALSE(is_stopword("interpol", "en"));
  CHECK_FALSE(is_stopword("the", "he"));
}

TEST_CASE("split_words: a missing space after a full stop still parts two words") {
  std::string text = "تمثل 196 دولة عضو في المنظمة.وفي مستهل الندوة";
  CHECK(forms(text, "ar") ==
        Strings{"تمثل", "196", "دوله", "عضو", "في", "المنظمه", "وفي", "مستهل", "الندوه"});
  // Dotted initials, domains and decimals stay whole.
  CHECK(forms("The U.S. envoy wrote on hespress.com about 2.5 million", "en") ==
        Strings{"the", "u.s", "envoy", "wrote", "on", "hespress.com", "about", "2.5", "million"});
  // A stop between two scripts is a lost space, never an abbreviation or a domain (EASC's
  // computing article: "...شركة IBM.سمحت الصفقة...").
  CHECK(forms("شركة IBM.سمحت الصفقة", "ar") == Strings{"شركه", "ibm", "سمحت", "الصفقه"});
  CHECK(split_sentences("شركة IBM.سمحت الصفقة", "ar").size() == 2);
}

TEST_CASE("analysis_form: Persian, Urdu and Hebrew") {
  CHECK(analysis_form("علي", "fa") == "علی");
  CHECK(analysis_form("كتاب", "fa") == "کتاب");
  CHECK(analysis_form("علي", "ar") == "علي");
  CHECK(analysis_form("שָׁלוֹם", "he") == "שלום");
}

TEST_CASE("is_stopword: list entries are matched on analysis forms") {
  // The ar list writes "أمّا" and "آمينَ" with hamza and harakat.
  CHECK(is_stopword("اما", "ar"));
  CHECK(is_stopword(analysis_form("أمّا", "ar"), "ar"));
  CHECK(is_stopword("امين", "ar"));
  CHECK(is_stopword(analysis_form("Été", "fr"), "fr"));
  CHECK(is_stopword("les", "fr-MA"));
}

TEST_CASE("stem: Snowball") {
  // Arabic from the written word: the definite plural and singular share a stem...
  CHECK(stem("المنظمة", "ar") == "منظم");
  CHECK(stem("المنظمات", "ar") == stem("المنظمة", "ar"));
  CHECK(stem("للمنظمة", "ar") == stem("المنظمة", "ar"));
  // ...but Snowball leaves "منظمات" (no article) at "منظما": it does not share one.
  CHECK(stem("منظمات", "ar") != stem("المنظمة", "ar"));
  // From the analysis form the ta marbuta is a plain ه, which Snowball keeps.
  CHECK(stem(analysis_form("المنظمة", "ar"), "ar") == "منظمه");
  CHECK(stem("وأشار", "ar") == "اشار");
  CHECK(stem("organisations", "fr") == stem("organisation", "fr"));
  CHECK(stem("countries", "en") == stem("country", "en"));
  CHECK(stem("running", "en-US") == "run");
  CHECK(stem("שלום", "he") == "שלום");  // no stemmer: the word itself
  CHECK(stem("", "ar").empty());
}

TEST_CASE("stem and split_words from several threads") {
  std::vector<std::string> results(4);
  std::vector<std::thread> threads;
  for (std::size_t i = 0; i < results.size(); ++i)
    threads.emplace_back([&results, i] {
      std::string r;
      for (int k = 0; k < 200; ++k)
        r = stem("المنظمات", "ar") + stem("running", "en") + forms("المنظمة.وفي", "ar")[1];
      results[i] = r;
    });
  for (auto& t : threads) t.join();
  for (const auto& r : results) CHECK(r == "منظمrunوفي");
}
