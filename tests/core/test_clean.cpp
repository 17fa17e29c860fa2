// The cleaner (khabar/clean.hpp): every rule on real sentences, the exact fixes on the
// seed article, offsets that point into the original, and idempotence.
#include <doctest/doctest.h>

#include <string>
#include <vector>

#include "khabar/clean.hpp"
#include "khabar/read.hpp"
#include "support.hpp"

using namespace khabar;

namespace doctest {
template <>
struct StringMaker<Fix> {
  static String convert(const Fix& f) {
    return ("{" + f.kind + ", " + f.field + ", " + std::to_string(f.offset) + ", " +
            std::to_string(f.length) + ", \"" + f.replacement + "\"}")
        .c_str();
  }
};
}  // namespace doctest

namespace {

Article with_body(std::vector<std::string> paragraphs) {
  Article a;
  a.title = "عنوان";
  for (auto& p : paragraphs) a.body.push_back({Block::Kind::paragraph, std::move(p)});
  return a;
}

Article with_title(std::string title) {
  Article a;
  a.title = std::move(title);
  return a;
}

const std::string& original_field(const Article& a, const std::string& field) {
  if (field == "title") return a.title;
  if (field == "subtitle") return a.subtitle;
  if (field.rfind("body[", 0) == 0) return a.body.at(std::stoul(field.substr(5))).text;
  if (field == "source") return a.source;
  if (field == "credit") return a.credit;
  if (field.rfind("authors[", 0) == 0) return a.authors.at(std::stoul(field.substr(8)));
  FAIL("unknown field " << field);
  static std::string none;
  return none;
}

bool all_space(std::string_view s) {
  for (std::size_t i = 0; i < s.size();) {
    // ASCII space, tab, NBSP (C2 A0), U+3000 (E3 80 80), U+2000-U+200A (E2 80 8x)
    if (s[i] == ' ' || s[i] == '\t') {
      ++i;
    } else if (s.substr(i, 2) == "\u00A0" || s.substr(i, 2) == "\u0085") {
      i += 2;
    } else if (s.substr(i, 3) == "\u3000" || s.substr(i, 3) == "\u2003" || s.substr(i, 3) == "\u200B") {
      i += 3;  // ZWSP only inside a run, where it is also removed on its own
    } else {
      return false;
    }
  }
  return true;
}

// Every fix points at what it says it replaced in the ORIGINAL field text.
void check_offsets(const CleanedArticle& r) {
  for (const Fix& f : r.fixes) {
    CAPTURE(f);
    const std::string& text = original_field(r.original, f.field);
    REQUIRE(f.offset + f.length <= text.size());
    std::string_view was = std::string_view(text).substr(f.offset, f.length);
    if (f.kind == "space.after_sentence") {
      // Convention: an insertion, length 0, right after the sentence-end mark (or its closing quote).
      CHECK(f.length == 0);
      CHECK(f.replacement == " ");
      REQUIRE(f.offset > 0);
      std::string_view head = std::string_view(text).substr(0, f.offset);
      bool after_mark = false;
      for (std::string_view mark : {".", "!", "?", "؟", "…", "”", ")", "\"", "'"})
        after_mark |= head.ends_with(mark);
      CHECK(after_mark);
      CHECK(text[f.offset] != ' ');
    } else if (f.kind == "dash.double_dot") {
      CHECK(was == "..");
      CHECK(f.replacement == "..");
    } else if (f.kind == "space.collapsed") {
      CHECK(all_space(was));
      CHECK((f.replacement == " " || f.replacement.empty()));
    } else if (f.kind == "char.removed") {
      CHECK(f.replacement.empty());
      CHECK(f.length >= 1);
      CHECK(f.length <= 3);
    } else if (f.kind == "heading.split") {
      CHECK(was == f.replacement);
    } else if (f.kind == "block.dropped") {
      CHECK(f.offset == 0);
      CHECK(f.length == text.size());
    } else if (f.kind == "unicode.nfc") {
      CHECK(was != f.replacement);
    } else {
      FAIL("unknown kind " << f.kind);
    }
  }
}

std::vector<Fix> changes(const std::vector<Fix>& fixes) {
  std::vector<Fix> out;
  for (const auto& f : fixes)
    if (f.kind != "dash.double_dot") out.push_back(f);
  return out;
}

std::size_t marks(const std::vector<Fix>& fixes) { return fixes.size() - changes(fixes).size(); }

// Cleaning cleaned text changes nothing and records no change; ".." marks are marks of
// the text, so they are found again.
void check_idempotent(const CleanedArticle& first) {
  CleanedArticle second = clean(first.article);
  CHECK(second.article == first.article);
  CHECK(changes(second.fixes).empty());
  CHECK(marks(second.fixes) == marks(first.fixes));
}

CleanedArticle checked(const Article& a) {
  CleanedArticle r = clean(a);
  CHECK(r.original == a);
  check_offsets(r);
  check_idempotent(r);
  return r;
}

std::string title_of(const std::string& title) { return checked(with_title(title)).article.title; }

}  // namespace

