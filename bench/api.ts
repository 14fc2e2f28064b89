import http from 'node:http';

/**
 * The open API in the bench (issue 12): a harvest of the whole register the way a harvester does it —
 * every resource, every page at the largest page size, following `links.next` — with its time, requests
 * and items. Sequential on one keep-alive connection, as a polite harvester is; an editor's save every
 * second empties the page cache meanwhile, so most pages are built from the database.
 */
export async function harvestRegister(port: number): Promise<{
  seconds: number;
  requests: number;
  items: number;
  bytes: number;
  perResource: Record<string, { pages: number; items: number }>;
  p50Ms: number;
  p99Ms: number;
}> {
  const agent = new http.Agent({ keepAlive: true, maxSockets: 1 });
  const base = `http://127.0.0.1:${port}`;
  const info = await getJson(`${base}/api/v1/openapi.json`, agent);
  const names = Object.keys((info.body as { paths: Record<string, unknown> }).paths)
    .filter((path) => /^\/[a-z-]+$/.test(path) && path !== '/api-info' && path !== '/openapi.json')
    .map((path) => path.slice(1));
  const timings: number[] = [];
  const perResource: Record<string, { pages: number; items: number }> = {};
  let requests = 0;
  let items = 0;
  let bytes = 0;
  const started = performance.now();
  for (const name of names) {
    let next: string | undefined = `${base}/api/v1/${name}?limit=100`;
    const counts = { pages: 0, items: 0 };
    while (next) {
      const before = performance.now();
      const page = await getJson(next, agent);
      timings.push(performance.now() - before);
      if (page.status !== 200) throw new Error(`${next} answered ${page.status}`);
      const body = page.body as { items: unknown[]; links: { next?: string } };
      requests += 1;
      bytes += page.bytes;
      counts.pages += 1;
      counts.items += body.items.length;
      // The links name the app's BASE_URL, which is this address in the bench.
      next = body.links.next;
    }
    perResource[name] = counts;
    items += counts.items;
  }
  const seconds = (performance.now() - started) / 1000;
  agent.destroy();
  timings.sort((a, b) => a - b);
  const at = (p: number) =>
    timings[Math.min(timings.length - 1, Math.ceil((p / 100) * timings.length) - 1)] ?? 0;
  return {
    seconds: Math.round(seconds * 100) / 100,
    requests,
    items,
    bytes,
    perResource,
    p50Ms: Math.round(at(50) * 10) / 10,
    p99Ms: Math.round(at(99) * 10) / 10,
  };
}

function getJson(url: string, agent: http.Agent): Promise<{ status: number; body: unknown; bytes: number }> {
  return new Promise((resolve, reject) => {
    const request = http.get(url, { agent, timeout: 30_000 }, (response) => {
      const chunks: Buffer[] = [];
      response.on('data', (chunk: Buffer) => chunks.push(chunk));
      response.on('end', () => {
        const buffer = Buffer.concat(chunks);
        try {
          resolve({
            status: response.statusCode ?? 0,
            body: JSON.parse(buffer.toString('utf8')),
            bytes: buffer.length,
          });
        } catch (error) {
          reject(error);
        }
      });
      response.on('error', reject);
    });
    request.on('timeout', () => request.destroy(new Error('timeout')));
    request.on('error', reject);
  });
}

/**
 * What a catalogue harvest and the largest download cost when they must be built (right after a change):
 * each asked for once, with the editor still emptying the cache, then once more from the cache.
 */
export async function timeFiles(
  port: number,
): Promise<{ path: string; builtMs: number; cachedMs: number; bytes: number }[]> {
  const results = [];
  for (const path of ['/datasets/dcat', '/oppna-data/datamangder/activities.csv']) {
    const url = `http://127.0.0.1:${port}${path}`;
    const built = await timed(url);
    const cached = await timed(url);
    results.push({ path, builtMs: built.ms, cachedMs: cached.ms, bytes: built.bytes });
  }
  return results;
}

function timed(url: string): Promise<{ ms: number; bytes: number }> {
  const started = performance.now();
  return new Promise((resolve, reject) => {
    const request = http.get(url, { timeout: 60_000 }, (response) => {
      let bytes = 0;
      response.on('data', (chunk: Buffer) => {
        bytes += chunk.length;
      });
      response.on('end', () => {
        if (response.statusCode !== 200) reject(new Error(`${url} answered ${response.statusCode}`));
        else resolve({ ms: Math.round(performance.now() - started), bytes });
      });
      response.on('error', reject);
    });
    request.on('timeout', () => request.destroy(new Error('timeout')));
    request.on('error', reject);
  });
}
