// The importer door for the interchange formats: a Popolo JSON file, an FtM JSON-lines file or a CSV
// file with its column mapping becomes ONE facts file (one Source of kind dataset) and is written in
// ONE transaction through the same pipeline as the seeds (validate, match people by identifiers
// first, write, derive time, record the Ingestion). Any bad record rejects the whole file, naming the
// input's record (or line) and field; nothing is written. An unchanged file changes nothing.
import path from 'node:path';
import type { Database } from '../db/database';
import { sourcesWithPrefix } from '../graph/ingestions';
import { ingestPlans, planFromText, withdrawSources } from '../ingest/ingest';
import { FactsFileError } from '../ingest/validate';
import { sectionTypes } from '../model/facts-file';
import { model } from '../model/model';
import { slug } from '../text/fold';
import { AppError, ErrorCode } from '../errors';
import { readCsv } from './csv/read';
import { DatasetFacts, InputError, InputProblem } from './dataset';
import { readFtm } from './ftm/read';
import { splitFacts } from './parts';
import { PopoloDocument, readPopolo } from './popolo/read';
import type { ImportOptions, ImportSummary } from './run';

export const DATASET_FORMATS = ['popolo', 'ftm', 'csv'] as const;
export type DatasetFormat = (typeof DATASET_FORMATS)[number];

export interface DatasetOptions extends ImportOptions {
  /** The dataset's name (scopes its ids and names its Source); default: the file name. */
  dataset?: string;
  /** CSV: the column mapping (YAML text). */
  mapping?: string;
  /** The language of the dataset's text (ISO 639); default mul (several). */
  language?: string;
  /** Popolo: the scheme the file's person ids are kept under; default everypolitician. */
  idScheme?: string;
  /** A file of more entities and facts than this goes in parts, one transaction each (default PART_SIZE). */
  partSize?: number;
}

/** Entities and facts per transaction beyond which a file is written in parts. */
export const PART_SIZE = 5_000;

/** The Source id of a dataset import: source/<format>-<dataset>. Withdrawing a format removes every source with its prefix. */
export const datasetSourcePrefix = (format: DatasetFormat) => `source/${format}-`;

function datasetName(file: string, options: DatasetOptions): string {
  const name = slug(options.dataset ?? path.basename(file).replace(/\.(json|jsonl|ijson|csv|ftm\.json)$/i, ''));
  if (!name) throw new AppError(ErrorCode.BAD_USER_INPUT, `${file}: cannot make a dataset name of it; give --dataset NAME`);
  return name;
}

function sourceOf(format: DatasetFormat, dataset: string, display: string, options: DatasetOptions, meta: { url?: string | null; title?: string | null }) {
  return {
    id: `${datasetSourcePrefix(format)}${dataset}`,
    title: meta.title ?? `${display} (${format === 'ftm' ? 'FollowTheMoney' : format === 'popolo' ? 'Popolo' : 'CSV'})`,
    kind: 'dataset',
    url: meta.url ?? null,
    dataset,
    language: options.language ?? 'mul',
    note: `Imported with \`npm run import -- --format ${format}\` from ${display}.`,
  };
}

function parseJson(text: string, display: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch (error) {
    throw new InputError(display, [{ record: '(file)', field: '(json)', message: (error as Error).message }]);
  }
}

/** The input read into one facts file (pure but for the format's parsing). */
export function readDataset(format: DatasetFormat, text: string, file: string, options: DatasetOptions): DatasetFacts {
  const display = path.basename(file);
  const dataset = datasetName(file, options);
  const problems: InputProblem[] = [];
  let facts: DatasetFacts;
  if (format === 'popolo') {
    const doc = parseJson(text, display) as PopoloDocument;
    if (!doc || typeof doc !== 'object' || Array.isArray(doc))
      throw new InputError(display, [{ record: '(file)', field: '(json)', message: 'expected a Popolo object {persons, organizations, memberships, …}' }]);
    const metaSources = Array.isArray(doc.meta?.sources) ? (doc.meta.sources as unknown[]).filter((s): s is string => typeof s === 'string') : [];
    const source = sourceOf(format, dataset, display, options, { url: metaSources[0] ?? null });
    facts = readPopolo(doc, source, { dataset, idScheme: options.idScheme ?? 'everypolitician' }, problems);
  } else if (format === 'ftm') {
    facts = readFtm(text, sourceOf(format, dataset, display, options, {}), problems);
  } else {
    if (!options.mapping) throw new AppError(ErrorCode.BAD_USER_INPUT, 'a CSV import needs its column mapping: --mapping M.yaml');
    facts = readCsv(text, options.mapping, (meta) => sourceOf(format, dataset, display, options, meta), dataset, problems);
  }
  if (problems.length) throw new InputError(display, problems);
  return facts;
}

