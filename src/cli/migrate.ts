// `npm run migrate`: applies the schema migrations to the configured database (starting the local
// Neo4j when NEO4J_URI is unset) and prints the schema version.
import { loadConfig } from '../config';
import { openDatabase } from '../bootstrap';
import { migrate } from '../graph/migrations';
import { createLogger } from '../log';
import { runCommand } from './run-command';

runCommand(async () => {
  const config = loadConfig();
  const db = await openDatabase(config, createLogger(config), { migrate: false });
  try {
    const { version, applied } = await migrate(db);
    console.log(`schema version ${version}; applied now: ${applied.length ? applied.join(', ') : 'none'}`);
  } finally {
    await db.close();
  }
});
