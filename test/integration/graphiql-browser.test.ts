// GraphiQL in a real browser: headless Chromium (Debian's /usr/bin/chromium, driven by
// playwright-core) opens /graphql, lands on /graphiql, runs the default example and sees its result;
// then opens another example from the Examples pane. Every request stays on the API's origin and
// the page's Content-Security-Policy is never violated. A screenshot goes to /tmp/graphiql.png.
// Skipped when Chromium is not installed (apt-get install chromium).
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
import type { Database } from '../../src/db/database';
import { openTestDb } from '../support/db';
import { RunningServer, startTestServer } from '../support/server';

const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const ROOT = path.resolve(__dirname, '../..');
const SCREENSHOT = path.join('/tmp', 'graphiql.png');
const haveChromium = fs.existsSync(CHROMIUM);

if (!haveChromium) {
  console.warn(`Skipping the GraphiQL browser test: no Chromium at ${CHROMIUM} (apt-get install chromium, or set CHROMIUM_PATH).`);
}

(haveChromium ? describe : describe.skip)('GraphiQL in headless Chromium', () => {
  let db: Database;
  let server: RunningServer;
  let browser: Browser;
  let page: Page;
  const requests: string[] = [];
  const problems: string[] = [];

  beforeAll(async () => {
    // `npm run build:ui` without npm: a no-op when dist/ui is up to date.
    execFileSync(process.execPath, [require.resolve('ts-node/dist/bin'), '--project', 'tsconfig.json', '--transpile-only', 'src/ui/build.ts'], {
      cwd: ROOT,
      stdio: 'pipe',
    });
    db = await openTestDb();
    server = await startTestServer(db);
    browser = await chromium.launch({
      executablePath: CHROMIUM,
      args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking'],
    });
    page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
    page.on('request', (req) => requests.push(req.url()));
    page.on('pageerror', (err) => problems.push(`page error: ${err.message}`));
    page.on('console', (msg) => {
      if (msg.type() === 'error') problems.push(`console error: ${msg.text()}`);
    });
    // (Scripts that run in the page are strings: this tsconfig has no DOM types.)
    await page.addInitScript({
      content: "document.addEventListener('securitypolicyviolation', (e) => console.error('CSP violation: ' + e.violatedDirective + ' ' + e.blockedURI));",
    });
  }, 180_000);

  afterAll(async () => {
    await browser?.close();
    await server?.close();
    await db?.close();
  });

  it('opens /graphql, lands on GraphiQL with the examples as tabs', async () => {
    await page.goto(`${server.url}/graphql`);
    expect(new URL(page.url()).pathname).toBe('/graphiql');
    await page.waitForSelector('.graphiql-container .graphiql-query-editor .monaco-editor', { timeout: 30_000 });
    const tabs = await page.$$eval('.graphiql-tab', (els) => els.map((e) => e.textContent ?? ''));
    expect(tabs.length).toBeGreaterThanOrEqual(7);
    expect(tabs[0]).toContain('PersonWithPosts');
  });

  it('runs the default query with its variables and shows the result', async () => {
    const [response] = await Promise.all([
      page.waitForResponse(
        (r) => new URL(r.url()).pathname === '/graphql' && r.request().method() === 'POST' && (r.request().postData() ?? '').includes('PersonWithPosts'),
      ),
      page.click('.graphiql-execute-button'),
    ]);
    expect(response.status()).toBe(200);
    const body = (await response.json()) as { data?: { person?: { name: string } }; errors?: unknown };
    expect(body.errors).toBeUndefined();
    expect(body.data?.person?.name).toBe('Nguyễn Thanh Tịnh');
    // Monaco renders spaces as no-break spaces, which the locator's text match takes as spaces. (Not
    // waitForFunction: polling a predicate evaluates it as a string, which the page's CSP refuses.)
    await page.locator('.result-window', { hasText: 'Nguyễn Thanh Tịnh' }).waitFor({ timeout: 15_000 });
    await page.screenshot({ path: SCREENSHOT });
  });

  it('opens another example from the Examples pane and runs it', async () => {
    await page.click('button[aria-label="Show Examples"]');
    await page.click('.og-examples button:has-text("Search without diacritics")');
    await page.waitForSelector('.graphiql-tab-active:has-text("SearchWithoutDiacritics")');
    // GraphiQL reads the operation's name from the editor 100 ms after a change (a person never
    // clicks ▶ sooner); run before that and it sends the previous tab's operation name.
    await page.waitForTimeout(500);
    const [response] = await Promise.all([
      page.waitForResponse((r) => new URL(r.url()).pathname === '/graphql' && (r.request().postData() ?? '').includes('SearchWithoutDiacritics')),
      page.click('.graphiql-execute-button'),
    ]);
    const body = (await response.json()) as { data?: { search: { name: string }[] } };
    expect(body.data?.search.map((hit) => hit.name)).toContain('Nguyễn Thanh Tịnh');
  });

  it('loaded nothing from another origin and broke no rule of the CSP', () => {
    const origins = new Set(requests.filter((u) => !u.startsWith('data:')).map((u) => new URL(u).origin));
    expect([...origins]).toEqual([server.url]);
    expect(requests.some((u) => /\/graphiql\/assets\/graphql\.worker-/.test(u))).toBe(true);
    expect(problems).toEqual([]);
  });
});
