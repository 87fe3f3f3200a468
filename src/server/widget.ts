// The embeddable widget's routes (docs/widget.md): its script at a stable, versioned URL, the reads it
// makes, and the demo page. The reads are the widget's own trusted documents (src/widget/documents.ts),
// named in the URL — GET /widget/v1/query/WidgetNeighbourhood?variables={…} — and run through the same
// Apollo server as /graphql (limits, timeouts, admission, logs, metrics). A page cannot send a
// document of its own, so it can never reach a mutation; and since these routes run nothing that a
// page chose, they need no CSRF header: a plain GET, a "simple" request without a CORS preflight.
// /graphql keeps Apollo's CSRF prevention on. Answers carry Cache-Control public, max-age and an ETag
// of the body; If-None-Match gets 304; the API keeps answers a minute itself (src/server/widget-cache.ts).
// Any allowed origin may read (CORS_ORIGINS, '*' by default), never with credentials.
import type { Slots } from '../slots';
import fs from 'node:fs';
import path from 'node:path';
import type { ApolloServer } from '@apollo/server';
import cors from 'cors';
import type { Express, Request, RequestHandler, Response } from 'express';
import type { Config } from '../config';
import type { Database } from '../db/database';
import { ErrorCode } from '../errors';
import { buildContext, type Context } from '../graphql/context';
import type { Logger } from '../log';
import { WIDGET_DOCUMENTS } from '../widget/documents';
import { WIDGET_DIR, WIDGET_MANIFEST, type WidgetManifest } from '../widget/output';
import { canonicalJson, WIDGET_OPERATIONS, WIDGET_QUERY_PATH, WIDGET_SCRIPT_PATH, type WidgetOperation } from '../widget/protocol';
import { etagOf, gzipIfWorth, sendCacheable } from './http-cache';
import { AnswerCache, type Answer } from './widget-cache';
import { registerWidgetDemo } from './widget-demo';

/** How long a browser or CDN may reuse a read without asking (then it revalidates with If-None-Match). */
export const READ_MAX_AGE_SECONDS = 300;
/** The script's URL is stable across releases of v1: an hour fresh, then revalidated (usually a 304). */
export const SCRIPT_MAX_AGE_SECONDS = 3600;
/** An unknown id or bad variables: kept briefly, so a broken embed does not hammer the API. */
const REFUSAL_MAX_AGE_SECONDS = 60;
/** The API's own cache of answers (src/server/widget-cache.ts): a minute, at most 64 MiB per process. */
const ANSWER_CACHE_TTL_MS = 60_000;
const ANSWER_CACHE_BYTES = 64 * 1024 * 1024;
const JSON_TYPE = 'application/json; charset=utf-8';

export interface WidgetDeps {
  apollo: ApolloServer<Context>;
  config: Config;
  db: Database;
  log: Logger;
  /** Admission (src/server/admission.ts) and the GraphQL request observer (logs, metrics), as on /graphql. */
  admission: RequestHandler;
  observe: RequestHandler;
  /** The slots connection searches run in, shared with /graphql. */
  searches: Slots;
  /** The bundle's folder (default dist/widget). */
  widgetDir?: string;
}

interface Bundle {
  manifest: WidgetManifest;
  js: Buffer;
  gz: Buffer;
}

/** dist/widget read again whenever its manifest changes (a rebuild), else kept in memory. */
function bundleReader(dir: string): () => Bundle | null {
  let cached: { mtimeMs: number; bundle: Bundle } | null = null;
  return () => {
    try {
      const file = path.join(dir, WIDGET_MANIFEST);
      const { mtimeMs } = fs.statSync(file);
      if (cached?.mtimeMs !== mtimeMs) {
        const manifest = JSON.parse(fs.readFileSync(file, 'utf8')) as WidgetManifest;
        const js = fs.readFileSync(path.join(dir, manifest.file));
        cached = { mtimeMs, bundle: { manifest, js, gz: fs.readFileSync(path.join(dir, `${manifest.file}.gz`)) } };
      }
      return cached.bundle;
    } catch {
      cached = null;
      return null; // not built, or being rebuilt: the next request looks again
    }
  };
}

/** Headers every widget answer carries: readable from any page, embeddable under COEP, timed by RUM tools. */
const crossOrigin: RequestHandler = (_req, res, next) => {
  res.setHeader('Cross-Origin-Resource-Policy', 'cross-origin');
  res.setHeader('Timing-Allow-Origin', '*');
  res.setHeader('X-Content-Type-Options', 'nosniff');
  next();
};

function refuse(res: Response, status: number, code: string, message: string): void {
  res.status(status).setHeader('Cache-Control', status >= 500 ? 'no-store' : `public, max-age=${REFUSAL_MAX_AGE_SECONDS}`);
  res.json({ errors: [{ message, extensions: { code } }] });
}

const isOperation = (name: string): name is WidgetOperation => (WIDGET_OPERATIONS as readonly string[]).includes(name);

/** The HTTP status of an answer, from its first error's code. */
function statusOf(code: unknown, apolloStatus: number | undefined): number {
  if (code === undefined) return apolloStatus ?? 200;
  if (code === ErrorCode.NOT_FOUND) return 404;
  if (code === ErrorCode.OVERLOADED || code === ErrorCode.SERVICE_UNAVAILABLE || code === ErrorCode.QUERY_TIMEOUT) return 503;
  if (code === ErrorCode.INTERNAL_SERVER_ERROR) return 500;
  return apolloStatus && apolloStatus !== 200 ? apolloStatus : 400;
}

