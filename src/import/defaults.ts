// What `npm start` imports after the seeds: the vi.wikipedia officials of the shared data folder.
import fs from 'node:fs';
import path from 'node:path';
import type { Database } from '../db/database';
import type { Logger } from '../log';
import { importFile, ImportOptions, ImportSummary } from './run';

/** The political-net infoboxes inside the shared data folder. */
export const wikipediaFile = (dataDir: string) => path.join(dataDir, 'wikipedia', 'political-net', 'politicians_data.json');

/** Imports the Wikipedia officials when the data is there (idempotent: a second start writes nothing); null when it is not. */
export async function loadDefaultData(db: Database, dataDir: string | null, log: Logger, options: Partial<ImportOptions> = {}): Promise<ImportSummary | null> {
  const file = dataDir ? wikipediaFile(dataDir) : null;
  if (!file || !fs.existsSync(file)) {
    log.warn({ dataDir }, 'Wikipedia officials not loaded: no shared data folder (set DATA_DIR to the folder holding wikipedia/political-net/)');
    return null;
  }
  return importFile(db, 'wikipedia-infobox', file, { actor: 'seed', ...options });
}
