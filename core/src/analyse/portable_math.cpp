#include "analyse/portable_math.hpp"

#include <cmath>
#include <limits>

namespace khabar::detail {

namespace {

// ln 2 in two parts (fdlibm's split): k * ln2_hi is exact for |k| < 2^20.
constexpr double ln2_hi = 6.93147180369123816490e-01;
constexpr double ln2_lo = 1.90821492927058770002e-10;

}  // namespace

double portable_log(double x) {
  if (std::isnan(x) || x < 0) return std::numeric_limits<double>::quiet_NaN();
  if (x == 0) return -std::numeric_limits<double>::infinity();
  if (std::isinf(x)) return x;
  int k = 0;
  double m = std::frexp(x, &k);  // x = m * 2^k, m in [0.5, 1): exact
  if (m < 0.70710678118654752440) {
    m *= 2;  // exact
    --k;
  }
  // log(m) = 2 atanh(s), s = (m - 1) / (m + 1), |s| <= 0.1716: the series in s^2 to the
  // power 12 leaves less than 1e-18 out.
  double s = (m - 1) / (m + 1);  // m - 1 is exact (Sterbenz)
  double z = s * s;
  double q = 1.0 / 25;  // sum over j >= 1 of z^(j-1) / (2j + 1), so that log(m) = 2s + 2s z q
  for (int j = 11; j >= 1; --j) q = q * z + 1.0 / (2 * j + 1);
  double log_m = 2 * s + 2 * s * (z * q);
  double kd = static_cast<double>(k);
  return kd * ln2_hi + (log_m + kd * ln2_lo);
}

double portable_exp(double x) {
  if (std::isnan(x)) return x;
  if (x > 709.78) return std::numeric_limits<double>::infinity();
  if (x < -745.2) return 0;
  // x = k ln2 + r, |r| <= ln2 / 2 (+ a rounding): e^x = 2^k e^r.
  double k = std::floor(x / (ln2_hi + ln2_lo) + 0.5);
  double r = (x - k * ln2_hi) - k * ln2_lo;
  // e^r = 1 + r (1 + r/2 (1 + r/3 (...))): 18 terms leave less than 1e-19 out for |r| < 0.35.
  double e = 1;
  for (int n = 18; n >= 1; --n) e = 1 + r * e / n;
  return std::ldexp(e, static_cast<int>(k));
}

}  // namespace khabar::detail
