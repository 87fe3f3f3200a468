// All configuration, read once from the environment and validated. A wrong value stops start-up
// with one line that names the variable and what it expects (see ConfigError).
import { z } from 'zod';
import { ApiKeyEntry, parseApiKeys } from './auth/api-keys';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { PROJECT_ROOT } from './paths';

/** Thrown for an invalid environment variable; its message is the one line shown to the user. */
export class ConfigError extends Error {
  constructor(
    readonly variable: string,
    expected: string,
    got: string,
  ) {
    super(`Invalid ${variable}=${JSON.stringify(got)}: expected ${expected}`);
    this.name = 'ConfigError';
  }
}

const NEO4J_SCHEMES = ['neo4j', 'neo4j+s', 'neo4j+ssc', 'bolt', 'bolt+s', 'bolt+ssc'];

const port = (what: string) => z.coerce.number({ message: what }).int(what).min(1, what).max(65535, what);
const positiveInt = (what: string) => z.coerce.number({ message: what }).int(what).min(1, what);
const bool = z.enum(['true', 'false', '1', '0', 'yes', 'no'], { message: 'true or false' }).transform((v) => v === 'true' || v === '1' || v === 'yes');

/** Each variable: its validator and the phrase that says what it expects. */
const variables = {
  NODE_ENV: z.enum(['development', 'production', 'test'], { message: 'development, production or test' }).default('development'),
  HOST: z.string().min(1, 'a host name or IP address').default('127.0.0.1'),
  PORT: port('an integer port 1-65535').default(4000),
  LOG_LEVEL: z
    .enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'], { message: 'fatal, error, warn, info, debug, trace or silent' })
    .default('info'),
  NEO4J_URI: z
    .string()
    .refine(
      (v) => {
        try {
          return NEO4J_SCHEMES.includes(new URL(v).protocol.replace(/:$/, ''));
        } catch {
          return false;
        }
      },
      `a Neo4j URI with scheme ${NEO4J_SCHEMES.join(', ')} (e.g. bolt://127.0.0.1:7687)`,
    )
    .optional(),
  NEO4J_USER: z.string().min(1, 'a user name').default('neo4j'),
  NEO4J_PASSWORD: z.string().optional(),
  NEO4J_DATABASE: z
    .string()
    .regex(/^[A-Za-z][A-Za-z0-9.-]{0,62}$/, 'a Neo4j database name')
    .optional(),
  LOCAL_NEO4J_PORT: port('an integer port 1-65535').default(7687),
  LOCAL_NEO4J_HEAP: z
    .string()
    .regex(/^\d+[mg]$/, 'a JVM heap size such as 1g or 768m')
    .default('1g'),
  // Folder of the local Neo4j's store, logs and pid (default .neo4j/); read by src/localdb/paths.ts.
  LOCAL_NEO4J_DIR: z.string().min(1, 'a folder path').optional(),
  LOCAL_NEO4J_PAGECACHE_MB: positiveInt('a positive integer (MiB)').default(256),
  QUERY_TIMEOUT_MS: positiveInt('a positive integer (milliseconds)').default(5000),
  WRITE_TIMEOUT_MS: positiveInt('a positive integer (milliseconds)').default(30000),
  // Migrations, seeds and imports: not public requests, so not bound by the timeouts above.
  MAINTENANCE_TIMEOUT_MS: positiveInt('a positive integer (milliseconds)').default(600000),
  NEO4J_CONNECT_TIMEOUT_MS: positiveInt('a positive integer (milliseconds)').default(1000),
  NEO4J_POOL_SIZE: positiveInt('a positive integer').default(50),
  // Admission (src/server/admission.ts): GraphQL operations running at once per process, then how many may
  // wait and for how long before they are shed with 503 + Retry-After + OVERLOADED.
  MAX_CONCURRENT_OPERATIONS: positiveInt('a positive integer (operations)').default(24),
  OPERATION_QUEUE_SIZE: positiveInt('a positive integer (waiting requests)').default(1000),
  OPERATION_QUEUE_WAIT_MS: positiveInt('a positive integer (milliseconds)').default(2000),
  // Connection searches (breadth-first walks of thousands of nodes, bound by Neo4j's CPU) running at
  // once per process; the others wait in the queue above. More at once than Neo4j has cores only
  // shares them: each search is slower, the slowest several times, and no more are answered. The
  // default is this machine's cores (the local Neo4j's, or docker-compose's on the same host).
  MAX_CONCURRENT_SEARCHES: positiveInt('a positive integer (searches)').default(() => Math.max(2, os.availableParallelism())),
  // How long a search waits for a slot before OVERLOADED; unset, the read timeout (QUERY_TIMEOUT_MS):
  // it waits at most as long as one may run (a first plan of a new search shape takes seconds).
  SEARCH_QUEUE_WAIT_MS: positiveInt('a positive integer (milliseconds)').optional(),
  // How often `npm start` runs the connection search once more in the background (src/graphql/warm-up.ts):
  // after an import changed the graph's statistics, Neo4j replans the search on its next run (seconds),
  // and that run is then this one, not a reader's under the read timeout. 0 turns it off.
  SEARCH_REPLAN_CHECK_MS: z.coerce
    .number({ message: 'a number of milliseconds (0 turns it off)' })
    .int('a whole number of milliseconds')
    .min(0, 'a number of milliseconds, 0 or more')
    .default(60000),
  SHUTDOWN_TIMEOUT_MS: positiveInt('a positive integer (milliseconds)').default(8000),
  // A slow client may not hold a socket for long: headers, and the whole request with its body, each within these.
  HTTP_HEADERS_TIMEOUT_MS: positiveInt('a positive integer (milliseconds)').default(10000),
  HTTP_REQUEST_TIMEOUT_MS: positiveInt('a positive integer (milliseconds)').default(10000),
  HTTP_MAX_CONNECTIONS: positiveInt('a positive integer (open connections per process)').default(1000),
  LOAD_SEEDS: bool.default(true),
  // The field's shared data (../shared/data beside the project, read in place, never copied in):
  // with LOAD_WIKIPEDIA, start-up imports its vi.wikipedia officials after the seeds.
  DATA_DIR: z.string().min(1, 'a folder path').optional(),
  LOAD_WIKIPEDIA: bool.default(true),
  // Compile each read's selection into one Cypher statement (src/graphql/compile); false resolves
  // every field through the per-request loaders instead (the reference the compiler is tested against).
  COMPILE_READS: bool.default(true),
  // Bound of the neighbourhood's cache of hub hops in MiB (src/graph/hop-cache.ts); 0 turns it off.
  NEIGHBOURHOOD_CACHE_MB: z.coerce
    .number({ message: 'a number of MiB (0 turns the cache off)' })
    .int('a whole number of MiB')
    .min(0, 'a number of MiB, 0 or more')
    .default(128),
  CORS_ORIGINS: z.string().default('*'),
  // Query limits of the public API (src/graphql/limits).
  MAX_QUERY_DEPTH: positiveInt('a positive integer (levels of nested fields)').default(10),
  MAX_ALIASES: positiveInt('a positive integer (aliases per operation)').default(30),
  MAX_QUERY_TOKENS: positiveInt('a positive integer (lexical tokens per document)').default(2000),
  MAX_QUERY_COST: positiveInt('a positive integer (list items a query may return)').default(10000),
  QUERY_COST_LIST_SIZE: positiveInt('a positive integer (items assumed per unpaginated list)').default(20),
  // Take the sizes of unpaginated lists from the data (99th percentile, src/graph/list-sizes.ts); false: QUERY_COST_LIST_SIZE for all.
  QUERY_COST_FROM_DATA: bool.default(true),
  // API keys for writes (src/auth/api-keys.ts): entries "name:role:sha256:<hex>", inline or in a file.
  API_KEYS: z.string().optional(),
  API_KEYS_FILE: z.string().optional(),
  // When set, GET /metrics needs "Authorization: Bearer <METRICS_TOKEN>".
  METRICS_TOKEN: z.string().min(16, 'a token of at least 16 characters').optional(),
};

