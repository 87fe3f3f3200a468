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
}

export function buildContext(db: Database, log: Logger, requestId: string, caller: Caller | null = null): Context {
  return { db, loaders: createLoaders(db), log: log.child({ requestId, caller: caller?.name }), requestId, caller };
}
