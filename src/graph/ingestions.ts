// The record of what was ingested: each Source keeps the digest of the content last written from
// it (so an unchanged file writes nothing), and every write leaves an (:Ingestion) with who, when,
// what file and how much.
import crypto from 'node:crypto';
import type { Database, Tx } from '../db/database';
import { int } from '../db/database';
import type { WriteCounts } from './write-facts';

/** What one ingestion wrote: who asked, from which file, the digest and the counts. */
export interface IngestionRecord {
  sourceId: string;
  digest: string;
  actor: string;
  file: string;
  counts: WriteCounts;
}

/** Records several ingestions in one statement (an import's batch). */
export async function recordIngestions(tx: Tx, records: IngestionRecord[]): Promise<string[]> {
  const rows = records.map((r) => ({
    sourceId: r.sourceId,
    digest: r.digest,
    id: `ingestion/${crypto.randomUUID()}`,
    actor: r.actor,
    file: r.file,
    entities: int(r.counts.entities),
    facts: int(r.counts.facts),
    retracted: int(r.counts.retractedFacts),
  }));
  await tx.run(
    `UNWIND $rows AS r
     MATCH (s:Source {id: r.sourceId}) SET s.ingestDigest = r.digest
     CREATE (i:Ingestion {id: r.id, actor: r.actor, at: datetime(), file: r.file, digest: r.digest,
                          entities: r.entities, facts: r.facts, retractedFacts: r.retracted})
     CREATE (i)-[:INGESTED]->(s)`,
    { rows },
  );
  return rows.map((r) => r.id);
}

/** The digests last written from many sources at once (a batch checks its records in one read). */
export async function ingestedDigests(tx: Tx, sourceIds: string[]): Promise<Map<string, string>> {
  const rows = await tx.run('UNWIND $ids AS id MATCH (s:Source {id: id}) WHERE s.ingestDigest IS NOT NULL RETURN s.id AS id, s.ingestDigest AS digest', {
    ids: sourceIds,
  });
  return new Map(rows.map((r) => [r.id as string, r.digest as string]));
}

/** The digest an import last completed a dataset file with (a whole-file shortcut: unchanged input, nothing to read). */
export async function datasetDigest(db: Database, datasetId: string): Promise<string | null> {
  const [row] = await db.read('MATCH (d:Dataset {id: $id}) RETURN d.digest AS digest', { id: datasetId }, db.maintenanceTimeoutMs);
  return (row?.digest as string | null | undefined) ?? null;
}

/** Records that a dataset file was imported whole with this digest (or forgets it: digest null). */
export async function recordDataset(db: Database, datasetId: string, digest: string | null, records = 0): Promise<void> {
  await db.write(
    (tx) =>
      digest === null
        ? tx.run('MATCH (d:Dataset {id: $id}) DELETE d', { id: datasetId })
        : tx.run('MERGE (d:Dataset {id: $id}) SET d.digest = $digest, d.records = $records, d.at = datetime()', {
            id: datasetId,
            digest,
            records: int(records),
          }),
    db.maintenanceTimeoutMs,
  );
}

/** The ids of the sources whose id starts with a prefix (a dataset's records). */
export async function sourcesWithPrefix(db: Database, prefix: string): Promise<string[]> {
  const rows = await db.read('MATCH (s:Source) WHERE s.id STARTS WITH $prefix RETURN s.id AS id ORDER BY id', { prefix }, db.maintenanceTimeoutMs);
  return rows.map((r) => r.id as string);
}

/** Forgets the imports of every dataset file whose id starts with a prefix (after a withdrawal). */
export async function forgetDatasets(db: Database, prefix: string): Promise<void> {
  await db.write((tx) => tx.run('MATCH (d:Dataset) WHERE d.id STARTS WITH $prefix DELETE d', { prefix }), db.maintenanceTimeoutMs);
}
