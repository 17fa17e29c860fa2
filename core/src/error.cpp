#include "khabar/error.hpp"

namespace khabar {

Error::Error(std::string code, const std::string& message)
    : std::runtime_error("[" + code + "] " + message), code_(std::move(code)), message_(message) {}

}  // namespace khabar
