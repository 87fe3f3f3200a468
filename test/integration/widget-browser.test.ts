// The widget in a real browser: headless Chromium (Debian's /usr/bin/chromium, driven by
// playwright-core) opens a page on another origin (another port) that embeds <officials-graph> with
// one script tag from the API, under a strict CSP and a hostile stylesheet. It checks what Cytoscape
// drew (node count and labels against the API's own answer), that proposals are drawn apart, that a
// click on an edge shows its source quote, that a node expands, the messages for an unknown id and an
// API that cannot be reached, a phone's width, a second load from the browser's cache, and that no
// CSP rule was broken. Screenshots go to test-artifacts/ (git-ignored). Skipped without Chromium.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
import { ingestFile } from '../../src/ingest/ingest';
import { CONFERENCE_ID } from './api-helpers';
import { cleanTestData } from '../support/db';
import { useTestServer } from '../support/server';
import { DEMO_CAREER, DEMO_CONFERENCE } from '../../src/server/widget-demo';
import { startHostServer, type HostServer } from '../support/widget-host';

const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const ROOT = path.resolve(__dirname, '../..');
const ARTIFACTS = path.join(ROOT, 'test-artifacts');
/** A register entry with a URL: its facts cite record values; a post held, seen only at retrieval (2025-01-01). */
const RECORD_FIXTURE = path.join(ROOT, 'test/fixtures/facts/zz-test-record.yaml');
const haveChromium = fs.existsSync(CHROMIUM);
if (!haveChromium) console.warn(`Skipping the widget browser test: no Chromium at ${CHROMIUM} (apt-get install chromium, or set CHROMIUM_PATH).`);

const world = useTestServer();

/** What the page's widget drew, read from Cytoscape's own state (run in the page). */
const DRAWN = `(() => {
  const cy = document.querySelector('officials-graph').cy;
  return {
    nodes: cy.nodes().map((n) => ({ id: n.id(), label: n.data('label'), display: n.data('display') })),
    edges: cy.edges().map((e) => ({ id: e.id(), label: e.data('display'), proposed: e.data('proposed'), line: e.style('line-style') })),
  };
})()`;

/** Page coordinates of an element's point in the graph (its rendered position inside the widget). */
/**
 * Where on the page a click lands on the element: its midpoint (an edge) or position (a node), or the
 * nearest point to it that Cytoscape's own hit test (the one its tap handler uses) gives to the element
 * — never a neighbour drawn over it.
 */
const pagePoint = (select: string, point: 'midpoint' | 'position') =>
  `(() => {
  const el = document.querySelector('officials-graph');
  const cy = el.cy;
  const target = cy.getElementById(${JSON.stringify('__ID__')});
  cy.fit(target, 60);
  const candidates = [];
  if (${JSON.stringify(point)} === 'midpoint') {
    const m = target.midpoint(), s = target.sourceEndpoint(), t = target.targetEndpoint();
    candidates.push(m);
    for (const f of [0.1, 0.2, 0.3, 0.4, 0.5, 0.6]) for (const e of [s, t]) candidates.push({ x: m.x + (e.x - m.x) * f, y: m.y + (e.y - m.y) * f });
  } else {
    const p = target.position(), w = target.width(), h = target.height();
    candidates.push(p);
    for (const fx of [0, -0.3, 0.3, -0.45, 0.45]) for (const fy of [0, -0.3, 0.3, -0.45, 0.45]) candidates.push({ x: p.x + fx * w, y: p.y + fy * h });
  }
  const hit = candidates.find((c) => { const near = cy.renderer().findNearestElement(c.x, c.y, true, false); return near && near.id() === target.id(); }) || candidates[0];
  const zoom = cy.zoom(), pan = cy.pan();
  const box = el.shadowRoot.querySelector('.graph').getBoundingClientRect();
  return { x: box.left + hit.x * zoom + pan.x, y: box.top + hit.y * zoom + pan.y };
})()`.replace('__ID__', select);

