// The database door: sessions, access mode (READ routing for reads), per-transaction timeouts,
// retries and timings (observe). With its siblings — values.ts (driver values to plain JSON and
// back) and driver-errors.ts (driver errors to AppErrors) — the only code that imports neo4j-driver.
import neo4j, { Driver } from 'neo4j-driver';
import { AppError, ErrorCode, overloaded } from '../errors';
import { mapError, unavailable, withCause } from './driver-errors';
import { plainRows, runPlain, toDriverParams, type Params, type Row } from './values';

export { int, toPlain, type Params, type Row } from './values';
export { mapError } from './driver-errors';

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
  /**
   * This Database, also when reached through a view made of it with Object.create (each request's
   * statement counter, src/graphql/context.ts): what per-process caches of the DBMS key on
   * (src/graph/plan-ahead.ts), so that a request does not start from an empty one.
   */
  readonly origin: Database = this;
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
