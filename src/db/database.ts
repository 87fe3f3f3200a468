// The only module that imports neo4j-driver: sessions, access mode (READ routing for reads),
// per-transaction timeouts, conversion of driver values to plain JSON, error mapping, and timings (observe).
import neo4j, { Driver, ManagedTransaction, Neo4jError, QueryResult, RecordShape } from 'neo4j-driver';
import { AppError, ErrorCode, overloaded } from '../errors';

export type Params = Record<string, unknown>;
export type Row = Record<string, unknown>;

/** A transaction handed to write work: run parameterised Cypher, get plain rows back. */
export interface Tx {
  run(cypher: string, params?: Params): Promise<Row[]>;
}

export interface DatabaseOptions {
  uri: string;
  user: string;
  password?: string;
  database?: string;
  /** Server-side timeout of a read transaction. */
  readTimeoutMs: number;
  /** Server-side timeout of a write transaction (API mutations). */
  writeTimeoutMs: number;
  /**
   * Timeout of maintenance work — migrations, seeds, imports — which is not a public request and
   * must not fail because the machine is busy; it still ends (a hung statement does not hang start-up).
   */
  maintenanceTimeoutMs: number;
  connectTimeoutMs: number;
  poolSize: number;
  /** A statement every write transaction ends with, inside it (the graph's version token, src/graph/graph-version.ts). */
  endOfWrite?: string;
}

/** One database call, as metrics see it (src/server/metrics.ts). */
export interface DbObservation {
  mode: 'read' | 'write' | 'schema';
  outcome: 'ok' | 'timeout' | 'unavailable' | 'overloaded' | 'error';
  seconds: number;
}
export type DbObserver = (observation: DbObservation) => void;

/** A handle on one Neo4j DBMS (single server, cluster or Aura). */
export class Database {
  private readonly driver: Driver;
  private readonly observers = new Set<DbObserver>();
  /**
   * What the last call told of the database: false after it was unreachable, until a call succeeds
   * again. A timeout of a call that started while it was down (e.g. a cold restart) is an outage,
   * not a slow query.
   */
  private up = true;

  constructor(private readonly options: DatabaseOptions) {
    const auth = options.password ? neo4j.auth.basic(options.user, options.password) : neo4j.auth.basic(options.user, '');
    this.driver = neo4j.driver(options.uri, auth, {
      maxConnectionPoolSize: options.poolSize,
      // An HTTP API must fail fast when the database is away, not wait the driver's 60 s default.
      // Worst case with the database gone: a connect timeout, one short retry, another connect timeout.
      connectionAcquisitionTimeout: options.connectTimeoutMs + 500,
      connectionTimeout: options.connectTimeoutMs,
      maxTransactionRetryTime: MAX_RETRY_AFTER_MS,
      disableLosslessIntegers: false,
      logging: { level: 'error', logger: () => undefined },
      // No notifications: nothing here reads them, and a statement naming a relationship type no data
      // holds yet (a model type with no facts so far) draws a warning per mention — ~170 on a
      // connection search, ~94 kB the driver decoded on every answer, more of the API's CPU than the answer.
      notificationFilter: { minimumSeverityLevel: 'OFF' },
    });
  }

  /** The timeout for migrations, seeds and imports (see DatabaseOptions.maintenanceTimeoutMs). */
  get maintenanceTimeoutMs(): number {
    return this.options.maintenanceTimeoutMs;
  }

  /**
   * Runs one read query in a read transaction (READ routing), with the read timeout: an auto-commit
   * one (RUN and PULL; a managed one adds BEGIN and COMMIT, two more writes and answers). Neo4j holds
   * it to the access mode (a write is refused) and the timeout. Retried once, as executeRead would,
   * on an error the driver calls retryable (a lost connection, a cluster member leaving) that came
   * within MAX_RETRY_AFTER_MS.
   */
  async read(cypher: string, params: Params = {}, timeoutMs = this.options.readTimeoutMs): Promise<Row[]> {
    return this.observed('read', async () => {
      const started = performance.now();
      for (let attempt = 1; ; attempt++) {
        const session = this.driver.session({ defaultAccessMode: neo4j.session.READ, database: this.options.database });
        try {
          return plainRows(await session.run(cypher, toDriverParams(params), { timeout: timeoutMs }));
        } catch (error) {
          if (attempt > 1 || !neo4j.isRetryableError(error) || performance.now() - started > MAX_RETRY_AFTER_MS) throw error;
        } finally {
          await session.close();
        }
        await new Promise((r) => setTimeout(r, RETRY_DELAY_MS));
      }
    });
  }