TEST_CASE("clean: the seed article, fix by fix") {
  Article a = read_article(test::read_file("examples/seed-article-ar.txt"));
  REQUIRE(a.body.size() == 9);
  CleanedArticle r = checked(a);

  // Verified against the file independently (python: byte offsets of "المنظمة.|وفي",
  // "القانون.|المغرب.. بلد الأمن والسلام|وعبر", "دولة.|النموذج المغربي").
  const std::vector<Fix> expected{
      {"space.after_sentence", "body[1]", 246, 0, " "},
      {"heading.split", "body[2]", 272, 47, "المغرب.. بلد الأمن والسلام"},
      {"dash.double_dot", "body[2]", 284, 2, ".."},
      {"heading.split", "body[5]", 465, 29, "النموذج المغربي"},
  };
  CHECK(r.fixes == expected);
  CHECK(a.body[1].text.substr(231, 15) == "المنظمة.");
  CHECK(a.body[2].text.substr(319, 8) == "وعبر");
  CHECK(a.body[5].text.size() == 465 + 29);

  using K = Block::Kind;
  const std::vector<K> kinds{K::paragraph, K::paragraph, K::paragraph, K::heading,
                             K::paragraph, K::paragraph, K::paragraph, K::paragraph,
                             K::heading,   K::paragraph, K::paragraph, K::paragraph};
  REQUIRE(r.article.body.size() == kinds.size());
  for (std::size_t i = 0; i < kinds.size(); ++i) CHECK(r.article.body[i].kind == kinds[i]);
  CHECK(r.article.body[3].text == "المغرب.. بلد الأمن والسلام");
  CHECK(r.article.body[8].text == "النموذج المغربي");
  CHECK(r.article.body[2].text.ends_with("في مجال إنفاذ القانون."));
  CHECK(r.article.body[4].text.starts_with("وعبر اللواء الدكتور أحمد ناصر الرئيسي، في كلمته،"));
  CHECK(r.article.body[7].text.ends_with("إلى أكثر من 140 دولة."));
  CHECK(r.article.body[1].text.find("في المنظمة. وفي مستهل الندوة، رحب بوبكر سبيك") != std::string::npos);
  // Nothing else moved: title, metadata and the tatweel of the brand are as read.
  CHECK(r.article.title == a.title);
  CHECK(r.article.source == "كشـ24");
  CHECK(r.article.credit == "وكالات");
  CHECK(r.original == a);
}

