// Errors from libjpeg and libpng: their error callbacks throw CodecError, caught here, instead of
// the setjmp/longjmp those libraries default to. The wasm build uses native wasm exceptions
// (-fwasm-exceptions), which Emscripten 3.1.6 cannot mix with longjmp; so libpng and libjpeg
// can be built for wasm without setjmp. Natively the throw crosses their C frames, which
// Debian builds with unwind tables (-fasynchronous-unwind-tables on every architecture it has).
#include "image/picture.hpp"

#include <jpeglib.h>
#include <png.h>
#include <webp/decode.h>

#include <cstdio>
#include <cstring>

namespace khabar::detail {
namespace {

// Larger pictures are refused (a decompression bomb must not take the server's memory).
constexpr long long max_pixels = 40LL * 1000 * 1000;
constexpr int max_side = 16384;

// RGBA composed on the background into `out` (sized already), with integer rounding.
void compose(const std::uint8_t* rgba, Bitmap& out, Colour background) {
  const std::uint8_t bg[3] = {background.r, background.g, background.b};
  for (std::size_t i = 0, n = static_cast<std::size_t>(out.width) * out.height; i < n; ++i) {
    unsigned a = rgba[i * 4 + 3];
    for (int c = 0; c < 3; ++c)
      out.rgb[i * 3 + c] = static_cast<std::uint8_t>((rgba[i * 4 + c] * a + bg[c] * (255 - a) + 127) / 255);
  }
}

struct CodecError {
  const char* what;
};

[[noreturn]] void jpeg_fail(j_common_ptr) { throw CodecError{"the JPEG data are damaged"}; }
void jpeg_quiet(j_common_ptr, int) {}
void jpeg_no_output(j_common_ptr) {}

struct JpegReader {
  jpeg_decompress_struct cinfo{};
  jpeg_error_mgr err{};
  JpegReader() {
    cinfo.err = jpeg_std_error(&err);
    err.error_exit = jpeg_fail;
    err.emit_message = jpeg_quiet;
    err.output_message = jpeg_no_output;
    jpeg_create_decompress(&cinfo);
  }
  ~JpegReader() { jpeg_destroy_decompress(&cinfo); }
};

bool decode_jpeg(std::string_view bytes, int cover_w, int cover_h, Bitmap& out, std::string& why) {
  try {
    JpegReader r;
    jpeg_decompress_struct& cinfo = r.cinfo;
    jpeg_mem_src(&cinfo, reinterpret_cast<const unsigned char*>(bytes.data()),
                 static_cast<unsigned long>(bytes.size()));
    jpeg_read_header(&cinfo, TRUE);
    if (static_cast<long long>(cinfo.image_width) * cinfo.image_height > max_pixels ||
        cinfo.image_width > max_side || cinfo.image_height > max_side)
      throw CodecError{"the JPEG picture is too large"};
    cinfo.out_color_space = JCS_RGB;
    // The exact integer IDCT: the same pixels with or without SIMD.
    cinfo.dct_method = JDCT_ISLOW;
    cinfo.scale_num = 1;
    cinfo.scale_denom = 1;
    for (unsigned d : {8u, 4u, 2u})
      if (cinfo.image_width / d >= static_cast<unsigned>(cover_w) &&
          cinfo.image_height / d >= static_cast<unsigned>(cover_h)) {
        cinfo.scale_denom = d;
        break;
      }
    jpeg_start_decompress(&cinfo);
    out.width = static_cast<int>(cinfo.output_width);
    out.height = static_cast<int>(cinfo.output_height);
    out.rgb.resize(static_cast<std::size_t>(out.width) * out.height * 3);
    while (cinfo.output_scanline < cinfo.output_height) {
      JSAMPROW row = out.rgb.data() + static_cast<std::size_t>(cinfo.output_scanline) * out.width * 3;
      jpeg_read_scanlines(&cinfo, &row, 1);
    }
    jpeg_finish_decompress(&cinfo);
    return true;
  } catch (const CodecError& e) {
    why = e.what;
    return false;
  }
}

[[noreturn]] void png_fail(png_structp, png_const_charp) { throw CodecError{"the PNG data are damaged"}; }
void png_quiet(png_structp, png_const_charp) {}

struct PngSource {
  std::string_view bytes;
  std::size_t at = 0;
};

void png_read_memory(png_structp png, png_bytep data, png_size_t length) {
  auto* src = static_cast<PngSource*>(png_get_io_ptr(png));
  if (length > src->bytes.size() - src->at) throw CodecError{"the PNG data are cut short"};
  std::memcpy(data, src->bytes.data() + src->at, length);
  src->at += length;
}

struct PngReader {
  png_structp png = nullptr;
  png_infop info = nullptr;
  PngReader() {
    png = png_create_read_struct(PNG_LIBPNG_VER_STRING, nullptr, png_fail, png_quiet);
    if (png) info = png_create_info_struct(png);
    if (!info) throw CodecError{"out of memory for the PNG"};
  }
  ~PngReader() { png_destroy_read_struct(&png, &info, nullptr); }
};

bool decode_png(std::string_view bytes, Colour background, Bitmap& out, std::string& why) {
  try {
    PngReader r;
    PngSource source{bytes};
    png_set_read_fn(r.png, &source, png_read_memory);
    png_read_info(r.png, r.info);
    const png_uint_32 w = png_get_image_width(r.png, r.info), h = png_get_image_height(r.png, r.info);
    if (static_cast<long long>(w) * h > max_pixels || w > max_side || h > max_side)
      throw CodecError{"the PNG picture is too large"};
    // Every kind of PNG to 8-bit RGBA: palettes and small grey expanded, 16 bits cut, an
    // opaque alpha added where there is none; interlaced pictures read in all their passes.
    png_set_expand(r.png);
    png_set_strip_16(r.png);
    png_set_gray_to_rgb(r.png);
    png_set_filler(r.png, 0xFF, PNG_FILLER_AFTER);
    png_set_interlace_handling(r.png);
    png_read_update_info(r.png, r.info);
    if (png_get_rowbytes(r.png, r.info) != static_cast<png_size_t>(w) * 4)
      throw CodecError{"the PNG format is not read"};
    std::vector<std::uint8_t> rgba(static_cast<std::size_t>(w) * h * 4);
    std::vector<png_bytep> rows(h);
    for (png_uint_32 y = 0; y < h; ++y) rows[y] = rgba.data() + static_cast<std::size_t>(y) * w * 4;
    png_read_image(r.png, rows.data());
    out.width = static_cast<int>(w);
    out.height = static_cast<int>(h);
    out.rgb.resize(static_cast<std::size_t>(w) * h * 3);
    compose(rgba.data(), out, background);
    return true;
  } catch (const CodecError& e) {
    why = e.what;
    return false;
  }
}

bool decode_webp(std::string_view bytes, Colour background, Bitmap& out, std::string& why) {
  int w = 0, h = 0;
  const auto* data = reinterpret_cast<const std::uint8_t*>(bytes.data());
  if (!WebPGetInfo(data, bytes.size(), &w, &h)) {
    why = "the WebP data are damaged";
    return false;
  }
  if (static_cast<long long>(w) * h > max_pixels || w > max_side || h > max_side) {
    why = "the WebP picture is too large";
    return false;
  }
  std::uint8_t* rgba = WebPDecodeRGBA(data, bytes.size(), &w, &h);
  if (!rgba) {
    why = "the WebP data are damaged";
    return false;
  }
  out.width = w;
  out.height = h;
  out.rgb.resize(static_cast<std::size_t>(w) * h * 3);
  compose(rgba, out, background);
  WebPFree(rgba);
  return true;
}

}  // namespace

std::string picture_type(std::string_view b) {
  if (b.size() >= 3 && static_cast<unsigned char>(b[0]) == 0xFF && static_cast<unsigned char>(b[1]) == 0xD8 &&
      static_cast<unsigned char>(b[2]) == 0xFF)
    return "image/jpeg";
  if (b.size() >= 8 && b.substr(0, 8) == std::string_view("\x89PNG\r\n\x1a\n", 8)) return "image/png";
  if (b.size() >= 12 && b.substr(0, 4) == "RIFF" && b.substr(8, 4) == "WEBP") return "image/webp";
  return "";
}

std::optional<Bitmap> decode_picture(std::string_view bytes, int cover_w, int cover_h, Colour background,
                                     std::string& why) {
  Bitmap out;
  std::string type = picture_type(bytes);
  bool ok = false;
  if (type == "image/jpeg")
    ok = decode_jpeg(bytes, cover_w, cover_h, out, why);
  else if (type == "image/png")
    ok = decode_png(bytes, background, out, why);
  else if (type == "image/webp")
    ok = decode_webp(bytes, background, out, why);
  else
    why = "the picture is not JPEG, PNG or WebP";
  if (ok && (out.width <= 0 || out.height <= 0)) {
    why = "the picture is empty";
    ok = false;
  }
  if (!ok) return std::nullopt;
  return out;
}

Bitmap scale_to_cover(const Bitmap& src, int w, int h) {
  // The crop: the source's middle with the box's aspect ratio.
  long long cw = src.width, ch = src.height;
  if (cw * h > ch * w)
    cw = std::max(1LL, ch * w / h);
  else
    ch = std::max(1LL, cw * h / w);
  const long long x0 = (src.width - cw) / 2, y0 = (src.height - ch) / 2;
  // One axis then the other. Shrinking: a box filter, each output pixel the mean of the source
  // pixels its footprint starts in. Enlarging: bilinear, between the two source pixels around
  // the output pixel's centre, in 1/256ths. Integers only, so every build gives the same pixels.
  struct Tap {
    int a, b;  // box: the source pixels [a, b); bilinear: a and b
    int frac;  // -1: box; else b's weight in 256ths
  };
  auto taps = [](long long crop, long long origin, int n) {
    std::vector<Tap> t(static_cast<std::size_t>(n));
    for (int i = 0; i < n; ++i) {
      if (crop >= n) {
        long long a = origin + crop * i / n, b = origin + crop * (i + 1) / n;
        t[static_cast<std::size_t>(i)] = {static_cast<int>(a), static_cast<int>(std::max(b, a + 1)), -1};
      } else {
        long long pos = std::max(0LL, (2LL * i + 1) * crop * 256 / (2LL * n) - 128);
        long long k = pos >> 8, f = pos & 255;
        if (k >= crop - 1) k = crop - 1, f = 0;
        t[static_cast<std::size_t>(i)] = {static_cast<int>(origin + k),
                                          static_cast<int>(origin + std::min(k + 1, crop - 1)),
                                          static_cast<int>(f)};
      }
    }
    return t;
  };
  auto apply = [](const Tap& t, auto&& at) -> std::uint8_t {  // at(k): the source value at k
    if (t.frac >= 0)
      return static_cast<std::uint8_t>((at(t.a) * (256 - t.frac) + at(t.b) * t.frac + 128) >> 8);
    unsigned sum = 0;
    for (int k = t.a; k < t.b; ++k) sum += at(k);
    unsigned n = static_cast<unsigned>(t.b - t.a);
    return static_cast<std::uint8_t>((sum + n / 2) / n);
  };
  const auto xs = taps(cw, x0, w), ys = taps(ch, y0, h);
  std::vector<std::uint8_t> rows(static_cast<std::size_t>(ch) * w * 3);
  for (long long y = 0; y < ch; ++y) {
    const std::uint8_t* in = src.rgb.data() + static_cast<std::size_t>(y0 + y) * src.width * 3;
    std::uint8_t* o = rows.data() + static_cast<std::size_t>(y) * w * 3;
    for (int x = 0; x < w; ++x)
      for (int c = 0; c < 3; ++c)
        o[x * 3 + c] =
            apply(xs[static_cast<std::size_t>(x)], [&](int k) -> unsigned { return in[k * 3 + c]; });
  }
  Bitmap out{w, h, std::vector<std::uint8_t>(static_cast<std::size_t>(w) * h * 3)};
  const std::size_t stride = static_cast<std::size_t>(w) * 3;
  for (int y = 0; y < h; ++y) {
    const Tap& t = ys[static_cast<std::size_t>(y)];
    std::uint8_t* o = out.rgb.data() + static_cast<std::size_t>(y) * stride;
    for (std::size_t i = 0; i < stride; ++i)
      o[i] = apply(t, [&](int k) -> unsigned { return rows[static_cast<std::size_t>(k - y0) * stride + i]; });
  }
  return out;
}

namespace {

void png_append(png_structp png, png_bytep data, png_size_t length) {
  static_cast<std::string*>(png_get_io_ptr(png))->append(reinterpret_cast<const char*>(data), length);
}
void png_flush_none(png_structp) {}

}  // namespace

std::string encode_png(const Bitmap& image) {
  struct PngWriter {
    png_structp png = nullptr;
    png_infop info = nullptr;
    ~PngWriter() { png_destroy_write_struct(&png, &info); }
  } w;
  w.png = png_create_write_struct(PNG_LIBPNG_VER_STRING, nullptr, png_fail, png_quiet);
  if (w.png) w.info = png_create_info_struct(w.png);
  if (!w.info) throw std::bad_alloc();
  std::string out;
  out.reserve(static_cast<std::size_t>(image.width) * image.height / 4);
  std::vector<png_bytep> rows(static_cast<std::size_t>(image.height));
  for (int y = 0; y < image.height; ++y)
    rows[static_cast<std::size_t>(y)] =
        const_cast<png_bytep>(image.rgb.data() + static_cast<std::size_t>(y) * image.width * 3);
  try {
    png_set_write_fn(w.png, &out, png_append, png_flush_none);
    // Level 3 and no row filter: measured on the seed's card (make bench-image), level 6 with
    // libpng's adaptive filters took 30 ms of CPU and gave 86 KB; level 3 unfiltered takes 8-10 ms
    // for 73 KB (a card is mostly flat colour, which filters do not help). Every setting that
    // shapes the bytes is fixed: the same picture gives the same file.
    png_set_compression_level(w.png, 3);
    png_set_compression_mem_level(w.png, 8);
    png_set_compression_window_bits(w.png, 15);
    png_set_compression_strategy(w.png, 0);  // Z_DEFAULT_STRATEGY
    png_set_filter(w.png, PNG_FILTER_TYPE_BASE, PNG_FILTER_NONE);
    png_set_IHDR(w.png, w.info, static_cast<png_uint_32>(image.width), static_cast<png_uint_32>(image.height),
                 8, PNG_COLOR_TYPE_RGB, PNG_INTERLACE_NONE, PNG_COMPRESSION_TYPE_BASE, PNG_FILTER_TYPE_BASE);
    png_set_sRGB(w.png, w.info, PNG_sRGB_INTENT_PERCEPTUAL);
    png_write_info(w.png, w.info);
    png_write_image(w.png, rows.data());
    png_write_end(w.png, nullptr);
  } catch (const CodecError&) {
    throw std::runtime_error("PNG encoding failed");
  }
  return out;
}

}  // namespace khabar::detail