  /**
   * Runs `work` in one write transaction: all of it is committed, or none. Keep it idempotent (it may be
   * retried). The transaction ends with `endOfWrite`, when given.
   */
  async write<T>(work: (tx: Tx) => Promise<T>, timeoutMs = this.options.writeTimeoutMs): Promise<T> {
    const session = this.driver.session({ defaultAccessMode: neo4j.session.WRITE, database: this.options.database });
    try {
      return await this.observed('write', () =>
        session.executeWrite(
          async (tx) => {
            const result = await work({ run: (c, p) => runPlain(tx, c, p ?? {}) });
            // last, so whatever it locks is held only until the commit
            if (this.options.endOfWrite) await tx.run(this.options.endOfWrite);
            return result;
          },
          { timeout: timeoutMs },
        ),
      );
    } finally {
      await session.close();
    }
  }

  /** Runs one schema statement (constraints, indexes) in its own auto-commit transaction. */
  async schema(cypher: string, params: Params = {}): Promise<void> {
    const session = this.driver.session({ defaultAccessMode: neo4j.session.WRITE, database: this.options.database });
    try {
      await this.observed('schema', () => session.run(cypher, params));
    } finally {
      await session.close();
    }
  }

  /**
   * True when the database answers a trivial read within `timeoutMs`. Outside admission and the
   * observers: /readyz and the timeout check (observed) use it.
   */
  async ping(timeoutMs = this.options.connectTimeoutMs): Promise<boolean> {
    const session = this.driver.session({ defaultAccessMode: neo4j.session.READ, database: this.options.database });
    let timer: NodeJS.Timeout | undefined;
    try {
      const probe = session
        .executeRead((tx) => tx.run('RETURN 1'), { timeout: timeoutMs })
        .then(
          () => true,
          () => false,
        );
      const late = new Promise<boolean>((resolve) => {
        timer = setTimeout(() => resolve(false), timeoutMs);
      });
      return await Promise.race([probe, late]);
    } finally {
      clearTimeout(timer);
      void session.close().catch(() => undefined);
    }
  }

  /** Waits until the database answers a trivial read; false when it did not within `waitMs`. */
  async waitUntilAnswering(waitMs: number): Promise<boolean> {
    const deadline = Date.now() + waitMs;
    while (!(await this.ping())) {
      if (Date.now() > deadline) return false;
      await new Promise((r) => setTimeout(r, 500));
    }
    return true;
  }

  /** Calls `observer` after every read, write and schema call (metrics); returns what stops it. */
  observe(observer: DbObserver): () => void {
    this.observers.add(observer);
    return () => void this.observers.delete(observer);
  }

  /** Runs one call: errors mapped (mapError), duration and outcome reported to the observers. */
  private async observed<T>(mode: DbObservation['mode'], call: () => Promise<T>): Promise<T> {
    const started = performance.now();
    const upAtStart = this.up;
    let outcome: DbObservation['outcome'] = 'ok';
    try {
      const result = await call();
      this.up = true;
      return result;
    } catch (error) {
      let mapped = mapError(error);
      let code = mapped instanceof AppError ? mapped.code : undefined;
      if (code === ErrorCode.SERVICE_UNAVAILABLE && this.up && /acquisition timed out/i.test(String((error as Error)?.message))) {
        // Every connection busy while the database answers: overload, not an outage.
        mapped = withCause(overloaded(1), error);
        code = ErrorCode.OVERLOADED;
      } else if (code === ErrorCode.SERVICE_UNAVAILABLE) this.up = false;
      else if (code === ErrorCode.QUERY_TIMEOUT && (!upAtStart || !this.up || !(await this.ping()))) {
        // Not a slow query but a database that is away, stopping or still starting: say so.
        this.up = false;
        mapped = withCause(unavailable(), error);
        code = ErrorCode.SERVICE_UNAVAILABLE;
      }
      outcome =
        code === ErrorCode.QUERY_TIMEOUT
          ? 'timeout'
          : code === ErrorCode.SERVICE_UNAVAILABLE
            ? 'unavailable'
            : code === ErrorCode.OVERLOADED
              ? 'overloaded'
              : 'error';
      throw mapped;
    } finally {
      const observation = { mode, outcome, seconds: (performance.now() - started) / 1000 };
      for (const observer of this.observers) {
        try {
          observer(observation);
        } catch {
          /* metrics never fail a query */
        }
      }
    }
  }

  async close(): Promise<void> {
    await this.driver.close();
  }
}

/** A read is retried when its first attempt failed within this long (the driver's maxTransactionRetryTime), after RETRY_DELAY_MS (its first delay). */
const MAX_RETRY_AFTER_MS = 500;
const RETRY_DELAY_MS = 1000;

async function runPlain(tx: ManagedTransaction, cypher: string, params: Params): Promise<Row[]> {
  return plainRows(await tx.run(cypher, toDriverParams(params)));
}

