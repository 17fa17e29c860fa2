// khabar_bench_image (make bench-image): pictures a second natively, one thread, at 1200x630,
// from the seed's card (made once: this times the picture stage), with and without its photo,
// through one ImageRenderer (fonts parsed once, glyphs cached, as a server would) and, for
// the cold cost, a new renderer a picture. Prints bytes a picture and the peak RSS.
#include <sys/resource.h>
#include <time.h>

#include <chrono>
#include <cstdio>
#include <fstream>
#include <sstream>
#include <string>

#include "khabar/image.hpp"
#include "khabar/pipeline.hpp"

namespace {

std::string slurp(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) throw std::runtime_error("cannot open " + path);
  std::ostringstream s;
  s << in.rdbuf();
  return s.str();
}

// This thread's CPU time: on a machine shared with other jobs the wall clock counts their time too.
double cpu_seconds() {
  timespec t{};
  clock_gettime(CLOCK_THREAD_CPUTIME_ID, &t);
  return static_cast<double>(t.tv_sec) + static_cast<double>(t.tv_nsec) / 1e9;
}

template <class F>
void measure(const char* name, double seconds, F&& draw) {
  using clock = std::chrono::steady_clock;
  draw();  // warm: glyphs rasterized, allocations made
  std::size_t n = 0, bytes = 0;
  auto start = clock::now();
  double cpu_start = cpu_seconds(), elapsed = 0;
  while (elapsed < seconds) {
    bytes = draw();
    ++n;
    elapsed = std::chrono::duration<double>(clock::now() - start).count();
  }
  double cpu = cpu_seconds() - cpu_start;
  std::printf("%-34s %7.1f pictures/s (CPU time: %6.2f ms each; wall: %7.1f/s)  %7zu bytes\n", name, n / cpu,
              1000 * cpu / n, n / elapsed, bytes);
}

}  // namespace

int main(int argc, char** argv) {
  const double seconds = argc > 1 ? std::stod(argv[1]) : 3.0;
  const std::string root = KHABAR_SOURCE_DIR;
  khabar::FontSet fonts;
  std::string* slots[] = {&fonts.latin.regular, &fonts.latin.bold, &fonts.arabic.regular, &fonts.arabic.bold,
                          &fonts.urdu.regular,  &fonts.urdu.bold,  &fonts.hebrew.regular, &fonts.hebrew.bold};
  for (std::size_t i = 0; i < std::size(slots); ++i)
    *slots[i] = slurp(std::string(KHABAR_FONT_DIR) + "/" + khabar::font_file_names[i]);
  khabar::CardOptions card_options;
  card_options.locale = "ar-MA";
  const khabar::Card card =
      khabar::card_from_bytes(slurp(root + "/examples/seed-article-ar.txt"), {}, card_options);
  const std::string photo = slurp(root + "/tests/golden/images/pictures/photo.jpg");
  khabar::ImageRenderer renderer(fonts);
  const khabar::ImageOptions og;  // 1200x630, PNG
  std::printf("khabar image, the seed's card at 1200x630, one thread (%.0f s a row):\n", seconds);
  measure("PNG, no photo", seconds, [&] { return renderer.render(card, og).bytes.size(); });
  measure("PNG, with a 960x640 JPEG photo", seconds,
          [&] { return renderer.render(card, og, photo).bytes.size(); });
  khabar::ImageOptions svg;
  svg.format = khabar::ImageFormat::svg;
  measure("SVG, no photo", seconds, [&] { return renderer.render(card, svg).bytes.size(); });
  measure("PNG, no photo, fonts parsed each", seconds,
          [&] { return khabar::render_image(card, og, fonts).bytes.size(); });
  rusage usage{};
  getrusage(RUSAGE_SELF, &usage);
  std::printf("peak RSS: %.1f MB (the fonts' bytes held twice: %.1f MB each copy)\n",
              usage.ru_maxrss / 1024.0, [&] {
                std::size_t total = 0;
                for (auto* s : slots) total += s->size();
                return total / 1048576.0;
              }());
  return 0;
}
