// `npm run bench:widget`: what a page embedding the widget pays. (1) The bundle's size, raw and
// gzipped. (2) Time to first draw of a ~50-node neighbourhood in headless Chromium, from a host page on
// another origin: the widget's own performance measure "officials-graph:first-draw" (request sent →
// first frame after the layout) and its "officials-graph:drawn" mark (from navigation start), with a
// cold cache. (3) The same page loaded again in the same browser: the script and the read served from
// the HTTP cache (Resource Timing transferSize 0), and, past max-age, a revalidation answered 304 —
// timed here from Node against the full 200. Starts the built API (npm run build) on PORT (default
// 4100) with the seeds; needs Chromium (CHROMIUM_PATH, default /usr/bin/chromium).
import fs from 'node:fs';
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

async function nodesOf(api: string, perHop: number): Promise<number> {
  const res = await fetch(widgetQueryUrl(api, 'WidgetNeighbourhood', { id: CONFERENCE, depth: 2, perHop }));
  const body = (await res.json()) as { data: { neighbourhood: { cytoscape: { nodes: unknown[] } } } };
  return body.data.neighbourhood.cytoscape.nodes.length;
}

async function timed(
  url: string,
  headers: Record<string, string> = {},
): Promise<{ ms: number; status: number; bytes: number; sent: number; etag: string | null }> {
  const t0 = performance.now();
  const res = await fetch(url, { headers });
  const bytes = (await res.arrayBuffer()).byteLength; // decoded
  const sent = Number(res.headers.get('content-length') ?? 0); // as sent (gzipped)
  return { ms: performance.now() - t0, status: res.status, bytes, sent, etag: res.headers.get('etag') };
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
    let perHop = 10;
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
    console.log(`  cold cache:   ${line(cold)}`);
    console.log(`  second load:  ${line(warm)}`);
    console.log(`                widget resources from the HTTP cache: ${warm.map((r) => `${r.fromCache}/${r.entries}`).join(', ')}`);

    // past max-age a cache revalidates: 304 with no body against the full answer
    const full: number[] = [];
    const revalidated: number[] = [];
    let sample = await timed(read, { 'accept-encoding': 'gzip' });
    for (let i = 0; i < RUNS * 3; i++) {
      sample = await timed(read, { 'accept-encoding': 'gzip' });
      full.push(sample.ms);
      const r = await timed(read, { 'accept-encoding': 'gzip', 'if-none-match': sample.etag! });
      if (r.status !== 304) throw new Error(`expected 304, got ${r.status}`);
      revalidated.push(r.ms);
    }
    console.log(
      `the read over HTTP (median of ${RUNS * 3}): 200 in ${ms(median(full))} (${(sample.sent / 1024).toFixed(1)} KiB gzipped, ${(sample.bytes / 1024).toFixed(1)} KiB JSON), 304 in ${ms(median(revalidated))} (0 B)`,
    );
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
