// khabar_subset_font IN OUT SCRIPT...: a font cut to the characters of the scripts the language
// registry (core/languages.json) writes in, plus the digits, punctuation and symbols every card
// has; hinting dropped (the picture renderer draws unhinted outlines), every layout feature kept
// (Nastaliq and Naskh need more than HarfBuzz's default set). The build runs it on each Noto
// file, and the native and wasm builds read the same subset files, so their pictures match.
#include <hb-subset.h>

#include <cstdio>
#include <cstring>
#include <fstream>
#include <iterator>
#include <string>
#include <vector>

namespace {

struct Range {
  hb_codepoint_t first, last;
};

// The characters of each script (Unicode blocks), and those every script shares.
const std::vector<Range> common = {{0x0020, 0x007E}, {0x00A0, 0x00FF}, {0x2000, 0x206F}, {0x20A0, 0x20CF},
                                   {0x2100, 0x215F}, {0x2190, 0x21FF}, {0x2212, 0x2212}, {0x25A0, 0x25FF},
                                   {0xFEFF, 0xFEFF}, {0xFFFD, 0xFFFD}};
const std::vector<Range> latin = {{0x0100, 0x024F}, {0x0250, 0x02FF}, {0x0300, 0x036F}, {0x1E00, 0x1EFF},
                                  {0x2C60, 0x2C7F}, {0xA720, 0xA7FF}, {0xFB00, 0xFB06}};
// Greek and Cyrillic too: Noto Sans is the face for them, and names in them reach any card.
const std::vector<Range> greek_cyrillic = {{0x0370, 0x03FF}, {0x0400, 0x052F}, {0x1F00, 0x1FFF}};
const std::vector<Range> arabic = {{0x0600, 0x06FF}, {0x0750, 0x077F}, {0x08A0, 0x08FF},
                                   {0xFB50, 0xFDFF}, {0xFE70, 0xFEFF}, {0x25CC, 0x25CC}};
const std::vector<Range> hebrew = {{0x0590, 0x05FF}, {0xFB1D, 0xFB4F}, {0x25CC, 0x25CC}};

}  // namespace

int main(int argc, char** argv) {
  if (argc < 4) {
    std::fprintf(stderr, "usage: khabar_subset_font IN OUT latin|arabic|hebrew...\n");
    return 2;
  }
  std::ifstream in(argv[1], std::ios::binary);
  std::string bytes((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  if (bytes.empty()) {
    std::fprintf(stderr, "khabar_subset_font: cannot read %s\n", argv[1]);
    return 1;
  }
  hb_blob_t* blob = hb_blob_create(bytes.data(), static_cast<unsigned>(bytes.size()), HB_MEMORY_MODE_READONLY,
                                   nullptr, nullptr);
  hb_face_t* face = hb_face_create(blob, 0);
  hb_subset_input_t* input = hb_subset_input_create_or_fail();
  hb_set_t* unicodes = hb_subset_input_unicode_set(input);
  auto add = [&](const std::vector<Range>& ranges) {
    for (const Range& r : ranges) hb_set_add_range(unicodes, r.first, r.last);
  };
  add(common);
  for (int i = 3; i < argc; ++i) {
    if (std::strcmp(argv[i], "latin") == 0) {
      add(latin);
      add(greek_cyrillic);
    } else if (std::strcmp(argv[i], "arabic") == 0) {
      add(arabic);
    } else if (std::strcmp(argv[i], "hebrew") == 0) {
      add(hebrew);
    } else {
      std::fprintf(stderr, "khabar_subset_font: unknown script %s\n", argv[i]);
      return 2;
    }
  }
  hb_set_t* features = hb_subset_input_set(input, HB_SUBSET_SETS_LAYOUT_FEATURE_TAG);
  hb_set_clear(features);
  hb_set_invert(features);  // every feature
  hb_subset_input_set_flags(input, HB_SUBSET_FLAGS_NO_HINTING);
  hb_face_t* subset = hb_subset_or_fail(face, input);
  if (!subset) {
    std::fprintf(stderr, "khabar_subset_font: HarfBuzz could not subset %s\n", argv[1]);
    return 1;
  }
  hb_blob_t* out = hb_face_reference_blob(subset);
  unsigned length = 0;
  const char* data = hb_blob_get_data(out, &length);
  std::ofstream(argv[2], std::ios::binary).write(data, length);
  hb_blob_destroy(out);
  hb_face_destroy(subset);
  hb_subset_input_destroy(input);
  hb_face_destroy(face);
  hb_blob_destroy(blob);
  return 0;
}
