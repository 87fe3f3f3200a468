// The per-request context, built in one place: the database handle, the request's DataLoaders, its
// logger and id.
import type { Caller } from '../auth/api-keys';
import type { Database } from '../db/database';
import type { Logger } from '../log';
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
}

/**
 * A view of the database that counts the request's statements: every read and write of the
 * request goes through it (resolvers, loaders, src/graph/ functions given ctx.db).
 */
function counted(db: Database, statements: { count: number }): Database {
  const view = Object.create(db) as Database;
  view.read = (...args) => {
    statements.count++;
    return db.read(...args);
  };
  view.write = <T>(work: Parameters<Database['write']>[0], timeoutMs?: number) => {
    statements.count++;
    return db.write(work as never, timeoutMs) as Promise<T>;
  };
  return view;
}

export function buildContext(db: Database, log: Logger, requestId: string, caller: Caller | null = null, compile = true): Context {
  const statements = { count: 0 };
  const view = counted(db, statements);
  return { db: view, loaders: createLoaders(view), log: log.child({ requestId, caller: caller?.name }), requestId, caller, compile, statements };
}
