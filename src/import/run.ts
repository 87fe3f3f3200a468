// The importer door: a format turns its input into facts files (one per record or source), and this
// runs each through the same pipeline as the seeds — validate, match, write in one transaction per
// source, derive time, record the Ingestion. A record that fails validation is reported with its id
// and field and left out; the others go on. A record already loaded unchanged writes nothing.
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import type { Database } from '../db/database';
import { datasetDigest, forgetDatasets, recordDataset, sourcesWithPrefix } from '../graph/ingestions';
import { organizationNames } from '../graph/match-candidates';
import { ingestPlans, planFromText, withdrawSources } from '../ingest/ingest';
import { FactsFileError } from '../ingest/validate';
import { model } from '../model/model';
import { TIME_RULES_VERSION } from '../model/time';
import { AppError } from '../errors';
import { InfoboxImporter, InfoboxRecord, RecordReport } from './wikipedia/infobox';
import { OrganizationCatalogue, orgKey } from './wikipedia/organizations';
import { DATASET_FORMATS, DatasetFormat, DatasetOptions, datasetSourcePrefix, importDataset } from './dataset-run';
import type { ImportOptions, ImportSummary, Progress } from './summary';

export const FORMATS = ['wikipedia-infobox', ...DATASET_FORMATS] as const;

/** Records written per transaction: one statement per step for all of them. */
const BATCH = 100;
export type Format = (typeof FORMATS)[number];
export type { ImportOptions, ImportSummary, Progress };

/** One facts file per record, with what the reading said of it. */
interface Prepared {
  record: string;
  raw: string | null;
  report: RecordReport;
  /** Not a {title, id, template, infobox} record at all. */
  malformed: boolean;
}

/** Bump when the importer's reading changes: an unchanged file is then read and written again. */
const IMPORTER_VERSION = 2;
/** The sources of the Wikipedia records (src/import/wikipedia/infobox.ts sourceIdOf). */
const WIKIPEDIA_SOURCES = 'source/viwiki-';

/** What the reading of a file depends on: its bytes, the model, the rules, the importer, and the graph's other organisations. */
function readingDigest(bytes: Buffer, existing: Map<string, string>): string {
  return crypto
    .createHash('sha256')
    .update(bytes)
    .update(model.digest)
    .update(`${TIME_RULES_VERSION}/${IMPORTER_VERSION}`)
    .update(JSON.stringify([...existing].sort()))
    .digest('hex');
}

async function existingOrganizations(db: Database): Promise<Map<string, string>> {
  const existing = new Map<string, string>();
  for (const o of await organizationNames(db, WIKIPEDIA_SOURCES)) for (const n of o.names) if (!existing.has(orgKey(n))) existing.set(orgKey(n), o.id);
  return existing;
}

function prepareWikipedia(bytes: Buffer, file: string, existing: Map<string, string>): Prepared[] {
  let records: InfoboxRecord[];
  try {
    records = JSON.parse(bytes.toString('utf8')) as InfoboxRecord[];
  } catch (error) {
    throw new AppError('BAD_USER_INPUT', `${file}: not a readable JSON file of infobox records (${(error as Error).message})`);
  }
  if (!Array.isArray(records)) throw new AppError('BAD_USER_INPUT', `${file}: expected a JSON array of {title, id, template, infobox} records`);
  const catalogue = new OrganizationCatalogue(existing);
  const importer = new InfoboxImporter(records, catalogue);
  return records.map((r, i) => {
    const where = `record ${i} (page id ${r?.id ?? '?'})`;
    if (!r || typeof r.id !== 'string' || typeof r.title !== 'string' || typeof r.infobox !== 'object') {
      const report: RecordReport = { pageId: String(r?.id ?? i), title: String(r?.title ?? ''), skipped: null, posts: 0, unresolved: [], undated: [] };
      return { record: where, raw: null, report, malformed: true };
    }
    const { facts, report } = importer.read(r);
    return { record: `page ${r.id} (${r.title})`, raw: facts ? JSON.stringify(facts) : null, report, malformed: false };
  });
}

function emptySummary(format: Format, file: string): ImportSummary {
  return {
    format,
    file,
    records: 0,
    written: 0,
    unchanged: 0,
    skipped: {},
    invalid: [],
    byType: Object.fromEntries([...model.entityTypes, ...model.factTypes].map((t) => [t.name, { created: 0, updated: 0, unchanged: 0 }])),
    unresolvedPosts: 0,
    undatedTerms: 0,
    resolutions: {},
    merged: [],
    seconds: 0,
  };
}

