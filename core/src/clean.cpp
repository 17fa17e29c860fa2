#include "khabar/clean.hpp"

namespace khabar {

// Placeholder until the cleaner lands in the next commit: copies the article unchanged.
CleanedArticle clean(const Article& article) { return {article, article, {}}; }

}  // namespace khabar
