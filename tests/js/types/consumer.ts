// A consumer's TypeScript against the package's declarations, compiled by types.test.mjs with
// strict and exactOptionalPropertyTypes. Each @ts-expect-error is a check that must fail to
// compile: were the types loosened (a code typed as string, an event as Event), tsc would
// report the directive as unused.
import { analyze, load, renderHTML, KhabarError, version, type Card, type CardOptions, type KhabarErrorCode } from 'khabar';
import { define, KhabarCard, type KhabarCardAttributes, type KhabarCardErrorCode, type KhabarErrorDetail } from 'khabar/element';
import 'khabar/embed';
import { renderCardImage } from 'khabar/image';
import { createService } from 'khabar/service';

export async function card(): Promise<string> {
  await load({ wasmUrl: new URL('https://cdn.example/khabar-core.wasm'), dataUrl: '/khabar-icu-base.dat' });
  // workerd's form: a compiled module and data modules' bytes, nothing fetched.
  const compiled = new WebAssembly.Module(new Uint8Array(8));
  await load({ wasmUrl: compiled, dataUrl: new ArrayBuffer(8), languageData: { ar: new Uint8Array(8) } });
  // @ts-expect-error language data are bytes, not URLs
  await load({ languageData: { ar: '/khabar-icu-ar.dat' } });
  const options: CardOptions = { locale: 'ar-MA', now: new Date(), headingLevel: 3, input: 'auto' };
  const result: Card = await analyze({ title: 't', body: ['b'] }, options);
  // @ts-expect-error published may be null (a card without a date)
  result.published.display;
  const date: string = result.published?.display ?? '';
  // Options left undefined on purpose are accepted (the runtime drops them).
  const locale: string | undefined = undefined;
  await renderHTML('text', { locale });
  // @ts-expect-error not an input format
  await analyze('x', { input: 'markdown' });
  return `${version} ${date} ${result.dir satisfies 'ltr' | 'rtl'}`;
}

// The HTML reader's core, and a page as the bytes it was served in.
export async function page(bytes: Uint8Array): Promise<string> {
  await load({ html: true, charsetData: new ArrayBuffer(8) });
  // @ts-expect-error html is a boolean
  await load({ html: 'yes' });
  const code: KhabarErrorCode = 'input.html_reader_missing';
  const conflict: KhabarErrorCode = 'load.module_conflict';
  return `${code} ${conflict} ${(await analyze(bytes)).title} ${await renderHTML(bytes.buffer as ArrayBuffer)}`;
}

export function codes(error: unknown): KhabarErrorCode | null {
  if (!(error instanceof KhabarError)) return null;
  const code: KhabarErrorCode = error.code;
  // @ts-expect-error not a documented code
  const wrong: KhabarErrorCode = 'parse.nonsense';
  void wrong;
  switch (code) {
    case 'parse.invalid_json':
    case 'load.wasm_blocked':
      return code;
    default:
      return null;
  }
}

export function element(): void {
  const Element: typeof KhabarCard = define({ loadOptions: { wasmUrl: '/khabar-core.wasm' } });
  void Element;
  // HTMLElementTagNameMap: createElement and querySelector know the element.
  const created: KhabarCard = document.createElement('khabar-card');
  const found: KhabarCard | null = document.querySelector('khabar-card');
  created.addEventListener('khabar-ready', (event) => {
    const ready: CustomEvent<null> = event;
    void ready;
  });
  found?.addEventListener('khabar-error', (event) => {
    const detail: KhabarErrorDetail = event.detail;
    const code: KhabarCardErrorCode = detail.code;
    // @ts-expect-error the detail has a code and a message only
    void detail.status;
    console.warn(code, detail.message);
  });
  const state: 'loading' | 'ready' | 'failed' | undefined = created.dataset.state;
  void state;
  const attributes: KhabarCardAttributes = { src: '/a.json', theme: 'auto', 'heading-level': '3', 'time-zone': 'Africa/Casablanca' };
  // @ts-expect-error not a theme
  const badTheme: KhabarCardAttributes = { theme: 'sepia' };
  void badTheme;
  for (const [name, value] of Object.entries(attributes)) created.setAttribute(name, String(value));
}

// The card already made, as a picture (khabar/image), and the service's /image options.
export async function picture(): Promise<Uint8Array> {
  const made: Card = await analyze({ title: 't', body: ['b'] }, { locale: 'ar-MA' });
  const drawn = await renderCardImage(made, { size: 'og', theme: 'dark', picture: new Uint8Array(8) });
  // @ts-expect-error the card's locale is the card's own: not an option of renderCardImage
  await renderCardImage(made, { locale: 'fr' });
  createService({ allowedOrigins: 'https://news.example', maxPictureBytes: 1 << 20, image: { wasm: new WebAssembly.Module(new Uint8Array(8)) } });
  return drawn.bytes;
}
