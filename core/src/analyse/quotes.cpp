// Quotes: short quoted phrases with the speaker their sentence names.
//
// Marks: “…” (also ”…” and ”…“, as Arabic sites type them: بـ”بلد الأمن والسلام”),
// „…“, «…», »…« and "…". A mark opens at the first opener and closes at the next
// closer of its kind in the same block; a quote is kept when it has 2 to 40 words
// (one quoted word is a name or a term, “الإنتربول”, “نبتون”) and, in Latin script,
// when not every word is capitalised (“Operation Neptune” is a name).
//
// The speaker, within the quote's sentence (or sentences, if it spans several):
//  - Arabic: the nearest speech verb (قال، أكد، أوضح، أشار، صرح، وصف، عبر، ...), before
//    the quote first, then after it ("”، يقول فلان"), whose subject follows it: the
//    words right after the verb up to punctuation, a preposition or a stopword
//    ("وعبر اللواء الدكتور أحمد ناصر الرئيسي، في كلمته"). A verb with nothing
//    after it that can be a subject ("وصفه بـ”...”": an attached pronoun) is passed
//    over for an earlier one; after وصف the word right before "بـ" is the object
//    ("ووصف الحدث بـ”...”" names no speaker). حسب/بحسب/وفق: the words after them.
//  - French and English: a run of capitalised words next to a speech verb ("a
//    déclaré", "said", "told", "selon", "d'après", "according to"), after the verb first
//    ("said John Smith", "selon Jean Dupont"), then before it ("Jean Dupont a déclaré").
//  - No match: the speaker is empty (never guessed from another sentence).
#include <unicode/uchar.h>
#include <unicode/uscript.h>

#include <algorithm>
#include <optional>

#include "analyse/words.hpp"
#include "khabar/extract.hpp"
#include "text/chars.hpp"
#include "text/languages.hpp"
#include "text/utf8.hpp"

namespace khabar {

namespace {

using detail::WordList;

struct Span {
  std::size_t open = 0, inner_start = 0, inner_end = 0, close_end = 0;
};

std::u32string_view closers_for(char32_t c) {
  switch (c) {
    case 0x201C:
    case 0x201D: return U"\u201D\u201C";
    case 0x201E: return U"\u201C\u201D";
    case 0xAB: return U"\u00BB";
    case 0xBB: return U"\u00AB";
    case '"': return U"\"";
    default: return {};
  }
}

std::vector<Span> quoted_spans(std::string_view text) {
  std::vector<Span> out;
  for (std::size_t i = 0; i < text.size();) {
    std::size_t open = i;
    auto closers = closers_for(detail::next_code_point(text, i));
    if (closers.empty()) continue;
    for (std::size_t j = i; j < text.size();) {
      std::size_t close = j;
      char32_t c = detail::next_code_point(text, j);
      if (c == '\n') break;
      if (closers.find(c) == std::u32string_view::npos) continue;
      out.push_back({open, i, close, j});
      i = j;
      break;
    }
  }
  return out;
}

bool capitalised(std::string_view word) {
  std::size_t i = 0;
  return !word.empty() && u_isupper(static_cast<UChar32>(detail::next_code_point(word, i)));
}

bool latin(std::string_view word) {
  std::size_t i = 0;
  UErrorCode status = U_ZERO_ERROR;
  return !word.empty() &&
         uscript_getScript(static_cast<UChar32>(detail::next_code_point(word, i)), &status) == USCRIPT_LATIN;
}

struct Lists {
  WordList arabic_verbs{
      "ar", {"قال",    "قالت",  "يقول",  "تقول",  "أكد",   "أكدت", "يؤكد",  "تؤكد", "أوضح", "أوضحت",
             "يوضح",   "أشار",  "أشارت", "يشير",  "صرح",   "صرحت", "يصرح",  "وصف",  "وصفت", "يصف",
             "عبر",    "عبرت",  "يعبر",  "أضاف",  "أضافت", "يضيف", "شدد",   "شددت", "يشدد", "اعتبر",
             "اعتبرت", "يعتبر", "أعلن",  "أعلنت", "ذكر",   "ذكرت", "لفت",   "لفتت", "نبه",  "كشف",
             "كشفت",   "أبرز",  "أبرزت", "أفاد",  "أفادت", "أشاد", "أشادت", "دعا",  "دعت",  "تساءل"}};
  WordList describe_verbs{"ar", {"وصف", "وصفت", "يصف", "تصف"}};
  WordList arabic_according{"ar", {"حسب", "بحسب", "وفق", "وفقا", "حسبما"}};
  WordList latin_verbs{
      "en", {"said",   "says",     "told",      "added",   "stated",  "explained", "noted",    "declared",
             "warned", "insisted", "according", "déclaré", "affirmé", "indiqué",   "souligné", "expliqué",
             "ajouté", "dit",      "précisé",   "assuré",  "estimé",  "déclare",   "affirme",  "explique",
             "ajoute", "estime",   "souligne",  "indique", "précise", "selon",     "d'après",  "d’après"}};
  // Words that end an Arabic subject: it is followed by a complement, not more name.
  WordList subject_end{
      "ar", {"في",    "عن",  "على",   "إلى", "الى",   "أن",    "إن",    "بأن",   "أنه",   "خلال", "أمس",
             "اليوم", "لدى", "أثناء", "عقب", "قائلا", "مؤكدا", "مضيفا", "موضحا", "مشيرا", "الذي", "التي",
             "كما",   "ب",   "ل",     "من",  "مع",    "بعد",   "قبل",   "حول",   "ضمن",   "إثر"}};
  WordList latin_not_names{"en",
                           {"il",  "elle", "ils",  "elles", "on", "he",    "she", "they", "we",   "i", "nous",
                            "je",  "it",   "this", "the",   "le", "la",    "les", "un",   "une",  "a", "an",
                            "but", "mais", "et",   "and",   "as", "comme", "in",  "en",   "selon"}};
  WordList particles{"en",
                     {"de", "du", "des", "la", "le", "van", "von", "der", "al", "bin", "ben", "da", "di"}};
  WordList auxiliaries{"en", {"a", "has", "had", "have", "avait", "aurait", "was"}};
};

const Lists& lists() {
  static const Lists l;
  return l;
}

class SpeakerFinder {
 public:
  SpeakerFinder(const AnalysedText& text, std::string_view language)
      : text_(text.text), lang_(detail::primary_language(language)), tokens_(text.words) {}

