// The service benchmarks' common set-up (bench-service.mjs, tests/bench/lighthouse/run.mjs): the
// card service in this process behind node:http on 127.0.0.1, brotli-compressed as a CDN would,
// its outgoing fetch reaching the static test server only, warmed up as in production; and the
// partner pages: the static blockquotes, and the same page with its cards from the service (the
// script alone; with the card's request preloaded in the head; with it preloaded in the pasted
// snippet), from the wasm embed, and inlined in the page's HTML.
import { createServer } from 'node:http';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { brotliCompressSync, constants } from 'node:zlib';
import { createService, memoryCache } from '../../../web/dist/service-node.js';
import { toRequest } from '../../../examples/service/node.mjs';
import { repoRoot } from './server.mjs';

/**
 * @param {{url: (path: string) => string}} server the static test server (startServer())
 * @param {string} folder under build/, for the pages
 */
export async function startServicePages(server, folder) {
  const origin = new URL(server.url('/')).origin;
  const host = new URL(origin).host;
  // As the Node adapter runs it (examples/service/node.mjs): answers cached for their max-age.
  const service = createService({
    scriptUrl: `${origin}/web/dist/khabar.js`, // /snippet's script tag
    cache: memoryCache(),
    allowedOrigins: [origin],
    allowPrivate: [host],
    fetch: (url, init) => (new URL(url).host === host ? fetch(url, init) : Promise.reject(new Error(`not the test server: ${url}`))),
  });
  const sent = []; // each answer's body: as sent, and brotli-compressed (the benchmarks' byte counts)
  // A CDN keeps the compressed bytes of what it caches: brotli at quality 11 takes 10-20 ms a
  // card, which a page would otherwise wait for on every request.
  const compressedBodies = new Map();
  const compress = (body) => {
    const key = body.toString('latin1');
    if (!compressedBodies.has(key)) compressedBodies.set(key, brotliCompressSync(body, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }));
    return compressedBodies.get(key);
  };
  const http = createServer(async (req, res) => {
    const response = await service.fetch(toRequest(req, `http://${req.headers.host}`));
    const headers = Object.fromEntries(response.headers);
    let body = Buffer.from(await response.arrayBuffer());
    const compressed = compress(body);
    const brotli = compressed.length;
    if (body.length && /\bbr\b/.test(req.headers['accept-encoding'] ?? '')) {
      body = compressed;
      headers['content-encoding'] = 'br';
      headers.vary = [headers.vary, 'Accept-Encoding'].filter(Boolean).join(', ');
    }
    sent.push({ brotli, bytes: body.length });
    res.writeHead(response.status, { ...headers, 'content-length': body.length });
    res.end(body);
  });
  await new Promise((resolve) => http.listen(0, '127.0.0.1', resolve));
  const svc = `http://127.0.0.1:${http.address().port}/`;

  const dir = `${repoRoot}build/${folder}/`;
  await mkdir(dir, { recursive: true });
  const base = await readFile(`${repoRoot}tests/js/browser/pages/static-blockquote.html`, 'utf8');
  const withScript = (script) => base.replace('</main>', `</main>\n${script}`);
  await writeFile(`${dir}static.html`, base);
  await writeFile(`${dir}wasm.html`, withScript('<script async src="/web/dist/khabar.js"></script>'));
  await writeFile(`${dir}service.html`, withScript(`<script async src="/web/dist/khabar.js" data-service="${svc}"></script>`));

  // A service that has run for a while, as in production: V8 compiles the wasm core's hot code
  // in its optimising tier after some calls (the first ~20 renders are 5-10x slower).
  const seed = `${origin}/examples/partner/articles/seed-ar.json`;
  const warmUp = `${svc}card?url=${encodeURIComponent(seed)}&format=html&locale=ar-MA&now=2025-11-29T10:00:00Z`;
  for (let i = 0; i < 100; i++) await (await service.fetch(new Request(warmUp))).arrayBuffer();

  // The card's request announced in the head (README): it runs beside khabar.js's, not after it.
  const cardUrl = `${svc}card?${new URLSearchParams({ url: seed, format: 'html', locale: 'ar-MA' })}`;
  const preload = `  <link rel="preload" as="fetch" crossorigin="anonymous" href="${cardUrl.replaceAll('&', '&amp;')}">\n</head>`;
  await writeFile(`${dir}preload.html`, withScript(`<script async src="/web/dist/khabar.js" data-service="${svc}"></script>`).replace('</head>', () => preload));
  // The same announced beside the blockquote, in the pasted snippet itself (preload is allowed in
  // the body), as /snippet writes it: no edit of the page's head.
  const snippet = await (await service.fetch(new Request(`${svc}snippet?${new URLSearchParams({ url: seed, locale: 'ar-MA' })}`))).text();
  const quote = /<blockquote[\s\S]*?<\/blockquote>/;
  if (!quote.test(base)) throw new Error('static-blockquote.html: no blockquote');
  await writeFile(`${dir}snippet.html`, base.replace(quote, () => snippet.trimEnd()));
  // The floor: the same card in the page's own HTML (the server-rendered path, a declarative
  // shadow root), painted in the page's first frame with no script and no second request.
  const card = await (await service.fetch(new Request(cardUrl))).text();
  // The stylesheet inside the shadow root holds back the rendering of all that follows it until it
  // has loaded, the card included, while what comes before may paint first: so the page's FCP is
  // not the card's paint. A one-dot marker just after the card, with elementtiming, paints in the
  // card's frame and times it (as the probe's marker does for a card that arrives later).
  const marker = '<span elementtiming="khabar-bench" style="position:fixed;top:0;left:0;font-size:4px;color:#888">.</span>';
  const inline = `<khabar-card><template shadowrootmode="open"><link rel="stylesheet" href="/web/dist/khabar-card.css">${card}</template></khabar-card>${marker}`;
  await writeFile(`${dir}inline.html`, base.replace(quote, () => inline));

  return { origin, svc, dir, withScript, sent, close: () => new Promise((resolve) => http.close(resolve)) };
}
