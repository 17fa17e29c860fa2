// The card service's caches: a bounded map in least-recently-used order whose entries expire
// (the article cache, and the answer cache of memoryCache()), a Cache API object in this
// process's memory, and the edge cache in front of the routes.

// Entries are { bytes (a Uint8Array), at, ttlMs?, ... }; bounded in entries and in bytes.
export class BoundedCache {
  constructor({ entries, bytes, ttlMs }) {
    this.maxEntries = entries;
    this.maxBytes = bytes;
    this.ttlMs = ttlMs;
    this.map = new Map(); // key -> entry
    this.size = 0;
  }
  get(key, now) {
    const hit = this.map.get(key);
    if (!hit) return null;
    this.map.delete(key);
    if (now - hit.at > (hit.ttlMs ?? this.ttlMs)) {
      this.size -= hit.bytes.byteLength;
      return null;
    }
    this.map.set(key, hit); // most recently used last
    return hit;
  }
  set(key, entry) {
    const old = this.map.get(key);
    if (old) {
      this.size -= old.bytes.byteLength;
      this.map.delete(key);
    }
    if (entry.bytes.byteLength > this.maxBytes) return;
    this.map.set(key, entry);
    this.size += entry.bytes.byteLength;
    for (const [k, value] of this.map) {
      if (this.map.size <= this.maxEntries && this.size <= this.maxBytes) break;
      this.map.delete(k);
      this.size -= value.bytes.byteLength;
    }
  }
}

/**
 * A Cache API object (match/put) in this process's memory, bounded, for the service where no
 * edge cache is given (the Node adapter): each answer is kept for its Cache-Control max-age, so a
 * card asked for again costs neither a fetch nor a render, as at a CDN's edge.
 */
export function memoryCache({ entries = 1024, bytes = 64 * 1024 * 1024 } = {}) {
  const store = new BoundedCache({ entries, bytes, ttlMs: 0 });
  return {
    async match(request) {
      const hit = store.get(request.url ?? String(request), Date.now());
      return hit ? new Response(hit.bytes.slice(), { status: hit.status, headers: hit.headers }) : undefined;
    },
    async put(request, response) {
      const maxAge = /(?:^|,)\s*max-age=(\d+)/.exec(response.headers.get('cache-control') ?? '');
      if (!maxAge || /no-store|private/.test(response.headers.get('cache-control'))) return;
      const body = new Uint8Array(await response.arrayBuffer());
      store.set(request.url ?? String(request), { bytes: body, at: Date.now(), ttlMs: Number(maxAge[1]) * 1000, status: response.status, headers: [...response.headers] });
    },
    get entries() {
      return store.map.size;
    },
  };
}

/**
 * The answer from `cache` (a Cache API object; workerd: caches.default) when it has one, else
 * produce()'s, kept there when it is a 200: a hit costs no fetch and no render. Only plain GETs.
 */
export async function edgeCached(cache, request, ctx, counters, produce) {
  if (!cache || request.method !== 'GET' || request.headers.has('if-none-match')) return produce();
  // The Cache API keys on the URL alone: a card chosen by Accept-Language gets it in its key.
  const keyUrl = new URL(request.url);
  if (!keyUrl.searchParams.has('locale')) keyUrl.searchParams.set('khabar-accept-language', request.headers.get('accept-language') ?? '');
  const key = new Request(keyUrl.href);
  try {
    const hit = await cache.match(key);
    if (hit) {
      counters.cacheHits++;
      return hit;
    }
  } catch {}
  const response = await produce();
  if (response.status === 200) {
    const put = cache.put(key, response.clone()).catch(() => {});
    if (ctx?.waitUntil) ctx.waitUntil(put);
    else await put;
  }
  return response;
}