type Raw = { [K in keyof typeof variables]: z.infer<(typeof variables)[K]> };

/** The validated configuration. */
export interface Config {
  env: Raw['NODE_ENV'];
  production: boolean;
  host: string;
  port: number;
  logLevel: Raw['LOG_LEVEL'];
  neo4j: {
    /** Unset: the local Neo4j (started on demand) is used. */
    uri: string | undefined;
    user: string;
    password: string | undefined;
    database: string | undefined;
    connectTimeoutMs: number;
    poolSize: number;
  };
  /** Admission of GraphQL operations (src/server/admission.ts). */
  admission: { concurrent: number; queue: number; waitMs: number; searches: number; searchWaitMs: number };
  localNeo4j: { port: number; heap: string; pageCacheMb: number };
  queryTimeoutMs: number;
  writeTimeoutMs: number;
  /** Timeout of migrations, seeds and imports (each transaction). */
  maintenanceTimeoutMs: number;
  /** Interval of the background re-run of the connection search (0: none). */
  searchReplanCheckMs: number;
  shutdownTimeoutMs: number;
  /** Bounds on each HTTP connection (src/server/app.ts). */
  http: { headersTimeoutMs: number; requestTimeoutMs: number; maxConnections: number };
  loadSeeds: boolean;
  /** The shared data folder (DATA_DIR, else ../shared/data beside the project); null when there is none. */
  dataDir: string | null;
  loadWikipedia: boolean;
  compileReads: boolean;
  /** MiB for the neighbourhood's cache of hub hops; 0: none. */
  neighbourhoodCacheMb: number;
  /** '*' or the allowed origins. */
  corsOrigins: '*' | string[];
  /** Limits on each GraphQL request (src/graphql/limits). */
  queryLimits: {
    /** Deepest nesting of fields (introspection below __schema/__type not counted). */
    maxDepth: number;
    /** Aliases per operation, fragments expanded. */
    maxAliases: number;
    /** Lexical tokens per document, enforced by the parser. */
    maxTokens: number;
    /** Most list items a query could return, estimated from page sizes (fan-out). */
    maxCost: number;
    /** Items assumed for a list field without `first` (e.g. Person.occupancies), where the data says nothing. */
    listSize: number;
    /** Measure unpaginated lists in the data (else listSize for all). */
    sizesFromData: boolean;
  };
  /** Keys allowed to write (hashes only). */
  apiKeys: ApiKeyEntry[];
  /** Bearer token that /metrics requires, when set. */
  metricsToken: string | undefined;
}

