#include "counting_allocator.hpp"

#include <malloc.h>
#include <unicode/uclean.h>

#include <atomic>
#include <cstdlib>
#include <new>
#include <stdexcept>
#include <string>

namespace {

std::atomic<std::size_t> live{0};
std::atomic<std::size_t> peak{0};

void added(void* p) {
  if (!p) return;
  std::size_t now = live.fetch_add(malloc_usable_size(p), std::memory_order_relaxed) + malloc_usable_size(p);
  std::size_t top = peak.load(std::memory_order_relaxed);
  while (now > top && !peak.compare_exchange_weak(top, now, std::memory_order_relaxed)) {
  }
}

void removed(void* p) {
  if (p) live.fetch_sub(malloc_usable_size(p), std::memory_order_relaxed);
}

void* counted_malloc(std::size_t n) {
  void* p = std::malloc(n == 0 ? 1 : n);
  if (!p) throw std::bad_alloc();
  added(p);
  return p;
}

void* counted_aligned(std::size_t n, std::align_val_t align) {
  std::size_t a = static_cast<std::size_t>(align);
  void* p = std::aligned_alloc(a, (n + a - 1) / a * a);
  if (!p) throw std::bad_alloc();
  added(p);
  return p;
}

void counted_free(void* p) noexcept {
  removed(p);
  std::free(p);
}

void* U_CALLCONV icu_alloc(const void*, size_t n) {
  void* p = std::malloc(n);
  added(p);
  return p;
}

void* U_CALLCONV icu_realloc(const void*, void* old, size_t n) {
  removed(old);
  void* p = std::realloc(old, n);
  // A failed realloc leaves the old block in place.
  added(p ? p : (n ? old : nullptr));
  return p;
}

void U_CALLCONV icu_free(const void*, void* p) { counted_free(p); }

}  // namespace

namespace khabar::bench {

void count_icu_allocations() {
  UErrorCode status = U_ZERO_ERROR;
  u_setMemoryFunctions(nullptr, icu_alloc, icu_realloc, icu_free, &status);
  if (U_FAILURE(status))
    throw std::runtime_error(std::string("u_setMemoryFunctions: ") + u_errorName(status));
}

std::size_t live_bytes() { return live.load(); }
std::size_t peak_bytes() { return peak.load(); }
void reset_peak() { peak.store(live.load()); }

}  // namespace khabar::bench

void* operator new(std::size_t n) { return counted_malloc(n); }
void* operator new[](std::size_t n) { return counted_malloc(n); }
void* operator new(std::size_t n, const std::nothrow_t&) noexcept {
  try {
    return counted_malloc(n);
  } catch (...) {
    return nullptr;
  }
}
void* operator new[](std::size_t n, const std::nothrow_t& t) noexcept { return operator new(n, t); }
void* operator new(std::size_t n, std::align_val_t a) { return counted_aligned(n, a); }
void* operator new[](std::size_t n, std::align_val_t a) { return counted_aligned(n, a); }
void operator delete(void* p) noexcept { counted_free(p); }
void operator delete[](void* p) noexcept { counted_free(p); }
void operator delete(void* p, std::size_t) noexcept { counted_free(p); }
void operator delete[](void* p, std::size_t) noexcept { counted_free(p); }
void operator delete(void* p, std::align_val_t) noexcept { counted_free(p); }
void operator delete[](void* p, std::align_val_t) noexcept { counted_free(p); }
void operator delete(void* p, std::size_t, std::align_val_t) noexcept { counted_free(p); }
void operator delete[](void* p, std::size_t, std::align_val_t) noexcept { counted_free(p); }
