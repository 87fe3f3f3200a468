// Loads every facts file in seeds/facts/ through the ingestion pipeline. Idempotent: loading
// twice leaves the same graph.
import fs from 'node:fs';
import path from 'node:path';
import type { Database } from '../db/database';
import type { Logger } from '../log';
import { PROJECT_ROOT } from '../paths';
import { ingestFile, IngestSummary } from './ingest';

export const SEED_FACTS_DIR = path.join(PROJECT_ROOT, 'seeds', 'facts');

/** The facts files in a folder, in name order. */
export function factsFiles(dir = SEED_FACTS_DIR): string[] {
  if (!fs.existsSync(dir)) return [];
  return fs
    .readdirSync(dir)
    .filter((f) => /\.ya?ml$/.test(f))
    .sort()
    .map((f) => path.join(dir, f));
}

export async function loadSeeds(db: Database, log?: Logger, dir = SEED_FACTS_DIR): Promise<IngestSummary[]> {
  const summaries: IngestSummary[] = [];
  for (const file of factsFiles(dir)) {
    const summary = await ingestFile(db, file, { actor: 'seed', timeoutMs: db.maintenanceTimeoutMs });
    log?.info({ ...summary }, 'facts file loaded');
    summaries.push(summary);
  }
  return summaries;
}
