// Locale formatting on ICU's i18n library. Everything locale-specific comes from
// ICU's CLDR data or the compiled-in catalog, so a wasm build with the same ICU
// data prints the same bytes.
#include "khabar/format.hpp"

#include <unicode/calendar.h>
#include <unicode/datefmt.h>
#include <unicode/gregocal.h>
#include <unicode/listformatter.h>
#include <unicode/msgfmt.h>
#include <unicode/numberformatter.h>
#include <unicode/numsys.h>
#include <unicode/reldatefmt.h>
#include <unicode/simpletz.h>
#include <unicode/uchar.h>
#include <unicode/uloc.h>
#include <unicode/ures.h>

#include <cmath>
#include <map>
#include <mutex>
#include <nlohmann/json.hpp>
#include <vector>

#include "format/locale_chain.hpp"
#include "format/messages.hpp"
#include "format/time_zone.hpp"
#include "khabar/language.hpp"
#include "text/language_tag.hpp"
#include "text/utf8.hpp"

namespace khabar {
namespace {

using detail::days_from_civil;
using detail::to_icu;
using detail::to_utf8;

icu::StringPiece piece(std::string_view s) { return {s.data(), static_cast<int32_t>(s.size())}; }

// Why `tag` cannot be used, or nothing when it can; `canonical` gets its BCP 47 form.
std::optional<std::string> check_locale(std::string_view tag, std::string& canonical) {
  UErrorCode status = U_ZERO_ERROR;
  icu::Locale locale = icu::Locale::forLanguageTag(piece(tag), status);
  if (U_FAILURE(status) || locale.isBogus())
    return "\"" + std::string(tag) + "\" is not a well-formed BCP 47 tag";
  std::string language = locale.getLanguage();
  if (language.empty() || language == "und") return "\"" + std::string(tag) + "\" names no language";
  // ICU has a bundle per language it has data for; without one every format would be root's.
  UResourceBundle* bundle = ures_openDirect(nullptr, language.c_str(), &status);
  ures_close(bundle);
  if (U_FAILURE(status)) return "no locale data for \"" + language + "\"";
  std::string nu = locale.getUnicodeKeywordValue<std::string>("nu", status);
  if (U_SUCCESS(status) && !nu.empty()) {
    std::unique_ptr<icu::NumberingSystem> ns(icu::NumberingSystem::createInstanceByName(nu.c_str(), status));
    if (U_FAILURE(status) || !ns) return "unknown numbering system -u-nu-" + nu;
  }
  status = U_ZERO_ERROR;
  std::string ca = locale.getUnicodeKeywordValue<std::string>("ca", status);
  if (U_SUCCESS(status) && !ca.empty()) {
    std::unique_ptr<icu::StringEnumeration> all(
        icu::Calendar::getKeywordValuesForLocale("calendar", icu::Locale::getRoot(), false, status));
    // ICU lists legacy names ("gregorian" for BCP 47 "gregory").
    const char* legacy = uloc_toLegacyType("calendar", ca.c_str());
    bool known = false;
    for (const char* name = all ? all->next(nullptr, status) : nullptr; name && legacy && !known;
         name = all->next(nullptr, status))
      known = std::string_view(legacy) == name;
    if (!known) return "unknown calendar -u-ca-" + ca;
  }
  status = U_ZERO_ERROR;
  canonical = locale.toLanguageTag<std::string>(status);
  if (U_FAILURE(status)) return "\"" + std::string(tag) + "\" cannot be written as BCP 47";
  return std::nullopt;
}

std::unique_ptr<icu::TimeZone> offset_zone(int minutes) {
  char id[16];
  int a = std::abs(minutes);
  std::snprintf(id, sizeof id, "GMT%c%02d:%02d", minutes < 0 ? '-' : '+', a / 60, a % 60);
  return std::make_unique<icu::SimpleTimeZone>(minutes * 60 * 1000, icu::UnicodeString(id, -1, US_INV));
}

using Catalog = std::map<std::string, std::map<std::string, std::string, std::less<>>, std::less<>>;

const Catalog& catalog() {
  static const Catalog parsed = [] {
    Catalog c;
    for (const auto& file : detail::catalog_files()) {
      auto& messages = c[std::string(file.language)];
      const auto json = nlohmann::json::parse(file.json);
      for (auto item = json.begin(); item != json.end(); ++item)
        messages[item.key()] = item->get<std::string>();
    }
    return c;
  }();
  return parsed;
}

}  // namespace

std::string resolve_locale(std::string_view tag, std::string_view article_language, bool strict,
                           Warnings& warnings) {
  const std::vector<std::string> candidates = detail::locale_candidates(tag, article_language);
  for (std::size_t i = 0; i < candidates.size(); ++i) {
    std::string canonical;
    auto problem = check_locale(candidates[i], canonical);
    if (!problem) return canonical;
    if (strict && !tag.empty() && i == 0) throw Error(codes::invalid_locale, *problem);
    warnings.push_back({"locale.fallback", *problem + "; using " + candidates[i + 1]});
  }
  return "en";  // unreachable: "en" always checks out
}

std::vector<std::string> catalog_languages() {
  std::vector<std::string> out;
  for (const auto& [language, messages] : catalog()) out.push_back(language);
  return out;
}

// The ICU formatters of one resolved locale. Building them (data look-ups, pattern parsing,
// number formatters compiled on their third use) cost as much as a card's text analysis in
// wasm, and they depend on the locale only: so they outlive a Formatter, in a small pool.
// A Formatter takes one for itself (no two Formatters share one: each may be on its own
// thread) and gives it back when it is destroyed.
struct LocaleFormats {
  std::string tag;
  std::unique_ptr<icu::DateFormat> date_format;  // its time zone is set before every use
  std::unique_ptr<icu::RelativeDateTimeFormatter> relative_format;
  std::optional<icu::number::LocalizedNumberFormatter> numbers, years;
  std::unique_ptr<icu::ListFormatter> list_format;
  icu::UnicodeString digits;  // the numbering system's ten digits; empty when not decimal
  std::map<std::string, std::unique_ptr<icu::MessageFormat>, std::less<>> messages;
};

class LocaleFormatsPool {
 public:
  // Never destroyed: a Formatter held by a static object gives its formats back at exit.
  static LocaleFormatsPool& instance() {
    static auto* pool = new LocaleFormatsPool;
    return *pool;
  }
  // Null when none is idle for `tag`: the caller builds one.
  std::unique_ptr<LocaleFormats> take(const std::string& tag) {
    std::lock_guard<std::mutex> lock(mutex_);
    for (auto it = idle_.begin(); it != idle_.end(); ++it)
      if ((*it)->tag == tag) {
        auto formats = std::move(*it);
        idle_.erase(it);
        return formats;
      }
    return nullptr;
  }
  void give(std::unique_ptr<LocaleFormats> formats) {
    std::lock_guard<std::mutex> lock(mutex_);
    if (idle_.size() >= max_idle) idle_.erase(idle_.begin());  // the longest unused
    idle_.push_back(std::move(formats));
  }