  // The speaker named in text[from, to) around the quote [open, close_end).
  std::string find(std::size_t from, std::size_t open, std::size_t close_end, std::size_t to) const {
    Range before = range(from, open), after = range(close_end, to);
    for (std::size_t k = before.end; k > before.begin; --k)
      if (auto s = speaker_at(k - 1, before)) return *s;
    for (std::size_t k = after.begin; k < after.end; ++k)
      if (auto s = speaker_at(k, after)) return *s;
    return {};
  }

 private:
  struct Range {
    std::size_t begin = 0, end = 0;  // token indices
  };

  std::string_view text_;
  std::string lang_;
  const std::vector<Word>& tokens_;

  Range range(std::size_t from, std::size_t to) const {
    Range r{tokens_.size(), tokens_.size()};
    for (std::size_t k = 0; k < tokens_.size(); ++k) {
      if (tokens_[k].start >= from && r.begin == tokens_.size()) r.begin = k;
      if (tokens_[k].end > to) {
        r.end = k;
        break;
      }
    }
    if (r.begin > r.end) r.begin = r.end;
    return r;
  }

  std::string_view surface(std::size_t k) const {
    return text_.substr(tokens_[k].start, tokens_[k].end - tokens_[k].start);
  }

  bool adjacent(std::size_t a, std::size_t b) const {
    return detail::only_space(text_, tokens_[a].end, tokens_[b].start);
  }

  // Parts of one name: white space or a hyphen between them ("Al-Raisi").
  bool joined(std::size_t a, std::size_t b) const {
    std::string_view between = text_.substr(tokens_[a].end, tokens_[b].start - tokens_[a].end);
    return between == "-" || between == "\u2011" || adjacent(a, b);
  }

  std::string span(std::size_t first, std::size_t last) const {
    return std::string(text_.substr(tokens_[first].start, tokens_[last].end - tokens_[first].start));
  }

  // A speech verb, also with a conjunction ("وعبر", "فقال") or glued to the word before
  // by a lost line break ("والسلاموعبر": a sub-heading run into the paragraph).
  // Returns the verb itself, without what is glued before it; empty when none.
  std::string_view arabic_verb(std::string_view form) const {
    const WordList& verbs = lists().arabic_verbs;
    if (verbs.exactly(form)) return form;
    for (std::string_view conj : {"و", "ف"}) {
      std::size_t at = form.rfind(conj);
      while (at != std::string::npos) {
        std::string_view verb = form.substr(at + conj.size());
        if (verbs.exactly(verb) && (at == 0 || at >= 6)) return verb;
        at = at == 0 ? std::string::npos : form.rfind(conj, at - 1);
      }
    }
    return {};
  }

  std::optional<std::string> speaker_at(std::size_t k, Range r) const {
    const Lists& l = lists();
    const std::string& form = tokens_[k].form;
    if (latin(form)) {
      if (!l.latin_verbs.exactly(form)) return std::nullopt;
      std::size_t next = k + 1;
      if (form == "according" && next < r.end && tokens_[next].form == "to") ++next;
      if (auto s = name_forward(next, r)) return s;
      std::size_t prev = k;
      if (prev > r.begin && l.auxiliaries.exactly(tokens_[prev - 1].form) && adjacent(prev - 1, prev)) --prev;
      return name_backward(prev, r);
    }
    bool according = l.arabic_according.exactly(form) ||
                     (form.size() > 2 && l.arabic_according.exactly(std::string_view(form).substr(2)));
    std::string_view verb = according ? std::string_view() : arabic_verb(form);
    if (!according && verb.empty()) return std::nullopt;
    return subject_after(k, r, l.describe_verbs.exactly(verb));
  }

