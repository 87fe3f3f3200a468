// The query editor researchers use: GraphiQL at GET /graphiql, served from the bundle that
// `npm run build:ui` (src/ui/build.ts) writes to dist/ui/ — no CDN; the page's
// Content-Security-Policy allows this origin only. A browser opening /graphql is sent here. When the
// bundle has not been built, /graphql works as ever and /graphiql says how to build it.
import fs from 'node:fs';
import path from 'node:path';
import express, { type Express, type Request, type Response } from 'express';

import { ASSETS_DIR, MANIFEST_FILE, UI_DIR, type UiManifest } from '../ui/output';

export const GRAPHIQL_PATH = '/graphiql';
export const ASSETS_PATH = `${GRAPHIQL_PATH}/assets`;

/**
 * Same origin only. Monaco adds <style> elements and style attributes at run time, hence
 * 'unsafe-inline' for styles (never for scripts); GraphiQL's fonts are data: URLs in its CSS.
 */
export const GRAPHIQL_CSP = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "font-src 'self' data:",
  "img-src 'self' data:",
  "worker-src 'self'",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
].join('; ');

/** The CSP of the "not built" page: no script at all. */
const NOT_BUILT_CSP = "default-src 'none'; style-src 'unsafe-inline'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'";

export interface GraphiqlOptions {
  /** The bundle's folder (default dist/ui). */
  uiDir?: string;
  /** The GraphQL endpoint the page queries (default /graphql). */
  endpoint?: string;
}

const escapeHtml = (s: string): string => s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);

function pageHtml(manifest: UiManifest, endpoint: string): string {
  const asset = (file: string) => escapeHtml(`${ASSETS_PATH}/${file}`);
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="robots" content="noindex">
<title>officials-graph · GraphiQL</title>
<link rel="icon" href="data:,">
<link rel="stylesheet" href="${asset(manifest.style)}">
<script type="module" src="${asset(manifest.script)}"></script>
</head>
<body>
<div id="graphiql" data-endpoint="${escapeHtml(endpoint)}" data-editor-worker="${asset(manifest.workers.editor)}" data-json-worker="${asset(manifest.workers.json)}" data-graphql-worker="${asset(manifest.workers.graphql)}">
<noscript>GraphiQL needs JavaScript. The API itself answers POST ${escapeHtml(endpoint)}.</noscript>
</div>
</body>
</html>
`;
}

function notBuiltHtml(endpoint: string): string {
  return `<!doctype html>
<html lang="en">
<head><meta charset="utf-8"><title>GraphiQL is not built</title>
<style>body{font:16px/1.5 system-ui,sans-serif;max-width:40rem;margin:3rem auto;padding:0 1rem}code{background:#eee;padding:0 .3em}</style>
</head>
<body>
<h1>GraphiQL is not built</h1>
<p>The query editor's bundle is missing from <code>dist/ui/</code>. Build it with</p>
<pre><code>npm run build:ui</code></pre>
<p>(<code>npm run build</code> and <code>npm start</code> build it too), then reload this page.</p>
<p>The GraphQL API works meanwhile: <code>POST ${escapeHtml(endpoint)}</code>.</p>
</body>
</html>
`;
}

/** Reads dist/ui/manifest.json again whenever it changes (a rebuild renames the hashed files). */
function manifestReader(file: string): () => UiManifest | null {
  let cached: { mtimeMs: number; manifest: UiManifest } | null = null;
  return () => {
    let mtimeMs: number;
    try {
      mtimeMs = fs.statSync(file).mtimeMs;
    } catch {
      cached = null;
      return null;
    }
    if (cached?.mtimeMs !== mtimeMs) {
      try {
        cached = { mtimeMs, manifest: JSON.parse(fs.readFileSync(file, 'utf8')) as UiManifest };
      } catch {
        return null; // being rewritten by a build: try again on the next request
      }
    }
    return cached.manifest;
  };
}

/** A browser's navigation (prefers HTML, no operation in the URL), not an API client. */
function isBrowserVisit(req: Request): boolean {
  if (req.query.query !== undefined) return false;
  const accept = req.headers.accept ?? '';
  return accept.includes('text/html') && req.accepts(['application/graphql-response+json', 'application/json', 'text/html']) === 'text/html';
}

/**
 * Registers GET /graphiql (the page), /graphiql/assets/… (the bundle) and the redirect of a
 * browser's GET /graphql to /graphiql. Call it before mounting the GraphQL middleware.
 */
export function registerGraphiql(app: Express, options: GraphiqlOptions = {}): void {
  const uiDir = options.uiDir ?? UI_DIR;
  const endpoint = options.endpoint ?? '/graphql';
  const readManifest = manifestReader(path.join(uiDir, MANIFEST_FILE));

  app.get(endpoint, (req, res, next) => {
    if (!isBrowserVisit(req)) return next();
    res.redirect(302, GRAPHIQL_PATH);
  });

  app.get(GRAPHIQL_PATH, (_req, res: Response) => {
    const manifest = readManifest();
    res.setHeader('Cache-Control', 'no-cache');
    res.setHeader('X-Content-Type-Options', 'nosniff');
    res.setHeader('Referrer-Policy', 'no-referrer');
    res.type('html');
    if (!manifest) {
      res.setHeader('Content-Security-Policy', NOT_BUILT_CSP);
      res.status(503).send(notBuiltHtml(endpoint));
      return;
    }
    res.setHeader('Content-Security-Policy', GRAPHIQL_CSP);
    res.send(pageHtml(manifest, endpoint));
  });

  // File names carry a content hash, so a name's content never changes: cache it for a year.
  const assetsDir = path.join(uiDir, ASSETS_DIR);
  const assetHeaders = { 'Cache-Control': 'public, max-age=31536000, immutable', 'X-Content-Type-Options': 'nosniff', Vary: 'Accept-Encoding' };
  // The build wrote x.js.gz beside x.js: send that to browsers that take gzip (a fifth of the bytes).
  app.get(`${ASSETS_PATH}/:file`, (req, res, next) => {
    const file = req.params.file;
    if (!/^[\w.-]+$/.test(file) || file.endsWith('.gz') || req.acceptsEncodings('gzip', 'identity') !== 'gzip') return next();
    const gz = path.join(assetsDir, `${file}.gz`);
    if (!fs.existsSync(gz)) return next();
    res.type(path.extname(file));
    res.setHeader('Content-Encoding', 'gzip');
    res.sendFile(gz, { headers: assetHeaders, cacheControl: false, acceptRanges: false }, (err) => err && next(err));
  });
  app.use(
    ASSETS_PATH,
    express.static(assetsDir, {
      index: false,
      redirect: false,
      cacheControl: false,
      setHeaders: (res) => {
        for (const [name, value] of Object.entries(assetHeaders)) res.setHeader(name, value);
      },
    }),
  );
}
