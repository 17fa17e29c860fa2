// Prints what the core's ICU calls give for a list of locales, so that a native build (system
// ICU, full data) and a wasm build (this folder's ICU and cut data) can be compared byte for
// byte: dates in every style and offset, short times, relative dates, numbers, plurals, lists, MessageFormat
// plurals, numbering systems, locale operations, break iterators and normalization.
// Usage: icu-compare [--data FILE]... LOCALE...   (--data: udata_setCommonData, wasm only)
// check-data.sh builds and runs both sides.
#include <unicode/brkiter.h>
#include <unicode/datefmt.h>
#include <unicode/listformatter.h>
#include <unicode/locid.h>
#include <unicode/msgfmt.h>
#include <unicode/normalizer2.h>
#include <unicode/numberformatter.h>
#include <unicode/numsys.h>
#include <unicode/plurrule.h>
#include <unicode/reldatefmt.h>
#include <unicode/timezone.h>
#include <unicode/udata.h>
#include <unicode/uniset.h>
#include <unicode/uscript.h>

#include <cstdio>
#include <cstdlib>
#include <memory>
#include <string>
#include <vector>

using icu::Locale;
using icu::UnicodeString;

namespace {

std::string utf8(const UnicodeString& s) {
  std::string out;
  return s.toUTF8String(out);
}

void line(const std::string& what, const UnicodeString& value, UErrorCode status) {
  std::printf("%s: %s%s\n", what.c_str(), U_FAILURE(status) ? u_errorName(status) : "",
              U_FAILURE(status) ? "" : utf8(value).c_str());
}

const char* kText =
    "قال المتحدث: «سنعلن النتائج غداً». وأضاف أن 3.5 مليون شخص شاركوا! M. Dupont a dit: "
    "« C'est fini. » Dr. Smith arrived at 5 p.m. today. Was it? שלום עולם. این یک آزمون است؟ "
    "یہ ایک جملہ ہے۔ 👩‍👩‍👧 e\u0301 ﷺ.";

void breaks(const Locale& loc, const char* name, icu::BreakIterator* (*make)(const Locale&, UErrorCode&)) {
  UErrorCode status = U_ZERO_ERROR;
  std::unique_ptr<icu::BreakIterator> it(make(loc, status));
  UnicodeString text = UnicodeString::fromUTF8(kText), out;
  if (U_SUCCESS(status)) {
    it->setText(text);
    for (int32_t p = it->first(); p != icu::BreakIterator::DONE; p = it->next())
      out += UnicodeString(std::to_string(p).c_str()) + " ";
  }
  line(std::string("break.") + name, out, status);
}

void per_locale(const char* tag) {
  UErrorCode status = U_ZERO_ERROR;
  Locale loc = Locale::forLanguageTag(tag, status);
  std::printf("== %s (%s)\n", tag, loc.getName());
  const UDate instants[] = {1764406800000.0, 1704067200000.0, 946684800000.0, 1741000000000.0};
  // Fixed offsets only: the wasm core's named zones come from its host's Intl, not from ICU's
  // data (no zoneinfo64 is kept; tests/golden/format/zones.json checks those), and custom ids
  // need no data. The offsets of the registry's regions, and both ends of the range.
  const char* zones[] = {"GMT+01:00", "GMT+03:00", "GMT+02:00", "GMT-05:00", "GMT+03:30",
                         "GMT+05:00", "GMT+14:00", "GMT-11:00", "GMT+00:00"};
  const icu::DateFormat::EStyle styles[] = {icu::DateFormat::kFull, icu::DateFormat::kLong,
                                            icu::DateFormat::kMedium, icu::DateFormat::kShort};
  for (auto ds : styles) {
    std::unique_ptr<icu::DateFormat> df(icu::DateFormat::createDateInstance(ds, loc));
    for (const char* z : zones) {
      df->adoptTimeZone(icu::TimeZone::createTimeZone(z));
      for (UDate d : instants) {
        UnicodeString out;
        line(std::string("date.") + std::to_string(ds) + "." + z, df->format(d, out), U_ZERO_ERROR);
      }
    }
  }
  // Times in the short style only: the longer ones print zone names, which the core never
  // shows and whose data (zone/, region/, metaZones) is not kept.
  for (auto ts : {icu::DateFormat::kShort}) {
    std::unique_ptr<icu::DateFormat> df(
        icu::DateFormat::createDateTimeInstance(icu::DateFormat::kLong, ts, loc));
    for (const char* z : zones) {
      df->adoptTimeZone(icu::TimeZone::createTimeZone(z));
      UnicodeString out;
      line(std::string("datetime.") + std::to_string(ts) + "." + z, df->format(instants[0], out),
           U_ZERO_ERROR);
    }
  }
  for (auto style : {UDAT_STYLE_LONG, UDAT_STYLE_SHORT, UDAT_STYLE_NARROW}) {
    status = U_ZERO_ERROR;
    icu::RelativeDateTimeFormatter rel(loc, nullptr, style, UDISPCTX_CAPITALIZATION_NONE, status);
    for (int u = 0; u < UDAT_REL_UNIT_COUNT && U_SUCCESS(status); ++u)
      for (double v : {-3.0, -2.0, -1.0, 0.0, 1.0, 2.0, 11.0}) {
        UErrorCode s = U_ZERO_ERROR;
        UnicodeString a, b;
        rel.formatNumeric(v, static_cast<URelativeDateTimeUnit>(u), a, s);
        rel.format(v, static_cast<URelativeDateTimeUnit>(u), b, s);
        line("rel." + std::to_string(style) + "." + std::to_string(u) + "." + std::to_string(v),
             a + " | " + b, s);
      }
    UnicodeString now;
    rel.format(UDAT_DIRECTION_PLAIN, UDAT_ABSOLUTE_NOW, now, status);
    line("rel.now", now, status);
  }
  status = U_ZERO_ERROR;
  auto nf = icu::number::NumberFormatter::withLocale(loc);
  for (double v : {0.0, 1.0, 2.0, 7.0, 12.5, 1234567.891, -42.0, 2025.0}) {
    UErrorCode s = U_ZERO_ERROR;
    line("num." + std::to_string(v), nf.formatDouble(v, s).toString(s), s);
    line("num.nogroup." + std::to_string(v), nf.grouping(UNUM_GROUPING_OFF).formatDouble(v, s).toString(s),
         s);
    line("num.percent." + std::to_string(v), nf.unit(icu::NoUnit::percent()).formatDouble(v, s).toString(s),
         s);
  }
  std::unique_ptr<icu::PluralRules> rules(icu::PluralRules::forLocale(loc, status));
  UnicodeString plural;
  for (int n : {0, 1, 2, 3, 5, 10, 11, 19, 100, 101, 102, 111}) plural += rules->select(n) + " ";
  line("plural", plural, status);
  std::unique_ptr<icu::NumberingSystem> ns(icu::NumberingSystem::createInstance(loc, status));
  line("numsys", UnicodeString(ns->getName()) + " " + ns->getDescription(), status);
  status = U_ZERO_ERROR;
  std::unique_ptr<icu::ListFormatter> lf(
      icu::ListFormatter::createInstance(loc, ULISTFMT_TYPE_AND, ULISTFMT_WIDTH_WIDE, status));
  UnicodeString items[] = {u"A", u"B", u"C"}, list2, list3;
  if (U_SUCCESS(status)) lf->format(items, 2, list2, status), lf->format(items, 3, list3, status);
  line("list", list2 + " | " + list3, status);
  status = U_ZERO_ERROR;
  icu::MessageFormat mf(u"{m, plural, =0{none} one{# one} two{# two} few{# few} many{# many} other{# other}}",
                        loc, status);
  for (int n : {0, 1, 2, 3, 11, 100, 1500}) {
    UErrorCode s = status;
    icu::Formattable arg(n);
    UnicodeString name(u"m"), out;
    mf.format(&name, &arg, 1, out, s);
    line("msg." + std::to_string(n), out, s);
  }
  status = U_ZERO_ERROR;
  Locale likely(loc);
  likely.addLikelySubtags(status);
  // Not Locale::createCanonical(): the core never canonicalizes, and its data (metadata.res)
  // is not kept.
  line("locale", UnicodeString(likely.getName()) + (loc.isRightToLeft() ? " rtl" : " ltr"), status);
  breaks(loc, "sentence", icu::BreakIterator::createSentenceInstance);
  Locale ss(loc);  // as core/src/text.cpp asks for it: abbreviation exceptions (en, fr)
  ss.setKeywordValue("ss", "standard", status);
  breaks(ss, "sentence.ss", icu::BreakIterator::createSentenceInstance);
  breaks(loc, "word", icu::BreakIterator::createWordInstance);
  breaks(loc, "char", icu::BreakIterator::createCharacterInstance);
}

void global() {
  UErrorCode status = U_ZERO_ERROR;
  UnicodeString text = UnicodeString::fromUTF8("e\u0301 ﻻ ﷺ ① Å ﬁ ك\u0651\u064e");
  for (const char* mode : {"nfc"}) {  // the core uses NFC only; nfkc.nrm is not kept
    UErrorCode s = U_ZERO_ERROR;
    const icu::Normalizer2* n = icu::Normalizer2::getInstance(nullptr, mode, UNORM2_COMPOSE, s);
    line(std::string("norm.") + mode, U_SUCCESS(s) ? n->normalize(text, s) : UnicodeString(), s);
  }
  for (const char* pattern : {"[:Arabic:]", "[:Emoji:]", "[:scx=Arab:]", "[:Hebrew:]", "[:Nd:]"}) {
    UErrorCode s = U_ZERO_ERROR;
    icu::UnicodeSet set(UnicodeString(pattern), s);
    line(std::string("set.") + pattern, UnicodeString(std::to_string(set.size()).c_str()), s);
  }
  line("script", UnicodeString(uscript_getName(uscript_getScript(0x0627, &status))), status);
  UnicodeString folded = UnicodeString::fromUTF8("İSTANBUL Straße ΣΑΣ");
  line("fold", folded.foldCase(), status);
}

}  // namespace

int main(int argc, char** argv) {
  std::vector<std::unique_ptr<char[]>> keep;
  int i = 1;
  for (; i + 1 < argc && std::string(argv[i]) == "--data"; i += 2) {
    FILE* f = std::fopen(argv[i + 1], "rb");
    if (!f) return std::perror(argv[i + 1]), 1;
    std::fseek(f, 0, SEEK_END);
    long n = std::ftell(f);
    std::fseek(f, 0, SEEK_SET);
    char* p = static_cast<char*>(std::aligned_alloc(16, (n + 15) & ~15L));
    if (std::fread(p, 1, n, f) != static_cast<size_t>(n)) return 1;
    std::fclose(f);
    UErrorCode status = U_ZERO_ERROR;
    udata_setCommonData(p, &status);
    if (U_FAILURE(status)) return std::fprintf(stderr, "%s: %s\n", argv[i + 1], u_errorName(status)), 1;
  }
  icu::TimeZone::adoptDefault(icu::TimeZone::getGMT()->clone());
  global();
  for (; i < argc; ++i) per_locale(argv[i]);
  return 0;
}
