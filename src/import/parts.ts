// A large dataset file in parts (pure): each part is a facts file of its own (its Source
// source/<format>-<dataset>-part-<k>) holding a slice of the facts and every entity they reference,
// directly or through other entities (a post's organisation, an area's parent), so each part
// validates and is written in its own transaction. Entities no fact references are sliced too.
// An entity named by several parts is cited by each (one node: ids are stable; people are matched by
// their identifiers). The parts already written are skipped on a re-run (their digest): resumable.
import { sectionTypes } from '../model/facts-file';

type Entry = Record<string, unknown>;
type Facts = Record<string, unknown> & { source: Entry };

/** Splits a facts file into parts of about `size` entries (facts plus the entities they need). */
export function splitFacts(facts: Facts, size: number): Facts[] {
  const sections = sectionTypes();
  const entities = new Map<string, { section: string; entry: Entry }>();
  for (const { section, type } of sections)
    if (type.kind === 'entity') for (const e of (facts[section] as Entry[] | undefined) ?? []) entities.set(String(e.id), { section, entry: e });
  const refsOf = (entry: Entry, section: string): string[] => {
    const type = sections.find((s) => s.section === section)!.type;
    return Object.values(type.references)
      .map((r) => entry[r.field])
      .filter((v): v is string => typeof v === 'string' && entities.has(v));
  };
  /** The entities an entry needs, transitively. */
  const closure = (entry: Entry, section: string, into: Set<string>) => {
    const todo = refsOf(entry, section);
    while (todo.length) {
      const id = todo.pop()!;
      if (into.has(id)) continue;
      into.add(id);
      const e = entities.get(id)!;
      todo.push(...refsOf(e.entry, e.section));
    }
  };
  const parts: Array<{ facts: Array<{ section: string; entry: Entry }>; needs: Set<string> }> = [];
  let current = { facts: [] as Array<{ section: string; entry: Entry }>, needs: new Set<string>() };
  const used = new Set<string>();
  const flush = () => {
    if (current.facts.length || current.needs.size) parts.push(current);
    current = { facts: [], needs: new Set() };
  };
  for (const { section, type } of sections) {
    if (type.kind !== 'fact') continue;
    for (const f of (facts[section] as Entry[] | undefined) ?? []) {
      current.facts.push({ section, entry: f });
      closure(f, section, current.needs);
      if (current.facts.length + current.needs.size >= size) flush();
    }
  }
  flush();
  for (const p of parts) for (const id of p.needs) used.add(id);
  for (const [id, e] of entities) {
    if (used.has(id)) continue;
    current.needs.add(id);
    closure(e.entry, e.section, current.needs);
    if (current.needs.size >= size) flush();
  }
  flush();
  return parts.map((p, k) => {
    const out: Facts = {
      source: {
        ...facts.source,
        id: `${String(facts.source.id)}-part-${k + 1}`,
        title: `${String(facts.source.title)} (part ${k + 1} of ${parts.length})`,
        // the foreign records stay with the first part
        foreignRecords: k === 0 ? facts.source.foreignRecords : [],
      },
    };
    for (const { section, type } of sections) {
      out[section] =
        type.kind === 'entity'
          ? [...p.needs]
              .map((id) => entities.get(id)!)
              .filter((e) => e.section === section)
              .map((e) => e.entry)
          : p.facts.filter((f) => f.section === section).map((f) => f.entry);
    }
    return out;
  });
}
