// A generated graph for benchmarks: N people with Vietnamese names (many namesakes, as in life),
// each holding a post in one of a few hundred organisations. Ids start with "bench-" so that
// `npm run bench:clean` removes exactly this. Written through the same fold() as real data.
import type { Database } from '../src/db/database';
import { model } from '../src/model/model';
import { deriveTime } from '../src/model/time';
import { fold, matchKey } from '../src/text/fold';

/** The date the generated world is "seen" at: each post is STATED then, PRESUMED around it (src/model/time.ts). */
const SEEN = '2024-01-01';

const FAMILY = [
  'Nguyễn',
  'Trần',
  'Lê',
  'Phạm',
  'Hoàng',
  'Huỳnh',
  'Phan',
  'Vũ',
  'Võ',
  'Đặng',
  'Bùi',
  'Đỗ',
  'Hồ',
  'Ngô',
  'Dương',
  'Lý',
  'Tô',
  'Bế',
  'Đinh',
  'Lương',
];
const MIDDLE = ['Văn', 'Thị', 'Hữu', 'Đức', 'Thanh', 'Minh', 'Quốc', 'Công', 'Hải', 'Tuấn', 'Thế', 'Xuân', 'Ngọc', 'Duy', 'Quang'];
const GIVEN = [
  'An',
  'Anh',
  'Bình',
  'Cường',
  'Dũng',
  'Giang',
  'Hà',
  'Hải',
  'Hùng',
  'Hưng',
  'Huẩn',
  'Khoa',
  'Lâm',
  'Linh',
  'Long',
  'Minh',
  'Nam',
  'Ngọc',
  'Ôn',
  'Phong',
  'Quân',
  'Sơn',
  'Tâm',
  'Thắng',
  'Thủy',
  'Tịnh',
  'Trâm',
  'Trung',
  'Tuấn',
  'Việt',
];
const ROLES: Array<[string, string]> = [
  ['Bộ trưởng', 'Minister'],
  ['Thứ trưởng', 'Deputy Minister'],
  ['Vụ trưởng', 'Director'],
  ['Phó Vụ trưởng', 'Deputy Director'],
  ['Chánh Văn phòng', 'Chief of Office'],
];
const ORG_KINDS = ['Bộ', 'Cục', 'Vụ', 'Sở', 'Ban'];
const TOPICS = [
  'Tư pháp',
  'Tài chính',
  'Công an',
  'Quốc phòng',
  'Y tế',
  'Giáo dục',
  'Xây dựng',
  'Nội vụ',
  'Công Thương',
  'Ngoại giao',
  'Giao thông',
  'Nông nghiệp',
  'Thông tin',
  'Văn hóa',
  'Khoa học',
  'Lao động',
  'Tài nguyên',
  'Kế hoạch',
  'Thanh tra',
  'Kiểm toán',
];

/** A deterministic pseudo-random sequence (so runs are comparable). */
export function rng(seed: number): () => number {
  let s = seed >>> 0;
  return () => (s = (s * 1664525 + 1013904223) >>> 0) / 2 ** 32;
}

export function personName(i: number): string {
  return `${FAMILY[i % FAMILY.length]} ${MIDDLE[Math.floor(i / FAMILY.length) % MIDDLE.length]} ${GIVEN[Math.floor(i / (FAMILY.length * MIDDLE.length)) % GIVEN.length]}`;
}

/** `f` computed once per distinct argument: the world's 100k people share ~9,000 names and ~2,000 posts. */
function once<T>(f: (s: string) => T): (s: string) => T {
  const seen = new Map<string, T>();
  return (s) => {
    let v = seen.get(s);
    if (v === undefined) seen.set(s, (v = f(s)));
    return v;
  };
}
const folded = once(fold);
/** The search keys of some names (the arrays are shared between nodes: neither writer changes them). */
const keys = (names: string[]) => keysOf(names.join('\u0000'));
const keysOf = once((joined) => {
  const k = [...new Set(joined.split('\u0000').map(folded))];
  return { searchKeys: k, searchText: k.join(' | '), matchKeys: k.map(matchKey) };
});

/** How many of each the generated world holds besides its people (each person: two posts, half an event, half a membership). */
export const WORLD = { organizations: ORG_KINDS.length * TOPICS.length * 4, roles: ROLES.length, events: 500, blocs: 20 };

/** The prefixes of every id the generator writes (`clean` deletes exactly these). */
const PREFIXES = [
  'source/bench-',
  'person/bench-',
  'occupancy/bench-',
  'occupancy/person/bench-',
  'position/bench-',
  'organization/bench-',
  'event/bench-',
  'participation/bench-',
  'membership/bench-',
];

/** A property value of the generated world: what both writers (Cypher and the CSV import) carry alike; null is no property. */
export type WorldValue = string | boolean | string[] | null;
export interface WorldNode {
  id: string;
  props: Record<string, WorldValue>;
}
/** A relationship by its ends' ids (the labels they are found under are in its batch key). */
export interface WorldRel {
  from: string;
  to: string;
  props?: Record<string, WorldValue>;
}
/** Part of the world: nodes by their labels ("Person:Entity"), relationships by "TYPE Label>Label". */
export interface WorldBatch {
  nodes: Map<string, WorldNode[]>;
  rels: Map<string, WorldRel[]>;
  people: number;
}

