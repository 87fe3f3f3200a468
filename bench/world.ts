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

const keys = (names: string[]) => {
  const k = [...new Set(names.map(fold))];
  return { searchKeys: k, searchText: k.join(' | '), matchKeys: k.map(matchKey) };
};

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

/**
 * Writes the world: organisations with five posts each, events, emulation blocs, and `people`
 * people — each holding a current post and an ended one, half of them at an event, half of them
 * members of a bloc — every fact sourced, with a quote, from its person's record (a Source per
 * person, as the Wikipedia import has one per page: one Source for all would be a node every write
 * locks). CREATE, not MERGE, in batches of UNWIND rows: the world is written on a clean slate (a
 * second run cleans first).
 */
export async function generate(db: Database, people: number, log: (m: string) => void): Promise<void> {
  const t0 = Date.now();
  await clean(db);
  log(`cleaned in ${((Date.now() - t0) / 1000).toFixed(1)} s`);
  await writeWorld(db, people, log, t0);
  await db.schema('CALL db.awaitIndexes(600)');
  log(`indexes online, ${((Date.now() - t0) / 1000).toFixed(1)} s`);
}

async function writeWorld(db: Database, people: number, log: (m: string) => void, t0: number): Promise<void> {
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
  await db.write(
    (tx) =>
      tx.run(
        `UNWIND $orgs AS o
         CREATE (org:Organization:Entity {id: 'organization/bench-' + o.i}) SET org += o.props
         WITH org, o UNWIND $roles AS r
         CREATE (pos:Position:Entity {id: 'position/bench-' + o.i + '/' + r.slug}) SET pos += r.props, pos.label = r.props.role + ' ' + o.props.name
         CREATE (pos)-[:ORGANIZATION]->(org)`,
        {
          // ids are strings: a JavaScript number reaches Cypher as a float ("bench-12.0"), and then no
          // person's post (built here as "bench-12") would match and the world would have no occupancies
          orgs: [
            ...orgs.map((o) => ({ i: String(o.i), props: orgProps(o.name, 'ministry') })),
            ...blocs.map((b) => ({ i: b.i, props: orgProps(b.name, 'emulation_bloc') })),
          ],
          roles: ROLES.map(([role, roleEn], j) => ({ slug: `r${j}`, props: { role, roleEn, party: false, singleHolder: false } })),
        },
      ),
    db.maintenanceTimeoutMs,
  );
  await db.write(
    (tx) =>
      tx.run(
        `UNWIND $events AS e
         CREATE (:Event:Entity {id: 'event/bench-' + e.i, name: e.name, nameFolded: e.folded, classification: 'conference', status: 'held',
                 startDate: e.date, endDate: e.date, validFrom: e.date, validTo: e.date, searchKeys: [e.folded], searchText: e.folded, matchKeys: [e.folded]})`,
        { events: events.map((e) => ({ ...e, folded: fold(e.name) })) },
      ),
    db.maintenanceTimeoutMs,
  );
  const current = deriveTime(model.types.Occupancy!.time!, [{ id: 'x', status: 'current', sightings: [{ date: SEEN }] }]).get('x');
  const batch = 10000;
  for (let start = 0; start < people; start += batch) {
    const rows: Array<Record<string, unknown>> = [];
    for (let i = start; i < Math.min(people, start + batch); i++) {
      const name = personName(i);
      const org = orgs[Math.floor(random() * orgs.length)]!;
      const r = Math.floor(random() * ROLES.length);
      const [role, roleEn] = ROLES[r]!;
      const earlier = orgs[Math.floor(random() * orgs.length)]!;
      const from = 2005 + Math.floor(random() * 10);
      const event = random() < 0.5 ? events[Math.floor(random() * events.length)]! : null;
      const bloc = random() < 0.5 ? blocs[Math.floor(random() * blocs.length)]! : null;
      rows.push({
        i: String(i),
        position: `position/bench-${org.i}/r${r}`,
        earlier: `position/bench-${earlier.i}/r${(r + 1) % ROLES.length}`,
        ended: {
          startDate: String(from),
          endDate: String(from + 4),
          statedFrom: `${from}-01-01`,
          statedTo: `${from + 4}-12-31`,
          validFrom: `${from}-01-01`,
          validTo: `${from + 4}-12-31`,
        },
        event: event ? { id: `event/bench-${event.i}`, date: event.date } : null,
        bloc: bloc ? `organization/bench-${bloc.i}` : null,
        props: { name, nameFolded: fold(name), aliases: [], identifiers: [], ...keys([name]), postText: keys([`${role} ${org.name}`, roleEn]).searchText },
      });
    }
    await db.write(
      (tx) =>
        tx.run(
          `UNWIND $rows AS row
           CREATE (s:Source:Entity {id: 'source/bench-' + row.i, title: 'Generated record ' + row.i, language: 'vi', publisherInferred: false, kind: 'record', publishedAt: $seen})
           CREATE (p:Person:Entity {id: 'person/bench-' + row.i}) SET p += row.props
           WITH s, p, row
           MATCH (pos:Position {id: row.position}), (old:Position {id: row.earlier})
           CREATE (o:Occupancy:Fact {id: 'occupancy/bench-' + row.i + '/now', status: 'current', confidence: 'high', inferred: false}) SET o += $current
           CREATE (o)-[:HOLDER]->(p), (o)-[:POSITION]->(pos), (o)-[:SOURCED_FROM {quotes: ['generated: current']}]->(s)
           CREATE (e:Occupancy:Fact {id: 'occupancy/bench-' + row.i + '/before', status: 'ended', confidence: 'high', inferred: false}) SET e += row.ended
           CREATE (e)-[:HOLDER]->(p), (e)-[:POSITION]->(old), (e)-[:SOURCED_FROM {quotes: ['generated: ended']}]->(s)
           WITH s, p, row
           CALL (s, p, row) {
             WITH row WHERE row.event IS NOT NULL
             MATCH (ev:Event {id: row.event.id})
             CREATE (x:Participation:Fact {id: 'participation/bench-' + row.i, role: 'attendee', confidence: 'high', inferred: false,
                     statedFrom: row.event.date, statedTo: row.event.date, validFrom: row.event.date, validTo: row.event.date})
             CREATE (x)-[:PARTICIPANT]->(p), (x)-[:EVENT]->(ev), (x)-[:SOURCED_FROM {quotes: ['generated: attended']}]->(s)
           }
           CALL (s, p, row) {
             WITH row WHERE row.bloc IS NOT NULL
             MATCH (b:Organization {id: row.bloc})
             CREATE (m:Membership:Fact {id: 'membership/bench-' + row.i, role: 'member', confidence: 'high', inferred: false, startDate: '2023', statedFrom: '2023-01-01', statedTo: '2023-12-31', validFrom: '2023-01-01'})
             CREATE (m)-[:MEMBER]->(p), (m)-[:ORGANIZATION]->(b), (m)-[:SOURCED_FROM {quotes: ['generated: member']}]->(s)
           }`,
          { rows, current, seen: SEEN },
        ),
      db.maintenanceTimeoutMs,
    );
    log(`${Math.min(people, start + batch)} / ${people} people, ${((Date.now() - t0) / 1000).toFixed(1)} s`);
  }
}

function orgProps(name: string, classification: string) {
  return { name, nameFolded: fold(name), classification, abbreviations: [], aliases: [], identifiers: [], ...keys([name]) };
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
