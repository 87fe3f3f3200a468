// Builds the generated world (bench/world.ts) in the benchmarks' database, by one of two writers:
// - `import` (the default on the local launcher's store): the world as CSV files, loaded by Neo4j's
//   offline importer (src/localdb/bulk-import.ts), then the DBMS started again and migrated, which
//   populates every index and constraint over it at once. It replaces the store's database whole,
//   so it refuses a store that holds data the service would not load again by itself at start-up;
//   the seeds (and Wikipedia, with LOAD_WIKIPEDIA) come back when the API starts.
// - `cypher` (the only one for NEO4J_URI): transactions of UNWIND batches, beside whatever else the
//   database holds.
// Both store the same nodes, labels, properties and relationships (one description, worldBatches).
import fs from 'node:fs';
import path from 'node:path';

import { openDatabase } from '../src/bootstrap';
import type { Config } from '../src/config';
import type { Database } from '../src/db/database';
import { bulkImportLocal, type BulkImportFiles } from '../src/localdb/bulk-import';
import { localPaths } from '../src/localdb/paths';
import { stopLocalNeo4j } from '../src/localdb/server';
import { migrate } from '../src/graph/migrations';
import { createLogger } from '../src/log';
import { cypherLabels, type WorldValue, worldBatches, writeWorld } from './world';

export type WorldWriter = 'import' | 'cypher';

/** `--writer import|cypher` from the command line; `import` unless the database is not the local launcher's. */
export function worldWriter(config: Config, argv: string[] = process.argv): WorldWriter {
  const i = argv.indexOf('--writer');
  const asked = i >= 0 ? argv[i + 1] : undefined;
  if (asked !== undefined && asked !== 'import' && asked !== 'cypher') throw new Error(`--writer must be import or cypher, not ${asked}`);
  if (asked === 'import' && config.neo4j.uri) throw new Error('--writer import loads the local launcher’s store; with NEO4J_URI set, use --writer cypher');
  return (asked as WorldWriter | undefined) ?? (config.neo4j.uri ? 'cypher' : 'import');
}

/** The character between a list's items in the CSV files: one no generated value holds. */
const ARRAY_DELIMITER = '\u001f';

/** What no field may hold: a line break (the importer reads a line per row) or the list delimiter. */
const UNSAFE = new RegExp(`[\r\n${ARRAY_DELIMITER}]`);
const quoted = (s: string) => `"${s.includes('"') ? s.replace(/"/g, '""') : s}"`;

/**
 * One CSV field: strings quoted (a quote doubled), lists joined by ARRAY_DELIMITER, null empty (no
 * property). `where` names the field in an error (a function: built only then, not for every field).
 */
export function csvField(value: WorldValue | undefined, where: string | (() => string)): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'boolean') return value ? 'true' : 'false';
  const items = Array.isArray(value) ? value : [value];
  for (const item of items)
    if (UNSAFE.test(item))
      throw new Error(`${typeof where === 'string' ? where : where()}: ${JSON.stringify(item)} holds a line break or the list delimiter U+001F`);
  return quoted(Array.isArray(value) ? value.join(ARRAY_DELIMITER) : value);
}

/** The header's type of a property: `name:boolean`, `name:string[]` or `name` (a string). */
function column(name: string, sample: WorldValue): string {
  return Array.isArray(sample) ? `${name}:string[]` : typeof sample === 'boolean' ? `${name}:boolean` : name;
}

/** One CSV file written as the batches come: its header from the first rows, every later row held to it. */
class CsvFile {
  private fd: number | undefined;
  private columns: string[] = [];
  private pending: string[] = [];
  private bytes = 0;
  /** Rows written, and per property how many of them gave it as an empty list (a CSV field cannot: the importer stores no property). */
  rows = 0;
  readonly emptyLists = new Map<string, number>();
  constructor(
    readonly file: string,
    private readonly lead: string[],
  ) {}