function add<T>(map: Map<string, T[]>, key: string, item: T): void {
  const list = map.get(key);
  if (list) list.push(item);
  else map.set(key, [item]);
}

/**
 * The world, a batch at a time: first the organisations and emulation blocs with five posts each, and
 * the events; then `people` people in batches of `batch` — each holding a current post and
 * an ended one, half of them at an event, half of them members of a bloc — every fact sourced,
 * with a quote, from its person's record (a Source per person, as the Wikipedia import has one per
 * page). The same seed gives the same world, whichever writer stores it.
 */
export function* worldBatches(people: number, batch = 10000): Generator<WorldBatch> {
  const random = rng(42);
  const orgs = ORG_KINDS.flatMap((kind) => TOPICS.map((topic) => `${kind} ${topic}`)).flatMap((name, i) =>
    [0, 1, 2, 3].map((n) => ({ name: n ? `${name} ${n + 1}` : name, i: i * 4 + n })),
  );
  const blocs = Array.from({ length: WORLD.blocs }, (_, i) => ({ i: `bloc-${i}`, name: `Khối thi đua ${i + 1}` }));
  const events = Array.from({ length: WORLD.events }, (_, i) => ({
    i: String(i),
    name: `Hội nghị ${TOPICS[i % TOPICS.length]} ${2000 + (i % 25)}`,
    date: `${2000 + (i % 25)}-${String((i % 12) + 1).padStart(2, '0')}-15`,
  }));
  const first: WorldBatch = { nodes: new Map(), rels: new Map(), people: 0 };
  const bodies = [...orgs.map((o) => ({ i: String(o.i), name: o.name, kind: 'ministry' })), ...blocs.map((b) => ({ ...b, kind: 'emulation_bloc' }))];
  for (const o of bodies) {
    const org = `organization/bench-${o.i}`;
    add(first.nodes, 'Organization:Entity', { id: org, props: orgProps(o.name, o.kind) });
    ROLES.forEach(([role, roleEn], j) => {
      const pos = `position/bench-${o.i}/r${j}`;
      add(first.nodes, 'Position:Entity', { id: pos, props: { role, roleEn, party: false, singleHolder: false, label: `${role} ${o.name}` } });
      add(first.rels, 'ORGANIZATION Position>Organization', { from: pos, to: org });
    });
  }
  for (const e of events) {
    const nameFolded = folded(e.name);
    add(first.nodes, 'Event:Entity', {
      id: `event/bench-${e.i}`,
      props: {
        name: e.name,
        nameFolded,
        classification: 'conference',
        status: 'held',
        startDate: e.date,
        endDate: e.date,
        validFrom: e.date,
        validTo: e.date,
        searchKeys: [nameFolded],
        searchText: nameFolded,
        matchKeys: [nameFolded],
      },
    });
  }
  yield first;
  const current = deriveTime(model.types.Occupancy!.time!, [{ id: 'x', status: 'current', sightings: [{ date: SEEN }] }]).get('x')!;
  const fact = { confidence: 'high', inferred: false };
  for (let start = 0; start < people; start += batch) {
    const part: WorldBatch = { nodes: new Map(), rels: new Map(), people: Math.min(people, start + batch) - start };
    for (let i = start; i < Math.min(people, start + batch); i++) {
      const name = personName(i);
      const org = orgs[Math.floor(random() * orgs.length)]!;
      const r = Math.floor(random() * ROLES.length);
      const [role, roleEn] = ROLES[r]!;
      const earlier = orgs[Math.floor(random() * orgs.length)]!;
      const from = 2005 + Math.floor(random() * 10);
      const event = random() < 0.5 ? events[Math.floor(random() * events.length)]! : null;
      const bloc = random() < 0.5 ? blocs[Math.floor(random() * blocs.length)]! : null;
      const source = `source/bench-${i}`;
      const person = `person/bench-${i}`;
      add(part.nodes, 'Source:Entity', {
        id: source,
        props: { title: `Generated record ${i}`, language: 'vi', publisherInferred: false, kind: 'record', publishedAt: SEEN },
      });
      add(part.nodes, 'Person:Entity', {
        id: person,
        props: { name, nameFolded: folded(name), aliases: [], identifiers: [], ...keys([name]), postText: keys([`${role} ${org.name}`, roleEn]).searchText },
      });
      const sourced = (id: string, quote: string) => add(part.rels, 'SOURCED_FROM Fact>Source', { from: id, to: source, props: { quotes: [quote] } });
      const now = `occupancy/bench-${i}/now`;
      add(part.nodes, 'Occupancy:Fact', { id: now, props: { status: 'current', ...fact, ...current } });
      add(part.rels, 'HOLDER Occupancy>Person', { from: now, to: person });
      add(part.rels, 'POSITION Occupancy>Position', { from: now, to: `position/bench-${org.i}/r${r}` });
      sourced(now, 'generated: current');
      const before = `occupancy/bench-${i}/before`;
      add(part.nodes, 'Occupancy:Fact', {
        id: before,
        props: {
          status: 'ended',
          ...fact,
          startDate: String(from),
          endDate: String(from + 4),
          statedFrom: `${from}-01-01`,
          statedTo: `${from + 4}-12-31`,
          validFrom: `${from}-01-01`,
          validTo: `${from + 4}-12-31`,
        },
      });
      add(part.rels, 'HOLDER Occupancy>Person', { from: before, to: person });
      add(part.rels, 'POSITION Occupancy>Position', { from: before, to: `position/bench-${earlier.i}/r${(r + 1) % ROLES.length}` });
      sourced(before, 'generated: ended');
      if (event) {
        const id = `participation/bench-${i}`;
        add(part.nodes, 'Participation:Fact', {
          id,
          props: { role: 'attendee', ...fact, statedFrom: event.date, statedTo: event.date, validFrom: event.date, validTo: event.date },
        });
        add(part.rels, 'PARTICIPANT Participation>Person', { from: id, to: person });
        add(part.rels, 'EVENT Participation>Event', { from: id, to: `event/bench-${event.i}` });
        sourced(id, 'generated: attended');
      }
      if (bloc) {
        const id = `membership/bench-${i}`;
        add(part.nodes, 'Membership:Fact', {
          id,
          props: { role: 'member', ...fact, startDate: '2023', statedFrom: '2023-01-01', statedTo: '2023-12-31', validFrom: '2023-01-01' },
        });
        add(part.rels, 'MEMBER Membership>Person', { from: id, to: person });
        add(part.rels, 'ORGANIZATION Membership>Organization', { from: id, to: `organization/bench-${bloc.i}` });
        sourced(id, 'generated: member');
      }
    }
    yield part;
  }
}

