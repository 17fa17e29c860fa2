// The local test server the service reads articles from, on 127.0.0.1 only. It also answers
// every hostile case (redirects to private addresses, a page that never ends, 50 MB, byte by
// byte) and records every request whose destination is not itself: a test fails on any.
import { createServer } from 'node:http';
import { readFile } from 'node:fs/promises';

const root = new URL('../../../', import.meta.url);
// HTML without a charset: each page says its own (the windows-1256 golden page in its <meta>),
// as the CLI reads the same files; a header's charset would come first (WHATWG).
const TYPES = { txt: 'text/plain; charset=utf-8', json: 'application/json', html: 'text/html', jpg: 'image/jpeg', png: 'image/png', webp: 'image/webp' };

export async function startServer() {
  const hits = new Map(); // path -> count
  const violations = []; // requests meant for another destination
  const timers = new Set();
  let flaky = 0;
  const server = createServer(async (req, res) => {
    const here = `127.0.0.1:${server.address().port}`;
    // pinned.test: the name the DNS-rebinding test resolves to this server by its own resolver.
    if (req.headers.host !== here && req.headers.host !== `pinned.test:${server.address().port}`) {
      violations.push(`${req.method} ${req.headers.host}${req.url}`);
      res.writeHead(599).end();
      return;
    }
    const url = new URL(req.url, `http://${here}`);
    hits.set(url.pathname, (hits.get(url.pathname) ?? 0) + 1);
    const p = url.pathname;
    const every = (ms, fn) => {
      const timer = setInterval(fn, ms);
      timers.add(timer);
      res.on('close', () => (clearInterval(timer), timers.delete(timer)));
    };
    if (p.startsWith('/golden/')) {
      try {
        const bytes = await readFile(new URL(p.slice('/golden/'.length), root));
        res.writeHead(200, { 'content-type': TYPES[p.split('.').pop()] ?? 'text/plain' }).end(bytes);
      } catch {
        res.writeHead(404).end();
      }
    } else if (p.startsWith('/varied/')) {
      // A different article per URL (the soak's uncached renders): the seed, its title numbered.
      const seed = await readFile(new URL('examples/seed-article-ar.txt', root), 'utf8');
      const n = p.slice('/varied/'.length).replace(/\D/g, '').slice(0, 12);
      res.writeHead(200, { 'content-type': 'text/plain; charset=utf-8' }).end(seed.replace('\n', ` (${n})\n`));
    } else if (p === '/with-picture') {
      // /image's tests: the French golden picture's article with its picture (og:image) at `src`,
      // relative to this server or absolute, and its title replaced by `title` when given.
      const article = JSON.parse(await readFile(new URL('tests/golden/images/articles/fr.json', root), 'utf8'));
      const src = url.searchParams.get('src');
      if (src) article.image = { url: new URL(src, `http://${here}`).href, alt: 'the press conference' };
      if (url.searchParams.has('title')) article.title = url.searchParams.get('title');
      res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify(article));
    } else if (p === '/redirect-private') res.writeHead(302, { location: 'http://10.0.0.1/article' }).end();
    else if (p === '/redirect-metadata') res.writeHead(302, { location: 'http://169.254.169.254/latest/meta-data/' }).end();
    else if (p === '/redirect-ok') res.writeHead(301, { location: '/golden/examples/seed-article-ar.txt' }).end();
    else if (p === '/redirect-loop') res.writeHead(302, { location: '/redirect-loop' }).end();
    else if (p === '/never-ends') {
      res.writeHead(200, { 'content-type': 'text/plain' });
      res.write('عنوان\n');
      every(50, () => res.write('فقرة لا تنتهي '.repeat(20)));
    } else if (p === '/big' || p === '/big.jpg') {
      // 50 MB, declared: refused on the header (/big.jpg: a picture, for /image).
      res.writeHead(200, { 'content-type': p === '/big' ? 'text/plain' : 'image/jpeg', 'content-length': String(50 * 1024 * 1024) });
      const chunk = Buffer.alloc(1 << 20, 'a');
      let sent = 0;
      const more = () => {
        while (sent < 50 && res.write(chunk)) sent++;
        if (sent >= 50) res.end();
      };
      res.on('drain', more);
      more();
    } else if (p === '/big-undeclared') {
      // 50 MB without a length: refused while counting.
      res.writeHead(200, { 'content-type': 'text/plain' });
      const chunk = Buffer.alloc(1 << 16, 'b');
      let sent = 0;
      const more = () => {
        while (sent < 800 && res.write(chunk)) sent++;
        if (sent >= 800) res.end();
      };
      res.on('drain', more);
      more();
    } else if (p === '/slow') {
      res.writeHead(200, { 'content-type': 'text/plain' });
      let n = 0;
      every(100, () => (++n > 200 ? res.end() : res.write('x')));
    } else if (p === '/image') res.writeHead(200, { 'content-type': 'image/png' }).end('\x89PNG');
    else if (p === '/windows-1256') {
      // An Arabic page in windows-1256 whose template says windows-1252: the header's charset
      // decodes it (WHATWG). "مرحبا بكم" in windows-1256 bytes.
      const words = Buffer.from([0xe3, 0xd1, 0xcd, 0xc8, 0xc7, 0x20, 0xc8, 0xdf, 0xe3]);
      const page = Buffer.concat([Buffer.from('<html><head><meta charset="windows-1252"><title>'), words,
        Buffer.from('</title></head><body><p>'), words, Buffer.from(', '), words, Buffer.from('.</p></body></html>')]);
      res.writeHead(200, { 'content-type': 'text/html; charset=windows-1256' }).end(page);
    }
    else if (p === '/content-language') {
      // A French page that declares no language, served with the header: the card is fr-MA
      // (detection alone says fr, without the region).
      const page = '<html><head><title>Rabat accueille un festival de musique</title></head><body><article><h1>Rabat accueille un festival de musique</h1>' +
        '<p>La ville de Rabat accueille cette semaine un festival de musique qui réunit des artistes venus de tout le pays et de l’étranger.</p>' +
        '<p>Les organisateurs attendent plus de vingt mille visiteurs pendant les trois jours de concerts gratuits.</p></article></body></html>';
      res.writeHead(200, { 'content-type': 'text/html; charset=utf-8', 'content-language': 'fr-MA' }).end(page);
    }
    else if (p === '/flaky') {
      // First a server error, then the article: the error must not have been cached.
      if (flaky++ === 0) res.writeHead(500).end('down');
      else res.writeHead(200, { 'content-type': 'text/plain; charset=utf-8' }).end(await readFile(new URL('examples/seed-article-ar.txt', root)));
    } else res.writeHead(404).end();
  });
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address();
  return {
    port,
    origin: `http://127.0.0.1:${port}`,
    hits,
    violations,
    close: () => {
      for (const t of timers) clearInterval(t);
      server.closeAllConnections();
      return new Promise((resolve) => server.close(resolve));
    },
  };
}