export function registerWidget(app: Express, deps: WidgetDeps): void {
  const { config } = deps;
  const readBundle = bundleReader(deps.widgetDir ?? WIDGET_DIR);
  const answers = new AnswerCache(ANSWER_CACHE_TTL_MS, ANSWER_CACHE_BYTES);
  // Never credentials: no cookie or Authorization is needed to read, and none may ride along.
  const widgetCors = cors({ origin: config.corsOrigins === '*' ? '*' : config.corsOrigins, methods: ['GET'], credentials: false, maxAge: 600 });

  app.get(WIDGET_SCRIPT_PATH, widgetCors, crossOrigin, async (req, res) => {
    const bundle = readBundle();
    if (!bundle) {
      res.status(503).setHeader('Cache-Control', 'no-store');
      res
        .type('application/javascript')
        .send(`console.error(${JSON.stringify('officials-graph: the widget is not built on this server (npm run build:ui).')});\n`);
      return;
    }
    await sendCacheable(req, res, {
      body: bundle.js,
      gzipped: bundle.gz,
      etag: `"${bundle.manifest.sha256}"`,
      contentType: 'application/javascript; charset=utf-8',
      cacheControl: `public, max-age=${SCRIPT_MAX_AGE_SECONDS}, stale-while-revalidate=86400`,
    });
  });

  /** Runs a trusted document through Apollo, as /graphql would run it, and makes its HTTP answer. */
  async function execute(operation: WidgetOperation, variables: Record<string, unknown>, res: Response): Promise<{ answer: Answer; keep: boolean }> {
    const response = await deps.apollo.executeOperation(
      { query: WIDGET_DOCUMENTS[operation], operationName: operation, variables },
      { contextValue: buildContext(deps.db, deps.log, res.locals.requestId as string, null, config.compileReads, deps.searches) },
    );
    if (response.body.kind !== 'single') throw new Error('a widget query answered incrementally');
    const result = response.body.singleResult;
    const status = statusOf(result.errors?.[0]?.extensions?.code, response.http.status);
    // what the pipeline said of this run (Retry-After when shed, Server-Timing's statement count)
    for (const name of ['retry-after', 'server-timing']) {
      const value = response.http.headers.get(name);
      if (value) res.setHeader(name, value);
    }
    const ok = status === 200 && !result.errors;
    // a partial answer (data and errors) and a server's failure are sent, never kept
    const transient = status >= 500 || (status === 200 && !ok);
    const cacheControl = ok ? `public, max-age=${READ_MAX_AGE_SECONDS}` : transient ? 'no-store' : `public, max-age=${REFUSAL_MAX_AGE_SECONDS}`;
    const body = Buffer.from(JSON.stringify(result));
    return { answer: { status, body, gzipped: await gzipIfWorth(body), etag: etagOf(body), cacheControl }, keep: ok || status === 404 };
  }

  const queryRoute = `${WIDGET_QUERY_PATH}/:operation`;
  app.options(queryRoute, widgetCors);
  app.get(queryRoute, widgetCors, crossOrigin, deps.observe, deps.admission, async (req: Request, res: Response) => {
    const operation = String(req.params.operation);
    if (!isOperation(operation)) {
      return refuse(
        res,
        404,
        ErrorCode.NOT_FOUND,
        `No widget query "${operation}": this route runs the widget's own queries only (${WIDGET_OPERATIONS.join(', ')}).`,
      );
    }
    if (req.query.query !== undefined || req.query.extensions !== undefined) {
      return refuse(
        res,
        400,
        ErrorCode.BAD_USER_INPUT,
        "This route runs the widget's own queries by name and takes no query text; send your own to POST /graphql.",
      );
    }
    const raw = req.query.variables;
    let variables: unknown = {};
    if (raw !== undefined) {
      if (typeof raw !== 'string') return refuse(res, 400, ErrorCode.BAD_USER_INPUT, 'variables: give it once, as a JSON object.');
      try {
        variables = JSON.parse(raw);
      } catch (err) {
        return refuse(res, 400, ErrorCode.BAD_USER_INPUT, `variables: not JSON (${(err as Error).message}).`);
      }
    }
    if (!variables || typeof variables !== 'object' || Array.isArray(variables)) {
      return refuse(res, 400, ErrorCode.BAD_USER_INPUT, 'variables: expected a JSON object, e.g. {"id":"person/nguyen-thanh-tinh"}.');
    }
    // one key per question however the URL spelt it; a hard reload (no-cache) asks the database again
    const key = `${operation}\n${canonicalJson(variables)}`;
    const hardReload = /no-cache/i.test(`${req.headers['cache-control'] ?? ''} ${req.headers.pragma ?? ''}`);
    const hit = hardReload ? null : answers.get(key);
    if (hit) {
      res.setHeader('Age', String(hit.ageSeconds));
      return sendCacheable(req, res, { ...hit.answer, contentType: JSON_TYPE });
    }
    const { answer, keep } = await execute(operation, variables as Record<string, unknown>, res);
    if (keep) answers.set(key, answer);
    await sendCacheable(req, res, { ...answer, contentType: JSON_TYPE });
  });
  app.all(queryRoute, (_req, res) => {
    res.setHeader('Allow', 'GET, OPTIONS');
    refuse(res, 405, 'METHOD_NOT_ALLOWED', "The widget's queries are GET requests (they can be cached); POST /graphql takes any query.");
  });

  registerWidgetDemo(app);
}