/** `labels` ("Person:Entity") as Cypher may take them into its text, or an error: labels cannot be parameters. */
export function cypherLabels(labels: string): string {
  if (!/^[A-Z][A-Za-z]*(:[A-Z][A-Za-z]*)*$/.test(labels)) throw new Error(`not labels: ${labels}`);
  return labels;
}
const relKey = (key: string) => {
  const m = /^([A-Z_]+) ([A-Z][A-Za-z]*)>([A-Z][A-Za-z]*)$/.exec(key);
  if (!m) throw new Error(`not a relationship key of the world: ${key}`);
  return { type: m[1]!, from: m[2]!, to: m[3]! };
};

/**
 * Writes the world through Cypher, in one transaction per batch (nodes first, then the
 * relationships between them by their ids), on a clean slate (a second run cleans first). Works on
 * any Neo4j (NEO4J_URI too), at the cost of every index and constraint updated per node.
 */
export async function writeWorld(db: Database, people: number, log: (m: string) => void): Promise<void> {
  const t0 = Date.now();
  await clean(db);
  let done = 0;
  for (const part of worldBatches(people)) {
    await db.write(async (tx) => {
      for (const [labels, rows] of part.nodes) {
        await tx.run(`UNWIND $rows AS r CREATE (n:${cypherLabels(labels)} {id: r.id}) SET n += r.props`, { rows });
      }
      for (const [key, rels] of part.rels) {
        const { type, from, to } = relKey(key);
        await tx.run(`UNWIND $rels AS r MATCH (a:${from} {id: r.from}) MATCH (b:${to} {id: r.to}) CREATE (a)-[x:${type}]->(b) SET x += coalesce(r.props, {})`, {
          rels,
        });
      }
    }, db.maintenanceTimeoutMs);
    done += part.people;
    if (part.people) log(`${done} / ${people} people, ${((Date.now() - t0) / 1000).toFixed(1)} s`);
  }
  await db.schema('CALL db.awaitIndexes(600)');
  log(`indexes online, ${((Date.now() - t0) / 1000).toFixed(1)} s`);
}

function orgProps(name: string, classification: string) {
  return { name, nameFolded: folded(name), classification, abbreviations: [], aliases: [], identifiers: [], ...keys([name]) };
}

/** Deletes the generated world (ids with the generator's prefixes), a bounded batch per transaction. */
export async function clean(db: Database): Promise<void> {
  let deleted = 1;
  while (deleted > 0) {
    const rows = await db.write(
      (tx) =>
        tx.run(
          `UNWIND $prefixes AS prefix
           MATCH (n:Entity|Fact) WHERE n.id STARTS WITH prefix
           WITH n LIMIT 10000 DETACH DELETE n RETURN count(*) AS n`,
          { prefixes: PREFIXES },
        ),
      db.maintenanceTimeoutMs,
    );
    deleted = Number(rows[0]?.n ?? 0);
  }
  // the earlier world's one Source for every fact, last (its relationships went with the facts)
  await db.write((tx) => tx.run("MATCH (s:Source {id: 'source/bench-generated'}) DETACH DELETE s"), db.maintenanceTimeoutMs);
}