 private:
  static constexpr std::size_t max_idle = 8;  // a service's few locales, each on a thread or two
  std::mutex mutex_;
  std::vector<std::unique_ptr<LocaleFormats>> idle_;
};

struct Formatter::Impl {
  FormatOptions options;
  std::string tag, language;
  icu::Locale locale;
  Direction direction = Direction::ltr;
  Warnings warnings;
  std::unique_ptr<icu::TimeZone> zone;  // options.time_zone; null: each timestamp's own
  std::unique_ptr<LocaleFormats> f;     // never null once constructed

  ~Impl() {
    if (f) LocaleFormatsPool::instance().give(std::move(f));
  }

  static void check(UErrorCode status, const char* what) {
    if (U_FAILURE(status)) throw Error(codes::internal, std::string(what) + ": " + u_errorName(status));
  }

  // The wall-clock zone the timestamp was written in.
  std::unique_ptr<icu::TimeZone> written_zone(const Timestamp& t) const {
    if (t.date_only) return std::unique_ptr<icu::TimeZone>(icu::TimeZone::getGMT()->clone());
    if (t.offset_minutes) return offset_zone(*t.offset_minutes);
    // No offset written: read it as wall time where it is shown.
    return std::unique_ptr<icu::TimeZone>(zone ? zone->clone() : icu::TimeZone::getGMT()->clone());
  }