TEST_CASE("clean: white space") {
  SUBCASE("runs of Unicode white space, NBSP and U+3000 included, become one space; ends are trimmed") {
    CleanedArticle r = checked(with_title("  الأمن\u00A0\u00A0الوطني\u3000المغربي \t في مراكش "));
    CHECK(r.article.title == "الأمن الوطني المغربي في مراكش");
    const std::vector<Fix> expected{
        {"space.collapsed", "title", 0, 2, ""},   {"space.collapsed", "title", 12, 4, " "},
        {"space.collapsed", "title", 28, 3, " "}, {"space.collapsed", "title", 45, 3, " "},
        {"space.collapsed", "title", 63, 1, ""},
    };
    CHECK(r.fixes == expected);
  }
  SUBCASE("a single ASCII space is not a fix; a single NBSP is") {
    CHECK(checked(with_title("Le Maroc accueille")).fixes.empty());
    CleanedArticle r = checked(with_title("Le\u00A0Maroc"));
    CHECK(r.article.title == "Le Maroc");
    CHECK(r.fixes == std::vector<Fix>{{"space.collapsed", "title", 2, 2, " "}});
  }
}

TEST_CASE("clean: a missing space after a sentence end") {
  SUBCASE("added between two words, after . ! ? ؟ … and after a closing quote") {
    CHECK(title_of("تمثل 196 دولة عضو في المنظمة.وفي مستهل الندوة") ==
          "تمثل 196 دولة عضو في المنظمة. وفي مستهل الندوة");
    CHECK(title_of("هل انتهى الاجتماع؟نعم انتهى") == "هل انتهى الاجتماع؟ نعم انتهى");
    CHECK(title_of("يا له من إنجاز!وأضاف المتحدث") == "يا له من إنجاز! وأضاف المتحدث");
    CHECK(title_of("الجريمة والإرهاب…والأمن السيبراني") == "الجريمة والإرهاب… والأمن السيبراني");
    CHECK(title_of("وصفه بـ”بلد الأمن.”وعبر عن سعادته") == "وصفه بـ”بلد الأمن.” وعبر عن سعادته");
    CHECK(title_of("The meeting ended.The police left") == "The meeting ended. The police left");
  }
  SUBCASE("the fix is an insertion of length 0 right after the mark") {
    CleanedArticle r = checked(with_title("في المنظمة.وفي"));
    CHECK(r.fixes == std::vector<Fix>{{"space.after_sentence", "title", 20, 0, " "}});
  }
  SUBCASE("never inside numbers, addresses, file names, initials or abbreviations") {
    for (const char* s :
         {"نمو بنسبة 2.5 في المائة", "حرر بتاريخ 21.11.2025 في مراكش",
          "انظر https://www.example.com/a.b للمزيد", "راسلونا على contact@kech24.com اليوم",
          "نشر موقع kech24.com الخبر", "زوروا example.com أو www.interpol.int", "حمل الملف report.pdf الآن",
          "قال الوزير.com", "the U.S.A and the U.S. team", "e.g. this, i.e. that", "قال د.أحمد ناصر الرئيسي",
          "سنة 1447 هـ.الموافق", "Mr.Smith met Dr.Watson", "a Ph.D student", "ASP.NET and Node.js",
          "ص.ب 123 الرباط", "قال...ثم سكت"}) {
      CAPTURE(s);
      CleanedArticle r = checked(with_title(s));
      CHECK(r.article.title == s);
      CHECK(r.fixes.empty());
    }
  }
}

TEST_CASE("clean: '..' used as a dash is kept and marked") {
  SUBCASE("marked where it stands, no space added, nothing changed") {
    for (const char* s : {"المغرب.. بلد الأمن والسلام", "المغرب..بلد الأمن", "المغرب .. بلد الأمن"}) {
      CAPTURE(s);
      CleanedArticle r = checked(with_title(s));
      CHECK(r.article.title == s);
      REQUIRE(r.fixes.size() == 1);
      CHECK(r.fixes[0].kind == "dash.double_dot");
      CHECK(std::string(s).substr(r.fixes[0].offset, 2) == "..");
    }
    CHECK(checked(with_title("المغرب.. بلد الأمن")).fixes ==
          std::vector<Fix>{{"dash.double_dot", "title", 12, 2, ".."}});
  }
  SUBCASE("not an ellipsis, a range, a path, or a trailing pair") {
    for (const char* s : {"قال... ثم سكت", "الصفحات 1..10", "../images/a.png", "وهكذا..", "ثم....انتهى"}) {
      CAPTURE(s);
      CHECK(checked(with_title(s)).fixes.empty());
    }
  }
}

