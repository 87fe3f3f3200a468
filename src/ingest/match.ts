// Entity resolution on ingest: does a person named in a facts file match a person already in the
// graph? Only on strong evidence — the same source's earlier load of the same entry, the same
// external identifier (Wikidata), or the same folded name AND a shared post or organisation.
// Otherwise the mention becomes a new person (with a disambiguated id if needed): namesakes stay apart.
import { deriveFactId, Plan } from '../model/facts-file';
import { model } from '../model/model';

import type { Candidates } from '../graph/match-candidates';

export type { Candidates };

export type ResolutionReason = 'same-source' | 'identifier' | 'name-and-tie' | 'new' | 'new-namesake';

export interface Resolution {
  localId: string;
  id: string;
  reason: ResolutionReason;
  /** For new-namesake: the people with the same name it was kept apart from. */
  namesakes?: string[];
}

/** The posts and organisations the file ties a person to (their ids): what their facts point at, and the posts' organisations. */
export function planTies(plan: Plan, personId: string): Set<string> {
  const organizationOf = new Map(plan.sections.positions!.map((p) => [p.id, p.organization as string | undefined]));
  const ties = new Set<string>();
  for (const type of model.factTypes) {
    const refs = Object.values(type.references);
    const toPerson = refs.filter((r) => r.targets.includes('Person')).map((r) => r.field);
    const toTie = refs.filter((r) => r.targets.some((t) => t === 'Position' || t === 'Organization')).map((r) => r.field);
    for (const fact of plan.sections[type.section!]!) {
      if (!toPerson.some((f) => fact[f] === personId)) continue;
      for (const field of toTie) {
        const id = fact[field];
        if (typeof id !== 'string' || !/^(position|organization)\//.test(id)) continue;
        ties.add(id);
        const org = organizationOf.get(id);
        if (org) ties.add(org);
      }
    }
  }
  return ties;
}

/** Decides one person: pure, so it is unit-tested on its own. */
export function decide(candidates: Candidates, ties: Set<string>): Resolution {
  const { localId } = candidates;
  if (candidates.sameSource) return { localId, id: candidates.sameSource, reason: 'same-source' };
  if (candidates.byIdentifier.length === 1) return { localId, id: candidates.byIdentifier[0]!, reason: 'identifier' };
  const tied = candidates.byName.filter((c) => c.ties.some((t) => ties.has(t)));
  if (tied.length === 1) return { localId, id: tied[0]!.id, reason: 'name-and-tie' };
  const id = candidates.idTaken ? candidates.freeId : localId;
  if (candidates.byName.length) return { localId, id, reason: 'new-namesake', namesakes: candidates.byName.map((c) => c.id) };
  return { localId, id, reason: 'new' };
}

/** Rewrites the plan's person ids (and every reference to them) to the resolved ids. */
export function applyResolutions(plan: Plan, resolutions: Resolution[]): void {
  const map = new Map(resolutions.filter((r) => r.id !== r.localId).map((r) => [r.localId, r.id]));
  if (!map.size) return;
  const swap = (v: unknown) => (typeof v === 'string' && map.has(v) ? map.get(v)! : v);
  for (const p of plan.sections.persons!) {
    p.localId = p.id;
    p.id = swap(p.id) as string;
  }
  for (const type of model.factTypes) {
    const fields = Object.values(type.references)
      .filter((r) => r.targets.includes('Person'))
      .map((r) => r.field);
    for (const fact of plan.sections[type.section!]!) {
      const derived = fact.id === deriveFactId(type, fact);
      for (const field of fields) if (field in fact) fact[field] = swap(fact[field]);
      // a derived fact id names the resolved person; an explicit one stays as written
      if (derived) fact.id = deriveFactId(type, fact);
    }
  }
}
