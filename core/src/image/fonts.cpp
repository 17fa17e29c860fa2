#include "image/fonts.hpp"

#include <ft2build.h>
#include <hb.h>
#include FT_FREETYPE_H

#include "khabar/error.hpp"

namespace khabar::detail {

bool Face::has(char32_t c) const {
  hb_codepoint_t g = 0;
  return hb_font_get_nominal_glyph(hb_font, c, &g) && g != 0;
}

namespace {

// Reads one face; nullptr for absent bytes. Throws font.invalid for bytes no face reads.
std::unique_ptr<Face> open_face(FT_Library lib, std::string bytes, const char* what, int id) {
  if (bytes.empty()) return nullptr;
  auto f = std::make_unique<Face>();
  f->bytes = std::move(bytes);
  f->id = id;
  if (FT_New_Memory_Face(lib, reinterpret_cast<const FT_Byte*>(f->bytes.data()),
                         static_cast<FT_Long>(f->bytes.size()), 0, &f->ft) != 0)
    f->ft = nullptr;
  if (!f->ft || !(f->ft->face_flags & FT_FACE_FLAG_SCALABLE)) {
    if (f->ft) FT_Done_Face(f->ft);
    throw Error(codes::font_invalid, std::string("the ") + what + " font is not a TrueType/OpenType font");
  }
  hb_blob_t* blob = hb_blob_create(f->bytes.data(), static_cast<unsigned>(f->bytes.size()),
                                   HB_MEMORY_MODE_READONLY, nullptr, nullptr);
  f->hb_face = hb_face_create(blob, 0);
  hb_blob_destroy(blob);
  // HarfBuzz's own OpenType functions (not hb-ft): advances from the font's tables, the same
  // in every build.
  f->hb_font = hb_font_create(f->hb_face);
  return f;
}

}  // namespace

Fonts::Fonts(FontSet set) {
  if (FT_Init_FreeType(&library_) != 0) throw Error(codes::internal, "FreeType did not start");
  try {
    open_all(set);
  } catch (...) {
    release();  // the destructor does not run for a constructor that throws
    throw;
  }
}

void Fonts::open_all(FontSet& set) {
  struct Slot {
    std::string* bytes;
    const char* name;
    FontScript script;
    bool bold;
  };
  // The face of each (script, weight); -1: none.
  int own[4][2] = {{-1, -1}, {-1, -1}, {-1, -1}, {-1, -1}};
  int custom[2] = {-1, -1};
  auto add = [&](std::string& bytes, const char* name) -> int {
    auto f = open_face(library_, std::move(bytes), name, static_cast<int>(faces_.size()));
    if (!f) return -1;
    faces_.push_back(std::move(f));
    return faces_.back()->id;
  };
  FontFace* by_script[4] = {&set.latin, &set.arabic, &set.urdu, &set.hebrew};
  const char* names[4] = {"Latin", "Arabic", "Urdu", "Hebrew"};
  for (int s = 0; s < 4; ++s) {
    own[s][0] = add(by_script[s]->regular, names[s]);
    own[s][1] = add(by_script[s]->bold, names[s]);
  }
  custom[0] = add(set.custom.regular, "custom");
  custom[1] = add(set.custom.bold, "custom");
  if (faces_.empty()) throw Error(codes::font_missing, "no font given to draw the picture with");
  for (int s = 0; s < 4; ++s)
    for (int b = 0; b < 2; ++b) {
      auto& chain = chains_[s][b];
      auto push = [&](int id) {
        if (id < 0) return;
        const Face* f = faces_[static_cast<std::size_t>(id)].get();
        for (const Face* g : chain)
          if (g == f) return;
        chain.push_back(f);
      };
      // The weight asked for first, then the other weight of the same family.
      push(custom[b]);
      push(custom[1 - b]);
      push(own[s][b]);
      push(own[s][1 - b]);
      // Urdu text without the Nastaliq face is written in Naskh.
      if (s == static_cast<int>(FontScript::urdu)) {
        push(own[1][b]);
        push(own[1][1 - b]);
      }
      for (int t = 0; t < 4; ++t) {
        push(own[t][b]);
        push(own[t][1 - b]);
      }
    }
}

Fonts::~Fonts() { release(); }

void Fonts::release() {
  for (auto& f : faces_) {
    if (f->hb_font) hb_font_destroy(f->hb_font);
    if (f->hb_face) hb_face_destroy(f->hb_face);
    if (f->ft) FT_Done_Face(f->ft);
  }
  faces_.clear();
  if (library_) FT_Done_FreeType(library_);
  library_ = nullptr;
}

const std::vector<const Face*>& Fonts::chain(FontScript script, bool bold) const {
  return chains_[static_cast<int>(script)][bold ? 1 : 0];
}

}  // namespace khabar::detail
