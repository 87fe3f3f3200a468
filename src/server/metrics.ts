// Prometheus metrics, served at GET /metrics. One Registry per built server (tests build several in
// one process; prom-client's global registry would refuse the second set of metric names).
//
// - http_requests_total{route,method,status} and http_request_duration_seconds{route,method}: every
//   HTTP request, refused ones included (413 bodies, 400s, limits);
// - graphql_operations_total{operation,type,outcome} and graphql_request_duration_seconds{operation}:
//   every GraphQL request, answered or refused, as the shared observer reports it
//   (src/graphql/plugins/graphql-requests.ts: countGraphqlRequest is one of its listeners);
// - graphql_errors_total{code}: every error in a GraphQL response, by extensions.code;
// - db_query_duration_seconds{mode,outcome}: every database call (src/db/database.ts observe());
// - neighbourhood_hop_cache_{hits,misses,entries,bytes}: the neighbourhood's cache of hub hops;
// - Node process metrics (prom-client's defaults: CPU, memory, event loop lag, GC, handles).
//
// Cardinality is bounded: routes, methods, codes and outcomes come from fixed sets; operation names
// are the client's, so only names like /^[A-Za-z_][A-Za-z0-9_]{0,63}$/ count, the first
// MAX_OPERATION_NAMES distinct ones each get their own series and any later one is "other".
import type { Slots } from '../slots';
import type { Admission } from './admission';
import { ApolloServerErrorCode } from '@apollo/server/errors';
import type { NextFunction, Request, RequestHandler, Response } from 'express';
import { collectDefaultMetrics, Counter, Gauge, Histogram, Registry } from 'prom-client';
import { readCacheStats } from '../graphql/caches';
import type { Database, DbObservation } from '../db/database';
import { ErrorCode } from '../errors';
import type { GraphqlRequestListener } from '../graphql/plugins/graphql-requests';
import { WIDGET_DEMO_PATH, WIDGET_QUERY_PATH, WIDGET_SCRIPT_PATH } from '../widget/protocol';

/** Distinct operation names that get a series of their own; the rest are counted as "other". */
export const MAX_OPERATION_NAMES = 200;
const OPERATION_NAME = /^[A-Za-z_][A-Za-z0-9_]{0,63}$/;

/** Routes with a series of their own; any other path is "other" (scanners must not add series). */
const ROUTES = ['/graphql', '/metrics', '/healthz', '/readyz', '/graphiql', WIDGET_SCRIPT_PATH, WIDGET_DEMO_PATH];
const ROUTE_PREFIXES = ['/graphiql/assets/', `${WIDGET_QUERY_PATH}/`];
const METHODS = new Set(['GET', 'POST', 'OPTIONS', 'HEAD', 'PUT', 'PATCH', 'DELETE']);
/** Error codes with a series of their own; anything else is "OTHER". */
const ERROR_CODES = new Set<string>([...Object.values(ErrorCode), ...Object.values(ApolloServerErrorCode)]);

const LATENCY_BUCKETS = [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10];
const DB_BUCKETS = [0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30];

export interface Metrics {
  registry: Registry;
  /** Express middleware, mounted first: times and counts every HTTP request. */
  middleware: RequestHandler;
  /** GET /metrics. */
  handler: RequestHandler;
  /** Counts and times one GraphQL request and its errors (a listener of the shared observer). */
  countGraphqlRequest: GraphqlRequestListener;
  /** Stops observing the database. */
  close(): void;
}

export function routeLabel(path: string): string {
  const trimmed = path.length > 1 && path.endsWith('/') ? path.slice(0, -1) : path;
  if (ROUTES.includes(trimmed)) return trimmed;
  const prefix = ROUTE_PREFIXES.find((p) => path.startsWith(p));
  return prefix ? prefix.slice(0, -1) : 'other';
}

export function errorCodeLabel(code: unknown): string {
  if (code === undefined || code === null) return 'NONE';
  return typeof code === 'string' && ERROR_CODES.has(code) ? code : 'OTHER';
}

/** Operation names to labels, with a cap on distinct names. */
export function operationNames(max = MAX_OPERATION_NAMES): (name: string | null | undefined, anonymous: boolean) => string {
  const known = new Set<string>();
  return (name, anonymous) => {
    if (!name) return anonymous ? 'anonymous' : 'unknown';
    if (!OPERATION_NAME.test(name)) return 'other';
    // Our own bucket names stay unambiguous.
    if (name === 'anonymous' || name === 'unknown' || name === 'other') return 'other';
    if (known.has(name)) return name;
    if (known.size >= max) return 'other';
    known.add(name);
    return name;
  };
}

