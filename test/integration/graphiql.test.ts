// GraphiQL served by the API itself (src/server/graphiql.ts): the page, its same-origin bundle, the
// CSP that proves no CDN, the browser redirect from /graphql, and the page shown when the bundle
// has not been built. The bundle is built (or found up to date) once, in beforeAll.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import express from 'express';
import type { Database } from '../../src/db/database';
import { registerGraphiql } from '../../src/server/graphiql';
import { UI_DIR, type UiManifest } from '../../src/ui/output';
import { openTestDb } from '../support/db';
import { RunningServer, startTestServer } from '../support/server';

const ROOT = path.resolve(__dirname, '../..');
const BROWSER_ACCEPT = 'text/html,application/xhtml+xml,application/xml;q=0.9,image/avif,image/webp,*/*;q=0.8';

/** `npm run build:ui`, without npm: a no-op when dist/ui is up to date. */
function buildUiOnce(): UiManifest {
  execFileSync(process.execPath, [require.resolve('ts-node/dist/bin'), '--project', 'tsconfig.json', '--transpile-only', 'src/ui/build.ts'], {
    cwd: ROOT,
    stdio: 'pipe',
  });
  return JSON.parse(fs.readFileSync(path.join(UI_DIR, 'manifest.json'), 'utf8')) as UiManifest;
}

/** The values of `attr` on every `tag` element of an HTML page. */
function attributes(html: string, tag: string, attr: string): string[] {
  return [...html.matchAll(new RegExp(`<${tag}\\b[^>]*>`, 'gi'))]
    .map((m) => new RegExp(`\\b${attr}="([^"]*)"`, 'i').exec(m[0])?.[1])
    .filter((v): v is string => v !== undefined);
}

/** A same-origin path ("/x", not "//host/x" nor "https://…") or a data: URL: nothing from another host. */
const isLocal = (url: string): boolean => url.startsWith('data:') || (/^\/(?!\/)/.test(url) && !/^[a-z][\w+.-]*:/i.test(url));

let db: Database;
let server: RunningServer;
let manifest: UiManifest;

beforeAll(async () => {
  manifest = buildUiOnce();
  db = await openTestDb();
  server = await startTestServer(db);
}, 180_000);
afterAll(async () => {
  await server?.close();
  await db?.close();
});

describe('GET /graphiql', () => {
  let res: Response;
  let html: string;
  beforeAll(async () => {
    res = await fetch(`${server.url}/graphiql`);
    html = await res.text();
  });

  it('returns the HTML page, not cached', () => {
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/^text\/html/);
    expect(res.headers.get('cache-control')).toBe('no-cache');
    expect(html).toContain('<div id="graphiql"');
  });

  it('sends a Content-Security-Policy that allows this origin only', () => {
    const csp = res.headers.get('content-security-policy');
    expect(csp).toBeTruthy();
    const directives = new Map(
      csp!.split(';').map((d) => {
        const [name, ...values] = d.trim().split(/\s+/);
        return [name!, values] as const;
      }),
    );
    expect(directives.get('default-src')).toEqual(["'self'"]);
    expect(directives.get('script-src')).toEqual(["'self'"]);
    expect(directives.get('connect-src')).toEqual(["'self'"]);
    expect(directives.get('object-src')).toEqual(["'none'"]);
    // No host anywhere: only keywords and the data:/blob: schemes.
    for (const [, values] of directives) {
      for (const value of values) expect(value).toMatch(/^('[\w-]+'|data:|blob:)$/);
    }
  });

  it('references only local scripts and stylesheets, and each is served', async () => {
    const scripts = attributes(html, 'script', 'src');
    const links = attributes(html, 'link', 'href');
    expect(scripts).toEqual([`/graphiql/assets/${manifest.script}`]);
    expect(links).toContain(`/graphiql/assets/${manifest.style}`);
    expect(html).not.toMatch(/<script(?![^>]*\bsrc=)[^>]*>/i); // no inline script
    for (const url of [...scripts, ...links]) {
      expect({ url, local: isLocal(url) }).toEqual({ url, local: true });
      if (url.startsWith('data:')) continue;
      const asset = await fetch(new URL(url, server.url));
      expect({ url, status: asset.status }).toEqual({ url, status: 200 });
      expect(asset.headers.get('cache-control')).toMatch(/immutable/);
      await asset.arrayBuffer();
    }
  });

  it('points Monaco at same-origin workers, and each is served as JavaScript', async () => {
    const workers = ['data-editor-worker', 'data-json-worker', 'data-graphql-worker'].flatMap((a) => attributes(html, 'div', a));
    expect(workers).toHaveLength(3);
    for (const url of workers) {
      expect(isLocal(url)).toBe(true);
      const asset = await fetch(new URL(url, server.url));
      expect({ url, status: asset.status }).toEqual({ url, status: 200 });
      expect(asset.headers.get('content-type')).toMatch(/^(text|application)\/javascript/);
      await asset.arrayBuffer();
    }
    expect(attributes(html, 'div', 'data-endpoint')).toEqual(['/graphql']);
  });

  it("bundles the stylesheet's fonts: every url() in it is a data: URL or a served local file", async () => {
    const css = await (await fetch(`${server.url}/graphiql/assets/${manifest.style}`)).text();
    const urls = [...css.matchAll(/url\(\s*['"]?([^'")]+)['"]?\s*\)/g)].map((m) => m[1]!);
    expect(urls.length).toBeGreaterThan(0);
    for (const url of urls.filter((u) => !u.startsWith('data:'))) {
      expect(url).not.toMatch(/^([a-z][\w+.-]*:|\/\/)/i);
      const asset = await fetch(new URL(url, `${server.url}/graphiql/assets/${manifest.style}`));
      expect({ url, status: asset.status }).toEqual({ url, status: 200 });
      await asset.arrayBuffer();
    }
  });

  it('names no CDN in the bundle', () => {
    for (const file of [manifest.script, manifest.style, ...Object.values(manifest.workers)]) {
      const text = fs.readFileSync(path.join(UI_DIR, 'assets', file), 'utf8');
      expect({ file, cdn: text.match(/esm\.sh|unpkg\.com|jsdelivr|cdnjs|fonts\.googleapis|fonts\.gstatic/g) }).toEqual({ file, cdn: null });
    }
  });

  it('sends the gzipped file to browsers that take gzip, the plain one otherwise', async () => {
    const url = `${server.url}/graphiql/assets/${manifest.script}`;
    const gz = await fetch(url, { headers: { 'accept-encoding': 'gzip' } });
    expect(gz.headers.get('content-encoding')).toBe('gzip');
    expect(gz.headers.get('content-type')).toMatch(/javascript/);
    expect(gz.headers.get('vary')).toMatch(/Accept-Encoding/i);
    const unzipped = Buffer.from(await gz.arrayBuffer()); // fetch inflates it
    const plain = await fetch(url, { headers: { 'accept-encoding': 'identity' } });
    expect(plain.headers.get('content-encoding')).toBeNull();
    const body = Buffer.from(await plain.arrayBuffer());
    expect(body.length).toBe(manifest.files[manifest.script]);
    expect(unzipped.equals(body)).toBe(true);
  });

  it('answers 404 for an asset that does not exist', async () => {
    const res = await fetch(`${server.url}/graphiql/assets/nope-12345678.js`);
    expect(res.status).toBe(404);
    await res.text();
  });
});

