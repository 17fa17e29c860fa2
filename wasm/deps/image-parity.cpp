// The image libraries natively and in wasm, byte for byte (check-image.sh): shapes Arabic,
// Latin and digits with HarfBuzz on FreeType (fonts given as bytes), rasterizes the glyphs
// with FreeType, pastes a decoded JPEG and WebP, and writes a PNG with fixed settings. Built
// against Debian's -dev packages and against build-image-deps.sh's libraries, the two PNGs
// and the glyph dumps on standard output must be identical.
//
//   image-parity ARABIC_FONT LATIN_FONT JPEG WEBP OUT.png
//   image-parity --make-inputs JPEG WEBP     (natively only: encodes the two test pictures)
#include <ft2build.h>

#include <cstdint>
#include <cstdio>
#include <cstring>
#include <fstream>
#include <iterator>
#include <stdexcept>
#include <string>
#include <vector>
#include FT_FREETYPE_H
#include FT_OUTLINE_H
#include <hb-ft.h>
#include <hb.h>
#include <jpeglib.h>
#include <png.h>
#include <webp/decode.h>
#include <zlib.h>
#ifndef __EMSCRIPTEN__
#include <webp/encode.h>
#endif

namespace {

constexpr int width = 640, height = 240;

struct Canvas {
  std::vector<uint8_t> rgb = std::vector<uint8_t>(width * height * 3, 0xff);
  void blend(int x, int y, uint8_t alpha, const uint8_t color[3]) {
    if (x < 0 || y < 0 || x >= width || y >= height || alpha == 0) return;
    uint8_t* p = &rgb[(size_t(y) * width + x) * 3];
    for (int c = 0; c < 3; ++c) p[c] = uint8_t((color[c] * alpha + p[c] * (255 - alpha) + 127) / 255);
  }
};

std::vector<uint8_t> read_file(const char* path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) throw std::runtime_error(std::string("cannot read ") + path);
  return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
}

void write_file(const char* path, const std::vector<uint8_t>& bytes) {
  std::ofstream out(path, std::ios::binary);
  out.write(reinterpret_cast<const char*>(bytes.data()), std::streamsize(bytes.size()));
  if (!out) throw std::runtime_error(std::string("cannot write ") + path);
}

void check(FT_Error e, const char* what) {
  if (e) throw std::runtime_error(std::string(what) + " failed: FreeType error " + std::to_string(e));
}

struct Font {
  std::vector<uint8_t> bytes;  // FreeType reads the face from here for its whole life
  FT_Face face = nullptr;
  hb_font_t* hb = nullptr;
  Font(FT_Library ft, const char* path, int pixels) : bytes(read_file(path)) {
    check(FT_New_Memory_Face(ft, bytes.data(), FT_Long(bytes.size()), 0, &face), "FT_New_Memory_Face");
    check(FT_Set_Pixel_Sizes(face, 0, FT_UInt(pixels)), "FT_Set_Pixel_Sizes");
    hb = hb_ft_font_create(face, nullptr);
    // Unhinted outlines and advances: hinting snaps to the pixel grid at each size, which a
    // picture scaled for a preview does not need, and is the part most tied to versions.
    hb_ft_font_set_load_flags(hb, FT_LOAD_NO_HINTING);
  }
  ~Font() {
    hb_font_destroy(hb);
    FT_Done_Face(face);
  }
};

// Shapes one run (one font, script and direction, as an itemizer would hand it over) and
// draws it from pen_x (26.6) on the baseline; prints every glyph so that a difference can be
// told apart: shaping (ids, advances) or rasterizing (the PNG).
void draw_run(Canvas& canvas, Font& font, const char* utf8, hb_script_t script, hb_direction_t dir,
              const char* lang, long& pen_x, long baseline, const uint8_t color[3]) {
  hb_buffer_t* buf = hb_buffer_create();
  hb_buffer_add_utf8(buf, utf8, -1, 0, -1);
  hb_buffer_set_script(buf, script);
  hb_buffer_set_direction(buf, dir);
  hb_buffer_set_language(buf, hb_language_from_string(lang, -1));
  hb_shape(font.hb, buf, nullptr, 0);
  unsigned n = 0;
  const hb_glyph_info_t* info = hb_buffer_get_glyph_infos(buf, &n);
  const hb_glyph_position_t* pos = hb_buffer_get_glyph_positions(buf, &n);
  std::printf("run %s %s: %u glyphs\n", lang, dir == HB_DIRECTION_RTL ? "rtl" : "ltr", n);
  for (unsigned i = 0; i < n; ++i) {
    std::printf("  g%u cl%u adv%d off%d,%d\n", info[i].codepoint, info[i].cluster, pos[i].x_advance,
                pos[i].x_offset, pos[i].y_offset);
    long x = pen_x + pos[i].x_offset, y = baseline * 64 - pos[i].y_offset;  // 26.6, y down
    long ix = x >> 6, iy = y >> 6;
    check(FT_Load_Glyph(font.face, info[i].codepoint, FT_LOAD_NO_HINTING), "FT_Load_Glyph");
    FT_GlyphSlot slot = font.face->glyph;
    // The fraction of a pixel goes into the outline, so glyphs sit where HarfBuzz put them.
    FT_Outline_Translate(&slot->outline, x - ix * 64, -(y - iy * 64));
    check(FT_Render_Glyph(slot, FT_RENDER_MODE_NORMAL), "FT_Render_Glyph");
    const FT_Bitmap& bm = slot->bitmap;
    for (unsigned r = 0; r < bm.rows; ++r)
      for (unsigned c = 0; c < bm.width; ++c)
        canvas.blend(int(ix + slot->bitmap_left + long(c)), int(iy - slot->bitmap_top + long(r)),
                     bm.buffer[long(r) * bm.pitch + long(c)], color);
    pen_x += pos[i].x_advance;
  }
  hb_buffer_destroy(buf);
}

