// setjmp/longjmp: libjpeg and libpng report errors by jumping back to the caller. The functions
// that catch the jump call the libraries and nothing else (no allocation, no throw, no object
// with a destructor), and are never inlined: with wasm exceptions, Emscripten's setjmp cannot
// share a function with code that may throw ("setjmp function call and exception cannot be
// used within the same function", at the wasm link).
#include "image/picture.hpp"

#include <jpeglib.h>
#include <png.h>
#include <webp/decode.h>

#include <csetjmp>
#include <cstdio>
#include <cstring>

namespace khabar::detail {
namespace {

// Larger pictures are refused (a decompression bomb must not take the server's memory).
constexpr long long max_pixels = 40LL * 1000 * 1000;
constexpr int max_side = 16384;

struct JpegError {
  jpeg_error_mgr mgr;
  std::jmp_buf jump;
};

void jpeg_fail(j_common_ptr cinfo) { std::longjmp(reinterpret_cast<JpegError*>(cinfo->err)->jump, 1); }
void jpeg_quiet(j_common_ptr, int) {}
void jpeg_no_output(j_common_ptr) {}

struct JpegJob {
  jpeg_decompress_struct cinfo;
  JpegError err;
};

// Reads the header and starts decompressing, scaled down by 8, 4 or 2 when the picture still
// covers its box. false: damaged, or too large (`too_large`).
[[gnu::noinline]] bool jpeg_begin(JpegJob& j, const unsigned char* data, unsigned long size, int cover_w,
                                  int cover_h, bool& too_large) {
  if (setjmp(j.err.jump)) return false;
  jpeg_create_decompress(&j.cinfo);
  jpeg_mem_src(&j.cinfo, data, size);
  jpeg_read_header(&j.cinfo, TRUE);
  if (static_cast<long long>(j.cinfo.image_width) * j.cinfo.image_height > max_pixels ||
      j.cinfo.image_width > max_side || j.cinfo.image_height > max_side) {
    too_large = true;
    return false;
  }
  j.cinfo.out_color_space = JCS_RGB;
  // The exact integer IDCT: the same pixels with or without SIMD.
  j.cinfo.dct_method = JDCT_ISLOW;
  j.cinfo.scale_num = 1;
  j.cinfo.scale_denom = 1;
  for (unsigned d : {8u, 4u, 2u})
    if (j.cinfo.image_width / d >= static_cast<unsigned>(cover_w) &&
        j.cinfo.image_height / d >= static_cast<unsigned>(cover_h)) {
      j.cinfo.scale_denom = d;
      break;
    }
  jpeg_start_decompress(&j.cinfo);
  return true;
}

// Decompresses every row into `rgb` (output_width x output_height x 3). false: damaged.
[[gnu::noinline]] bool jpeg_rows(JpegJob& j, unsigned char* rgb) {
  if (setjmp(j.err.jump)) return false;
  while (j.cinfo.output_scanline < j.cinfo.output_height) {
    JSAMPROW row = rgb + static_cast<std::size_t>(j.cinfo.output_scanline) * j.cinfo.output_width * 3;
    jpeg_read_scanlines(&j.cinfo, &row, 1);
  }
  jpeg_finish_decompress(&j.cinfo);
  return true;
}

bool decode_jpeg(std::string_view bytes, int cover_w, int cover_h, Bitmap& out, std::string& why) {
  JpegJob j;
  std::memset(&j.cinfo, 0, sizeof j.cinfo);  // destroyable even if creating it failed
  j.cinfo.err = jpeg_std_error(&j.err.mgr);
  j.err.mgr.error_exit = jpeg_fail;
  j.err.mgr.emit_message = jpeg_quiet;
  j.err.mgr.output_message = jpeg_no_output;
  bool too_large = false;
  if (!jpeg_begin(j, reinterpret_cast<const unsigned char*>(bytes.data()), static_cast<unsigned long>(bytes.size()),
                  cover_w, cover_h, too_large)) {
    jpeg_destroy_decompress(&j.cinfo);
    why = too_large ? "the JPEG picture is too large" : "the JPEG data are damaged";
    return false;
  }
  out.width = static_cast<int>(j.cinfo.output_width);
  out.height = static_cast<int>(j.cinfo.output_height);
  out.rgb.resize(static_cast<std::size_t>(out.width) * out.height * 3);
  if (!jpeg_rows(j, out.rgb.data())) {
    jpeg_destroy_decompress(&j.cinfo);
    why = "the JPEG data are damaged";
    return false;
  }
  jpeg_destroy_decompress(&j.cinfo);
  return true;
}

bool decode_png(std::string_view bytes, Colour background, Bitmap& out, std::string& why) {
  png_image image;
  std::memset(&image, 0, sizeof image);
  image.version = PNG_IMAGE_VERSION;
  if (!png_image_begin_read_from_memory(&image, bytes.data(), bytes.size())) {
    why = "the PNG data are damaged";
    return false;
  }
  if (static_cast<long long>(image.width) * image.height > max_pixels || image.width > max_side ||
      image.height > max_side) {
    png_image_free(&image);
    why = "the PNG picture is too large";
    return false;
  }
  image.format = PNG_FORMAT_RGB;
  out.width = static_cast<int>(image.width);
  out.height = static_cast<int>(image.height);
  out.rgb.resize(PNG_IMAGE_SIZE(image));
  png_color bg{background.r, background.g, background.b};
  if (!png_image_finish_read(&image, &bg, out.rgb.data(), 0, nullptr)) {
    png_image_free(&image);
    why = "the PNG data are damaged";
    return false;
  }
  return true;
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
  const std::uint8_t bg[3] = {background.r, background.g, background.b};
  for (std::size_t i = 0, n = static_cast<std::size_t>(w) * h; i < n; ++i) {
    unsigned a = rgba[i * 4 + 3];
    for (int c = 0; c < 3; ++c)
      out.rgb[i * 3 + c] = static_cast<std::uint8_t>((rgba[i * 4 + c] * a + bg[c] * (255 - a) + 127) / 255);
  }
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
  // Box filter, one axis then the other: each output pixel averages the source pixels its
  // footprint starts in (at least one, so enlarging repeats pixels).
  auto spans = [](long long crop, long long origin, int n) {
    std::vector<std::pair<int, int>> s(static_cast<std::size_t>(n));
    for (int i = 0; i < n; ++i) {
      long long a = origin + crop * i / n, b = origin + crop * (i + 1) / n;
      s[static_cast<std::size_t>(i)] = {static_cast<int>(a), static_cast<int>(std::max(b, a + 1))};
    }
    return s;
  };
  const auto xs = spans(cw, x0, w), ys = spans(ch, y0, h);
  std::vector<std::uint8_t> rows(static_cast<std::size_t>(ch) * w * 3);
  for (long long y = 0; y < ch; ++y) {
    const std::uint8_t* in = src.rgb.data() + static_cast<std::size_t>(y0 + y) * src.width * 3;
    std::uint8_t* out = rows.data() + static_cast<std::size_t>(y) * w * 3;
    for (int x = 0; x < w; ++x) {
      auto [a, b] = xs[static_cast<std::size_t>(x)];
      unsigned sum[3] = {0, 0, 0};
      for (int k = a; k < b; ++k)
        for (int c = 0; c < 3; ++c) sum[c] += in[k * 3 + c];
      unsigned n = static_cast<unsigned>(b - a);
      for (int c = 0; c < 3; ++c) out[x * 3 + c] = static_cast<std::uint8_t>((sum[c] + n / 2) / n);
    }
  }
  Bitmap out{w, h, std::vector<std::uint8_t>(static_cast<std::size_t>(w) * h * 3)};
  std::vector<unsigned> sum(static_cast<std::size_t>(w) * 3);
  for (int y = 0; y < h; ++y) {
    auto [a, b] = ys[static_cast<std::size_t>(y)];
    std::fill(sum.begin(), sum.end(), 0u);
    for (int k = a; k < b; ++k) {
      const std::uint8_t* in = rows.data() + static_cast<std::size_t>(k - y0) * w * 3;
      for (std::size_t i = 0; i < sum.size(); ++i) sum[i] += in[i];
    }
    unsigned n = static_cast<unsigned>(b - a);
    std::uint8_t* o = out.rgb.data() + static_cast<std::size_t>(y) * w * 3;
    for (std::size_t i = 0; i < sum.size(); ++i) o[i] = static_cast<std::uint8_t>((sum[i] + n / 2) / n);
  }
  return out;
}

namespace {

void png_append(png_structp png, png_bytep data, png_size_t length) {
  static_cast<std::string*>(png_get_io_ptr(png))->append(reinterpret_cast<const char*>(data), length);
}
void png_flush_none(png_structp) {}

// The libpng calls that write the file; false if libpng failed (it jumped back here).
[[gnu::noinline]] bool write_png(png_structp png, png_infop info, std::string* out, int width, int height,
                                 png_bytepp rows) {
  if (setjmp(png_jmpbuf(png))) return false;
  png_set_write_fn(png, out, png_append, png_flush_none);
  // Every setting that shapes the bytes, fixed: the same picture gives the same file.
  // Level 3 and no row filter: measured on the seed's card (make bench-image), level 6 with
  // libpng's adaptive filters took 30 ms of CPU and gave 86 KB; level 3 unfiltered takes 8-10 ms
  // for 73 KB (a card is mostly flat colour, which filters do not help).
  png_set_compression_level(png, 3);
  png_set_compression_mem_level(png, 8);
  png_set_compression_window_bits(png, 15);
  png_set_compression_strategy(png, 0);  // Z_DEFAULT_STRATEGY
  png_set_filter(png, PNG_FILTER_TYPE_BASE, PNG_FILTER_NONE);
  png_set_IHDR(png, info, static_cast<png_uint_32>(width), static_cast<png_uint_32>(height), 8,
               PNG_COLOR_TYPE_RGB, PNG_INTERLACE_NONE, PNG_COMPRESSION_TYPE_BASE, PNG_FILTER_TYPE_BASE);
  png_set_sRGB(png, info, PNG_sRGB_INTENT_PERCEPTUAL);
  png_write_info(png, info);
  png_write_image(png, rows);
  png_write_end(png, nullptr);
  return true;
}

}  // namespace

std::string encode_png(const Bitmap& image) {
  std::string out;
  out.reserve(static_cast<std::size_t>(image.width) * image.height / 4);
  png_structp png = png_create_write_struct(PNG_LIBPNG_VER_STRING, nullptr, nullptr, nullptr);
  png_infop info = png ? png_create_info_struct(png) : nullptr;
  if (!info) {
    png_destroy_write_struct(&png, nullptr);
    throw std::bad_alloc();
  }
  std::vector<png_bytep> rows(static_cast<std::size_t>(image.height));
  for (int y = 0; y < image.height; ++y)
    rows[static_cast<std::size_t>(y)] =
        const_cast<png_bytep>(image.rgb.data() + static_cast<std::size_t>(y) * image.width * 3);
  const bool written = write_png(png, info, &out, image.width, image.height, rows.data());
  png_destroy_write_struct(&png, &info);
  if (!written) throw std::runtime_error("PNG encoding failed");
  return out;
}

}  // namespace khabar::detail
