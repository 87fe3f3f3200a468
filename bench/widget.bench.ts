// `npm run bench:widget`: what a page embedding the widget pays. (1) The bundle's size, raw and
// gzipped. (2) Time to first draw of a ~50-node neighbourhood in headless Chromium, from a host page on
// another origin: the widget's own performance measure "officials-graph:first-draw" (request sent →
// first frame after the layout) and its "officials-graph:drawn" mark (from navigation start), with a
// cold cache. (3) The same page loaded again in the same browser: the script and the read served from
// the HTTP cache (Resource Timing transferSize 0). (4) The read timed from Node: computed by the
// database, from the API's own cache, and revalidated (304). Starts the built API (npm run build) on PORT (default
// 4100) with the seeds; needs Chromium (CHROMIUM_PATH, default /usr/bin/chromium).
import fs from 'node:fs';
import http from 'node:http';
import { chromium } from 'playwright-core';
import { startApi } from './api-process';
import { startHostServer } from '../test/support/widget-host';
import { WIDGET_DIR, WIDGET_MANIFEST, type WidgetManifest } from '../src/widget/output';
import { widgetQueryUrl } from '../src/widget/protocol';

const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const CONFERENCE = 'event/2024-04-10-hoi-nghi-tong-ket-thi-dua-khoi-noi-chinh';
const RUNS = Number(process.env.RUNS ?? 7);
const TARGET_NODES = 50;

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
const ms = (x: number) => `${x.toFixed(0)} ms`;