function plainRows(result: QueryResult<RecordShape>): Row[] {
  return result.records.map((record) => {
    const row: Row = {};
    for (const key of record.keys) row[String(key)] = toPlain(record.get(key));
    return row;
  });
}

/** Integers that the query needs as integers (LIMIT, SKIP) must be sent as Neo4j Integers. */
export function int(value: number): unknown {
  return neo4j.int(value);
}

function toDriverParams(params: Params): Params {
  // undefined is not a Cypher value; null is.
  const out: Params = {};
  for (const [k, v] of Object.entries(params)) out[k] = v === undefined ? null : v;
  return out;
}

/** Whether a value may hold a driver type (so toPlain must look at it). */
const mayHoldDriverValue = (v: unknown) => v === undefined || typeof v === 'bigint' || (v !== null && typeof v === 'object');

/** Converts driver values to plain JSON: Integers to numbers (strings when unsafe), temporals to ISO strings, graph objects to their properties; lists and maps in place (a result's values are its own: not copied). */
export function toPlain(value: unknown): unknown {
  if (value === null || value === undefined) return null;
  // strings, numbers and booleans are most values: no driver type to test them against
  if (typeof value !== 'object' && typeof value !== 'bigint') return value;
  if (typeof value === 'bigint') return Number.isSafeInteger(Number(value)) ? Number(value) : value.toString();
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) if (mayHoldDriverValue(value[i])) value[i] = toPlain(value[i]);
    return value;
  }
  // a Cypher map is a plain object; the driver's Integers, temporals and graph types are class instances
  const proto = Object.getPrototypeOf(value) as unknown;
  if (proto === Object.prototype || proto === null) {
    const map = value as Row;
    for (const k in map) if (mayHoldDriverValue(map[k])) map[k] = toPlain(map[k]);
    return map;
  }
  if (neo4j.isInt(value)) return value.inSafeRange() ? value.toNumber() : value.toString();
  if (
    neo4j.isDate(value) ||
    neo4j.isDateTime(value) ||
    neo4j.isLocalDateTime(value) ||
    neo4j.isTime(value) ||
    neo4j.isLocalTime(value) ||
    neo4j.isDuration(value)
  ) {
    return value.toString();
  }
  if (neo4j.isNode(value) || neo4j.isRelationship(value)) return toPlain(value.properties);
  if (neo4j.isPath(value)) return value.segments.map((s) => toPlain([s.start, s.relationship, s.end]));
  if (typeof value === 'object') {
    const out: Row = {};
    for (const [k, v] of Object.entries(value as Row)) out[k] = toPlain(v);
    return out;
  }
  return value;
}

const UNAVAILABLE = new Set(['ServiceUnavailable', 'SessionExpired', 'Neo.TransientError.General.DatabaseUnavailable']);
const TIMED_OUT = new Set([
  'Neo.ClientError.Transaction.TransactionTimedOut',
  'Neo.ClientError.Transaction.TransactionTimedOutClientConfiguration',
  'Neo.TransientError.Transaction.TransactionTimedOut',
]);

const unavailable = () => new AppError(ErrorCode.SERVICE_UNAVAILABLE, 'The database is unavailable; try again shortly.');

function withCause<E extends Error>(mapped: E, cause: unknown): E {
  (mapped as { cause?: unknown }).cause = cause;
  return mapped;
}

/** Maps a driver error to an AppError with a stable code; the original stays as `cause` for logs only. */
export function mapError(error: unknown): Error {
  if (error instanceof AppError) return error;
  if (error instanceof Neo4jError) {
    const code = error.code;
    let mapped: AppError;
    if (UNAVAILABLE.has(code) || (!code.startsWith('Neo.') && /connect|acquisition|ECONNREFUSED/i.test(error.message))) {
      mapped = unavailable();
    } else if (TIMED_OUT.has(code)) {
      mapped = new AppError(ErrorCode.QUERY_TIMEOUT, 'The query took too long and was stopped.');
    } else if (code.startsWith('Neo.TransientError.General.MemoryPoolOutOfMemoryError') || code.includes('MemoryLimit')) {
      mapped = new AppError(ErrorCode.QUERY_TOO_EXPENSIVE, 'The query needed more memory than allowed.');
    } else if (code.startsWith('Neo.ClientError.Schema.ConstraintValidationFailed')) {
      mapped = new AppError(ErrorCode.BAD_USER_INPUT, 'The data conflicts with existing data (a uniqueness rule).');
    } else {
      mapped = new AppError(ErrorCode.INTERNAL_SERVER_ERROR, 'A database error occurred.');
    }
    (mapped as { cause?: unknown }).cause = error;
    return mapped;
  }
  return error instanceof Error ? error : new Error(String(error));
}
