// Entity resolution on ingest: does a person named in a facts file match a person already in the
// graph? Only on strong evidence — the same source's earlier load of the same entry, the same
// external identifier (Wikidata), or the same folded name AND a shared post or organisation.
// Otherwise the mention becomes a new person (with a disambiguated id if needed): namesakes stay apart.
import { deriveFactId, FactSection, Plan } from './validate';

/** What the graph holds that could match one person of the file. */
export interface Candidates {
  localId: string;
  /** The same id, already tied to this source (a reload of the same file). */
  sameSource: string | null;
  /** People with the same external identifier. */
  byIdentifier: string[];
  /** People with the same folded name, with the posts and organisations tied to them. */
  byName: Array<{ id: string; ties: string[] }>;
  /** Is the file's id already used by another node? */
  idTaken: boolean;
  /** The first free "<id>-N" when it is. */
  freeId: string;
}

export type ResolutionReason = 'same-source' | 'identifier' | 'name-and-tie' | 'new' | 'new-namesake';

export interface Resolution {
  localId: string;
  id: string;
  reason: ResolutionReason;
  /** For new-namesake: the people with the same name it was kept apart from. */
  namesakes?: string[];
}

/** The posts and organisations the file ties a person to (their ids). */
export function planTies(plan: Plan, personId: string): Set<string> {
  const orgOfPosition = new Map(plan.positions.map((p) => [p.id, p.organization]));
  const ties = new Set<string>();
  for (const o of plan.occupancies) {
    if (o.holder !== personId) continue;
    ties.add(o.position);
    const org = orgOfPosition.get(o.position);
    if (org) ties.add(org);
  }
  for (const m of plan.memberships) if (m.member === personId) ties.add(m.organization);
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
  for (const p of plan.persons) {
    (p as { localId?: string }).localId = p.id;
    p.id = swap(p.id) as string;
  }
  const sections: FactSection[] = ['occupancies', 'rankHoldings', 'participations', 'conferrals', 'memberships'];
  for (const section of sections) {
    for (const fact of plan[section] as Array<Record<string, unknown>>) {
      const derived = fact.id === deriveFactId(section, fact);
      for (const field of ['holder', 'participant', 'recipient', 'member']) if (field in fact) fact[field] = swap(fact[field]);
      // a derived fact id names the resolved person; an explicit one stays as written
      if (derived) fact.id = deriveFactId(section, fact);
    }
  }
}
