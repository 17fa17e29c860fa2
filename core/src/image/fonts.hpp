#pragma once
// The faces a picture is drawn with: each font's bytes read once by FreeType (outlines) and
// HarfBuzz (shaping), and the choice of a face for a character by script and language.
#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "khabar/image.hpp"

// Declared as HarfBuzz and FreeType do, so that this header needs neither library's headers.
typedef struct hb_face_t hb_face_t;
typedef struct hb_font_t hb_font_t;
typedef struct FT_LibraryRec_* FT_Library;
typedef struct FT_FaceRec_* FT_Face;

namespace khabar::detail {

// The scripts the faces are chosen by.
enum class FontScript { latin, arabic, urdu, hebrew };

struct Face {
  std::string bytes;  // FreeType and HarfBuzz read these in place
  FT_Face ft = nullptr;
  hb_face_t* hb_face = nullptr;
  hb_font_t* hb_font = nullptr;
  int id = 0;  // index in Fonts::faces
  bool has(char32_t c) const;
};

class Fonts {
 public:
  explicit Fonts(FontSet set);  // throws font.invalid
  ~Fonts();
  Fonts(const Fonts&) = delete;
  Fonts& operator=(const Fonts&) = delete;

  // The faces to try for a character of `script`, best first: the custom face, the script's
  // own, then every other (the fallback chain). Never empty.
  const std::vector<const Face*>& chain(FontScript script, bool bold) const;
  const Face& face(int id) const { return *faces_[static_cast<std::size_t>(id)]; }
  FT_Library library() const { return library_; }

 private:
  void open_all(FontSet& set);
  void release();
  FT_Library library_ = nullptr;
  std::vector<std::unique_ptr<Face>> faces_;
  std::vector<const Face*> chains_[4][2];
};

}  // namespace khabar::detail
