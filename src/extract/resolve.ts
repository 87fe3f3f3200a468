// Entity resolution of an extraction against the graph, with the rules ingest uses
// (src/ingest/match.ts on the candidates of src/graph/match-candidates.ts): nothing is written.
import type { Database } from '../db/database';
import { personCandidates } from '../graph/match-candidates';
import { planFromText } from '../ingest/ingest';
import { decide, planTies, Resolution } from '../ingest/match';

/** Validates the facts file as ingest does (a FactsFileError names what is wrong) and resolves its people. */
export async function resolveAgainstGraph(db: Database, yamlText: string, sourceText: string): Promise<Resolution[]> {
  const { plan } = planFromText(yamlText, '(extracted facts)', () => sourceText);
  const candidates = await personCandidates({ run: (cypher, params) => db.read(cypher, params ?? {}) }, plan);
  return candidates.map((c) => decide(c, planTies(plan, c.localId)));
}
