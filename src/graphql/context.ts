// The per-request context, built in one place: the database handle, the request's logger and id.
import type { Database } from '../db/database';
import type { Logger } from '../log';

export interface Context {
  db: Database;
  log: Logger;
  requestId: string;
}

export function buildContext(db: Database, log: Logger, requestId: string): Context {
  return { db, log: log.child({ requestId }), requestId };
}
