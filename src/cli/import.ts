// `npm run import -- --format wikipedia-infobox FILE`: imports a dataset through the importer door
// (src/import/run.ts) with a progress bar (rate, ETA) and a summary per type at the end. Records
// that fail validation are listed with their id and field; the rest is written.
import cliProgress from 'cli-progress';
import { loadConfig } from '../config';
import { openDatabase } from '../bootstrap';
import { FORMATS, Format, importFile, withdrawImport } from '../import/run';
import { createLogger } from '../log';
import { runCommand } from './run-command';

const USAGE = `usage: npm run import -- --format ${FORMATS.join('|')} FILE\n       npm run import -- --format ${FORMATS.join('|')} --withdraw   (removes what that format's import wrote; what other sources also say stays)`;

runCommand(async () => {
  const args = process.argv.slice(2);
  const at = args.indexOf('--format');
  const format = at >= 0 ? args[at + 1] : undefined;
  const files = args.filter((a, i) => !a.startsWith('--') && i !== at + 1);
  if (!format || !FORMATS.includes(format as Format)) throw new Error(`${USAGE}\n--format: expected one of ${FORMATS.join(', ')}, got ${format ?? 'nothing'}`);
  const withdraw = args.includes('--withdraw');
  if (withdraw ? files.length !== 0 : files.length !== 1) throw new Error(USAGE);
  const config = loadConfig();
  const db = await openDatabase(config, createLogger(config));
  if (withdraw) {
    try {
      console.log(JSON.stringify(await withdrawImport(db, format as Format, { actor: `cli:${process.env.USER ?? 'unknown'}` })));
    } finally {
      await db.close();
    }
    return;
  }
  const bar = new cliProgress.SingleBar(
    { format: '{bar} {percentage}% | {value}/{total} records | {rate}/s | ETA {eta_formatted}', hideCursor: true, etaBuffer: 50, stream: process.stderr },
    cliProgress.Presets.shades_classic,
  );
  const started = Date.now();
  let begun = false;
  try {
    const summary = await importFile(db, format as Format, files[0]!, {
      actor: `cli:${process.env.USER ?? 'unknown'}`,
      onProgress: ({ done, total }) => {
        if (!begun) {
          bar.start(total, 0, { rate: '0' });
          begun = true;
        }
        bar.update(done, { rate: (done / Math.max(0.001, (Date.now() - started) / 1000)).toFixed(1) });
      },
    });
    bar.stop();
    console.log(JSON.stringify(summary, null, 2));
    if (summary.invalid.length) {
      console.error(`${summary.invalid.length} record(s) invalid and left out:`);
      for (const i of summary.invalid) for (const p of i.problems) console.error(`  ${i.record}: ${p.entry} ${p.field}: ${p.message}`);
    }
  } finally {
    bar.stop();
    await db.close();
  }
});
