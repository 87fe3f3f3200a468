// The record of what was ingested: each Source keeps the digest of the content last written from
// it (so an unchanged file writes nothing), and every write leaves an (:Ingestion) with who, when,
// what file and how much.
import crypto from 'node:crypto';
import type { Tx } from '../db/database';
import { int } from '../db/database';
import type { WriteCounts } from './write-facts';

/** The digest of what was last written from a source, if any. */
export async function ingestedDigest(tx: Tx, sourceId: string): Promise<string | null> {
  const [row] = await tx.run('MATCH (s:Source {id: $sourceId}) RETURN s.ingestDigest AS digest', { sourceId });
  return (row?.digest as string | null | undefined) ?? null;
}

/** Records an ingestion of `sourceId` by `actor` and the digest written. */
export async function recordIngestion(tx: Tx, r: { sourceId: string; digest: string; actor: string; file: string; counts: WriteCounts }): Promise<string> {
  const id = `ingestion/${crypto.randomUUID()}`;
  await tx.run(
    `MATCH (s:Source {id: $sourceId}) SET s.ingestDigest = $digest
     CREATE (i:Ingestion {id: $id, actor: $actor, at: datetime(), file: $file, digest: $digest,
                          entities: $entities, facts: $facts, retractedFacts: $retracted})
     CREATE (i)-[:INGESTED]->(s)`,
    {
      sourceId: r.sourceId,
      digest: r.digest,
      id,
      actor: r.actor,
      file: r.file,
      entities: int(r.counts.entities),
      facts: int(r.counts.facts),
      retracted: int(r.counts.retractedFacts),
    },
  );
  return id;
}
