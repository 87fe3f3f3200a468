// What several sources say of one entity or fact, settled into the properties stored on it (pure).
//
// Each source's values are kept as its claim (on the MENTIONED_IN / SOURCED_FROM relationship), so
// that a fact seen by an article and by a Wikipedia infobox keeps both, and losing one source leaves
// exactly what the others say. Per property:
//   - a value a source gives beats a default (a record that does not know a post is single-holder
//     does not undo the source that says it is), and any value beats none (null);
//   - among given values, the most recent source wins (its date: published, else retrieved), then the
//     source id, so the result does not depend on the order of loading;
//   - lists are the union of every source's values (the most recent source's first);
//   - on facts, `confidence` is the highest any source gives, `inferred` holds only if every source
//     infers it (one that states it outweighs one that infers it), and the notes are all kept.
import type { Property, TypeModel } from './model';

export interface Claim {
  sourceId: string;
  /** The source's date (published, else retrieved); null sorts first (oldest). */
  date: string | null;
  props: Record<string, unknown>;
}

const CONFIDENCE = ['low', 'medium', 'high'];

function isDefault(p: Property, value: unknown): boolean {
  if (p.list) return Array.isArray(value) && value.length === 0;
  return p.default !== undefined && value === p.default;
}

/** Oldest first: the last given value wins. */
export function byRecency(a: Claim, b: Claim): number {
  const da = a.date ?? '';
  const db = b.date ?? '';
  return da < db ? -1 : da > db ? 1 : a.sourceId < b.sourceId ? -1 : a.sourceId > b.sourceId ? 1 : 0;
}

/** The settled value of each property named in `properties` (null where no source gives one). */
export function settleClaims(properties: Record<string, Property>, claims: Claim[], isFact: boolean): Record<string, unknown> {
  const ordered = [...claims].sort(byRecency);
  const out: Record<string, unknown> = {};
  for (const p of Object.values(properties)) {
    const given = ordered.map((c) => c.props[p.name]).filter((v) => v !== undefined && v !== null);
    if (isFact && p.name === 'confidence') {
      const ranks = given.map((v) => CONFIDENCE.indexOf(String(v))).filter((i) => i >= 0);
      out[p.name] = ranks.length ? CONFIDENCE[Math.max(...ranks)] : (p.default ?? null);
      continue;
    }
    if (isFact && p.name === 'inferred') {
      out[p.name] = given.length ? given.every((v) => v === true) : (p.default ?? false);
      continue;
    }
    if (isFact && p.name === 'note') {
      const notes = [...new Set(given.map(String))];
      out[p.name] = notes.length ? notes.join(' — ') : null;
      continue;
    }
    if (p.list) {
      const seen = new Set<string>();
      const union: unknown[] = [];
      for (const list of [...given].reverse())
        for (const v of list as unknown[]) {
          const key = JSON.stringify(v);
          if (seen.has(key)) continue;
          seen.add(key);
          union.push(v);
        }
      out[p.name] = union;
      continue;
    }
    const real = given.filter((v) => !isDefault(p, v));
    out[p.name] = real.length ? real[real.length - 1] : given.length ? given[given.length - 1] : (p.default ?? null);
  }
  return out;
}

/** The properties a type stores from its sources (facts: with the fields every fact has). */
export function claimedProperties(type: TypeModel, factProperties: Record<string, Property>): Record<string, Property> {
  return type.kind === 'fact' ? { ...type.properties, ...factProperties } : type.properties;
}

/** Each reference field's target: what the most recent source that gives one says (absent when none does). */
export function settleReferences(fields: string[], claims: Claim[]): Record<string, string> {
  const ordered = [...claims].sort(byRecency);
  const refs: Record<string, string> = {};
  for (const field of fields) {
    const given = ordered.map((c) => c.props[field]).filter((v): v is string => typeof v === 'string');
    if (given.length) refs[field] = given[given.length - 1]!;
  }
  return refs;
}