  write(rows: Array<{ lead: string[]; props?: Record<string, WorldValue> }>, where: string): void {
    if (this.fd === undefined) {
      const samples = new Map<string, WorldValue>();
      for (const r of rows) for (const [k, v] of Object.entries(r.props ?? {})) if (v !== null && !samples.has(k)) samples.set(k, v);
      this.columns = [...samples.keys()];
      this.fd = fs.openSync(this.file, 'w');
      this.push([...this.lead, ...this.columns.map((c) => column(c, samples.get(c)!))].join(','));
    }
    const known = new Set(this.columns);
    for (const r of rows) {
      const props = r.props ?? {};
      for (const k in props) {
        if (!known.has(k)) throw new Error(`${where}: property ${k} appears after ${this.file}'s header was written`);
        const v = props[k];
        if (Array.isArray(v) && !v.length) this.emptyLists.set(k, (this.emptyLists.get(k) ?? 0) + 1);
      }
      this.rows++;
      let line = r.lead.join(',');
      for (const c of this.columns) line += `,${csvField(props[c], () => `${where} ${r.lead[0]} ${c}`)}`;
      this.push(line);
    }
  }

  private push(line: string): void {
    this.pending.push(line);
    this.bytes += line.length;
    if (this.bytes > 1 << 20) this.flush();
  }

  flush(): void {
    if (this.fd !== undefined && this.pending.length) fs.writeSync(this.fd, `${this.pending.join('\n')}\n`);
    this.pending = [];
    this.bytes = 0;
  }

  close(): void {
    this.flush();
    if (this.fd !== undefined) fs.closeSync(this.fd);
  }
}

/** What the import cannot store and is set after it: per label set, the properties that every such node has as an empty list. */
export type EmptyLists = Array<{ labels: string; props: string[] }>;

/**
 * Writes the world of `people` as CSV files in `dir`: one per label set of nodes, one per
 * relationship kind. An empty list cannot be a CSV field (the importer stores no property), so the
 * properties that are one on every node of a label set come back apart (`emptyLists`), to be set
 * after the import; one that is empty on some nodes only is refused (the world has none).
 */
export function writeWorldCsv(dir: string, people: number): { files: BulkImportFiles; emptyLists: EmptyLists } {
  fs.mkdirSync(dir, { recursive: true });
  const nodes = new Map<string, CsvFile>();
  const rels = new Map<string, CsvFile>();
  // the importer's ids are integers, numbered as the nodes come (it maps those far faster than strings);
  // the `id` property is a column of its own
  const numbers = new Map<string, number>();
  const numberOf = (id: string, key: string, end: string) => {
    const n = numbers.get(id);
    if (n === undefined) throw new Error(`${key}: ${end} ${id} is no node written before it`);
    return String(n);
  };
  for (const part of worldBatches(people)) {
    for (const [labels, rows] of part.nodes) {
      if (!nodes.has(labels)) nodes.set(labels, new CsvFile(path.join(dir, `nodes-${labels.replace(/:/g, '-')}.csv`), [':ID', 'id']));
      nodes.get(labels)!.write(
        rows.map((n) => {
          if (numbers.has(n.id)) throw new Error(`${labels}: the id ${n.id} is given twice`);
          numbers.set(n.id, numbers.size);
          return { lead: [String(numbers.size - 1), csvField(n.id, 'id')], props: n.props };
        }),
        labels,
      );
    }
    for (const [key, list] of part.rels) {
      if (!rels.has(key)) rels.set(key, new CsvFile(path.join(dir, `rels-${key.replace(/[ >]/g, '-')}.csv`), [':START_ID', ':END_ID']));
      rels.get(key)!.write(
        list.map((r) => ({ lead: [numberOf(r.from, key, 'from'), numberOf(r.to, key, 'to')], props: r.props })),
        key,
      );
    }
  }
  for (const f of [...nodes.values(), ...rels.values()]) f.close();
  const emptyLists: EmptyLists = [];
  for (const [labels, f] of nodes) {
    for (const [prop, n] of f.emptyLists)
      if (n !== f.rows)
        throw new Error(`${labels}.${prop}: an empty list on ${n} of ${f.rows} nodes; the CSV writer sets empty lists on all of a label's nodes or none`);
    if (f.emptyLists.size) emptyLists.push({ labels, props: [...f.emptyLists.keys()] });
  }
  for (const [key, f] of rels) if (f.emptyLists.size) throw new Error(`${key}: a relationship property is an empty list; the CSV writer cannot store one`);
  const files: BulkImportFiles = {
    nodes: [...nodes].map(([labels, f]) => ({ labels: labels.split(':'), file: f.file })),
    relationships: [...rels].map(([key, f]) => ({ type: key.split(' ')[0]!, file: f.file })),
    arrayDelimiter: ARRAY_DELIMITER,
    idType: 'integer',
  };
  return { files, emptyLists };
}