(haveChromium ? describe : describe.skip)('the widget in headless Chromium, on another origin', () => {
  let host: HostServer;
  let browser: Browser;
  let closedPort: number;
  const problems: string[] = [];

  beforeAll(async () => {
    // `npm run build:widget` without npm: a no-op when dist/widget is up to date.
    execFileSync(process.execPath, [require.resolve('ts-node/dist/bin'), '--project', 'tsconfig.json', '--transpile-only', 'src/widget/build.ts'], {
      cwd: ROOT,
      stdio: 'pipe',
    });
    fs.mkdirSync(ARTIFACTS, { recursive: true });
    const probe = http.createServer();
    await new Promise<void>((resolve) => probe.listen(0, '127.0.0.1', resolve));
    closedPort = (probe.address() as AddressInfo).port;
    await new Promise((resolve) => probe.close(resolve));
    host = await startHostServer(world.server.url, [`http://127.0.0.1:${closedPort}`]);
    await cleanTestData(world.db);
    await ingestFile(world.db, RECORD_FIXTURE, { actor: 'test', timeoutMs: world.db.maintenanceTimeoutMs });
    browser = await chromium.launch({ executablePath: CHROMIUM, args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking'] });
  }, 120_000);

  afterAll(async () => {
    await browser?.close();
    await host?.close();
    await cleanTestData(world.db);
  });

  /** A new page whose errors and CSP violations are collected (a 404's "Failed to load resource" is expected). */
  async function watched(viewport: { width: number; height: number }): Promise<Page> {
    const p = await browser.newPage({ viewport });
    p.on('pageerror', (err) => problems.push(`page error: ${err.message}`));
    p.on('console', (msg) => {
      if (msg.type() === 'error' && !/Failed to load resource/.test(msg.text())) problems.push(`console error: ${msg.text()}`);
    });
    await p.addInitScript({
      content: "document.addEventListener('securitypolicyviolation', (e) => console.error('CSP violation: ' + e.violatedDirective + ' ' + e.blockedURI));",
    });
    // fCoSE starts from random positions: a seeded Math.random makes each layout the same run after
    // run, so a click aimed at an element's position never lands on another that happened to overlap it
    await p.addInitScript({
      content:
        'Math.random = (() => { let s = 20240410; return () => { s = (s + 0x6d2b79f5) | 0; let t = Math.imul(s ^ (s >>> 15), 1 | s); t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t; return ((t ^ (t >>> 14)) >>> 0) / 4294967296; }; })();',
    });
    return p;
  }

  async function open(params: Record<string, string>, viewport = { width: 1200, height: 800 }, page?: Page): Promise<Page> {
    const p = page ?? (await watched(viewport));
    await p.goto(`${host.url}/?${new URLSearchParams(params).toString()}`);
    await p.waitForSelector('officials-graph[state="ready"], officials-graph[state="error"]', { timeout: 30_000 });
    return p;
  }

  describe('the seed conference', () => {
    let page: Page;
    let api: { nodes: Array<{ id: string; label: string }>; edges: Array<{ id: string }> };
    beforeAll(async () => {
      const { body } = await world.server.gql(`{ neighbourhood(id: "${CONFERENCE_ID}") { nodes { id label } edges { id } } }`);
      api = body.data.neighbourhood;
      page = await open({ entity: CONFERENCE_ID, lang: 'vi', height: '640' });
    }, 60_000);
    afterAll(() => page?.close());

    it('draws every entity and fact the API gives, with their labels', async () => {
      expect(await page.getAttribute('officials-graph', 'state')).toBe('ready');
      const drawn = (await page.evaluate(DRAWN)) as { nodes: Array<{ id: string; label: string; display: string }>; edges: any[] };
      expect(drawn.nodes.length).toBe(api.nodes.length);
      expect(drawn.edges.length).toBe(api.edges.length);
      expect(new Map(drawn.nodes.map((n) => [n.id, n.display]))).toEqual(new Map(api.nodes.map((n) => [n.id, n.label])));
      expect(drawn.nodes.map((n) => n.display)).toEqual(expect.arrayContaining(['Ngô Văn Tuấn', 'Nguyễn Thanh Tịnh']));
      expect(drawn.edges.map((e) => e.label)).toEqual(expect.arrayContaining(['phát biểu khai mạc', 'được đề nghị tặng']));
      await page.screenshot({ path: path.join(ARTIFACTS, 'widget-overview.png') });
    });

    it('draws a proposal dashed and a stated tie solid', async () => {
      const { edges } = (await page.evaluate(DRAWN)) as { edges: Array<{ proposed: boolean; line: string; label: string }> };
      const proposals = edges.filter((e) => e.proposed);
      expect(proposals.length).toBeGreaterThan(0);
      for (const e of proposals) expect(e.line).toBe('dashed');
      expect(edges.find((e) => e.label === 'phát biểu khai mạc')?.line).toBe('solid');
      const inferred = (await page.evaluate(
        "document.querySelector('officials-graph').cy.edges('[?inferred][!proposed]').map((e) => e.style('line-style'))",
      )) as string[];
      expect(inferred.length).toBeGreaterThan(0);
      expect(new Set(inferred)).toEqual(new Set(['dotted']));
    });

    it('says in words that a proposal is not an award', async () => {
      const flag = (await page.evaluate(
        `document.querySelector('officials-graph').cy.edges('[source = "organization/bo-quoc-phong"][target = "award/co-thi-dua-cua-chinh-phu"]').map((e) => e.id())`,
      )) as string[];
      expect(flag).toHaveLength(1);
      const at = (await page.evaluate(pagePoint(flag[0]!, 'midpoint'))) as { x: number; y: number };
      await page.mouse.click(at.x, at.y);
      const panel = page.locator('officials-graph .panel');
      await panel.locator('h3', { hasText: 'được đề nghị tặng' }).waitFor({ timeout: 10_000 });
      expect(await panel.locator('.badge.proposed').textContent()).toBe('Đề nghị, chưa được trao');
      expect(await panel.locator('blockquote').count()).toBeGreaterThan(0);
    });

    it('shows the source and its quote when an edge is clicked', async () => {
      const { body } = await world.server.gql(`{ neighbourhood(id: "${CONFERENCE_ID}") { edges { id source labelEn sources { quote source { title } } } } }`);
      const opened = body.data.neighbourhood.edges.find((e: any) => e.source === 'person/ngo-van-tuan' && e.labelEn === 'opened');
      const at = (await page.evaluate(pagePoint(opened.id, 'midpoint'))) as { x: number; y: number };
      await page.mouse.click(at.x, at.y);
      const panel = page.locator('officials-graph .panel');
      await panel.waitFor({ state: 'visible', timeout: 10_000 });
      expect(await page.evaluate("document.querySelector('officials-graph').cy.$(':selected').map((e) => e.id())")).toEqual([opened.id]);
      const quotes = await panel.locator('blockquote').allTextContents();
      expect(quotes).toContain(opened.sources[0].quote);
      expect(await panel.textContent()).toContain(opened.sources[0].source.title);
      // the page's stylesheet reached neither the panel's colour nor its border
      const looks = await panel.evaluate((el: any) => {
        const style = (globalThis as any).getComputedStyle(el);
        return { color: style.color, border: style.borderTopWidth };
      });
      expect(looks).toEqual({ color: 'rgb(15, 23, 42)', border: '1px' });
      await page.screenshot({ path: path.join(ARTIFACTS, 'widget-conference.png') });
    });

    it('expands a node on demand and links back to it', async () => {
      const before = (await page.evaluate('document.querySelector("officials-graph").cy.nodes().length')) as number;
      const at = (await page.evaluate(pagePoint('person/ngo-van-tuan', 'position'))) as { x: number; y: number };
      // Cytoscape takes two clicks within its multi-click time (250 ms), on anything, for a double tap
      // (which expands a node): the previous test's click, at the same point of the viewport (both
      // targets are fitted to its centre), can be that recent on a fast run
      await page.waitForTimeout(400);
      await page.mouse.click(at.x, at.y);
      const panel = page.locator('officials-graph .panel');
      await panel.locator('h3', { hasText: 'Ngô Văn Tuấn' }).waitFor({ timeout: 10_000 });
      expect(await panel.locator('button.expand').isEnabled()).toBe(true); // not expanded before it is asked
      expect(await panel.locator('a.open').getAttribute('href')).toBe(
        `${world.server.url}/widget/demo?id=${encodeURIComponent('person/ngo-van-tuan')}&lang=vi`,
      );
      await panel.locator('button.expand').click();
      // (a function, not a string: the page's CSP refuses the eval Playwright would use for a string)
      await page.waitForFunction((n) => (globalThis as any).document.querySelector('officials-graph').cy.nodes().length > n, before, { timeout: 15_000 });
      const ids = (await page.evaluate('document.querySelector("officials-graph").cy.nodes().map((n) => n.id())')) as string[];
      expect(ids).toContain('organization/kiem-toan-nha-nuoc');
    });

    it('loads a second time from the browser cache: the read is not fetched again', async () => {
      await open({ entity: CONFERENCE_ID, lang: 'vi', height: '640' }, undefined, page);
      const reads = (await page.evaluate(
        "performance.getEntriesByType('resource').filter((r) => r.name.includes('/widget/v1/query/')).map((r) => ({ transfer: r.transferSize, body: r.decodedBodySize }))",
      )) as Array<{ transfer: number; body: number }>;
      expect(reads).toHaveLength(1);
      expect(reads[0]!.body).toBeGreaterThan(1000);
      expect(reads[0]!.transfer).toBe(0); // served from the HTTP cache (Timing-Allow-Origin lets the page see it)
    });
  });

  it("draws a tie only presumed on the chosen date apart, and links a record's source to its URL", async () => {
    const page = await open({ entity: 'person/zz-test-record-b', at: '2024', lang: 'en' });
    const presumed = (await page.evaluate(
      `document.querySelector('officials-graph').cy.edges('[basis = "PRESUMED"][!field]').map((e) => ({ id: e.id(), line: e.style('line-style'), opacity: e.style('opacity'), label: e.data('display') }))`,
    )) as Array<{ id: string; line: string; opacity: string; label: string }>;
    expect(presumed).toHaveLength(1);
    expect(presumed[0]).toMatchObject({ line: 'dotted', opacity: '0.55' });
    const at = (await page.evaluate(pagePoint(presumed[0]!.id, 'midpoint'))) as { x: number; y: number };
    await page.mouse.click(at.x, at.y);
    const panel = page.locator('officials-graph .panel');
    await panel.waitFor({ state: 'visible', timeout: 10_000 });
    expect(await panel.locator('.badge.presumed').textContent()).toBe('Presumed to hold on the chosen date, not stated');
    const link = panel.locator('.source a');
    expect(await link.getAttribute('href')).toBe('https://example.org/zz-test/42');
    expect(await link.getAttribute('rel')).toBe('noopener noreferrer nofollow');
    expect(await panel.locator('.records li').allTextContents()).toContain('term_end2: nay');
    await page.close();
  });

  it('leaves proposals out when asked, says what was trimmed, and names an attribute that is wrong', async () => {
    const page = await open({ entity: CONFERENCE_ID, ties: 'no-proposed', 'per-hop': '10', lang: 'en' });
    const drawn = (await page.evaluate(DRAWN)) as { nodes: Array<{ id: string }>; edges: Array<{ proposed: boolean }> };
    expect(drawn.edges.length).toBeGreaterThan(0);
    expect(drawn.edges.filter((e) => e.proposed)).toEqual([]);
    expect(drawn.nodes.map((n) => n.id)).not.toContain('award/co-thi-dua-cua-chinh-phu');
    expect(await page.locator('officials-graph .note').textContent()).toBe(
      'Trimmed: 1 entity has more than 10 ties; the best evidenced, most recent are shown.',
    );
    // changing an attribute redraws: a word the widget does not take is named, never ignored
    await page.evaluate("document.querySelector('officials-graph').setAttribute('ties', 'no-proposals')");
    await page.waitForSelector('officials-graph[state="error"]', { timeout: 10_000 });
    expect(await page.locator('officials-graph .message').textContent()).toMatch(
      /^The widget's attributes are not valid: ties="no-proposals": "no-proposals" is not a word/,
    );
    await page.close();
  });

  it('says so when the id is unknown', async () => {
    const page = await open({ entity: 'person/nobody-at-all', lang: 'en' });
    expect(await page.getAttribute('officials-graph', 'state')).toBe('error');
    const text = await page.locator('officials-graph .message').textContent();
    expect(text).toBe('There is no entity with the id “person/nobody-at-all” in officials-graph.');
    await page.close();
  });

  it('says so when the API cannot be reached', async () => {
    const page = await open({ entity: CONFERENCE_ID, lang: 'en', endpoint: `http://127.0.0.1:${closedPort}` });
    expect(await page.locator('officials-graph .message').textContent()).toContain(`Could not reach the officials-graph API at http://127.0.0.1:${closedPort}`);
    await page.close();
  });

  it("fits a phone's width, the details panel too", async () => {
    const page = await open({ entity: CONFERENCE_ID, lang: 'en', height: '560' }, { width: 375, height: 740 });
    expect(await page.evaluate('document.documentElement.scrollWidth')).toBeLessThanOrEqual(375);
    const at = (await page.evaluate(pagePoint(CONFERENCE_ID, 'position'))) as { x: number; y: number };
    await page.mouse.click(at.x, at.y);
    const panel = page.locator('officials-graph .panel');
    await panel.waitFor({ state: 'visible', timeout: 10_000 });
    const box = (await panel.boundingBox())!;
    expect(box.x).toBeGreaterThanOrEqual(0);
    expect(box.x + box.width).toBeLessThanOrEqual(375);
    await page.screenshot({ path: path.join(ARTIFACTS, 'widget-phone.png') });
    await page.close();
  });

  it('the demo page draws the conference, and the career or a readable message when that person is not loaded', async () => {
    const page = await watched({ width: 1000, height: 900 });
    await page.goto(`${world.server.url}/widget/demo?lang=en`);
    const state = (id: string) => page.locator(`officials-graph[entity="${id}"]`);
    await page.waitForSelector(`officials-graph[entity="${DEMO_CONFERENCE}"][state="ready"]`, { timeout: 30_000 });
    await page.waitForSelector(`officials-graph[entity="${DEMO_CAREER}"]:is([state="ready"], [state="error"])`, { timeout: 30_000 });
    // the Wikipedia officials are loaded by `npm start`, not necessarily in the test database
    const { body } = await world.server.gql(`{ person(id: "${DEMO_CAREER}") { id } }`);
    if (body.data.person) {
      expect(await state(DEMO_CAREER).getAttribute('state')).toBe('ready');
    } else {
      expect(await state(DEMO_CAREER).locator('.message').textContent()).toBe(`There is no entity with the id “${DEMO_CAREER}” in officials-graph.`);
    }
    await page.screenshot({ path: path.join(ARTIFACTS, 'widget-demo.png'), fullPage: true });
    await page.close();
  });

  it('broke no rule of the CSP and threw no error', () => {
    expect(problems).toEqual([]);
  });
});