function readApiKeys(inline: string | undefined, file: string | undefined): ApiKeyEntry[] {
  const keys: ApiKeyEntry[] = [];
  try {
    if (inline) keys.push(...parseApiKeys(inline, 'API_KEYS'));
  } catch {
    throw new ConfigError('API_KEYS', 'entries name:editor:sha256:<64 hex digits> (make one with npm run api-key -- NAME)', '…');
  }
  if (file) {
    let text: string;
    try {
      text = fs.readFileSync(file, 'utf8');
    } catch {
      throw new ConfigError('API_KEYS_FILE', 'a readable file of API key entries', file);
    }
    try {
      keys.push(...parseApiKeys(text, 'API_KEYS_FILE'));
    } catch (error) {
      throw new ConfigError('API_KEYS_FILE', `entries name:editor:sha256:<64 hex digits> (${(error as Error).message})`, file);
    }
  }
  return keys;
}

/** Reads and validates the environment; throws ConfigError on the first invalid variable. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const raw: Record<string, unknown> = {};
  for (const [name, schema] of Object.entries(variables)) {
    const value = env[name];
    const result = (schema as z.ZodType).safeParse(value === '' ? undefined : value);
    if (!result.success) {
      throw new ConfigError(name, result.error.issues[0]?.message ?? 'a valid value', String(value));
    }
    raw[name] = result.data;
  }
  const r = raw as Raw;
  const origins = r.CORS_ORIGINS.trim();
  return {
    env: r.NODE_ENV,
    production: r.NODE_ENV === 'production',
    host: r.HOST,
    port: r.PORT,
    logLevel: r.LOG_LEVEL,
    neo4j: {
      uri: r.NEO4J_URI,
      user: r.NEO4J_USER,
      password: r.NEO4J_PASSWORD,
      database: r.NEO4J_DATABASE,
      connectTimeoutMs: r.NEO4J_CONNECT_TIMEOUT_MS,
      poolSize: r.NEO4J_POOL_SIZE,
    },
    admission: {
      concurrent: r.MAX_CONCURRENT_OPERATIONS,
      queue: r.OPERATION_QUEUE_SIZE,
      waitMs: r.OPERATION_QUEUE_WAIT_MS,
      searches: r.MAX_CONCURRENT_SEARCHES,
      searchWaitMs: r.SEARCH_QUEUE_WAIT_MS ?? r.QUERY_TIMEOUT_MS,
    },
    localNeo4j: { port: r.LOCAL_NEO4J_PORT, heap: r.LOCAL_NEO4J_HEAP, pageCacheMb: r.LOCAL_NEO4J_PAGECACHE_MB },
    queryTimeoutMs: r.QUERY_TIMEOUT_MS,
    writeTimeoutMs: r.WRITE_TIMEOUT_MS,
    maintenanceTimeoutMs: r.MAINTENANCE_TIMEOUT_MS,
    searchReplanCheckMs: r.SEARCH_REPLAN_CHECK_MS,
    shutdownTimeoutMs: r.SHUTDOWN_TIMEOUT_MS,
    http: { headersTimeoutMs: r.HTTP_HEADERS_TIMEOUT_MS, requestTimeoutMs: r.HTTP_REQUEST_TIMEOUT_MS, maxConnections: r.HTTP_MAX_CONNECTIONS },
    loadSeeds: r.LOAD_SEEDS,
    dataDir: r.DATA_DIR ? path.resolve(r.DATA_DIR) : defaultDataDir(),
    loadWikipedia: r.LOAD_WIKIPEDIA,
    compileReads: r.COMPILE_READS,
    neighbourhoodCacheMb: r.NEIGHBOURHOOD_CACHE_MB,
    corsOrigins:
      origins === '*'
        ? '*'
        : origins
            .split(',')
            .map((o) => o.trim())
            .filter(Boolean),
    queryLimits: {
      maxDepth: r.MAX_QUERY_DEPTH,
      maxAliases: r.MAX_ALIASES,
      maxTokens: r.MAX_QUERY_TOKENS,
      maxCost: r.MAX_QUERY_COST,
      listSize: r.QUERY_COST_LIST_SIZE,
      sizesFromData: r.QUERY_COST_FROM_DATA,
    },
    apiKeys: readApiKeys(r.API_KEYS, r.API_KEYS_FILE),
    metricsToken: r.METRICS_TOKEN,
  };
}

/** The names of every variable the configuration reads (docs and the compose-file test use it). */
export const CONFIG_VARIABLES = Object.keys(variables);

/** The Bolt URI to use: NEO4J_URI, or the local Neo4j's. */
export function neo4jUri(config: Config): string {
  return config.neo4j.uri ?? `bolt://127.0.0.1:${config.localNeo4j.port}`;
}

/** ../shared/data beside the project (where the field's data sits on a developer's and CI's machine), if it is there. */
function defaultDataDir(): string | null {
  const beside = path.resolve(PROJECT_ROOT, '..', 'shared', 'data');
  return fs.existsSync(beside) ? beside : null;
}