/** Sets the empty lists the import could not store, before any index exists (a label scan each; batches of 10,000 nodes). */
export async function setEmptyLists(db: Database, emptyLists: EmptyLists): Promise<void> {
  for (const { labels, props } of emptyLists) {
    const empty = Object.fromEntries(props.map((p) => [p, []]));
    await db.schema(`MATCH (n:${cypherLabels(labels)}) CALL (n) { SET n += $empty } IN TRANSACTIONS OF 10000 ROWS`, { empty });
  }
}

/**
 * Why the store cannot be replaced, or undefined when it can: it holds only the generated world,
 * the schema's bookkeeping and what start-up loads again by itself (ingestions by 'seed'). What was
 * written by hand in Cypher, outside any ingestion, it cannot see: README says the store is replaced.
 */
export async function whyNotReplaceable(db: Database): Promise<string | undefined> {
  const [row] = await db.read(`RETURN COUNT { MATCH (i:Ingestion) WHERE i.actor <> 'seed' } AS ingestions, COUNT { MATCH (m:Merge) } AS merges`);
  const [ingestions, merges] = [Number(row?.ingestions), Number(row?.merges)];
  if (ingestions + merges === 0) return undefined;
  return `${localPaths.base} holds data start-up would not load again (${ingestions} ingestions by other actors than the seeds, ${merges} merges)`;
}

const seconds = (t: number) => ((Date.now() - t) / 1000).toFixed(1);

/**
 * Builds the world of `people` people with `writer`; returns the database handle (migrated, its
 * indexes online) and what was done. A rate counts everything from the first step to the indexes
 * online: writing the files, the import, the restart, the migrations and the index population.
 */
export async function buildWorld(config: Config, people: number, writer: WorldWriter, log: (m: string) => void): Promise<{ db: Database; summary: string }> {
  const quiet = createLogger({ logLevel: 'warn' });
  const t0 = Date.now();
  let db = await openDatabase(config, quiet);
  if (writer === 'cypher') await writeWorld(db, people, log);
  else {
    const why = await whyNotReplaceable(db);
    if (why) {
      await db.close();
      throw new Error(
        `${why}; the import replaces the database whole: give the benchmark a store of its own (LOCAL_NEO4J_DIR, LOCAL_NEO4J_PORT) or use --writer cypher`,
      );
    }
    await db.close();
    // the DBMS shuts down (SIGTERM now) while the files are written
    const stopping = stopLocalNeo4j();
    const dir = path.join(localPaths.base, 'world-csv');
    let written: ReturnType<typeof writeWorldCsv>;
    try {
      fs.rmSync(dir, { recursive: true, force: true });
      written = writeWorldCsv(dir, people);
    } finally {
      await stopping;
    }
    const { files, emptyLists } = written;
    log(`CSV written, the DBMS stopped, ${seconds(t0)} s`);
    const output = await bulkImportLocal(files, config.localNeo4j.port);
    fs.rmSync(dir, { recursive: true, force: true });
    log(`imported (${/IMPORT DONE in ([^.]*)/.exec(output)?.[1] ?? '?'} in the importer), ${seconds(t0)} s`);
    if (process.env.BENCH_IMPORT_LOG) fs.writeFileSync(process.env.BENCH_IMPORT_LOG, output);
    db = await openDatabase(config, quiet, { migrate: false });
    log(`started, ${seconds(t0)} s`);
    await setEmptyLists(db, emptyLists);
    log(`empty lists set, ${seconds(t0)} s`);
    await migrate(db);
    await db.schema('CALL db.awaitIndexes(600)');
    log(`migrated, indexes online, ${seconds(t0)} s`);
  }
  const total = (Date.now() - t0) / 1000;
  const [count] = await db.read("MATCH (n:Entity|Fact) WHERE n.id CONTAINS '/bench-' RETURN count(n) AS n", {}, 120_000);
  const nodes = Number(count?.n);
  const summary = `generated ${nodes.toLocaleString('en')} nodes in ${total.toFixed(1)} s (${Math.round(nodes / total).toLocaleString('en')} nodes/s, writer ${writer})`;
  return { db, summary };
}