/** The neighbourhood's size, asked through POST /graphql: the widget's route (and its cache) stays untouched. */
async function nodesOf(api: string, perHop: number): Promise<number> {
  const res = await fetch(`${api}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ query: `{ neighbourhood(id: "${CONFERENCE}", depth: 2, perHop: ${perHop}) { nodes { id } } }` }),
  });
  const body = (await res.json()) as { data: { neighbourhood: { nodes: unknown[] } } };
  return body.data.neighbourhood.nodes.length;
}

/** One GET with exactly these headers (node:http: fetch would add Cache-Control: no-cache to a conditional request). */
function timed(url: string, headers: Record<string, string> = {}): Promise<{ ms: number; status: number; sent: number; etag: string | null }> {
  const t0 = performance.now();
  return new Promise((resolve, reject) => {
    http
      .get(url, { headers }, (res) => {
        let sent = 0;
        res.on('data', (c: Buffer) => (sent += c.length));
        res.on('end', () => resolve({ ms: performance.now() - t0, status: res.statusCode ?? 0, sent, etag: (res.headers.etag as string) ?? null }));
      })
      .on('error', reject);
  });
}

async function main(): Promise<void> {
  const manifest = JSON.parse(fs.readFileSync(`${WIDGET_DIR}/${WIDGET_MANIFEST}`, 'utf8')) as WidgetManifest;
  console.log(`bundle ${manifest.file}: ${(manifest.bytes / 1024).toFixed(1)} KiB raw, ${(manifest.gzipBytes / 1024).toFixed(1)} KiB gzipped`);
  console.log(
    `  (${Object.entries(manifest.versions)
      .map(([n, v]) => `${n} ${v}`)
      .join(', ')})`,
  );

  const port = Number(process.env.PORT ?? 4100);
  const { server, url: api } = await startApi(port);
  const host = await startHostServer(api);
  const browser = await chromium.launch({ executablePath: CHROMIUM, args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking'] });
  try {
    // the smallest perHop at which the conference's two-hop neighbourhood reaches ~50 entities
    let perHop = 1;
    while (perHop < 50 && (await nodesOf(api, perHop)) < TARGET_NODES) perHop++;
    const page = `${host.url}/?${new URLSearchParams({ entity: CONFERENCE, depth: '2', 'per-hop': String(perHop), height: '640' })}`;
    const read = widgetQueryUrl(api, 'WidgetNeighbourhood', { id: CONFERENCE, depth: 2, perHop });

    const cold: Array<{ draw: number; fetch: number; drawn: number; nodes: number; edges: number }> = [];
    const warm: Array<{ draw: number; fetch: number; drawn: number; fromCache: number; entries: number }> = [];
    for (let i = 0; i < RUNS; i++) {
      const context = await browser.newContext({ viewport: { width: 1200, height: 800 } }); // a new context: an empty cache
      const tab = await context.newPage();
      const load = async () => {
        await tab.goto(page);
        await tab.waitForSelector('officials-graph[state="ready"]', { timeout: 60_000 });
        return (await tab.evaluate(`(() => {
          const m = performance.getEntriesByName('officials-graph:first-draw').at(-1);
          const f = performance.getEntriesByName('officials-graph:fetch').at(-1);
          const d = performance.getEntriesByName('officials-graph:drawn').at(-1);
          const cy = document.querySelector('officials-graph').cy;
          const res = performance.getEntriesByType('resource').filter((r) => r.name.includes('/widget/v1/'));
          return { draw: m.duration, fetch: f.duration, drawn: d.startTime, nodes: cy.nodes().length, edges: cy.edges().length,
                   fromCache: res.filter((r) => r.transferSize === 0 && r.decodedBodySize > 0).length, entries: res.length };
        })()`)) as { draw: number; fetch: number; drawn: number; nodes: number; edges: number; fromCache: number; entries: number };
      };
      cold.push(await load());
      warm.push(await load());
      await context.close();
    }
    const c0 = cold[0]!;
    console.log(`first draw of the conference, depth 2, perHop ${perHop}: ${c0.nodes} nodes, ${c0.edges} edges; median of ${RUNS} runs`);
    const line = (rs: typeof cold | typeof warm) =>
      `request → drawn ${ms(median(rs.map((r) => r.draw)))} (the read ${ms(median(rs.map((r) => r.fetch)))}), navigation → drawn ${ms(median(rs.map((r) => r.drawn)))}`;
    console.log(`  first run:    request → drawn ${ms(c0.draw)} (the read ${ms(c0.fetch)}: the API's cache empty too)`);
    console.log(`  cold cache:   ${line(cold)}`);
    console.log(`  second load:  ${line(warm)}`);
    console.log(`                widget resources from the HTTP cache: ${warm.map((r) => `${r.fromCache}/${r.entries}`).join(', ')}`);

    // the read from Node: computed by the database (a hard reload skips the API's cache), from the
    // API's cache, and — past max-age, a browser or CDN revalidating — 304 with no body
    const gz = { 'accept-encoding': 'gzip' };
    const fromDb: number[] = [];
    const fromApiCache: number[] = [];
    const revalidated: number[] = [];
    const json = (await (await fetch(read)).arrayBuffer()).byteLength;
    let sample = await timed(read, gz);
    for (let i = 0; i < RUNS * 3; i++) {
      sample = await timed(read, { ...gz, 'cache-control': 'no-cache' });
      fromDb.push(sample.ms);
      fromApiCache.push((await timed(read, gz)).ms);
      const r = await timed(read, { ...gz, 'if-none-match': sample.etag! });
      if (r.status !== 304) throw new Error(`expected 304, got ${r.status}`);
      revalidated.push(r.ms);
    }
    console.log(`the read over HTTP (median of ${RUNS * 3}; ${(sample.sent / 1024).toFixed(1)} KiB gzipped, ${(json / 1024).toFixed(1)} KiB of JSON):`);
    console.log(`  200 from the database ${ms(median(fromDb))}, 200 from the API's cache ${ms(median(fromApiCache))}, 304 ${ms(median(revalidated))}`);
  } finally {
    await browser.close();
    await host.close();
    server.kill('SIGTERM');
  }
}

main().catch((err: unknown) => {
  console.error(err);
  process.exit(1);
});
