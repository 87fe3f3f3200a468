// The ingestion pipeline, used by the seeds and by any later data: read a facts file → validate
// it whole → write it in one transaction. Re-ingesting an unchanged file writes nothing; a changed
// one is written and recorded as an (:Ingestion) with who, when, what and from which source.
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { parse } from 'yaml';
import type { Database } from '../db/database';
import { ingestedDigests, recordIngestions } from '../graph/ingestions';
import { factCandidatesBatch, personCandidatesBatch } from '../graph/match-candidates';
import { withdrawSources as withdrawFromGraph, writeFactsBatch } from '../graph/write-facts';
import type { Plan } from '../model/facts-file';
import { model } from '../model/model';
import { TIME_RULES_VERSION } from '../model/time';
import { PROJECT_ROOT } from '../paths';
import { applyResolutions, decide, decideFacts, planTies, Resolution, unifyByIdentifier } from './match';
import { FactsFileError, validateFacts } from './validate';

export interface IngestSummary {
  file: string;
  sourceId: string;
  /** false when the file was already loaded unchanged. */
  changed: boolean;
  entities: number;
  facts: number;
  retractedFacts: number;
  /** Per type: entries written and how many were new (empty when unchanged). */
  byType: Record<string, { written: number; created: number }>;
  /** How each person of the file was matched to the graph (entity resolution). */
  resolutions: Resolution[];
}

export interface IngestOptions {
  /** Who asks for the write (an API key's name, "seed", "cli"). */
  actor: string;
  /** Transaction timeout; the database's write timeout when unset (API writes), the maintenance timeout for seeds and the CLI. */
  timeoutMs?: number;
}

/** Stage 1: read the file; then parse and validate it (see planFromText). */
export function readFactsFile(file: string): { digest: string; plan: Plan } {
  const display = path.relative(PROJECT_ROOT, file) || file;
  let raw: string;
  try {
    raw = fs.readFileSync(file, 'utf8');
  } catch (error) {
    throw new FactsFileError([{ file: display, entry: '(file)', field: '(file)', message: (error as Error).message }]);
  }
  return planFromText(raw, display, (textFile) => fs.readFileSync(path.resolve(path.dirname(file), textFile), 'utf8'));
}

/** Parses facts (YAML or JSON text) and validates them; a syntax error names the file, line and column. */
export function planFromText(raw: string, display: string, readText: (textFile: string) => string): { digest: string; plan: Plan } {
  let input: unknown;
  try {
    // JSON is YAML too; an importer's JSON is read by the (much faster) JSON parser
    input = raw.startsWith('{') ? jsonOrYaml(raw) : parse(raw, { prettyErrors: true });
  } catch (error) {
    throw new FactsFileError([{ file: display, entry: '(file)', field: '(yaml)', message: (error as Error).message.split('\n')[0] ?? 'invalid YAML' }]);
  }
  const plan = validateFacts(display, input, readText);
  // The digest covers what derives the written facts too (the model, the time rules): a change there writes the file again.
  const digest = crypto
    .createHash('sha256')
    .update(raw)
    .update(plan.sourceText ?? '')
    .update(model.digest)
    .update(String(TIME_RULES_VERSION))
    .digest('hex');
  return { digest, plan };
}

function jsonOrYaml(raw: string): unknown {
  try {
    return JSON.parse(raw) as unknown;
  } catch {
    return parse(raw, { prettyErrors: true });
  }
}

/** Reads, validates and writes one facts file. Nothing is written unless all of it is valid. */
export async function ingestFile(db: Database, file: string, options: IngestOptions): Promise<IngestSummary> {
  const { digest, plan } = readFactsFile(file);
  return ingestPlan(db, plan, digest, options);
}

/** Stage 3: writes a validated plan in one transaction (skipped when the same content is loaded). */
export async function ingestPlan(db: Database, plan: Plan, digest: string, options: IngestOptions): Promise<IngestSummary> {
  return (await ingestPlans(db, [{ plan, digest }], options))[0]!;
}

/**
 * Writes several validated plans (each its own source) in one transaction, batched: an importer's
 * records. Those already loaded with the same digest are skipped; people and facts are matched to
 * the graph as it stood before the batch.
 */
export async function ingestPlans(db: Database, items: Array<{ plan: Plan; digest: string }>, options: IngestOptions): Promise<IngestSummary[]> {
  return db.write(async (tx) => {
    const digests = await ingestedDigests(
      tx,
      items.map((i) => i.plan.source.id),
    );
    const unchanged = (i: { plan: Plan; digest: string }) => digests.get(i.plan.source.id) === i.digest;
    const todo = items.filter((i) => !unchanged(i));
    // The transaction may be retried: resolve on fresh copies each time.
    const working = todo.map((i) => structuredClone(i.plan));
    const candidates = await personCandidatesBatch(tx, working);
    const resolutions = working.map((plan, i) => candidates[i]!.map((c) => decide(c, planTies(plan, c.localId))));
    unifyByIdentifier(working, resolutions);
    working.forEach((plan, i) => applyResolutions(plan, resolutions[i]!));
    const factCandidates = await factCandidatesBatch(tx, working);
    working.forEach((plan, i) => decideFacts(plan, factCandidates[i]!));
    const counts = await writeFactsBatch(tx, working);
    await recordIngestions(
      tx,
      todo.map(({ plan, digest }, i) => ({ sourceId: plan.source.id, digest, actor: options.actor, file: plan.file, counts: counts[i]! })),
    );
    const written = new Map<string, IngestSummary>(
      todo.map(({ plan }, i) => [plan.source.id, { file: plan.file, sourceId: plan.source.id, changed: true, ...counts[i]!, resolutions: resolutions[i]! }]),
    );
    return items.map(
      ({ plan }) =>
        written.get(plan.source.id) ?? {
          file: plan.file,
          sourceId: plan.source.id,
          changed: false,
          entities: 0,
          facts: 0,
          retractedFacts: 0,
          byType: {},
          resolutions: [],
        },
    );
  }, options.timeoutMs);
}

/**
 * Withdraws sources from the graph (an editor's "this source was wrong", a dataset unloaded): what
 * only they showed goes; what other sources also show stays as those say it. One transaction.
 */
export async function withdrawSources(db: Database, sourceIds: string[], options: IngestOptions): Promise<{ retractedFacts: number }> {
  return db.write((tx) => withdrawFromGraph(tx, sourceIds), options.timeoutMs);
}