/** Imports one file of an interchange format in one transaction. Throws BAD_USER_INPUT naming every bad record and field. */
export async function importDataset(db: Database, format: DatasetFormat, text: string, file: string, options: DatasetOptions): Promise<ImportSummary> {
  const started = Date.now();
  const display = path.basename(file);
  let facts: DatasetFacts;
  let planned: ReturnType<typeof planFromText>;
  try {
    facts = readDataset(format, text, file, options);
    const records = Object.values(facts.sections).reduce((n, s) => n + s.length, 0);
    options.onProgress?.({ done: 0, total: records, phase: 'validating' });
    try {
      planned = planFromText(JSON.stringify(facts.facts()), display, () => '');
    } catch (error) {
      if (!(error instanceof FactsFileError)) throw error;
      throw new InputError(
        display,
        error.problems.map((p) => ({ record: facts.originOf(p.entry), field: p.field, message: p.message })),
      );
    }
  } catch (error) {
    if (error instanceof InputError) throw new AppError(ErrorCode.BAD_USER_INPUT, error.message, { problems: error.problems });
    throw error;
  }
  const whole = planned.plan;
  // A large file goes in parts, each its own transaction (resumable: a part written is skipped next time)
  const size = options.partSize ?? PART_SIZE;
  const entries = (p: { sections: Record<string, unknown[]> }) => sectionTypes().reduce((n, { section }) => n + (p.sections[section]?.length ?? 0), 0);
  const pieces = entries(whole) > size ? splitFacts(facts.facts() as Parameters<typeof splitFacts>[0], size) : null;
  const plans = pieces ? pieces.map((p, k) => planFromText(JSON.stringify(p), `${display} (part ${k + 1})`, () => '')) : [planned];
  const total = plans.reduce((n, p) => n + entries(p.plan), 0);
  const byType: ImportSummary['byType'] = Object.fromEntries(
    [...model.entityTypes, ...model.factTypes].map((t) => [t.name, { created: 0, updated: 0, unchanged: 0 }]),
  );
  const resolutions: Record<string, number> = {};
  const merged: ImportSummary['merged'] = [];
  const parts: NonNullable<ImportSummary['parts']> = [];
  let done = 0;
  let written = 0;
  let retractedFacts = 0;
  options.onProgress?.({ done, total, phase: 'writing' });
  for (const { plan, digest } of plans) {
    const [result] = await ingestPlans(db, [{ plan, digest }], { actor: options.actor, timeoutMs: db.maintenanceTimeoutMs });
    for (const t of [...model.entityTypes, ...model.factTypes]) {
      const n = plan.sections[t.section!]!.length;
      const c = result!.byType[t.name];
      const into = byType[t.name]!;
      if (result!.changed) {
        into.created += c?.created ?? 0;
        into.updated += (c?.written ?? 0) - (c?.created ?? 0);
      } else into.unchanged += n;
    }
    for (const r of result!.resolutions) {
      resolutions[r.reason] = (resolutions[r.reason] ?? 0) + 1;
      if (r.reason === 'name-and-tie' || r.reason === 'identifier') merged.push({ record: r.localId, id: r.id });
    }
    parts.push({ sourceId: plan.source.id, changed: result!.changed });
    if (result!.changed) written += entries(plan);
    retractedFacts += result!.retractedFacts;
    done += entries(plan);
    options.onProgress?.({ done, total, phase: plans.length > 1 ? `part ${parts.length}/${plans.length}` : 'writing' });
  }
  // what an earlier import of this dataset wrote in another division (whole, or more parts) goes
  const base = whole.source.id;
  const stale = (await sourcesWithPrefix(db, base)).filter(
    (id) => (id === base || /^-part-\d+$/.test(id.slice(base.length))) && !parts.some((p) => p.sourceId === id),
  );
  if (stale.length) retractedFacts += (await withdrawSources(db, stale, { actor: options.actor, timeoutMs: db.maintenanceTimeoutMs })).retractedFacts;
  options.onProgress?.({ done: total, total, phase: 'done' });
  return {
    format,
    file: display,
    records: total,
    written,
    unchanged: total - written,
    skipped: {},
    invalid: [],
    byType,
    unresolvedPosts: 0,
    undatedTerms: 0,
    resolutions,
    merged,
    seconds: Math.round((Date.now() - started) / 100) / 10,
    sourceId: base,
    foreignRecords: ((whole.source.foreignRecords as unknown[] | undefined) ?? []).length,
    retractedFacts,
    parts: plans.length > 1 ? parts : undefined,
  };
}
