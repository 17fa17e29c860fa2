#pragma once
// log and exp that give the same bits on every platform. The libms differ in the last bit
// (glibc natively, musl in wasm: 8 of EASC's 130 cards had a summary score one ulp apart), and
// the card shows its scores, so the cards were not the same bytes. These use only IEEE-754
// operations that are exact or correctly rounded everywhere (+ - * /, frexp, ldexp, floor),
// in a fixed order, and the core is compiled with -ffp-contract=off (core/CMakeLists.txt) so no
// compiler fuses them. Accurate to about one ulp: enough for scores.
namespace khabar::detail {

// The natural logarithm of a positive finite x (x <= 0: -inf or NaN, as std::log).
double portable_log(double x);

// e^x; underflows to 0 below -745 and overflows to +inf above 709.
double portable_exp(double x);

}  // namespace khabar::detail
