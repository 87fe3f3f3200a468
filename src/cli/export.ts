// `npm run -s export -- --format popolo|ftm [--root ID --depth N] > FILE`: the whole graph or a
// neighbourhood as a Popolo JSON document or FtM JSON lines, written to stdout as it is read.
import { once } from 'node:events';
import { loadConfig } from '../config';
import { openDatabase } from '../bootstrap';
import { EXPORT_FORMATS, exportStream, ExportFormat } from '../export';
import { createLogger } from '../log';
import { runCommand } from './run-command';

const USAGE = `usage: npm run -s export -- --format ${EXPORT_FORMATS.join('|')} [--root ID [--depth 1-3]] > FILE`;

runCommand(async () => {
  const args = process.argv.slice(2);
  const option = (name: string) => (args.includes(name) ? args[args.indexOf(name) + 1] : undefined);
  const format = option('--format');
  if (!format || !EXPORT_FORMATS.includes(format as ExportFormat))
    throw new Error(`${USAGE}\n--format: expected one of ${EXPORT_FORMATS.join(', ')}, got ${format ?? 'nothing'}`);
  const depth = option('--depth');
  const config = loadConfig();
  // logs go to stderr: stdout is the export
  const db = await openDatabase(config, createLogger({ ...config, logLevel: 'silent' }), { migrate: false });
  try {
    for await (const chunk of exportStream(db, format as ExportFormat, { root: option('--root') ?? null, depth: depth ? Number(depth) : null })) {
      if (!process.stdout.write(chunk)) await once(process.stdout, 'drain');
    }
  } finally {
    await db.close();
  }
});
