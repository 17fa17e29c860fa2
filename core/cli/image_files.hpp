// `khabar image`: where the CLI finds its fonts, and the picture written whole or not at all.
#pragma once

#include <string>

#include "khabar/image.hpp"

namespace khabar::cli {

// The fonts from `dir` when given, else $KHABAR_FONTS, else the fonts/ folder beside the
// executable (where the build puts the subset Noto files), else ../share/khabar/fonts (where
// `cmake --install` puts them). `custom`: a publisher's font file
// (--font), tried first for every character it has. Throws font.missing naming the folders
// looked in when none of the files is there, io.read_failed for an unreadable custom font.
FontSet load_fonts(const std::string& dir, const std::string& custom);

// Writes `bytes` to `path` through a temporary file in the same folder renamed over it, so a
// failure leaves no half-written picture. Throws io.write_failed.
void write_file_atomically(const std::string& path, const std::string& bytes);

// The whole file. Throws io.read_failed.
std::string read_file(const std::string& path);

}  // namespace khabar::cli
