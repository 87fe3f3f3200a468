// Builds the HTTP server (not listening): /graphql (Apollo Server 5 on Express 5), /healthz, /readyz, /metrics,
// /export/popolo.json and /export/ftm.jsonl.
// Only src/main.ts listens; tests build the server and listen on a free port themselves.
import http from 'node:http';
import { randomUUID } from 'node:crypto';
import { ApolloServer } from '@apollo/server';
import { ApolloServerPluginDrainHttpServer } from '@apollo/server/plugin/drainHttpServer';
import { ApolloServerPluginCacheControlDisabled, ApolloServerPluginLandingPageDisabled } from '@apollo/server/plugin/disabled';
import { expressMiddleware } from '@as-integrations/express5';
import cors from 'cors';
import express from 'express';
import { authenticate, presentedKey } from '../auth/api-keys';
import type { Config } from '../config';
import type { Database } from '../db/database';
import type { Logger } from '../log';
import { buildContext, Context } from '../graphql/context';
import { formatError } from '../graphql/format-error';
import { bodyErrorHandler, MAX_BODY_BYTES, nestingLimit, queryLimits } from '../graphql/limits';
import { buildExecutableSchema } from '../graphql/schema';
import { configureReadCaches } from '../graphql/caches';
import { registerExports } from './exports';
import { registerGraphiql } from './graphiql';
import { createMetrics } from './metrics';
import { requireToken } from './require-token';
import { registerWidget } from './widget';
import { observeGraphqlRequests } from '../graphql/plugins/graphql-requests';
import { overloadPlugin } from '../graphql/plugins/overload';
import { statementsPlugin } from '../graphql/plugins/statements';
import { createRequestLog } from '../graphql/plugins/request-log';
import { Admission } from './admission';
import { Slots } from '../slots';

export interface BuiltServer {
  httpServer: http.Server;
  apollo: ApolloServer<Context>;
  /** Drains HTTP and stops Apollo; the caller closes the database afterwards. */
  stop(): Promise<void>;
}

export interface ServerDeps {
  config: Config;
  db: Database;
  log: Logger;
}

/** Builds Apollo, Express and the health routes around one database handle. */
export async function buildServer({ config, db, log }: ServerDeps): Promise<BuiltServer> {
  configureReadCaches(config);
  const app = express();
  app.disable('x-powered-by');
  // Slow clients (a trickled body, headers never finished) are cut off: Node's defaults would hold a
  // socket for about 5 minutes. The check runs every second so the bounds hold to about a second.
  const { headersTimeoutMs, requestTimeoutMs, maxConnections } = config.http;
  const httpServer = http.createServer(
    { headersTimeout: Math.min(headersTimeoutMs, requestTimeoutMs), requestTimeout: requestTimeoutMs, connectionsCheckingInterval: 1000 },
    app,
  );
  httpServer.maxConnections = maxConnections;
  const limits = await queryLimits<Context>(config.queryLimits, db);
  const admission = new Admission({ slots: config.admission.concurrent, queue: config.admission.queue, waitMs: config.admission.waitMs, retryAfterSeconds: 1 });
  const searches = new Slots({ slots: config.admission.searches, queue: config.admission.queue, waitMs: config.admission.searchWaitMs, retryAfterSeconds: 1 });
  // GET /metrics (Prometheus) and one log line per GraphQL request, refused ones included.
  const metrics = createMetrics({ db, admission, searches });
  const requestLog = createRequestLog(log);
  const graphqlRequests = observeGraphqlRequests([metrics.countGraphqlRequest, requestLog.logRequest]);
  app.use(metrics.middleware);

  const apollo = new ApolloServer<Context>({
    schema: buildExecutableSchema(),
    introspection: true,
    // src/main.ts owns the signals: it drains HTTP, stops Apollo and closes the driver in order.
    stopOnTerminationSignals: false,
    includeStacktraceInErrorResponses: !config.production,
    hideSchemaDetailsFromClientErrors: config.production,
    formatError: formatError(config.production),
    // Query limits (src/graphql/limits); batched requests (a JSON array) are refused.
    validationRules: limits.validationRules,
    parseOptions: limits.parseOptions,
    allowBatchedHttpRequests: false,
    plugins: [
      ApolloServerPluginDrainHttpServer({ httpServer }),
      ApolloServerPluginLandingPageDisabled(),
      // No @cacheControl hints in the schema (the widget's reads set their own Cache-Control): without
      // this, Apollo's default cache-control plugin wraps the resolution of every field.
      ApolloServerPluginCacheControlDisabled(),
      ...limits.plugins,
      overloadPlugin(),
      graphqlRequests.plugin,
      requestLog.plugin,
      statementsPlugin(),
    ],
  });
  await apollo.start();

  // Every response carries a request id (the caller's, when it is safe to echo), also in the logs.
  app.use((req, res, next) => {
    const header = req.headers['x-request-id'];
    const requestId = typeof header === 'string' && /^[\w.-]{1,64}$/.test(header) ? header : randomUUID();
    res.locals.requestId = requestId;
    res.setHeader('x-request-id', requestId);
    next();
  });

  app.use('/graphql', graphqlRequests.middleware);
  app.get('/metrics', requireToken(config.metricsToken), metrics.handler);
  app.get('/healthz', (_req, res) => {
    res.json({ status: 'ok' });
  });
  app.get('/readyz', async (_req, res) => {
    const up = await db.ping(Math.min(config.neo4j.connectTimeoutMs, 3000));
    res.status(up ? 200 : 503).json({ status: up ? 'ready' : 'unavailable', database: up ? 'up' : 'down' });
  });

  registerGraphiql(app);
  registerExports(app, db, log);
  // The embeddable widget: its script, its cacheable GET reads (trusted documents only), its demo page.
  registerWidget(app, { apollo, config, db, log, admission: admission.middleware(), searches, observe: graphqlRequests.middleware });

  app.use(
    '/graphql',
    cors({ origin: config.corsOrigins === '*' ? '*' : config.corsOrigins, methods: ['GET', 'POST', 'OPTIONS'], maxAge: 600 }),
    // Admission before the body is read: a request shed costs nothing.
    admission.middleware(),
    express.json({ limit: MAX_BODY_BYTES }),
    nestingLimit(),
    expressMiddleware(apollo, {
      context: async ({ req, res }) =>
        buildContext(db, log, res.locals.requestId as string, authenticate(config.apiKeys, presentedKey(req.headers)), config.compileReads, searches),
    }),
    bodyErrorHandler,
  );

  return {
    httpServer,
    apollo,
    stop: async () => {
      limits.stop();
      await apollo.stop();
      metrics.close();
    },
  };
}