void paste(Canvas& canvas, const uint8_t* rgb, int w, int h, int left, int top) {
  for (int y = 0; y < h; ++y)
    for (int x = 0; x < w; ++x) canvas.blend(left + x, top + y, 255, &rgb[(size_t(y) * w + x) * 3]);
}

uint64_t fnv1a(const uint8_t* p, size_t n) {
  uint64_t h = 0xcbf29ce484222325u;
  for (size_t i = 0; i < n; ++i) h = (h ^ p[i]) * 0x100000001b3u;
  return h;
}

std::vector<uint8_t> decode_jpeg(const std::vector<uint8_t>& bytes, int& w, int& h) {
  jpeg_decompress_struct cinfo;
  jpeg_error_mgr jerr;
  cinfo.err = jpeg_std_error(&jerr);
  jpeg_create_decompress(&cinfo);
  jpeg_mem_src(&cinfo, bytes.data(), static_cast<unsigned long>(bytes.size()));
  jpeg_read_header(&cinfo, TRUE);
  cinfo.out_color_space = JCS_RGB;
  jpeg_start_decompress(&cinfo);
  w = int(cinfo.output_width), h = int(cinfo.output_height);
  std::vector<uint8_t> rgb(size_t(w) * h * 3);
  while (cinfo.output_scanline < cinfo.output_height) {
    JSAMPROW row = &rgb[size_t(cinfo.output_scanline) * w * 3];
    jpeg_read_scanlines(&cinfo, &row, 1);
  }
  jpeg_finish_decompress(&cinfo);
  jpeg_destroy_decompress(&cinfo);
  return rgb;
}

std::vector<uint8_t> encode_png(const Canvas& canvas) {
  std::vector<uint8_t> out;
  png_structp png = png_create_write_struct(PNG_LIBPNG_VER_STRING, nullptr, nullptr, nullptr);
  png_infop info = png_create_info_struct(png);
  if (setjmp(png_jmpbuf(png))) throw std::runtime_error("libpng failed");
  png_set_write_fn(
      png, &out,
      [](png_structp p, png_bytep data, size_t n) {
        auto* v = static_cast<std::vector<uint8_t>*>(png_get_io_ptr(p));
        v->insert(v->end(), data, data + n);
      },
      nullptr);
  // Fixed settings, nothing left to defaults that a build could change: zlib level 9, all
  // five filters tried per row (libpng's heuristic is deterministic), no time chunk.
  png_set_compression_level(png, 9);
  png_set_filter(png, PNG_FILTER_TYPE_BASE, PNG_ALL_FILTERS);
  png_set_IHDR(png, info, width, height, 8, PNG_COLOR_TYPE_RGB, PNG_INTERLACE_NONE,
               PNG_COMPRESSION_TYPE_DEFAULT, PNG_FILTER_TYPE_DEFAULT);
  png_write_info(png, info);
  for (int y = 0; y < height; ++y) png_write_row(png, &canvas.rgb[size_t(y) * width * 3]);
  png_write_end(png, nullptr);
  png_destroy_write_struct(&png, &info);
  return out;
}