TEST_CASE("clean: invisible and control characters") {
  SUBCASE("zero-width, soft hyphen, BOM, controls and bidi overrides/isolates are removed, one fix each") {
    CleanedArticle r = checked(with_title("الإنتر\u200Bبول\u2060 في\u00ADمراكش\uFEFF\u0007"));
    CHECK(r.article.title == "الإنتربول فيمراكش");
    const std::vector<Fix> expected{
        {"char.removed", "title", 12, 3, ""}, {"char.removed", "title", 21, 3, ""},
        {"char.removed", "title", 29, 2, ""}, {"char.removed", "title", 41, 3, ""},
        {"char.removed", "title", 44, 1, ""},
    };
    CHECK(r.fixes == expected);
  }
  SUBCASE("a right-to-left override that would display 'txt.exe' as 'exe.txt' is removed") {
    CleanedArticle r = checked(with_title("invoice\u202Etxt.exe"));
    CHECK(r.article.title == "invoicetxt.exe");
    CHECK(r.fixes == std::vector<Fix>{{"char.removed", "title", 7, 3, ""}});
    CHECK(title_of("\u2067مرحبا\u2069 world\u202A x\u202C\u0085") == "مرحبا world x");
  }
  SUBCASE("ZWNJ between letters (Persian) and ZWJ in emoji sequences are kept") {
    for (const char* s :
         {"می\u200Cخواهم", "نمی\u200Cدانم که", "مبرمجة \U0001F469\u200D\U0001F4BB",
          "\u2764\uFE0F\u200D\U0001F525", "عائلة \U0001F468\u200D\U0001F469\u200D\U0001F467"}) {
      CAPTURE(s);
      CleanedArticle r = checked(with_title(s));
      CHECK(r.article.title == s);
      CHECK(r.fixes.empty());
    }
  }
  SUBCASE("joiners that join nothing are removed: word edges, next to a space, doubled") {
    CleanedArticle r = checked(with_title("کتاب\u200C \u200Cخوب می\u200C\u200Cخواهم\u200D"));
    CHECK(r.article.title == "کتاب خوب می\u200Cخواهم");
    const std::vector<Fix> expected{
        {"char.removed", "title", 8, 3, ""},
        {"char.removed", "title", 12, 3, ""},
        {"char.removed", "title", 29, 3, ""},
        {"char.removed", "title", 42, 3, ""},
    };
    CHECK(r.fixes == expected);
  }
  SUBCASE("tatweel, typographic quotes, LRM/RLM stay") {
    for (const char* s :
         {"كشـ24", "“الإنتربول”", "«الإنتربول»", "بـ”بلد الأمن والسلام”", "(21\u200F نونبر)"}) {
      CAPTURE(s);
      CHECK(checked(with_title(s)).fixes.empty());
    }
  }
}