describe('GET /graphql from a browser', () => {
  it('redirects to /graphiql', async () => {
    const res = await fetch(`${server.url}/graphql`, { headers: { accept: BROWSER_ACCEPT }, redirect: 'manual' });
    expect(res.status).toBe(302);
    expect(res.headers.get('location')).toBe('/graphiql');
    await res.text();
  });

  it('leaves API clients alone: a GET with a query, or one that asks for JSON', async () => {
    const withQuery = await fetch(`${server.url}/graphql?query=${encodeURIComponent('{ __typename }')}`, {
      headers: { accept: BROWSER_ACCEPT },
      redirect: 'manual',
    });
    expect(withQuery.status).not.toBe(302);
    await withQuery.text();
    const json = await fetch(`${server.url}/graphql`, { headers: { accept: 'application/json' }, redirect: 'manual' });
    expect(json.status).not.toBe(302);
    await json.text();
    const any = await fetch(`${server.url}/graphql`, { headers: { accept: '*/*' }, redirect: 'manual' });
    expect(any.status).not.toBe(302);
    await any.text();
  });

  it('still answers POST /graphql', async () => {
    const { status, body } = await server.gql('{ __typename }');
    expect(status).toBe(200);
    expect(body).toEqual({ data: { __typename: 'Query' } });
  });
});

describe('without a built bundle', () => {
  let empty: string;
  let httpServer: ReturnType<ReturnType<typeof express>['listen']>;
  let url: string;
  beforeAll(async () => {
    empty = fs.mkdtempSync(path.join(os.tmpdir(), 'graphiql-unbuilt-'));
    const app = express();
    registerGraphiql(app, { uiDir: empty });
    app.post('/graphql', (_req, res) => {
      res.json({ data: { __typename: 'Query' } });
    });
    await new Promise<void>((resolve) => {
      httpServer = app.listen(0, '127.0.0.1', () => resolve());
    });
    url = `http://127.0.0.1:${(httpServer.address() as AddressInfo).port}`;
  });
  afterAll(async () => {
    await new Promise((resolve) => httpServer.close(resolve));
    fs.rmSync(empty, { recursive: true, force: true });
  });

  it('says on /graphiql how to build it, and loads no script', async () => {
    const res = await fetch(`${url}/graphiql`);
    expect(res.status).toBe(503);
    expect(res.headers.get('content-type')).toMatch(/^text\/html/);
    expect(res.headers.get('content-security-policy')).toMatch(/default-src 'none'/);
    const html = await res.text();
    expect(html).toContain('npm run build:ui');
    expect(html).not.toMatch(/<script/i);
  });

  it('keeps /graphql working', async () => {
    const res = await fetch(`${url}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"query":"{ __typename }"}' });
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ data: { __typename: 'Query' } });
  });
});
