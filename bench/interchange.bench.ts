// `npm run bench:interchange`: imports the shared Popolo, CSV and FtM files into the local Neo4j
// (on top of whatever it holds), times each import and a second, unchanged one, then streams the
// whole graph out as Popolo and as FtM, timing it and watching this process's peak memory (the
// export reads page by page: memory should not grow with the graph). Withdraws the imports at the end.
import fs from 'node:fs';
import path from 'node:path';
import { loadConfig } from '../src/config';
import { openDatabase } from '../src/bootstrap';
import { exportStream, ExportFormat } from '../src/export';
import { importFile, withdrawImport } from '../src/import/run';
import { createLogger } from '../src/log';
import { PROJECT_ROOT } from '../src/paths';

const DATA = loadConfig().dataDir ?? path.resolve(PROJECT_ROOT, '../shared/data');
const FILES = [
  { format: 'popolo', file: 'popolo/estonia-ep-popolo-v1.0.json' },
  { format: 'popolo', file: 'popolo/burundi-ep-popolo-v1.0.json' },
  { format: 'csv', file: 'popolo/vietnam-na-term-13.csv', mapping: 'everypolitician-term.yaml' },
  { format: 'ftm', file: 'ftm/yente-parteispenden.entities.ftm.json' },
] as const;

const rssMb = () => Math.round(process.memoryUsage().rss / 1e6);

async function main(): Promise<void> {
  const config = loadConfig();
  const db = await openDatabase(config, createLogger({ ...config, logLevel: 'warn' }));
  try {
    for (const f of FILES) {
      const options = { actor: 'bench', mapping: 'mapping' in f ? fs.readFileSync(path.join(PROJECT_ROOT, 'mappings', f.mapping), 'utf8') : undefined };
      let t = Date.now();
      const first = await importFile(db, f.format, path.join(DATA, f.file), options);
      const firstMs = Date.now() - t;
      t = Date.now();
      await importFile(db, f.format, path.join(DATA, f.file), options);
      console.log(
        `${f.file}: ${first.records} entities and facts, ${first.foreignRecords ?? 0} foreign records — import ${firstMs} ms, unchanged again ${Date.now() - t} ms`,
      );
    }
    const n = Number((await db.read('MATCH (n) WHERE n:Entity OR n:Fact RETURN count(n) AS n'))[0]?.n ?? 0);
    for (const format of ['popolo', 'ftm'] as ExportFormat[]) {
      const t = Date.now();
      let bytes = 0;
      let peak = rssMb();
      for await (const chunk of exportStream(db, format)) {
        bytes += Buffer.byteLength(chunk);
        peak = Math.max(peak, rssMb());
      }
      console.log(`export ${format}: ${n} nodes in the graph, ${(bytes / 1e6).toFixed(1)} MB in ${Date.now() - t} ms, peak RSS ${peak} MB`);
    }
  } finally {
    for (const format of ['popolo', 'csv', 'ftm'] as const) await withdrawImport(db, format, { actor: 'bench' });
    await db.close();
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