  // `describe`: وصف X بـ"...": the word right before بـ is the object, not the subject
  // ("ووصف الوزير الحدث بـ”...”" -> الوزير; "ووصف الحدث بـ”...”" -> none).
  std::optional<std::string> subject_after(std::size_t k, Range r, bool describe) const {
    const Lists& l = lists();
    std::size_t last = k;
    for (std::size_t j = k + 1; j < r.end && j - k <= 6 && adjacent(j - 1, j); ++j) {
      const std::string& f = tokens_[j].form;
      if (f.size() < 4 || l.subject_end.exactly(f) || is_stopword(f, lang_) || !arabic_verb(f).empty() ||
          u_isdigit(static_cast<UChar32>(f[0])))
        break;
      last = j;
    }
    if (describe && last > k && last + 1 < tokens_.size() && tokens_[last + 1].form.starts_with("ب")) --last;
    if (last == k) return std::nullopt;
    return span(k + 1, last);
  }

  bool name_word(std::size_t k) const {
    return capitalised(surface(k)) && !lists().latin_not_names.exactly(tokens_[k].form);
  }

  std::optional<std::string> name_forward(std::size_t k, Range r) const {
    if (k >= r.end || !adjacent(k - 1, k) || !name_word(k)) return std::nullopt;
    std::size_t last = k;
    for (std::size_t j = k + 1; j < r.end && j - k < 5 && joined(j - 1, j); ++j) {
      if (name_word(j)) {
        last = j;
      } else if (!lists().particles.exactly(tokens_[j].form)) {
        break;
      }
    }
    return span(k, last);
  }

  std::optional<std::string> name_backward(std::size_t k, Range r) const {  // the name ends before token k
    if (k == r.begin || !adjacent(k - 1, k) || !name_word(k - 1)) return std::nullopt;
    std::size_t first = k - 1;
    for (std::size_t j = k - 1; j > r.begin && k - j < 5 && joined(j - 1, j); --j) {
      if (name_word(j - 1)) {
        first = j - 1;
      } else if (!lists().particles.exactly(tokens_[j - 1].form)) {
        break;
      }
    }
    return span(first, k - 1);
  }
};

// The quote's span [from, to) without white space, and trailing separators, at its ends.
std::pair<std::size_t, std::size_t> trimmed(std::string_view s, std::size_t from, std::size_t to) {
  std::string_view inner = detail::trim(s.substr(from, to - from));
  from = static_cast<std::size_t>(inner.data() - s.data());
  to = from + inner.size();
  for (std::size_t j = to; j > from;) {
    UChar32 c = detail::char_before(s, j);
    if (!detail::is_white_space(c) && c != ',' && c != 0x060C && c != ';' && c != ':') break;
    to = j;
  }
  return {from, to};
}

void quotes_in(const AnalysedText& analysed, std::string_view language, std::vector<Quote>& out) {
  std::string_view text = analysed.text;
  auto spans = quoted_spans(text);
  if (spans.empty()) return;
  const auto& sentences = analysed.sentences;
  SpeakerFinder finder(analysed, language);
  for (const Span& s : spans) {
    Quote q;
    auto [from_byte, to_byte] = trimmed(text, s.inner_start, s.inner_end);
    q.text = std::string(text.substr(from_byte, to_byte - from_byte));
    auto [first, last] = analysed.words_in(from_byte, to_byte);
    if (last - first < 2 || last - first > 40) continue;
    bool all_capitalised =
        std::all_of(analysed.words.begin() + static_cast<std::ptrdiff_t>(first),
                    analysed.words.begin() + static_cast<std::ptrdiff_t>(last), [&](const Word& w) {
                      std::string_view surface = text.substr(w.start, w.end - w.start);
                      return latin(surface) && capitalised(surface);
                    });
    if (all_capitalised) continue;
    if (std::any_of(out.begin(), out.end(), [&](const Quote& o) { return o.text == q.text; })) continue;
    std::size_t from = 0, to = text.size();
    for (const Sentence& sentence : sentences) {
      if (sentence.start <= s.open && s.open < sentence.end) from = sentence.start;
      if (sentence.start < s.close_end && s.close_end <= sentence.end) to = sentence.end;
    }
    q.speaker = finder.find(from, s.open, s.close_end, std::max(to, s.close_end));
    out.push_back(std::move(q));
  }
}

}  // namespace

std::vector<Quote> extract_quotes(const Analysis& analysis, std::size_t max) {
  std::vector<Quote> out;
  quotes_in(analysis.title(), analysis.language(), out);
  quotes_in(analysis.subtitle(), analysis.language(), out);
  for (const AnalysedText& b : analysis.blocks()) quotes_in(b, analysis.language(), out);
  if (out.size() > max) out.resize(max);
  return out;
}

std::vector<Quote> extract_quotes(const Article& article, std::size_t max) {
  return extract_quotes(Analysis(article), max);
}

}  // namespace khabar