#ifndef __EMSCRIPTEN__
// A 96x72 picture with smooth gradients and sharp edges (what JPEG and WebP treat differently),
// encoded natively; only the decoders are compared.
int make_inputs(const char* jpeg_path, const char* webp_path) {
  const int w = 96, h = 72;
  std::vector<uint8_t> rgb(size_t(w) * h * 3);
  for (int y = 0; y < h; ++y)
    for (int x = 0; x < w; ++x) {
      uint8_t* p = &rgb[(size_t(y) * w + x) * 3];
      p[0] = uint8_t(x * 255 / (w - 1));
      p[1] = uint8_t(y * 255 / (h - 1));
      p[2] = ((x / 12 + y / 12) % 2) ? 200 : 40;
    }
  jpeg_compress_struct cinfo;
  jpeg_error_mgr jerr;
  cinfo.err = jpeg_std_error(&jerr);
  jpeg_create_compress(&cinfo);
  unsigned char* mem = nullptr;
  unsigned long size = 0;
  jpeg_mem_dest(&cinfo, &mem, &size);
  cinfo.image_width = w, cinfo.image_height = h, cinfo.input_components = 3, cinfo.in_color_space = JCS_RGB;
  jpeg_set_defaults(&cinfo);
  jpeg_set_quality(&cinfo, 80, TRUE);  // 4:2:0 chroma: decoding exercises the upsampler
  jpeg_start_compress(&cinfo, TRUE);
  while (cinfo.next_scanline < cinfo.image_height) {
    JSAMPROW row = &rgb[size_t(cinfo.next_scanline) * w * 3];
    jpeg_write_scanlines(&cinfo, &row, 1);
  }
  jpeg_finish_compress(&cinfo);
  write_file(jpeg_path, std::vector<uint8_t>(mem, mem + size));
  jpeg_destroy_compress(&cinfo);
  free(mem);
  uint8_t* webp = nullptr;
  size_t webp_size = WebPEncodeRGB(rgb.data(), w, h, w * 3, 75.0f, &webp);
  if (!webp_size) throw std::runtime_error("WebPEncodeRGB failed");
  write_file(webp_path, std::vector<uint8_t>(webp, webp + webp_size));
  WebPFree(webp);
  return 0;
}
#endif

int run(int argc, char** argv) {
#ifndef __EMSCRIPTEN__
  if (argc == 4 && std::strcmp(argv[1], "--make-inputs") == 0) return make_inputs(argv[2], argv[3]);
#endif
  if (argc != 6) {
    std::fprintf(stderr, "usage: %s ARABIC_FONT LATIN_FONT JPEG WEBP OUT.png\n", argv[0]);
    return 2;
  }
  FT_Library ft;
  check(FT_Init_FreeType(&ft), "FT_Init_FreeType");
  int major, minor, patch;
  FT_Library_Version(ft, &major, &minor, &patch);
  std::printf("FreeType %d.%d.%d, HarfBuzz %s, libpng %s, zlib %s, libjpeg %d, libwebp %06x\n", major, minor,
              patch, hb_version_string(), png_get_libpng_ver(nullptr), zlibVersion(), JPEG_LIB_VERSION,
              WebPGetDecoderVersion());
  Canvas canvas;
  {
    Font arabic(ft, argv[1], 44), latin(ft, argv[2], 40);
    const uint8_t ink[3] = {0x1a, 0x1a, 0x2e}, accent[3] = {0xc0, 0x39, 0x2b};
    // One line of an RTL paragraph, "أخبار اليوم: Khabar 2026، ٥ ديسمبر", runs in visual order
    // from the left: the date (Arabic-Indic digits, Arabic font), the LTR run (Latin font),
    // then the paragraph's first words at the right.
    long pen = 16 * 64;
    draw_run(canvas, arabic, "، ٥ ديسمبر", HB_SCRIPT_ARABIC, HB_DIRECTION_RTL, "ar", pen, 70, ink);
    draw_run(canvas, latin, " Khabar 2026 ", HB_SCRIPT_LATIN, HB_DIRECTION_LTR, "en", pen, 70, accent);
    draw_run(canvas, arabic, "أخبار اليوم:", HB_SCRIPT_ARABIC, HB_DIRECTION_RTL, "ar", pen, 70, ink);
    // A fractional start: glyphs rendered off the pixel grid.
    pen = 16 * 64 + 21;
    draw_run(canvas, latin, "Ñandú café, naïve — fi ffl", HB_SCRIPT_LATIN, HB_DIRECTION_LTR, "fr", pen, 130,
             ink);
  }
  FT_Done_FreeType(ft);

  int w = 0, h = 0;
  std::vector<uint8_t> jpeg = decode_jpeg(read_file(argv[3]), w, h);
  std::printf("jpeg %dx%d pixels %016llx\n", w, h,
              static_cast<unsigned long long>(fnv1a(jpeg.data(), jpeg.size())));
  paste(canvas, jpeg.data(), w, h, 16, 150);
  std::vector<uint8_t> webp_bytes = read_file(argv[4]);
  uint8_t* webp = WebPDecodeRGB(webp_bytes.data(), webp_bytes.size(), &w, &h);
  if (!webp) throw std::runtime_error("WebPDecodeRGB failed");
  std::printf("webp %dx%d pixels %016llx\n", w, h,
              static_cast<unsigned long long>(fnv1a(webp, size_t(w) * h * 3)));
  paste(canvas, webp, w, h, 128, 150);
  WebPFree(webp);

  std::printf("canvas %dx%d pixels %016llx\n", width, height,
              static_cast<unsigned long long>(fnv1a(canvas.rgb.data(), canvas.rgb.size())));
  std::vector<uint8_t> png = encode_png(canvas);
  write_file(argv[5], png);
  std::printf("png %zu bytes\n", png.size());
  return 0;
}

}  // namespace

int main(int argc, char** argv) {
  try {
    return run(argc, argv);
  } catch (const std::exception& e) {
    std::fprintf(stderr, "image-parity: %s\n", e.what());
    return 1;
  }
}
