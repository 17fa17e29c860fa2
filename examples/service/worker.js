// The card service as a module worker, for workerd (workerd.capnp) and Cloudflare (wrangler.toml).
// workerd compiles no wasm from bytes at run time: the core arrives as a wasm module import
// and the ICU data as data modules (ArrayBuffers), handed to the package's load(). The core is
// the one with the HTML reader (khabar-core-html.wasm), which the service loads. /image's
// module (khabar-image.wasm), its line-break rules and fonts arrive the same way (image).
import { serviceFromEnv } from 'khabar/service';
import wasm from 'khabar/khabar-core-html.wasm';
import base from 'khabar/khabar-icu-base.dat';
import ar from 'khabar/khabar-icu-ar.dat';
import en from 'khabar/khabar-icu-en.dat';
import fa from 'khabar/khabar-icu-fa.dat';
import fr from 'khabar/khabar-icu-fr.dat';
import he from 'khabar/khabar-icu-he.dat';
import ur from 'khabar/khabar-icu-ur.dat';
import charsets from 'khabar/khabar-icu-charsets.dat';
import imageWasm from 'khabar/khabar-image.wasm';
import imageRules from 'khabar/khabar-icu-image.dat';
import sansRegular from 'khabar/fonts/NotoSans-Regular.ttf';
import sansBold from 'khabar/fonts/NotoSans-Bold.ttf';
import naskhRegular from 'khabar/fonts/NotoNaskhArabic-Regular.ttf';
import naskhBold from 'khabar/fonts/NotoNaskhArabic-Bold.ttf';
import nastaliqRegular from 'khabar/fonts/NotoNastaliqUrdu-Regular.ttf';
import nastaliqBold from 'khabar/fonts/NotoNastaliqUrdu-Bold.ttf';
import hebrewRegular from 'khabar/fonts/NotoSansHebrew-Regular.ttf';
import hebrewBold from 'khabar/fonts/NotoSansHebrew-Bold.ttf';

let service = null;

export default {
  fetch(request, env, ctx) {
    service ??= serviceFromEnv(env, {
      load: { html: true, wasmUrl: wasm, dataUrl: base, charsetData: charsets, languageData: { ar, en, fa, fr, he, ur } },
      image: {
        wasm: imageWasm,
        icuData: { base, image: imageRules, ar, en, fa, fr, he, ur },
        fonts: {
          'NotoSans-Regular.ttf': sansRegular,
          'NotoSans-Bold.ttf': sansBold,
          'NotoNaskhArabic-Regular.ttf': naskhRegular,
          'NotoNaskhArabic-Bold.ttf': naskhBold,
          'NotoNastaliqUrdu-Regular.ttf': nastaliqRegular,
          'NotoNastaliqUrdu-Bold.ttf': nastaliqBold,
          'NotoSansHebrew-Regular.ttf': hebrewRegular,
          'NotoSansHebrew-Bold.ttf': hebrewBold,
        },
      },
      cache: globalThis.caches?.default ?? null,
    });
    return service.fetch(request, env, ctx);
  },
};
