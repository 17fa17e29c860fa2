// read_article with the format forced to khabar (checks in fuzz_support.hpp, read_target).
#include "fuzz_support.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  return khabar::fuzz::read_target(khabar::InputFormat::khabar_json, data, size);
}