export function createMetrics(options: { db?: Database; admission?: Admission; searches?: Slots } = {}): Metrics {
  const registry = new Registry();
  collectDefaultMetrics({ register: registry });

  const httpRequests = new Counter({
    name: 'http_requests_total',
    help: 'HTTP requests by route, method and status.',
    labelNames: ['route', 'method', 'status'] as const,
    registers: [registry],
  });
  const httpDuration = new Histogram({
    name: 'http_request_duration_seconds',
    help: 'HTTP request latency by route and method, in seconds.',
    labelNames: ['route', 'method'] as const,
    buckets: LATENCY_BUCKETS,
    registers: [registry],
  });
  const operations = new Counter({
    name: 'graphql_operations_total',
    help: 'GraphQL requests by operation name, operation type and outcome (success, partial, error, refused).',
    labelNames: ['operation', 'type', 'outcome'] as const,
    registers: [registry],
  });
  const operationDuration = new Histogram({
    name: 'graphql_request_duration_seconds',
    help: 'GraphQL request latency by operation name, in seconds.',
    labelNames: ['operation'] as const,
    buckets: LATENCY_BUCKETS,
    registers: [registry],
  });
  const errors = new Counter({
    name: 'graphql_errors_total',
    help: 'Errors in GraphQL responses by extensions.code.',
    labelNames: ['code'] as const,
    registers: [registry],
  });
  const dbDuration = new Histogram({
    name: 'db_query_duration_seconds',
    help: 'Database calls by access mode (read, write, schema) and outcome (ok, timeout, unavailable, error), in seconds.',
    labelNames: ['mode', 'outcome'] as const,
    buckets: DB_BUCKETS,
    registers: [registry],
  });
  for (const code of ERROR_CODES) errors.inc({ code }, 0);
  // the neighbourhood's cache of hub hops (src/graph/hop-cache.ts), read when scraped
  const hopCache = (name: string, help: string, value: (s: ReturnType<typeof readCacheStats>['neighbourhoodHops']) => number) =>
    new Gauge({
      name,
      help,
      registers: [registry],
      collect() {
        this.set(value(readCacheStats().neighbourhoodHops));
      },
    });
  hopCache('neighbourhood_hop_cache_hits', 'Hub hops served from the cache since start.', (s) => s.hits);
  hopCache('neighbourhood_hop_cache_misses', 'Hops looked up and not found in the cache since start.', (s) => s.misses);
  hopCache('neighbourhood_hop_cache_entries', 'Hub hops held in the cache.', (s) => s.entries);
  hopCache('neighbourhood_hop_cache_bytes', 'Estimated size of the cached hops (twice their JSON length), in bytes.', (s) => s.bytes);
  // what runs and waits, read when scraped: the operations admitted (src/server/admission.ts) and the
  // connection searches in their slots (MAX_CONCURRENT_SEARCHES) — many waiting searches with
  // Neo4j's cores idle say the slots are too few
  const slots = (name: string, help: string, load: () => { active: number; waiting: number } | undefined) =>
    new Gauge({
      name,
      help,
      labelNames: ['state'] as const,
      registers: [registry],
      collect() {
        const now = load();
        this.set({ state: 'running' }, now?.active ?? 0);
        this.set({ state: 'waiting' }, now?.waiting ?? 0);
      },
    });
  slots('graphql_operations_in_flight', 'GraphQL operations admitted and running, and waiting for admission.', () => options.admission?.load);
  slots('connection_searches_in_flight', 'Connection searches running in their slots, and waiting for one.', () => options.searches?.load);

  const operationLabel = operationNames();
  const countGraphqlRequest: GraphqlRequestListener = (r) => {
    const operation = operationLabel(r.operationName, r.anonymous);
    operations.inc({ operation, type: r.operationType ?? 'unknown', outcome: r.outcome });
    operationDuration.observe({ operation }, r.seconds);
    for (const code of r.errorCodes) errors.inc({ code: errorCodeLabel(code) });
  };

  const middleware = (req: Request, res: Response, next: NextFunction) => {
    const started = performance.now();
    const route = routeLabel(req.path);
    const method = METHODS.has(req.method) ? req.method : 'OTHER';
    let done = false;
    const record = () => {
      if (done) return;
      done = true;
      const status = res.writableFinished ? String(res.statusCode) : 'aborted';
      httpRequests.inc({ route, method, status });
      httpDuration.observe({ route, method }, (performance.now() - started) / 1000);
    };
    res.once('finish', record);
    res.once('close', record);
    next();
  };

  const handler = async (_req: Request, res: Response) => {
    res.setHeader('content-type', registry.contentType);
    res.setHeader('cache-control', 'no-store');
    res.send(await registry.metrics());
  };

  const unobserve = options.db?.observe((o: DbObservation) => dbDuration.observe({ mode: o.mode, outcome: o.outcome }, o.seconds));

  return { registry, middleware, handler, countGraphqlRequest, close: () => unobserve?.() };
}
