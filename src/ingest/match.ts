// Entity resolution on ingest: does a person named in a facts file match a person already in the
// graph? Only on strong evidence — the same source's earlier load of the same entry, the same
// external identifier (Wikidata), or the same folded name AND a shared post or organisation.
// Otherwise the mention becomes a new person (with a disambiguated id if needed): namesakes stay apart.
import { deriveFactId, Plan } from '../model/facts-file';
import { model } from '../model/model';

import { BROAD_PARENTS, type Candidates, type FactCandidate } from '../graph/match-candidates';
import { dateHi, dateLo } from '../model/dates';

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
  // An organisation's direct parent, as the file states it, counts too (a department ties its staff to
  // its ministry) — unless the parent is too broad to tell people apart (graph/match-candidates.ts).
  const broad = new Set((plan.sections.organizations ?? []).filter((o) => BROAD_PARENTS.includes(String(o.classification))).map((o) => o.id));
  const parentOf = new Map<string, string>();
  for (const s of plan.sections.subordinations ?? []) if (!broad.has(s.parent as string)) parentOf.set(s.child as string, s.parent as string);
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
        const org = organizationOf.get(id) ?? (id.startsWith('organization/') ? id : undefined);
        if (org) ties.add(org);
        const parent = org && parentOf.get(org);
        if (parent) ties.add(parent);
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

/** A fact's interval as the file gives it: its own dates, else the source's date if it saw it held; null when nothing dates it. */
function planInterval(fact: Record<string, unknown>, start: string | undefined, end: string | undefined, seen: string | null): [string, string] | null {
  const from = start ? (fact[start] as string | null) : null;
  const to = end ? (fact[end] as string | null) : null;
  if (from || to) return [from ? dateLo(from) : '0000-01-01', to ? dateHi(to) : '9999-12-31'];
  return seen ? [dateLo(seen), dateHi(seen)] : null;
}

/**
 * The same holding from two sources is one fact: a fact of the file whose identity (same person, same
 * post; same rank; same role) matches a fact already in the graph with other dates — an article saw the
 * post held, an infobox gives its term — takes that fact's id when their stated intervals overlap (or
 * when neither can be dated and it is the only one). Each existing fact is taken by one fact of the file
 * at most. Returns the renamings (file id → graph id). Pure.
 */
export function decideFacts(plan: Plan, candidates: Map<string, FactCandidate[]>): Map<string, string> {
  const renames = new Map<string, string>();
  const sourceDate = (plan.source.publishedAt ?? plan.source.retrievedAt) as string | null;
  for (const type of model.factTypes) {
    const spec = type.time;
    if (!spec || spec.kind !== 'lasting') continue;
    const taken = new Set<string>();
    const facts = plan.sections[type.section!] ?? [];
    const own = new Set(facts.map((f) => f.id));
    for (const fact of facts) {
      const existing = (candidates.get(fact.id) ?? []).filter((g) => !own.has(g.id) || g.id === fact.id);
      if (!existing.length || existing.some((g) => g.id === fact.id)) continue;
      const status = spec.status ? (fact[spec.status] as string | null) : null;
      const mine = planInterval(fact, spec.start, spec.end, status === 'ended' ? null : sourceDate);
      const free = existing.filter((g) => !taken.has(g.id));
      const overlapping = free.filter((g) => {
        if (!mine || (!g.statedFrom && !g.statedTo)) return false;
        return mine[0] <= (g.statedTo ?? '9999-12-31') && (g.statedFrom ?? '0000-01-01') <= mine[1];
      });
      const undatable = !mine && existing.length === 1 && free.length === 1 ? free : [];
      const pick = overlapping.length === 1 ? overlapping[0] : undatable[0];
      if (!pick) continue;
      taken.add(pick.id);
      renames.set(fact.id, pick.id);
      fact.id = pick.id;
    }
  }
  return renames;
}

const STRENGTH: Record<ResolutionReason, number> = { 'same-source': 0, identifier: 1, 'name-and-tie': 2, 'new-namesake': 3, new: 4 };

/**
 * Within one batch of plans, the people that share an identifier are one person: a page and another
 * page's predecessor link to it, matched to the graph as it stood before the batch, may have been
 * decided apart. Each takes the strongest decision of its group (same source, identifier, name and
 * tie, then new). Mutates `resolutions` (one list per plan, as decided for each plan's persons). Pure.
 */
export function unifyByIdentifier(plans: Plan[], resolutions: Resolution[][]): void {
  const entries = plans.flatMap((plan, i) =>
    (plan.sections.persons ?? []).map((p) => ({
      identifiers: [...((p.identifiers as string[] | undefined) ?? []), ...(p.wikidataId ? [`wikidata:${String(p.wikidataId)}`] : [])],
      resolution: resolutions[i]!.find((r) => r.localId === p.id),
    })),
  );
  const best = new Map<string, Resolution>();
  for (const { identifiers, resolution } of entries) {
    if (!resolution) continue;
    for (const x of identifiers) {
      const current = best.get(x);
      if (!current || STRENGTH[resolution.reason] < STRENGTH[current.reason]) best.set(x, resolution);
    }
  }
  for (const { identifiers, resolution } of entries) {
    if (!resolution) continue;
    const strongest = identifiers.map((x) => best.get(x)!).sort((a, b) => STRENGTH[a.reason] - STRENGTH[b.reason])[0];
    if (strongest && strongest !== resolution && strongest.id !== resolution.id) {
      resolution.id = strongest.id;
      resolution.reason = 'identifier';
      delete resolution.namesakes;
    }
  }
}
