// The checks every shell of the service passes (in-process, node:http, workerd): golden cards
// byte for byte, caching, oEmbed and the embed page, and every hostile request refused with its
// code. `call(path, init)` sends a request to the service; `server` is the local test server.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';

const root = new URL('../../../', import.meta.url);
const spec = JSON.parse(await readFile(new URL('tests/golden/cards/cases.json', root), 'utf8'));

/** The service configuration the tests need: the test server allowed, and origins that are
 * allowed only so that the address check (not the origin list) is what refuses them. */
export function testConfig(server) {
  const p = server.port;
  return {
    allowedOrigins: [server.origin, `http://127.0.0.1:${p + 1}`, 'http://169.254.169.254', 'http://10.0.0.1', `http://[::1]:${p}`,
      'http://192.168.1.1', `http://[::ffff:7f00:1]:${p}`, 'http://rebind.test', 'http://[fd00::1]'],
    allowPrivate: [`127.0.0.1:${p}`],
    timeoutMs: 1500,
    maxBytes: 1024 * 1024,
    maxAge: 60,
    staleWhileRevalidate: 120,
    scriptUrl: 'https://cdn.example/khabar/khabar.js',
  };
}

const q = (params) => new URLSearchParams(params).toString();

/** The hostile requests: [what, path or [path, init], status, code]. */
export function hostileRequests(server) {
  const golden = (input) => `${server.origin}/golden/${input}`;
  return [
    ['loopback outside the allowance', `/card?${q({ url: `http://127.0.0.1:${server.port + 1}/x` })}`, 403, 'fetch.private_address'],
    ['the metadata address', `/card?${q({ url: 'http://169.254.169.254/latest/meta-data/' })}`, 403, 'fetch.private_address'],
    ['a private address', `/card?${q({ url: 'http://10.0.0.1/a' })}`, 403, 'fetch.private_address'],
    ['192.168/16', `/card?${q({ url: 'http://192.168.1.1/a' })}`, 403, 'fetch.private_address'],
    ['IPv6 loopback', `/card?${q({ url: `http://[::1]:${server.port}/golden/examples/seed-article-ar.txt` })}`, 403, 'fetch.private_address'],
    ['IPv4-mapped loopback', `/card?${q({ url: `http://[::ffff:127.0.0.1]:${server.port}/x` })}`, 403, 'fetch.private_address'],
    ['IPv6 unique local', `/card?${q({ url: 'http://[fd00::1]/x' })}`, 403, 'fetch.private_address'],
    ['file:', `/card?${q({ url: 'file:///etc/passwd' })}`, 400, 'fetch.unsupported_scheme'],
    ['an unknown origin', `/card?${q({ url: 'https://unknown.example/a' })}`, 403, 'fetch.origin_not_allowed'],
    ['a redirect to a private address', `/card?${q({ url: `${server.origin}/redirect-private` })}`, 403, 'fetch.private_address'],
    ['a redirect to the metadata address', `/card?${q({ url: `${server.origin}/redirect-metadata` })}`, 403, 'fetch.private_address'],
    ['a redirect loop', `/card?${q({ url: `${server.origin}/redirect-loop` })}`, 502, 'fetch.too_many_redirects'],
    ['a page that never ends', `/card?${q({ url: `${server.origin}/never-ends` })}`, 504, 'fetch.timeout'],
    ['a 50 MB page', `/card?${q({ url: `${server.origin}/big` })}`, 413, 'fetch.too_large'],
    ['a 50 MB page without a length', `/card?${q({ url: `${server.origin}/big-undeclared` })}`, 413, 'fetch.too_large'],
    ['a page byte by byte', `/card?${q({ url: `${server.origin}/slow` })}`, 504, 'fetch.timeout'],
    ['an image', `/card?${q({ url: `${server.origin}/image` })}`, 415, 'fetch.content_type'],
    ['a 404', `/card?${q({ url: `${server.origin}/missing` })}`, 502, 'fetch.http_status'],
    ['no url', '/card?locale=ar', 400, 'param.missing'],
    ['format=pdf', `/card?${q({ url: `${server.origin}/x`, format: 'pdf' })}`, 400, 'param.invalid'],
    ['heading-level=7', `/card?${q({ url: `${server.origin}/x`, 'heading-level': '7' })}`, 400, 'param.invalid'],
    ['theme=neon', `/card?${q({ url: `${server.origin}/x`, theme: 'neon' })}`, 400, 'param.invalid'],
    ['now=yesterday', `/card?${q({ url: golden('examples/seed-article-ar.txt'), now: 'yesterday' })}`, 400, 'time.invalid'],
    ['maxwidth=-5', `/oembed?${q({ url: `${server.origin}/x`, maxwidth: '-5' })}`, 400, 'param.invalid'],
    ['oEmbed format=yaml', `/oembed?${q({ url: `${server.origin}/x`, format: 'yaml' })}`, 501, 'oembed.format'],
    ['a URL of 3,000 characters', `/card?${q({ url: `${server.origin}/${'a'.repeat(3000)}` })}`, 400, 'param.invalid'],
    ['an unknown path', '/admin', 404, 'request.not_found'],
    ['/go to an origin not allowed', `/go?${q({ url: 'https://evil.example/phish' })}`, 403, 'redirect.origin_not_allowed'],
    ['/go to javascript:', `/go?${q({ url: 'javascript:alert(1)' })}`, 400, 'redirect.invalid_url'],
    ['/go to a relative URL', `/go?${q({ url: '//evil.example/' })}`, 400, 'redirect.invalid_url'],
    ['/go with credentials', `/go?${q({ url: `${server.origin.replace('//', '//user:pw@')}/a` })}`, 400, 'redirect.invalid_url'],
    ['/go without a url', '/go', 400, 'param.missing'],
    ['oEmbed maxwidth=200', `/oembed?${q({ url: `${server.origin}/x`, maxwidth: '200' })}`, 404, 'oembed.too_small'],
    ['PUT', ['/card', { method: 'PUT', body: 'x' }], 405, 'request.method'],
    ['POST of bad JSON', ['/card', { method: 'POST', body: '{"title": ' }], 422, 'parse.invalid_json'],
    ['POST of 2 MB', ['/card', { method: 'POST', body: 'x'.repeat(2 * 1024 * 1024) }], 413, 'input.too_large'],
  ];
}

export function suite(name, { call, server, stats }) {
  const golden = (input) => `${server().origin}/golden/${input}`;

  // The service runs the HTML reader's core: the pages only it reads (html_cases: an Arabic page in
  // windows-1256, an OpenGraph-only Latin page) give the CLI's cards too.
  const cases = [...spec.cases, ...spec.html_cases];
  test(`${name}: golden cards byte-identical to the CLI's, HTML pages without JSON-LD included, one fetch an article`, async () => {
    assert.ok(spec.html_cases.length >= 2);
    let checked = 0;
    for (const c of cases) {
      for (const locale of c.locales) {
        for (const format of spec.formats) {
          const response = await call(`/card?${q({ url: golden(c.input), locale, format, now: spec.now, tz: spec.time_zone })}`);
          const expected = await readFile(new URL(`tests/golden/cards/expected/${c.name}.${locale}.${format}`, root), 'utf8');
          assert.equal(response.status, 200, `${c.name}.${locale}.${format}`);
          assert.equal(await response.text(), expected, `${c.name}.${locale}.${format}`);
          checked++;
        }
      }
      // Every locale and format of the article from one fetch (the article cache).
      assert.equal(server().hits.get(`/golden/${c.input}`), 1, `${c.input} fetched once`);
    }
    assert.equal(checked, 3 * cases.reduce((n, c) => n + c.locales.length, 0));
  });

  test(`${name}: POST of a windows-1256 page's bytes gives the CLI's card (the core decodes them)`, async () => {
    const c = spec.html_cases.find((x) => x.input.endsWith('windows-1256.html'));
    const body = await readFile(new URL(c.input, root));
    assert.ok(body.includes(0xe1) && !body.includes(Buffer.from('ل')), 'the page is in windows-1256, not UTF-8');
    const response = await call(`/card?${q({ locale: c.locales[0], format: 'html', now: spec.now, tz: spec.time_zone })}`, { method: 'POST', body });
    assert.equal(response.status, 200);
    assert.equal(await response.text(), await readFile(new URL(`tests/golden/cards/expected/${c.name}.${c.locales[0]}.html`, root), 'utf8'));
  });

  test(`${name}: the Content-Type charset decodes a page, before its <meta charset> (as the CLI's URL reader)`, async () => {
    // /windows-1256: Arabic bytes in windows-1256 under <meta charset="windows-1252">.
    const response = await call(`/card?${q({ url: `${server().origin}/windows-1256`, locale: 'ar', format: 'text' })}`);
    assert.equal(response.status, 200);
    assert.match(await response.text(), /مرحبا بكم/);
    // Pushed bytes: the request's own Content-Type says the charset.
    const page = await (await fetch(`${server().origin}/windows-1256`)).arrayBuffer();
    const pushed = await call(`/card?${q({ locale: 'ar', format: 'text' })}`, { method: 'POST', body: page, headers: { 'content-type': 'text/html; charset=windows-1256' } });
    assert.equal(pushed.status, 200);
    assert.match(await pushed.text(), /مرحبا بكم/);
  });

  test(`${name}: the Content-Language header is the language of a page that declares none`, async () => {
    // /content-language: a French page without lang, served with Content-Language: fr-MA.
    const response = await call(`/card?${q({ url: `${server().origin}/content-language`, format: 'json' })}`);
    assert.equal(response.status, 200);
    const card = await response.json();
    assert.equal(card.lang, 'fr-MA');
    assert.equal(card.dir, 'ltr');
    // Pushed bytes: the request's own Content-Language says it.
    const page = await (await fetch(`${server().origin}/content-language`)).arrayBuffer();
    const pushed = await call(`/card?${q({ format: 'json' })}`, { method: 'POST', body: page, headers: { 'content-type': 'text/html', 'content-language': 'fr-MA' } });
    assert.equal(pushed.status, 200);
    assert.equal((await pushed.json()).lang, 'fr-MA');
    const bare = await call(`/card?${q({ format: 'json' })}`, { method: 'POST', body: page, headers: { 'content-type': 'text/html' } });
    assert.notEqual((await bare.json()).lang, 'fr-MA');
  });

  test(`${name}: ETag, If-None-Match 304, Cache-Control, Vary`, async () => {
    const path = `/card?${q({ url: golden('examples/seed-article-ar.txt'), locale: 'ar-MA', now: spec.now })}`;
    const first = await call(path);
    assert.equal(first.status, 200);
    const etag = first.headers.get('etag');
    assert.match(etag, /^"[0-9a-f]{32}"$/);
    assert.equal(first.headers.get('cache-control'), 'public, max-age=60, stale-while-revalidate=120');
    assert.equal(first.headers.get('vary'), null, 'a locale in the URL: nothing varies');
    await first.arrayBuffer();
    const again = await call(path, { headers: { 'if-none-match': etag } });
    assert.equal(again.status, 304);
    assert.equal(again.headers.get('etag'), etag);
    assert.equal((await again.arrayBuffer()).byteLength, 0);
    const other = await call(path, { headers: { 'if-none-match': '"0000"' } });
    assert.equal(other.status, 200);
    await other.arrayBuffer();
    // No locale: the article's language, in the region of it the reader names; the answer
    // varies with Accept-Language. A French reader of an Arabic article gets an Arabic card.
    const byLanguage = async (acceptLanguage) => {
      const response = await call(`/card?${q({ url: golden('examples/seed-article-ar.txt'), now: spec.now, format: 'json' })}`, {
        headers: acceptLanguage === null ? {} : { 'accept-language': acceptLanguage },
      });
      assert.equal(response.status, 200);
      assert.equal(response.headers.get('vary'), 'Accept-Language');
      return (await response.json()).locale;
    };
    assert.equal(await byLanguage('fr-MA,fr;q=0.8'), 'ar');
    assert.equal(await byLanguage('fr-MA, ar-EG;q=0.3, ar-MA;q=0.5'), 'ar-MA');
    assert.equal(await byLanguage(null), 'ar');
  });

  test(`${name}: oEmbed 1.0 rich, JSON and XML`, async () => {
    const url = golden('tests/golden/readers/jsonld-graph.json');
    const response = await call(`/oembed?${q({ url, format: 'json', maxwidth: '600' })}`);
    assert.equal(response.status, 200);
    assert.match(response.headers.get('content-type'), /^application\/json/);
    const o = await response.json();
    assert.equal(o.version, '1.0');
    assert.equal(o.type, 'rich');
    assert.equal(o.width, 600);
    assert.ok(o.height > 300 && o.height < 400, `height ${o.height}`);
    assert.equal(o.title, 'الإنتربول يشيد من مراكش بالمغرب نموذج عالمي في التعاون الأمني');
    assert.equal(o.author_name, 'سعيد العلمي');
    assert.equal(o.provider_name, 'Khabar');
    // The thumbnail: the card as a picture (/image, image-suite.mjs), og's shape at maxwidth.
    assert.equal(new URL(o.thumbnail_url).pathname, '/image');
    assert.equal(new URL(o.thumbnail_url).searchParams.get('url'), url);
    assert.deepEqual([o.thumbnail_width, o.thumbnail_height], [600, 315]);
    assert.equal(o.cache_age, 60);
    // WordPress's form: the blockquote (its readable fallback) with the linked title, then the frame.
    assert.match(o.html, /^<blockquote class="wp-embedded-content" lang="ar" dir="rtl"[^>]*><a href="https:\/\/www\.example-news\.ma\/ar\/2025\/11\/21\/interpol\/">الإنتربول يشيد/);
    assert.match(o.html, /<\/blockquote><iframe class="wp-embedded-content" src="[^"]+" width="100%" height="358" title="الإنتربول[^"]*" frameborder="0" [^>]*loading="lazy"[^>]*style="border:0;max-width:600px"><\/iframe>$/);
    const src = /<iframe [^>]*src="([^"]+)"/.exec(o.html)[1].replaceAll('&#38;', '&');
    assert.equal(new URL(src).pathname, '/embed');
    assert.equal(new URL(src).searchParams.get('url'), url);
    assert.equal(new URL(src).searchParams.get('locale'), 'ar', 'the locale the answer was made for: the article\'s language');
    assert.equal(o.height, 358, 'a wide card\'s whole box: 22.225em and its borders');
    const narrow = await (await call(`/oembed?${q({ url, maxwidth: '320' })}`)).json();
    assert.deepEqual([narrow.width, narrow.height], [320, 475], 'a narrow card, with its picture above: 29.525em and its borders');
    const edge = async (maxwidth) => (await (await call(`/oembed?${q({ url, maxwidth })}`)).json()).height;
    assert.deepEqual([await edge('482'), await edge('483')], [475, 358], 'wide from 483 px: the card\'s content box over 30em');
    const capped = await (await call(`/oembed?${q({ url, maxwidth: '500', maxheight: '400' })}`)).json();
    assert.equal(capped.height, 358);
    const asked = await (await call(`/oembed?${q({ url, locale: 'fr-MA' })}`)).json();
    assert.equal(new URL(/<iframe [^>]*src="([^"]+)"/.exec(asked.html)[1].replaceAll('&#38;', '&')).searchParams.get('locale'), 'fr-MA');
    const xml = await call(`/oembed?${q({ url, format: 'xml' })}`);
    assert.equal(xml.status, 200);
    const text = await xml.text();
    assert.match(text, /^<\?xml/);
    assert.match(text, /<type>rich<\/type>/);
    assert.match(text, /<html>&#60;blockquote class=&#34;wp-embedded-content&#34;/);
  });

  test(`${name}: /snippet, the embed code to paste: the reserving stylesheet, its card URL twice, the script`, async () => {
    const url = golden('examples/seed-article-ar.txt');
    const response = await call(`/snippet?${q({ url, locale: 'ar-MA', tz: 'Africa/Casablanca', theme: 'dark' })}`);
    assert.equal(response.status, 200);
    assert.equal(response.headers.get('content-type'), 'text/plain; charset=utf-8');
    assert.match(response.headers.get('etag'), /^"[0-9a-f]{32}"$/);
    const lines = (await response.text()).split('\n');
    assert.equal(lines.length, 5, 'four lines and the final newline');
    const [reserve, quote, preload, script] = lines;
    assert.equal(reserve, '<link rel="stylesheet" href="https://cdn.example/khabar/khabar.css">', 'the box reserved: CLS 0');
    const attribute = (line, name) => new RegExp(`${name}="([^"]*)"`).exec(line)[1].replaceAll('&#38;', '&');
    assert.match(quote, /^<blockquote class="khabar-card" data-card="[^"]+" data-theme="dark" lang="ar" dir="rtl"><a href="[^"]+">الإنتربول يشيد من مراكش/);
    assert.match(preload, /^<link rel="preload" as="fetch" crossorigin="anonymous" href="[^"]+">$/);
    assert.equal(script, '<script async src="https://cdn.example/khabar/khabar.js"></script>');
    const card = new URL(attribute(quote, 'data-card'));
    assert.equal(attribute(preload, 'href'), card.href, 'the preload is the very request khabar.js makes');
    assert.equal(card.pathname, '/card');
    assert.deepEqual(Object.fromEntries(card.searchParams), { url, locale: 'ar-MA', tz: 'Africa/Casablanca' });
    assert.equal(attribute(quote, 'href'), url, 'the article without a canonical URL: the one asked for');
    const answered = await call(`${card.pathname}${card.search}`);
    assert.equal(answered.status, 200);
    assert.match(await answered.text(), /^<article class="khabar-card"/);
  });

  test(`${name}: the embed page runs only its own script file`, async () => {
    const response = await call(`/embed?${q({ url: golden('examples/seed-article-ar.txt'), locale: 'ar-MA', theme: 'dark' })}`);
    assert.equal(response.status, 200);
    const csp = response.headers.get('content-security-policy');
    assert.match(csp, /script-src 'self'/);
    assert.doesNotMatch(csp, /unsafe-inline/);
    const page = await response.text();
    assert.match(page, /<script src="embed\.js" defer><\/script>/);
    assert.equal([...page.matchAll(/<script/g)].length, 1, 'one script, a file');
    assert.match(page, /<khabar-card theme="dark"><template shadowrootmode="open"><link rel="stylesheet" href="embed-card.css"><link rel="stylesheet" href="khabar-card.css"><article class="khabar-card"/);
    assert.match(page, /<base target="_blank">/, 'links leave the frame');
    // The card's markup is the /card HTML's, byte for byte.
    const card = await (await call(`/card?${q({ url: golden('examples/seed-article-ar.txt'), locale: 'ar-MA', now: spec.now, tz: spec.time_zone })}`)).text();
    const framed = await (await call(`/embed?${q({ url: golden('examples/seed-article-ar.txt'), locale: 'ar-MA', now: spec.now, tz: spec.time_zone })}`)).text();
    assert.ok(framed.includes(`<link rel="stylesheet" href="khabar-card.css">${card}</template>`), 'the /card bytes, its final newline included');
    const script = await call('/embed.js');
    assert.equal(script.status, 200);
    assert.match(script.headers.get('content-type'), /^text\/javascript/);
    const source = await script.text();
    assert.match(source, /post\(\{ type: 'khabar\.resize', height: h/);
    assert.match(source, /post\(\{ message: 'height', value: h, secret: secret \}\)/, 'WordPress\'s wp-embed.js protocol');
    assert.match(source, /message: 'link', value: new URL\('go\?url='/);
    for (const file of ['/embed.css', '/embed-card.css']) assert.match((await call(file)).headers.get('content-type'), /^text\/css/);
    assert.match(await (await call('/embed-card.css')).text(), /:host\(khabar-card\)\{margin:0!important\}/);
    const sheet = await call('/khabar-card.css');
    assert.match(await sheet.text(), /:host/);
  });

  test(`${name}: /go redirects to an article of the allowed origins only`, async () => {
    const article = golden('examples/seed-article-ar.txt');
    const response = await call(`/go?${q({ url: article })}`, { redirect: 'manual' });
    assert.equal(response.status, 302);
    assert.equal(response.headers.get('location'), article);
  });

  test(`${name}: /embed never answers JSON: a small page with the article's link, no-store, its code in a header`, async () => {
    const page = async (url, status, code) => {
      const response = await call(`/embed?${q({ url, locale: 'ar-MA' })}`);
      const body = await response.text();
      assert.equal(response.status, status, `${url}: ${body}`);
      assert.match(response.headers.get('content-type'), /^text\/html/);
      assert.equal(response.headers.get('cache-control'), 'no-store');
      assert.equal(response.headers.get('x-khabar-error'), code);
      assert.match(response.headers.get('content-security-policy'), /script-src 'self'/);
      assert.doesNotMatch(body, /"error"|HTTP 404|ECONNREFUSED/, 'no message: it may name an internal address');
      return body;
    };
    // Never seen: a neutral sentence in the asked language and the link, when the origin is allowed.
    const missing = `${server().origin}/missing`;
    assert.match(await page(missing, 502, 'fetch.http_status'), new RegExp(`تعذر عرض البطاقة\\. <a href="${missing}">`));
    assert.doesNotMatch(await page('https://unknown.example/a', 403, 'fetch.origin_not_allowed'), /<a /, 'no link to an origin not allowed');
    assert.doesNotMatch(await page('javascript:alert(1)', 400, 'fetch.unsupported_scheme'), /<a |javascript/);
  });

  test(`${name}: POST /card renders the bytes it is given`, async () => {
    const body = await readFile(new URL('examples/seed-article-ar.txt', root));
    const response = await call(`/card?${q({ locale: 'ar-MA', format: 'html', now: spec.now, tz: spec.time_zone })}`, { method: 'POST', body });
    assert.equal(response.status, 200);
    assert.equal(await response.text(), await readFile(new URL('tests/golden/cards/expected/seed.ar-MA.html', root), 'utf8'));
    assert.equal(response.headers.get('cache-control'), 'no-store');
  });

  const hostile = hostileRequests(server());

  test(`${name}: every hostile request refused with its code, the service keeps serving`, async () => {
    const before = new Map(server().hits);
    for (const [what, path, status, code] of hostile) {
      const started = Date.now();
      let response;
      try {
        response = Array.isArray(path) ? await call(...path) : await call(path);
      } catch (error) {
        assert.fail(`${what}: ${error.cause?.message ?? error.message}`);
      }
      const body = await response.json();
      assert.equal(response.status, status, `${what}: ${JSON.stringify(body)}`);
      assert.equal(body.error.code, code, what);
      assert.equal(response.headers.get('cache-control'), 'no-store', `${what}: a refusal is never cached`);
      assert.ok(Date.now() - started < 5000, `${what}: answered in ${Date.now() - started} ms`);
    }
    // The redirects were followed to the test server only, once each.
    assert.equal(server().hits.get('/redirect-private') - (before.get('/redirect-private') ?? 0), 1);
    // Still serving, and the 500 of a flaky page was not kept: the next request gets the card.
    const flaky = `/card?${q({ url: `${server().origin}/flaky`, locale: 'ar-MA', format: 'json' })}`;
    const down = await call(flaky).catch((e) => assert.fail(`flaky: ${e.cause?.stack ?? e}`));
    assert.equal(down.status, 502);
    assert.equal((await down.json()).error.code, 'fetch.http_status');
    const recovered = await call(flaky);
    assert.equal(recovered.status, 200);
    assert.equal((await recovered.json()).source, 'كشـ24');
    const ok = await call(`/card?${q({ url: `${server().origin}/redirect-ok`, locale: 'en', format: 'text' })}`);
    assert.equal(ok.status, 200);
    assert.match(await ok.text(), /الإنتربول/);
    if (stats) assert.ok((await stats()).refused >= hostile.length);
  });

  test(`${name}: no request left 127.0.0.1 for anywhere but the test server`, () => {
    assert.deepEqual(server().violations, []);
  });
}
