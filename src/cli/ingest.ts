// `npm run ingest -- FILE…`: validates and loads facts files (docs/facts-format.md) through the
// same pipeline as the seeds. An invalid file is rejected whole and nothing of it is written.
import { loadConfig } from '../config';
import { openDatabase } from '../bootstrap';
import { ingestFile, readFactsFile } from '../ingest/ingest';
import { createLogger } from '../log';
import { runCommand } from './run-command';

runCommand(async () => {
  const files = process.argv.slice(2).filter((a) => !a.startsWith('--'));
  if (!files.length) throw new Error('usage: npm run ingest -- [--check] FILE.yaml…');
  if (process.argv.includes('--check')) {
    for (const file of files) readFactsFile(file);
    console.log(`${files.length} file(s) valid`);
    return;
  }
  const config = loadConfig();
  const db = await openDatabase(config, createLogger(config));
  try {
    for (const file of files)
      console.log(JSON.stringify(await ingestFile(db, file, { actor: `cli:${process.env.USER ?? 'unknown'}`, timeoutMs: db.maintenanceTimeoutMs })));
  } finally {
    await db.close();
  }
});