/** Imports a file of the given format. */
export async function importFile(db: Database, format: Format, file: string, options: DatasetOptions): Promise<ImportSummary> {
  if (!FORMATS.includes(format)) throw new AppError('BAD_USER_INPUT', `unknown format "${String(format)}": expected one of ${FORMATS.join(', ')}`);
  const started = Date.now();
  const display = path.basename(file);
  let bytes: Buffer;
  try {
    bytes = fs.readFileSync(file);
  } catch (error) {
    throw new AppError('BAD_USER_INPUT', `${file}: cannot be read (${(error as Error).message})`);
  }
  if (format !== 'wikipedia-infobox') return importDataset(db, format, bytes.toString('utf8'), file, options);
  const existing = await existingOrganizations(db);
  const digest = readingDigest(bytes, existing);
  const datasetId = `dataset/${format}/${display}`;
  const sources = WIKIPEDIA_SOURCES;
  if ((await datasetDigest(db, datasetId)) === digest) {
    const count = (await sourcesWithPrefix(db, sources)).length;
    return { ...emptySummary(format, display), records: count, unchanged: count, seconds: Math.round((Date.now() - started) / 100) / 10 };
  }
  const prepared = prepareWikipedia(bytes, file, existing);
  const summary: ImportSummary = { ...emptySummary(format, display), records: prepared.length };

  const plans: Array<{ record: string; digest: string; plan: ReturnType<typeof planFromText>['plan'] }> = [];
  for (const p of prepared) {
    summary.unresolvedPosts += p.report.unresolved.length;
    summary.undatedTerms += p.report.undated.length;
    if (p.malformed) {
      summary.invalid.push({
        record: p.record,
        problems: [{ file: display, entry: p.record, field: '(record)', message: 'expected {title, id, template, infobox}' }],
      });
      continue;
    }
    if (!p.raw) {
      const reason = p.report.skipped ?? 'unknown';
      summary.skipped[reason] = (summary.skipped[reason] ?? 0) + 1;
      continue;
    }
    try {
      const { digest, plan } = planFromText(p.raw, `${display}#${p.report.pageId}`, () => '');
      plans.push({ record: p.record, digest, plan });
    } catch (error) {
      if (!(error instanceof FactsFileError)) throw error;
      summary.invalid.push({ record: p.record, problems: error.problems });
    }
  }
  let done = 0;
  options.onProgress?.({ done, total: plans.length, phase: 'writing' });
  // ingestPlans skips a record already loaded with the same digest, inside its transaction
  for (let i = 0; i < plans.length; i += BATCH) {
    const batch = plans.slice(i, i + BATCH);
    const results = await ingestPlans(db, batch, { actor: options.actor, timeoutMs: db.maintenanceTimeoutMs });
    results.forEach((result, j) => {
      const { record, plan } = batch[j]!;
      if (!result.changed) {
        summary.unchanged++;
        for (const t of [...model.entityTypes, ...model.factTypes]) summary.byType[t.name]!.unchanged += plan.sections[t.section!]?.length ?? 0;
        return;
      }
      summary.written++;
      for (const [type, c] of Object.entries(result.byType)) {
        const t = summary.byType[type]!;
        t.created += c.created;
        t.updated += c.written - c.created;
      }
      for (const r of result.resolutions) {
        summary.resolutions[r.reason] = (summary.resolutions[r.reason] ?? 0) + 1;
        if (r.reason === 'name-and-tie' && !summary.merged.some((m) => m.id === r.id)) summary.merged.push({ record, id: r.id });
      }
    });
    done += batch.length;
    options.onProgress?.({ done, total: plans.length, phase: 'writing' });
  }
  options.onProgress?.({ done, total: plans.length, phase: 'done' });
  // the whole file is in: the next start need not read it (invalid records are reported each time)
  await recordDataset(db, datasetId, summary.invalid.length ? null : digest, summary.records);
  summary.seconds = Math.round((Date.now() - started) / 100) / 10;
  return summary;
}

/** Withdraws everything a format's import wrote (its records' sources, in batches) and forgets its files. */
export async function withdrawImport(
  db: Database,
  format: Format,
  options: ImportOptions & { dataset?: string },
): Promise<{ sources: number; retractedFacts: number }> {
  if (!FORMATS.includes(format)) throw new AppError('BAD_USER_INPUT', `unknown format "${String(format)}": expected one of ${FORMATS.join(', ')}`);
  // a dataset format's sources are one per file (source/<format>-<dataset>); --dataset withdraws one of them
  const prefix = format === 'wikipedia-infobox' ? WIKIPEDIA_SOURCES : datasetSourcePrefix(format as DatasetFormat);
  const one = `${prefix}${options.dataset ?? ''}`;
  const ids = (await sourcesWithPrefix(db, prefix)).filter((id) => !options.dataset || id === one || /^-part-\d+$/.test(id.slice(one.length)));
  let retractedFacts = 0;
  for (let i = 0; i < ids.length; i += BATCH) {
    retractedFacts += (await withdrawSources(db, ids.slice(i, i + BATCH), { actor: options.actor, timeoutMs: db.maintenanceTimeoutMs })).retractedFacts;
    options.onProgress?.({ done: Math.min(ids.length, i + BATCH), total: ids.length, phase: 'withdrawing' });
  }
  await forgetDatasets(db, `dataset/${format}/`);
  return { sources: ids.length, retractedFacts };
}
