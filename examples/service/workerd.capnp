# The card service on workerd (npm `workerd`), from the repository's root after `make web`:
#   npx workerd serve examples/service/workerd.capnp
# It listens on 127.0.0.1:8787 (override: --socket-addr http=HOST:PORT) and reads articles only
# from KHABAR_ALLOWED_ORIGINS, over the "internet" service, which connects to public addresses only.
using Workerd = import "/workerd/workerd.capnp";

const config :Workerd.Config = (
  services = [
    (name = "khabar", worker = .khabarWorker),
    # Public addresses only, checked by workerd on the address it connects to.
    (name = "internet", network = (allow = ["public"], tlsOptions = (trustBrowserCas = true))),
  ],
  sockets = [(name = "http", address = "127.0.0.1:8787", http = (), service = "khabar")],
);

const khabarWorker :Workerd.Worker = (
  modules = .modules,
  compatibilityDate = "2024-09-23",
  bindings = [
    (name = "KHABAR_ALLOWED_ORIGINS", text = "https://news.example"),
    (name = "KHABAR_MAX_AGE", text = "300"),
    (name = "KHABAR_STALE_WHILE_REVALIDATE", text = "86400"),
    (name = "KHABAR_SCRIPT_URL", text = "https://cdn.news.example/khabar/khabar.js"),
  ],
  globalOutbound = "internet",
);

# The worker and the package's files under the names the worker imports (khabar/…).
const modules :List(Workerd.Worker.Module) = [
  (name = "worker.js", esModule = embed "worker.js"),
  (name = "khabar/service", esModule = embed "../../web/dist/service.js"),
  (name = "khabar/service-fetch.js", esModule = embed "../../web/dist/service-fetch.js"),
  (name = "khabar/service-cache.js", esModule = embed "../../web/dist/service-cache.js"),
  (name = "khabar/service-context.js", esModule = embed "../../web/dist/service-context.js"),
  (name = "khabar/service-embed.js", esModule = embed "../../web/dist/service-embed.js"),
  (name = "khabar/service-http.js", esModule = embed "../../web/dist/service-http.js"),
  (name = "khabar/service-route-card.js", esModule = embed "../../web/dist/service-route-card.js"),
  (name = "khabar/service-route-embed.js", esModule = embed "../../web/dist/service-route-embed.js"),
  (name = "khabar/service-route-oembed.js", esModule = embed "../../web/dist/service-route-oembed.js"),
  (name = "khabar/service-route-snippet.js", esModule = embed "../../web/dist/service-route-snippet.js"),
  (name = "khabar/index.js", esModule = embed "../../web/dist/index.js"),
  (name = "khabar/styles.js", esModule = embed "../../web/dist/styles.js"),
  # index.js imports the lean glue statically and the HTML one when load({ html: true }) asks
  # for it (the service does); only the HTML core's wasm is needed.
  (name = "khabar/khabar-core.mjs", esModule = embed "../../web/dist/khabar-core.mjs"),
  (name = "khabar/khabar-core-html.mjs", esModule = embed "../../web/dist/khabar-core-html.mjs"),
  (name = "khabar/khabar-core-html.wasm", wasm = embed "../../web/dist/khabar-core-html.wasm"),
  (name = "khabar/khabar-icu-base.dat", data = embed "../../web/dist/khabar-icu-base.dat"),
  (name = "khabar/khabar-icu-ar.dat", data = embed "../../web/dist/khabar-icu-ar.dat"),
  (name = "khabar/khabar-icu-en.dat", data = embed "../../web/dist/khabar-icu-en.dat"),
  (name = "khabar/khabar-icu-fa.dat", data = embed "../../web/dist/khabar-icu-fa.dat"),
  (name = "khabar/khabar-icu-fr.dat", data = embed "../../web/dist/khabar-icu-fr.dat"),
  (name = "khabar/khabar-icu-he.dat", data = embed "../../web/dist/khabar-icu-he.dat"),
  (name = "khabar/khabar-icu-ur.dat", data = embed "../../web/dist/khabar-icu-ur.dat"),
  (name = "khabar/khabar-icu-charsets.dat", data = embed "../../web/dist/khabar-icu-charsets.dat"),
  # GET /image: khabar/image over its own module (khabar-image.wasm, loaded at the first picture),
  # ICU's line-break rules for it, and the Noto fonts it draws with.
  (name = "khabar/service-route-image.js", esModule = embed "../../web/dist/service-route-image.js"),
  (name = "khabar/image.js", esModule = embed "../../web/dist/image.js"),
  (name = "khabar/khabar-image.mjs", esModule = embed "../../web/dist/khabar-image.mjs"),
  (name = "khabar/khabar-image.wasm", wasm = embed "../../web/dist/khabar-image.wasm"),
  (name = "khabar/khabar-icu-image.dat", data = embed "../../web/dist/khabar-icu-image.dat"),
  (name = "khabar/fonts/NotoSans-Regular.ttf", data = embed "../../web/dist/fonts/NotoSans-Regular.ttf"),
  (name = "khabar/fonts/NotoSans-Bold.ttf", data = embed "../../web/dist/fonts/NotoSans-Bold.ttf"),
  (name = "khabar/fonts/NotoNaskhArabic-Regular.ttf", data = embed "../../web/dist/fonts/NotoNaskhArabic-Regular.ttf"),
  (name = "khabar/fonts/NotoNaskhArabic-Bold.ttf", data = embed "../../web/dist/fonts/NotoNaskhArabic-Bold.ttf"),
  (name = "khabar/fonts/NotoNastaliqUrdu-Regular.ttf", data = embed "../../web/dist/fonts/NotoNastaliqUrdu-Regular.ttf"),
  (name = "khabar/fonts/NotoNastaliqUrdu-Bold.ttf", data = embed "../../web/dist/fonts/NotoNastaliqUrdu-Bold.ttf"),
  (name = "khabar/fonts/NotoSansHebrew-Regular.ttf", data = embed "../../web/dist/fonts/NotoSansHebrew-Regular.ttf"),
  (name = "khabar/fonts/NotoSansHebrew-Bold.ttf", data = embed "../../web/dist/fonts/NotoSansHebrew-Bold.ttf"),
];
