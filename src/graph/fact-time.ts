// Reads what the time rules (src/model/time.ts) need of a group of facts, and stores what they
// derive: statedFrom/statedTo, validFrom/validTo, lastSeen. A group is the facts written and those
// whose presumption they can end or be ended by: the same slot (the same person in the same post),
// the same single-holder post. The Cypher is made from each type's `time` declaration in the model.
import type { Tx } from '../db/database';
import { model, TypeModel } from '../model/model';
import { deriveTime, TimeInput } from '../model/time';
import { cypherName } from './nodes';

/** Cypher for the value of one slot field of `n` (a reference's target id, or a property). */
function slotPart(type: TypeModel, field: string, n: string): string {
  const ref = type.references[field];
  return ref ? `[(${n})-[:${cypherName(ref.rel)}]->(x) | x.id][0]` : `toString(${n}.${field})`;
}

function slotKey(type: TypeModel, n: string): string {
  const slot = type.time?.slot ?? [];
  return slot.length ? `[${slot.map((f) => slotPart(type, f, n)).join(', ')}]` : 'null';
}

function exclusiveKey(type: TypeModel, n: string): string {
  const ex = type.time?.exclusive;
  if (!ex) return 'null';
  const rel = cypherName(type.references[ex.reference]!.rel);
  return `[(${n})-[:${rel}]->(x) WHERE x.${ex.when} = true | x.id][0]`;
}

const timed = () => model.factTypes.filter((t) => t.time);

/** The facts that share a slot or a single-holder post with any of `ids` (and the ids themselves). */
async function groupOf(tx: Tx, type: TypeModel, ids: string[]): Promise<string[]> {
  const label = cypherName(type.name);
  const [row] = await tx.run(
    `MATCH (f:${label}) WHERE f.id IN $ids
     WITH collect(DISTINCT ${slotKey(type, 'f')}) AS slots, collect(DISTINCT ${exclusiveKey(type, 'f')}) AS exclusives, collect(f.id) AS own
     CALL (slots, exclusives) {
       CALL (slots, exclusives) {
         ${anchorPeers(type)}
       }
       RETURN collect(DISTINCT g.id) AS peers
     }
     RETURN own + peers AS ids`,
    { ids },
  );
  return [...new Set((row?.ids as string[] | undefined) ?? [])];
}

/**
 * Peers found from their anchor entity (never by scanning every fact of the label): the target of
 * the slot's first reference, or the single-holder post.
 */
function anchorPeers(type: TypeModel): string {
  const label = cypherName(type.name);
  const parts: string[] = [];
  const first = type.time?.slot.find((f) => type.references[f]);
  if (first) {
    const rel = cypherName(type.references[first]!.rel);
    parts.push(`UNWIND slots AS slot
       MATCH (a:Entity {id: slot[${type.time!.slot.indexOf(first)}]})<-[:${rel}]-(g:${label})
       WHERE ${slotKey(type, 'g')} = slot
       RETURN g`);
  }
  const ex = type.time?.exclusive;
  if (ex) {
    const rel = cypherName(type.references[ex.reference]!.rel);
    parts.push(`UNWIND exclusives AS post
       MATCH (:Entity {id: post})<-[:${rel}]-(g:${label})
       RETURN g`);
  }
  return parts.length ? parts.join('\n       UNION\n       ') : 'UNWIND [] AS g RETURN g';
}

/** The facts sharing a slot or a single-holder post with `ids` (before `ids` are deleted: their peers need deriving again). */
export async function timePeers(tx: Tx, ids: string[]): Promise<string[]> {
  if (!ids.length) return [];
  const out = new Set<string>();
  for (const type of timed()) for (const id of await groupOf(tx, type, ids)) out.add(id);
  return [...out];
}

/** Derives and stores the time of the facts `ids` and of their peers. Returns how many facts were updated. */
export async function deriveFactTimes(tx: Tx, ids: string[]): Promise<number> {
  if (!ids.length) return 0;
  let updated = 0;
  for (const type of timed()) {
    const spec = type.time!;
    const label = cypherName(type.name);
    // two steps: a peer's own peers (another holder's slot) can change what the peer presumes
    const group = await groupOf(tx, type, await groupOf(tx, type, ids));
    if (!group.length) continue;
    const field = (name: string | undefined) => (name ? `f.${name}` : 'null');
    const event = spec.event ? `[(f)-[:${cypherName(type.references[spec.event]!.rel)}]->(e) | [e.startDate, e.endDate]][0]` : 'null';
    const rows = await tx.run(
      `MATCH (f:${label}) WHERE f.id IN $group
       RETURN f.id AS id, ${field(spec.start)} AS start, ${field(spec.end)} AS end, ${field(spec.status)} AS status, ${field(spec.date)} AS date,
              ${event} AS event, ${slotKey(type, 'f')} AS slot, ${exclusiveKey(type, 'f')} AS exclusive,
              [(f)-[r:SOURCED_FROM]->(s) | {date: coalesce(s.publishedAt, s.retrievedAt), status: r.status}] AS sightings`,
      { group },
    );
    const inputs: TimeInput[] = rows.map((r) => {
      const ev = (r.event as Array<string | null> | null) ?? [null, null];
      return {
        id: r.id as string,
        start: r.start as string | null,
        end: r.end as string | null,
        status: r.status as string | null,
        date: r.date as string | null,
        eventStart: ev[0] ?? null,
        eventEnd: ev[1] ?? null,
        slot: r.slot ? JSON.stringify(r.slot) : null,
        exclusive: (r.exclusive as string | null) ?? null,
        sightings: r.sightings as TimeInput['sightings'],
      };
    });
    const derived = deriveTime(spec, inputs);
    await tx.run(
      `UNWIND $rows AS row
       MATCH (f:${label} {id: row.id})
       SET f += row.time`,
      { rows: [...derived].map(([id, time]) => ({ id, time })) },
    );
    updated += derived.size;
  }
  return updated;
}
