// `npm run import -- --format wikipedia-infobox|popolo|ftm|csv FILE [--mapping M.yaml] [--dataset NAME]`:
// imports a dataset through the importer door (src/import/run.ts) with a progress bar (rate, ETA)
// and a summary per type at the end. Wikipedia records that fail validation are listed with their
// id and field and the rest is written; a Popolo, FtM or CSV file is written whole or not at all.
import fs from 'node:fs';
import cliProgress from 'cli-progress';
import { loadConfig } from '../config';
import { openDatabase } from '../bootstrap';
import { FORMATS, Format, importFile, withdrawImport } from '../import/run';
import { createLogger } from '../log';
import { runCommand } from './run-command';

const USAGE = `usage: npm run import -- --format ${FORMATS.join('|')} FILE [--mapping M.yaml (csv)] [--dataset NAME] [--language ISO639] [--id-scheme SCHEME (popolo, csv)] [--part-size N]
       npm run import -- --format ${FORMATS.join('|')} --withdraw [--dataset NAME]   (removes what that format's import wrote; what other sources also say stays)`;

const VALUED = ['--format', '--mapping', '--dataset', '--language', '--id-scheme', '--part-size'];

runCommand(async () => {
  const args = process.argv.slice(2);
  const option = (name: string) => (args.includes(name) ? args[args.indexOf(name) + 1] : undefined);
  const format = option('--format');
  const files = args.filter((a, i) => !a.startsWith('--') && !VALUED.includes(args[i - 1] ?? ''));
  if (!format || !FORMATS.includes(format as Format)) throw new Error(`${USAGE}\n--format: expected one of ${FORMATS.join(', ')}, got ${format ?? 'nothing'}`);
  const withdraw = args.includes('--withdraw');
  if (withdraw ? files.length !== 0 : files.length !== 1) throw new Error(USAGE);
  const mappingFile = option('--mapping');
  const mapping = mappingFile ? fs.readFileSync(mappingFile, 'utf8') : undefined;
  const actor = `cli:${process.env.USER ?? 'unknown'}`;
  const config = loadConfig();
  const db = await openDatabase(config, createLogger(config));
  if (withdraw) {
    try {
      console.log(JSON.stringify(await withdrawImport(db, format as Format, { actor, dataset: option('--dataset') })));
    } finally {
      await db.close();
    }
    return;
  }
  const bar = new cliProgress.SingleBar(
    {
      format: '{phase} {bar} {percentage}% | {value}/{total} records | {rate}/s | ETA {eta_formatted}',
      hideCursor: true,
      etaBuffer: 50,
      stream: process.stderr,
    },
    cliProgress.Presets.shades_classic,
  );
  const started = Date.now();
  let begun = false;
  try {
    const summary = await importFile(db, format as Format, files[0]!, {
      actor,
      mapping,
      dataset: option('--dataset'),
      language: option('--language'),
      idScheme: option('--id-scheme'),
      partSize: option('--part-size') ? Number(option('--part-size')) : undefined,
      onProgress: ({ done, total, phase }) => {
        if (!begun) {
          bar.start(total, 0, { rate: '0', phase });
          begun = true;
        }
        bar.setTotal(total);
        bar.update(done, { phase, rate: (done / Math.max(0.001, (Date.now() - started) / 1000)).toFixed(1) });
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
