// The card service as a module worker, for workerd (workerd.capnp) and Cloudflare (wrangler.toml).
// workerd compiles no wasm from bytes at run time: the core arrives as a wasm module import
// and the ICU data as data modules (ArrayBuffers), handed to the package's load(). The core is
// the one with the HTML reader (khabar-core-html.wasm), which the service loads.
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

let service = null;

export default {
  fetch(request, env, ctx) {
    service ??= serviceFromEnv(env, {
      load: { html: true, wasmUrl: wasm, dataUrl: base, charsetData: charsets, languageData: { ar, en, fa, fr, he, ur } },
      cache: globalThis.caches?.default ?? null,
    });
    return service.fetch(request, env, ctx);
  },
};
