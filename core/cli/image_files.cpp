#include "image_files.hpp"

#include <sys/stat.h>
#include <unistd.h>

#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>

namespace khabar::cli {
namespace {

namespace fs = std::filesystem;

bool try_read(const fs::path& p, std::string& out) {
  std::ifstream in(p, std::ios::binary);
  if (!in) return false;
  std::ostringstream s;
  s << in.rdbuf();
  out = s.str();
  return !out.empty();
}

// fonts/ beside the executable (the build folder), else ../share/khabar/fonts (an installed CLI).
fs::path beside_executable() {
  std::error_code ec;
  fs::path exe = fs::read_symlink("/proc/self/exe", ec);
  if (ec) return {};
  fs::path here = exe.parent_path() / "fonts";
  fs::path installed = exe.parent_path().parent_path() / "share" / "khabar" / "fonts";
  return fs::exists(here / font_file_names[0], ec) || !fs::exists(installed, ec) ? here : installed;
}

}  // namespace

std::string read_file(const std::string& path) {
  std::string out;
  std::ifstream in(path, std::ios::binary);
  if (!in) throw Error(codes::io_failed, "cannot open " + path);
  std::ostringstream s;
  s << in.rdbuf();
  if (in.bad()) throw Error(codes::io_failed, "cannot read " + path);
  return s.str();
}

FontSet load_fonts(const std::string& dir, const std::string& custom) {
  fs::path folder;
  std::string looked;
  if (!dir.empty()) {
    folder = dir;
    looked = "--fonts " + dir;
  } else if (const char* env = std::getenv("KHABAR_FONTS"); env && *env) {
    folder = env;
    looked = std::string("$KHABAR_FONTS (") + env + ")";
  } else {
    folder = beside_executable();
    looked = folder.string() + " (beside the executable, or ../share/khabar/fonts)";
  }
  FontSet set;
  std::string* slots[] = {&set.latin.regular, &set.latin.bold, &set.arabic.regular, &set.arabic.bold,
                          &set.urdu.regular,  &set.urdu.bold,  &set.hebrew.regular, &set.hebrew.bold};
  int found = 0;
  for (std::size_t i = 0; i < std::size(slots); ++i)
    found += try_read(folder / font_file_names[i], *slots[i]) ? 1 : 0;
  if (!custom.empty()) {
    set.custom.regular = read_file(custom);
    if (set.custom.regular.empty()) throw Error(codes::font_invalid, "the font file " + custom + " is empty");
  }
  if (found == 0)
    throw Error(codes::font_missing, "no font found in " + looked + " (" + font_file_names[0] +
                                         ", ...): give --fonts DIR or set KHABAR_FONTS");
  return set;
}

void write_file_atomically(const std::string& path, const std::string& bytes) {
  fs::path target(path);
  fs::path folder = target.has_parent_path() ? target.parent_path() : fs::path(".");
  std::string pattern = (folder / ("." + target.filename().string() + ".XXXXXX")).string();
  int fd = mkstemp(pattern.data());
  if (fd < 0) throw Error("io.write_failed", "cannot write in " + folder.string());
  std::size_t done = 0;
  while (done < bytes.size()) {
    ssize_t n = ::write(fd, bytes.data() + done, bytes.size() - done);
    if (n <= 0) break;
    done += static_cast<std::size_t>(n);
  }
  bool ok = done == bytes.size() && ::fsync(fd) == 0;
  ok = ::close(fd) == 0 && ok;
  // mkstemp makes the file 0600; the picture gets a new file's usual mode (0666 less the umask).
  mode_t mask = ::umask(0);
  ::umask(mask);
  ok = ok && ::chmod(pattern.c_str(), 0666 & ~mask) == 0;
  if (!ok || std::rename(pattern.c_str(), path.c_str()) != 0) {
    std::remove(pattern.c_str());
    throw Error("io.write_failed", "cannot write " + path);
  }
}

}  // namespace khabar::cli
