// The per-request context, built in one place: the database handle, the request's DataLoaders, its
// logger and id.
import type { Caller } from '../auth/api-keys';
import type { Database, Tx } from '../db/database';
import type { Logger } from '../log';
import { Slots } from '../slots';
import { createLoaders, Loaders } from './loaders';

export interface Context {
  db: Database;
  loaders: Loaders;
  log: Logger;
  requestId: string;
  /** Who sent the request, when it carried a valid API key. */
  caller: Caller | null;
  /** Compile root fields into one statement each (config COMPILE_READS). */
  compile: boolean;
  /** Database statements this request has sent so far (the Server-Timing header reports them). */
  statements: { count: number };
  /** The slots connection searches run in (config MAX_CONCURRENT_SEARCHES), shared by the server's requests. */
  searches: Slots;
}

/** No bound on searches: for operations run outside a server (benchmarks, tests of one resolver). */
const UNBOUNDED = new Slots({ slots: Infinity, queue: 0, waitMs: 0, retryAfterSeconds: 1 });

/**
 * A view of the database that counts the request's statements: every read and write of the
 * request goes through it (resolvers, loaders, src/graph/ functions given ctx.db).
 */
function counted(db: Database, statements: { count: number }): Database {
  // defined, not assigned: `db` may itself be such a view, whose properties are read-only
  return Object.create(db, {
    read: {
      value: (...args: Parameters<Database['read']>) => {
        statements.count++;
        return db.read(...args);
      },
    },
    write: {
      value: <T>(work: (tx: Tx) => Promise<T>, timeoutMs?: number) => {
        statements.count++;
        return db.write(work, timeoutMs);
      },
    },
  }) as Database;
}

export function buildContext(db: Database, log: Logger, requestId: string, caller: Caller | null = null, compile = true, searches = UNBOUNDED): Context {
  const statements = { count: 0 };
  const view = counted(db, statements);
  return { db: view, loaders: createLoaders(view), log: log.child({ requestId, caller: caller?.name }), requestId, caller, compile, statements, searches };
}
