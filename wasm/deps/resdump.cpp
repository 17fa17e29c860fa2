// resdump DIR NAME: prints one compiled resource bundle (DIR/NAME.res, which may point into
// DIR/pool.res) as genrb source text, so that it can be recompiled without the pool.
// Unlike derb, it keeps aliases as aliases: derb follows them, which inlines (or, when the
// target is absent, silently drops) every `:alias` of root.res and changes inheritance.
// Built natively against the ICU build's internal headers (resource.h, uresimp.h).
#include <cstdio>
#include <string>

#include "resource.h"
#include "unicode/ures.h"
#include "unicode/ustring.h"
#include "uresimp.h"

namespace {

std::string quoted(const char16_t* s, int32_t n) {
  std::string out = "\"";
  for (int32_t i = 0; i < n;) {
    UChar32 c;
    U16_NEXT(s, i, n, c);
    if (c == '"' || c == '\\') {
      out += '\\';
      out += static_cast<char>(c);
    } else if (c < 0x20 || c == 0x7f || U_IS_SURROGATE(c) || (c >= 0x80 && c < 0xa0)) {
      char buf[16];
      std::snprintf(buf, sizeof buf, "\\u%04X", static_cast<unsigned>(c));
      out += buf;
    } else {
      char buf[4];
      int32_t len = 0;
      U8_APPEND_UNSAFE(buf, len, c);
      out.append(buf, len);
    }
  }
  return out + "\"";
}

std::string quoted_key(const char* key) {
  std::string out = "\"";
  for (; *key; ++key) {
    if (*key == '"' || *key == '\\') out += '\\';
    out += *key;
  }
  return out + "\"";
}

void fail(UErrorCode status, const char* what) {
  if (U_FAILURE(status)) {
    std::fprintf(stderr, "resdump: %s: %s\n", what, u_errorName(status));
    std::exit(1);
  }
}

// Prints `value` after `head` (a quoted key, or "" for an array item).
void print(const std::string& head, icu::ResourceValue& value, int depth) {
  UErrorCode status = U_ZERO_ERROR;
  std::string indent(static_cast<size_t>(depth) * 2, ' ');
  int32_t n = 0;
  switch (value.getType()) {
    case URES_STRING: {
      const char16_t* s = value.getString(n, status);
      fail(status, "string");
      std::printf("%s%s:string{%s}\n", indent.c_str(), head.c_str(), quoted(s, n).c_str());
      break;
    }
    case URES_ALIAS: {
      const char16_t* s = value.getAliasString(n, status);
      fail(status, "alias");
      std::printf("%s%s:alias{%s}\n", indent.c_str(), head.c_str(), quoted(s, n).c_str());
      break;
    }
    case URES_INT: std::printf("%s%s:int{%d}\n", indent.c_str(), head.c_str(), value.getInt(status)); break;
    case URES_INT_VECTOR: {
      const int32_t* v = value.getIntVector(n, status);
      fail(status, "intvector");
      std::printf("%s%s:intvector{", indent.c_str(), head.c_str());
      for (int32_t i = 0; i < n; ++i) std::printf("%s%d", i ? "," : "", v[i]);
      std::printf("}\n");
      break;
    }
    case URES_BINARY: {
      const uint8_t* b = value.getBinary(n, status);
      fail(status, "binary");
      std::printf("%s%s:bin{", indent.c_str(), head.c_str());
      for (int32_t i = 0; i < n; ++i) std::printf("%02x", b[i]);
      std::printf("}\n");
      break;
    }
    case URES_TABLE: {
      icu::ResourceTable table = value.getTable(status);
      fail(status, "table");
      std::printf("%s%s:table{\n", indent.c_str(), head.c_str());
      const char* key;
      for (int32_t i = 0; table.getKeyAndValue(i, key, value); ++i) print(quoted_key(key), value, depth + 1);
      std::printf("%s}\n", indent.c_str());
      break;
    }
    case URES_ARRAY: {
      icu::ResourceArray array = value.getArray(status);
      fail(status, "array");
      std::printf("%s%s:array{\n", indent.c_str(), head.c_str());
      for (int32_t i = 0; array.getValue(i, value); ++i) print("", value, depth + 1);
      std::printf("%s}\n", indent.c_str());
      break;
    }
    default: std::fprintf(stderr, "resdump: resource type %d not handled\n", value.getType()); std::exit(1);
  }
}

// Takes the bundle's own top-level table (the first put: the bundle itself, before parents).
struct Dump : icu::ResourceSink {
  const char* name;
  bool done = false;
  void put(const char*, icu::ResourceValue& value, UBool, UErrorCode&) override {
    if (done) return;
    done = true;
    print(name, value, 0);
  }
};

}  // namespace

int main(int argc, char** argv) {
  if (argc != 3) {
    std::fprintf(stderr, "usage: resdump DIR NAME\n");
    return 2;
  }
  UErrorCode status = U_ZERO_ERROR;
  UResourceBundle* bundle = ures_openDirect(argv[1], argv[2], &status);
  fail(status, argv[2]);
  Dump dump;
  dump.name = argv[2];
  ures_getAllItemsWithFallback(bundle, "", dump, status);
  fail(status, "enumerate");
  ures_close(bundle);
  return 0;
}