TEST_CASE("clean: NFC") {
  SUBCASE("a decomposed Latin é is composed; the fix covers only the changed letter") {
    CleanedArticle r = checked(with_title("Cafe\u0301 de Paris"));
    CHECK(r.article.title == "Café de Paris");
    CHECK(r.fixes == std::vector<Fix>{{"unicode.nfc", "title", 3, 3, "é"}});
  }
  SUBCASE("Arabic harakat in non-canonical order (shadda before fatha) are reordered") {
    // إنَّ typed as nun + shadda + fatha; canonical order is fatha (ccc 30) then shadda (33).
    CleanedArticle r = checked(with_title("قال إن\u0651\u064E المغرب"));
    CHECK(r.article.title == "قال إن\u064E\u0651 المغرب");
    CHECK(r.fixes == std::vector<Fix>{{"unicode.nfc", "title", 11, 4, "\u064E\u0651"}});
  }
  SUBCASE("alef + combining hamza above becomes أ; two changes are two fixes") {
    CleanedArticle r = checked(with_title("ا\u0654حمد وا\u0654حمد"));
    CHECK(r.article.title == "أحمد وأحمد");
    const std::vector<Fix> expected{{"unicode.nfc", "title", 0, 4, "أ"},
                                    {"unicode.nfc", "title", 13, 4, "أ"}};
    CHECK(r.fixes == expected);
  }
  SUBCASE("a removed character inside a composition: both fixes, the NFC span covers it") {
    CleanedArticle r = checked(with_title("Cafe\u200B\u0301"));
    CHECK(r.article.title == "Café");
    const std::vector<Fix> expected{{"unicode.nfc", "title", 3, 6, "é"}, {"char.removed", "title", 4, 3, ""}};
    CHECK(r.fixes == expected);
  }
}

TEST_CASE("clean: glued sub-headings") {
  const std::string before = "وأشار سبيك إلى أن رئيس الإنتربول يعد قامة أمنية بارزة في مجال إنفاذ القانون.";
  const std::string next =
      "وعبر اللواء الدكتور أحمد ناصر الرئيسي، في كلمته، عن سعادته الغامرة بوجوده في المغرب.";
  SUBCASE("between two paragraphs, glued to the next one's first word") {
    Article a = with_body({before + "المغرب.. بلد الأمن والسلام" + next});
    CleanedArticle r = checked(a);
    REQUIRE(r.article.body.size() == 3);
    CHECK(r.article.body[0] == Block{Block::Kind::paragraph, before});
    CHECK(r.article.body[1] == Block{Block::Kind::heading, "المغرب.. بلد الأمن والسلام"});
    CHECK(r.article.body[2] == Block{Block::Kind::paragraph, next});
  }
  SUBCASE("other openers, feminine included") {
    for (std::string opener : {"وأكد المسؤول أن التعاون الأمني بين البلدين مستمر.",
                               "وأشارت المديرية إلى أن الترتيبات الكبرى للدورة قد اكتملت."}) {
      CleanedArticle r = checked(with_body({before + "التعاون الأمني الدولي" + opener, "فقرة أخرى."}));
      REQUIRE(r.article.body.size() == 4);
      CHECK(r.article.body[1] == Block{Block::Kind::heading, "التعاون الأمني الدولي"});
      CHECK(r.article.body[2].text == opener);
    }
  }
  SUBCASE("at the end of a paragraph, heading the next one") {
    std::string p = "ورفع عدد الدول الممثلة بضباط معارين إلى أكثر من 140 دولة.";
    CleanedArticle r = checked(with_body({p + "النموذج المغربي", "وأشاد الرئيسي بمحورية الدور المغربي."}));
    REQUIRE(r.article.body.size() == 3);
    CHECK(r.article.body[0] == Block{Block::Kind::paragraph, p});
    CHECK(r.article.body[1] == Block{Block::Kind::heading, "النموذج المغربي"});
    CHECK(r.fixes == std::vector<Fix>{{"heading.split", "body[0]", p.size(), 29, "النموذج المغربي"}});
  }
  SUBCASE("not on an ordinary sentence with a missing space: only the space is added") {
    for (std::string s : {
             // the seed's paragraph 2: a long sentence with commas follows
             "تمثل 196 دولة عضو في المنظمة.وفي مستهل الندوة، رحب بوبكر سبيك، المتحدث باسم المديرية.",
             // inner و in المسؤولون / القانونية / الموضوع / التطورات: not a glued opener
             "عقد الاجتماع في الرباط أمس.قال المسؤولون إن الاجتماع كان ناجحا جدا وشهد نقاشا واسعا.",
             "انتهت الندوة الصحفية في مراكش.الاجتماع الذي حضره المسؤولون في الرباط كان ناجحا وشهد نقاشا.",
             "انتهت الندوة الصحفية في مراكش.النصوص القانونية الجديدة تدخل حيز التنفيذ في بداية السنة "
             "المقبلة.",
             "انتهت الندوة الصحفية في مراكش.الموضوع المطروح للنقاش يهم التطورات الأمنية في القارة الإفريقية.",
         }) {
      CAPTURE(s);
      CleanedArticle r = checked(with_body({s, "فقرة تالية."}));
      REQUIRE(r.article.body.size() == 2);
      CHECK(r.article.body[0].kind == Block::Kind::paragraph);
      REQUIRE(r.fixes.size() == 1);
      CHECK(r.fixes[0].kind == "space.after_sentence");
    }
  }
  SUBCASE("not at a block end when nothing follows, when it starts with و, or when it is long") {
    std::string p = "ورفع عدد الدول الممثلة بضباط معارين إلى أكثر من 140 دولة.";
    CHECK(checked(with_body({p + "النموذج المغربي"})).article.body.size() == 1);
    CHECK(checked(with_body({p + "وأضاف المتحدث", "فقرة."})).article.body.size() == 2);
    CHECK(checked(with_body({p + "النموذج المغربي في مجال التعاون الأمني الدولي مع الدول الأعضاء", "فقرة."}))
              .article.body.size() == 2);
  }
  SUBCASE("a block that is already a heading is not split") {
    Article a;
    a.body = {{Block::Kind::heading, "الإنتربول في مراكش.النموذج المغربي"},
              {Block::Kind::paragraph, "فقرة."}};
    CleanedArticle r = checked(a);
    REQUIRE(r.article.body.size() == 2);
    CHECK(r.article.body[0] == Block{Block::Kind::heading, "الإنتربول في مراكش. النموذج المغربي"});
  }
}

