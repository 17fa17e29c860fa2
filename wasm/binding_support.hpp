// What every WebAssembly binding shares (binding.cpp for the card, image_binding.cpp for the
// picture, linked together into khabar-image): the last call's result, the languages whose ICU
// data has arrived, and `guarded`, which keeps every exception inside the module.
#pragma once
#include <new>
#include <set>
#include <stdexcept>
#include <string>

#include "khabar/error.hpp"

namespace khabar::wasm {

struct LastResult {
  std::string output;  // the rendered card or picture, or the error message
  std::string code;    // "" on success
};

inline LastResult& last() {
  static LastResult result;
  return result;
}

inline int fail(std::string code, std::string message) {
  last().code = std::move(code);
  last().output = std::move(message);
  return 1;
}

// The languages whose ICU data the JS shim has handed over (khabar_load_icu_data).
inline std::set<std::string>& loaded_languages() {
  static std::set<std::string> languages;
  return languages;
}

// Thrown inside a call when the card needs a language's ICU data that is not loaded yet.
struct NeedsData {
  std::string languages;  // space-separated
};

// Runs one call: its output on success, the error's stable code and message otherwise.
template <class F>
int guarded(F&& produce) {
  try {
    last().output = produce();
    last().code.clear();
    return 0;
  } catch (const NeedsData& n) {
    last().code.clear();  // not an error: status 2 asks for data
    last().output = n.languages;
    return 2;
  } catch (const khabar::Error& e) {
    return fail(e.code(), e.message());
  } catch (const std::bad_alloc&) {
    return fail("internal.out_of_memory", "out of memory");
  } catch (const std::exception& e) {
    return fail(khabar::codes::internal, e.what());
  }
}

}  // namespace khabar::wasm