  // Where it is shown: a date-only value stays in UTC so its calendar day never moves.
  std::unique_ptr<icu::TimeZone> display_zone(const Timestamp& t) const {
    if (t.date_only || !zone) return written_zone(t);
    return std::unique_ptr<icu::TimeZone>(zone->clone());
  }

  static UDate instant(const Timestamp& t, const icu::TimeZone& written) {
    UErrorCode status = U_ZERO_ERROR;
    icu::GregorianCalendar cal(written, status);
    check(status, "calendar");
    cal.setLenient(false);  // 2025-02-30 is an error, not March 2nd
    cal.clear();
    cal.set(t.year, t.month - 1, t.day, t.hour, t.minute, t.second);
    UDate when = cal.getTime(status);
    if (U_FAILURE(status) || t.year < 1 || t.year > 9999)
      throw Error(codes::invalid_time, "not a valid date and time: " + t.iso());
    return when;
  }

  // Days since 1970-01-01 of the calendar day `t` falls on where it is shown.
  long day_number(const Timestamp& t) const {
    if (t.date_only) return days_from_civil(t.year, t.month, t.day);
    UErrorCode status = U_ZERO_ERROR;
    auto shown = display_zone(t);
    icu::GregorianCalendar cal(*shown, status);
    cal.setTime(instant(t, *written_zone(t)), status);
    int y = cal.get(UCAL_EXTENDED_YEAR, status), m = cal.get(UCAL_MONTH, status) + 1,
        d = cal.get(UCAL_DATE, status);
    check(status, "calendar");
    return days_from_civil(y, m, d);
  }

  icu::RelativeDateTimeFormatter& relative() {
    if (!f->relative_format) {
      UErrorCode status = U_ZERO_ERROR;
      f->relative_format = std::make_unique<icu::RelativeDateTimeFormatter>(
          locale, nullptr, UDAT_STYLE_LONG, UDISPCTX_CAPITALIZATION_NONE, status);
      check(status, "relative time formatter");
    }
    return *f->relative_format;
  }

  const icu::number::LocalizedNumberFormatter& number_format(bool grouping) {
    if (!f->numbers) {
      f->numbers = icu::number::NumberFormatter::withLocale(locale);
      f->years = icu::number::NumberFormatter::withLocale(locale).grouping(UNUM_GROUPING_OFF);
    }
    return grouping ? *f->numbers : *f->years;
  }

  std::string format(double value, bool grouping) {
    UErrorCode status = U_ZERO_ERROR;
    icu::UnicodeString out = number_format(grouping).formatDouble(value, status).toString(status);
    check(status, "number format");
    return to_utf8(out);
  }

  // The pattern for `id` and the language whose file it came from: language-REGION, language, en.
  std::vector<std::string> chain() const {
    std::vector<std::string> names;
    if (locale.getCountry()[0] != '\0') names.push_back(language + "-" + locale.getCountry());
    names.push_back(language);
    names.push_back("en");
    return names;
  }

  std::pair<const std::string*, std::string> find_message(std::string_view id) const {
    for (const auto& name : chain()) {
      auto file = catalog().find(name);
      if (file == catalog().end()) continue;
      auto message = file->second.find(id);
      if (message != file->second.end()) return {&message->second, name};
    }
    return {nullptr, {}};
  }

