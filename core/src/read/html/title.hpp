#pragma once
// The page's own headline without the site's name: "Title | Site", "Site - Title",
// "Title -SectionㅣSite", "Title | Site | 28.04.2023", whatever the separator.
#include <string>
#include <string_view>
#include <vector>

namespace khabar::detail::html {

// Letters and digits only, case-folded, accents dropped: "Aktuálně.cz" and the domain
// "aktualne.cz" fold alike ("aktualnecz"), so a name matches however it is written.
std::string fold_name(std::string_view s);

// The names a site goes by, folded: each given name, the first part of a name that carries a
// tagline ("Aktuálně.cz - Víte, co se právě děje"), and the host of `url` with and without its
// top-level domain and "www.".
std::vector<std::string> site_names(const std::vector<std::string>& names, std::string_view url);

// The end segments at least two titles share behind a separator ("X | Site" and "Y | Site"):
// the part all title sources repeat.
std::vector<std::string> repeated_ends(const std::vector<std::string>& titles);

// `title` without any segment at either end that is one of `sites` (folded names), with a
// section segment (`section`) or a date beside it. The title whole when nothing matches or
// nothing would remain.
std::string strip_site_name(std::string_view title, const std::vector<std::string>& sites,
                            std::string_view section = {});

// Whether `text` is only a site's name (a headline that is the site's logo).
bool is_site_name(std::string_view text, const std::vector<std::string>& sites);

}  // namespace khabar::detail::html
