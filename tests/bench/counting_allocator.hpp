#pragma once
// Live and peak heap bytes of the whole process: every C++ allocation (global operator
// new) and every ICU allocation (u_setMemoryFunctions). glibc's malloc_usable_size
// sizes each block, so no header is added to allocations.
#include <cstddef>

namespace khabar::bench {

// Must run before the first ICU call of the process (ICU refuses afterwards).
void count_icu_allocations();

std::size_t live_bytes();
std::size_t peak_bytes();
void reset_peak();  // the peak restarts from the bytes live now

}  // namespace khabar::bench
