#pragma once
// Shared by the test files: golden data is read from the source tree.
#include <fstream>
#include <sstream>
#include <stdexcept>
#include <string>

namespace khabar::test {

inline std::string read_file(const std::string& relative) {
  std::ifstream in(std::string(KHABAR_SOURCE_DIR) + "/" + relative, std::ios::binary);
  if (!in) throw std::runtime_error("missing test file " + relative);
  std::ostringstream s;
  s << in.rdbuf();
  return s.str();
}

// The stable code of the khabar::Error that `f` throws, or "" when it throws none.
template <class F>
std::string error_code(F&& f) {
  try {
    f();
  } catch (const khabar::Error& e) {
    return e.code();
  }
  return "";
}

}  // namespace khabar::test