TEST_CASE("clean: empty blocks are dropped and recorded; fields keep their original index") {
  Article a = with_body({"", "\u200B  ", "في المنظمة.وفي مستهل الندوة"});
  CleanedArticle r = checked(a);
  REQUIRE(r.article.body.size() == 1);
  CHECK(r.article.body[0].text == "في المنظمة. وفي مستهل الندوة");
  const std::vector<Fix> expected{
      {"block.dropped", "body[0]", 0, 0, ""},          {"char.removed", "body[1]", 0, 3, ""},
      {"block.dropped", "body[1]", 0, 5, ""},          {"space.collapsed", "body[1]", 3, 2, ""},
      {"space.after_sentence", "body[2]", 20, 0, " "},
  };
  CHECK(r.fixes == expected);
}

TEST_CASE("clean: metadata strings get white space, invisible characters and NFC") {
  Article a = with_title("عنوان");
  a.authors = {" بوبكر\u00A0سبيك "};
  a.source = "كشـ24\u200B";
  a.credit = "وكالات";
  CleanedArticle r = checked(a);
  CHECK(r.article.authors == std::vector<std::string>{"بوبكر سبيك"});
  CHECK(r.article.source == "كشـ24");
  CHECK(r.fixes.size() == 4);
}

TEST_CASE("clean: ill-formed UTF-8 is refused with its code") {
  Article a = with_title(std::string("abc\xC3", 4));
  CHECK(test::error_code([&] { clean(a); }) == codes::invalid_utf8);
}

TEST_CASE("clean: a large article stays exact (linear passes, offsets checked)") {
  std::string paragraph;
  for (int i = 0; i < 2000; ++i) paragraph += "في المنظمة.وفي  مستهل\u00A0الندوة 2.5 المغرب.. بلد ";
  CleanedArticle r = clean(with_body({paragraph}));
  check_offsets(r);
  CHECK(r.fixes.size() == 2000 * 4 + 1);
  CHECK(changes(clean(r.article).fixes).empty());
}