  icu::MessageFormat& message_format(std::string_view id) {
    auto cached = f->messages.find(id);
    if (cached != f->messages.end()) return *cached->second;
    auto [pattern, from] = find_message(id);
    if (!pattern) throw Error(codes::internal, "no catalog has the message \"" + std::string(id) + "\"");
    UErrorCode status = U_ZERO_ERROR;
    // A message borrowed from another language takes that language's plural rules, but keeps
    // the reader's digits.
    icu::Locale rules = locale;
    if (from.rfind(language, 0) != 0) {
      std::unique_ptr<icu::NumberingSystem> ns(icu::NumberingSystem::createInstance(locale, status));
      rules = icu::Locale(from.c_str());
      if (ns) rules.setUnicodeKeywordValue("nu", ns->getName(), status);
    }
    UParseError where;
    auto format = std::make_unique<icu::MessageFormat>(to_icu(*pattern), rules, where, status);
    check(status, ("message \"" + std::string(id) + "\" of " + from).c_str());
    return *f->messages.emplace(std::string(id), std::move(format)).first->second;
  }
};

Formatter::Formatter(std::string_view locale, const FormatOptions& options, std::string_view article_language)
    : impl_(std::make_unique<Impl>()) {
  Impl& m = *impl_;
  m.options = options;
  m.tag = resolve_locale(locale, article_language, options.strict, m.warnings);
  UErrorCode status = U_ZERO_ERROR;
  m.locale = icu::Locale::forLanguageTag(m.tag, status);
  Impl::check(status, "locale");
  m.language = m.locale.getLanguage();
  m.direction = direction_of_language(m.tag);
  if (!options.time_zone.empty()) {
    m.zone = detail::make_time_zone(options.time_zone);
    if (!m.zone) {
      std::string problem = "unknown time zone \"" + options.time_zone + "\"";
      if (options.strict) throw Error(codes::invalid_time, problem);
      m.warnings.push_back({"time.zone_fallback", problem + "; using UTC"});
      m.zone.reset(icu::TimeZone::getGMT()->clone());
    }
  }
  m.f = LocaleFormatsPool::instance().take(m.tag);
  if (!m.f) {
    m.f = std::make_unique<LocaleFormats>();
    m.f->tag = m.tag;
    std::unique_ptr<icu::NumberingSystem> ns(icu::NumberingSystem::createInstance(m.locale, status));
    if (U_SUCCESS(status) && ns && !ns->isAlgorithmic() && ns->getRadix() == 10)
      m.f->digits = ns->getDescription();
  }
}

Formatter::~Formatter() = default;
Formatter::Formatter(Formatter&&) noexcept = default;
Formatter& Formatter::operator=(Formatter&&) noexcept = default;

const std::string& Formatter::locale() const { return impl_->tag; }
const std::string& Formatter::language() const { return impl_->language; }
Direction Formatter::direction() const { return impl_->direction; }
const Warnings& Formatter::warnings() const { return impl_->warnings; }

std::string Formatter::catalog_language() const {
  for (const auto& name : impl_->chain())
    if (catalog().count(name)) return name;
  return "en";
}

CardDate Formatter::format_date(const Timestamp& t) {
  Impl& m = *impl_;
  CardDate d;
  d.iso = t.iso();
  d.date_only = t.date_only;
  UDate when = Impl::instant(t, *m.written_zone(t));
  if (!m.f->date_format) {
    m.f->date_format.reset(icu::DateFormat::createDateInstance(icu::DateFormat::kLong, m.locale));
    if (!m.f->date_format) throw Error(codes::internal, "no date format for " + m.tag);
  }
  m.f->date_format->adoptTimeZone(m.display_zone(t).release());
  icu::UnicodeString out;
  m.f->date_format->format(when, out);
  d.display = to_utf8(out);
  d.relative = relative(t);
  return d;
}

std::string Formatter::relative(const Timestamp& t) {
  Impl& m = *impl_;
  if (!m.options.now) return {};
  const Timestamp& now = *m.options.now;
  UErrorCode status = U_ZERO_ERROR;
  icu::UnicodeString out;
  long days = m.day_number(now) - m.day_number(t);
  if (std::labs(days) > m.options.relative_max_age_days) return {};
  if (!t.date_only && !now.date_only) {
    double seconds =
        (Impl::instant(now, *m.written_zone(now)) - Impl::instant(t, *m.written_zone(t))) / 1000.0;
    double magnitude = std::fabs(seconds);
    // Under a day, hours and minutes say more than the calendar day does.
    if (magnitude < 60)
      m.relative().format(UDAT_DIRECTION_PLAIN, UDAT_ABSOLUTE_NOW, out, status);
    else if (magnitude < 3600)
      m.relative().formatNumeric(-std::trunc(seconds / 60), UDAT_REL_UNIT_MINUTE, out, status);
    else if (magnitude < 86400)
      m.relative().formatNumeric(-std::trunc(seconds / 3600), UDAT_REL_UNIT_HOUR, out, status);
    if (!out.isEmpty()) {
      Impl::check(status, "relative time");
      return to_utf8(out);
    }
  }
  // "yesterday", "أول أمس", "3 days ago": CLDR's own words for near days where it has them.
  m.relative().format(static_cast<double>(-days), UDAT_REL_UNIT_DAY, out, status);
  Impl::check(status, "relative time");
  return to_utf8(out);
}

std::string Formatter::format_number(double value) { return impl_->format(value, true); }

std::string Formatter::localize_digits(std::string_view phrase) {
  Impl& m = *impl_;
  icu::UnicodeString text = to_icu(phrase), out;
  auto is_separator = [](UChar32 c) { return c == u'.' || c == u',' || c == u'\u066B' || c == u'\u066C'; };
  int32_t i = 0, n = text.length();
  while (i < n) {
    UChar32 c = text.char32At(i);
    if (u_charDigitValue(c) < 0) {
      out.append(c);
      i += U16_LENGTH(c);
      continue;
    }
    int32_t start = i;
    bool separated = false;
    double value = 0;
    std::size_t count = 0;
    while (i < n) {
      UChar32 d = text.char32At(i);
      if (u_charDigitValue(d) >= 0) {
        value = value * 10 + u_charDigitValue(d);
        ++count;
        i += U16_LENGTH(d);
      } else if (is_separator(d) && i + 1 < n && u_charDigitValue(text.char32At(i + 1)) >= 0) {
        separated = true;
        ++i;
      } else {
        break;
      }
    }
    bool leading_zero = count > 1 && u_charDigitValue(text.char32At(start)) == 0;
    if (!separated && !leading_zero && count <= 15) {
      bool year = count == 4 && value >= 1000 && value <= 2100;
      out.append(to_icu(m.format(value, !year)));
      continue;
    }
    // Separators we cannot read for sure ("1.234": a thousand or a decimal?): only the digits change.
    for (int32_t j = start; j < i;) {
      UChar32 d = text.char32At(j);
      int v = u_charDigitValue(d);
      if (v >= 0 && !m.f->digits.isEmpty())
        out.append(m.f->digits.char32At(m.f->digits.moveIndex32(0, v)));
      else
        out.append(d);
      j += U16_LENGTH(d);
    }
  }
  return to_utf8(out);
}

std::string Formatter::reading_time(int minutes) {
  return message("reading_time", {{"minutes", static_cast<std::int64_t>(minutes < 0 ? 0 : minutes)}});
}

std::string Formatter::list(const std::vector<std::string>& items) {
  Impl& m = *impl_;
  UErrorCode status = U_ZERO_ERROR;
  if (!m.f->list_format) {
    m.f->list_format.reset(
        icu::ListFormatter::createInstance(m.locale, ULISTFMT_TYPE_AND, ULISTFMT_WIDTH_WIDE, status));
    Impl::check(status, "list format");
  }
  std::vector<icu::UnicodeString> parts;
  for (const auto& item : items) parts.push_back(to_icu(item));
  icu::UnicodeString out;
  m.f->list_format->format(parts.data(), static_cast<int32_t>(parts.size()), out, status);
  Impl::check(status, "list format");
  return to_utf8(out);
}

std::string Formatter::message(std::string_view id, const MessageArgs& args) {
  icu::MessageFormat& format = impl_->message_format(id);
  std::vector<icu::UnicodeString> names;
  std::vector<icu::Formattable> values;
  for (const auto& [name, value] : args) {
    names.push_back(to_icu(name));
    if (auto* s = std::get_if<std::string>(&value))
      values.emplace_back(to_icu(*s));
    else if (auto* i = std::get_if<std::int64_t>(&value))
      values.emplace_back(static_cast<int64_t>(*i));
    else
      values.emplace_back(std::get<double>(value));
  }
  UErrorCode status = U_ZERO_ERROR;
  icu::UnicodeString out;
  format.format(names.data(), values.data(), static_cast<int32_t>(values.size()), out, status);
  Impl::check(status, ("message \"" + std::string(id) + "\"").c_str());
  return to_utf8(out);
}

}  // namespace khabar

namespace khabar::detail {

long days_from_civil(int y, int m, int d) {
  y -= m <= 2;
  const long era = (y >= 0 ? y : y - 399) / 400;
  const long yoe = y - era * 400;
  const long doy = (153L * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
  const long doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
  return era * 146097 + doe - 719468;
}

}  // namespace khabar::detail
