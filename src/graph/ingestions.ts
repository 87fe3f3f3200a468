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

/** The digests last written from many sources at once (an import checks its records in one read). */
export async function ingestedDigests(on: Database | Tx, sourceIds: string[]): Promise<Map<string, string>> {
  const cypher = 'UNWIND $ids AS id MATCH (s:Source {id: id}) WHERE s.ingestDigest IS NOT NULL RETURN s.id AS id, s.ingestDigest AS digest';
  const rows = 'maintenanceTimeoutMs' in on ? await on.read(cypher, { ids: sourceIds }, on.maintenanceTimeoutMs) : await on.run(cypher, { ids: sourceIds });
  return new Map(rows.map((r) => [r.id as string, r.digest as string]));
}
