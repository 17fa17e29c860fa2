// khabar::stem on Snowball's libstemmer.
#include <libstemmer.h>

#include <memory>
#include <string>
#include <unordered_map>

#include "khabar/analyse.hpp"
#include "text/languages.hpp"

namespace khabar {

namespace {

struct StemmerDeleter {
  void operator()(sb_stemmer* s) const noexcept { sb_stemmer_delete(s); }
};

// An sb_stemmer keeps its working buffer inside: one per language per thread.
sb_stemmer* stemmer_for(std::string_view algorithm) {
  thread_local std::unordered_map<std::string, std::unique_ptr<sb_stemmer, StemmerDeleter>> cache;
  auto& slot = cache[std::string(algorithm)];
  if (!slot) {
    slot.reset(sb_stemmer_new(std::string(algorithm).c_str(), "UTF_8"));
    if (!slot) throw Error(codes::internal, "Snowball stemmer unavailable: " + std::string(algorithm));
  }
  return slot.get();
}

}  // namespace

std::string stem(std::string_view word, std::string_view language) {
  // Snowball's Arabic stemmer takes time quadratic in the word's length (a 64 KB word: 0.6 s,
  // 256 KB: ~10 s). Past 256 bytes a "word" is no word of any language (a URL, a hash, base64).
  constexpr std::size_t max_stem_bytes = 256;
  const detail::LanguageInfo* info = detail::find_language(language);
  std::string_view algorithm = info ? info->stemmer : std::string_view();
  if (algorithm.empty() || word.empty() || word.size() > max_stem_bytes) return std::string(word);
  sb_stemmer* s = stemmer_for(algorithm);
  const sb_symbol* out =
      sb_stemmer_stem(s, reinterpret_cast<const sb_symbol*>(word.data()), static_cast<int>(word.size()));
  if (!out) throw Error(codes::internal, "Snowball stemmer out of memory");
  return std::string(reinterpret_cast<const char*>(out), static_cast<std::size_t>(sb_stemmer_length(s)));
}

}  // namespace khabar
