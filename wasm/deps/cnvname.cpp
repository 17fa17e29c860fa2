// Prints, for each converter name or label given, the ICU converter ucnv_open() resolves it to
// (the .cnv item the data must hold), with the tools' ICU: used by build-icu-charsets.sh.
#include <unicode/ucnv.h>

#include <cstdio>

int main(int argc, char** argv) {
  for (int i = 1; i < argc; ++i) {
    UErrorCode status = U_ZERO_ERROR;
    UConverter* cnv = ucnv_open(argv[i], &status);
    if (U_FAILURE(status)) {
      std::fprintf(stderr, "cnvname: ICU has no converter for %s: %s\n", argv[i], u_errorName(status));
      return 1;
    }
    std::printf("%s %s\n", argv[i], ucnv_getName(cnv, &status));
    ucnv_close(cnv);
  }
  return 0;
}
