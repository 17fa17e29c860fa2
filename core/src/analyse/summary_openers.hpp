#pragma once
// Sentences that lean on the one before them: an opening connective ("However,", "ولكن",
// "לכן") or anaphor ("This", "وهذا", "הוא") that reads as a non sequitur when the sentence is
// shown alone. The summarizer reads it as a feature and never shows such a sentence in a
// summary or a card without the sentence before it.
#include <string_view>

#include "khabar/analyse.hpp"

namespace khabar::detail {

// Whether the words [first, last) of a sentence, in order (their analysis forms), open with
// one of the language's dangling connectives or anaphors. Tables for ar, fa, ur, he, en and
// fr (the primary subtag of `language`); other languages have none. Arabic's bare "و" prefix
// ("and") is on most sentences and is not one: only whole entries ("وهذا", "ولكن") count.
bool opens_dangling(const Word* first, const Word* last, std::string_view language);

}  // namespace khabar::detail
