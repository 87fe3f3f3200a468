// The per-request context, built in one place: the database handle, the request's DataLoaders, its
// logger and id.
import type { Database } from '../db/database';
import type { Logger } from '../log';
import { createLoaders, Loaders } from './loaders';

export interface Context {
  db: Database;
  loaders: Loaders;
  log: Logger;
  requestId: string;
}

export function buildContext(db: Database, log: Logger, requestId: string): Context {
  return { db, loaders: createLoaders(db), log: log.child({ requestId }), requestId };
}
