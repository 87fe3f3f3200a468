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

export async function generate(db: Database, people: number, log: (m: string) => void): Promise<void> {
  const random = rng(42);
  const orgs = ORG_KINDS.flatMap((kind) => TOPICS.map((topic) => `${kind} ${topic}`)).flatMap((name, i) =>
    [0, 1, 2, 3].map((n) => ({ name: n ? `${name} ${n + 1}` : name, i: i * 4 + n })),
  );
  await db.write((tx) =>
    tx.run(
      `MERGE (s:Source:Entity {id: 'source/bench-generated'})
       SET s.title = 'Generated benchmark world', s.language = 'vi', s.publisherInferred = false, s.kind = 'dataset', s.publishedAt = $seen
       WITH s UNWIND $orgs AS o
       MERGE (org:Organization:Entity {id: 'organization/bench-' + o.i})
       SET org += o.props
       WITH org, o UNWIND $roles AS r
       MERGE (pos:Position:Entity {id: 'position/bench-' + o.i + '/' + r.slug})
       SET pos += r.props, pos.label = r.props.role + ' ' + o.props.name
       MERGE (pos)-[:ORGANIZATION]->(org)`,
      {
        seen: SEEN,
        // ids are strings: a JavaScript number reaches Cypher as a float ("bench-12.0"), and then no
        // person's post (built here as "bench-12") would match and the world would have no occupancies
        orgs: orgs.map((o) => ({
          i: String(o.i),
          props: { name: o.name, nameFolded: fold(o.name), classification: 'ministry', abbreviations: [], aliases: [], ...keys([o.name]) },
        })),
        roles: ROLES.map(([role, roleEn], j) => ({ slug: `r${j}`, props: { role, roleEn, party: false } })),
      },
    ),
  );
  const batch = 5000;
  for (let start = 0; start < people; start += batch) {
    const rows: Array<{ id: string; position: string; props: Record<string, unknown> }> = [];
    for (let i = start; i < Math.min(people, start + batch); i++) {
      const name = personName(i);
      const org = orgs[Math.floor(random() * orgs.length)]!;
      const [role, roleEn] = ROLES[Math.floor(random() * ROLES.length)]!;
      const post = `${role} ${org.name}`;
      rows.push({
        id: `person/bench-${i}`,
        position: `position/bench-${org.i}/r${ROLES.findIndex((r) => r[0] === role)}`,
        props: { name, nameFolded: fold(name), aliases: [], ...keys([name]), postText: keys([post, `${roleEn}`]).searchText },
      });
    }
    await db.write((tx) =>
      tx.run(
        `UNWIND $rows AS row
         MERGE (p:Person:Entity {id: row.id}) SET p += row.props
         WITH p, row MATCH (pos:Position {id: row.position}), (s:Source {id: 'source/bench-generated'})
         MERGE (o:Occupancy:Fact {id: 'occupancy/' + row.id})
         SET o.status = 'current', o.confidence = 'high', o.inferred = false, o += $time
         MERGE (o)-[:HOLDER]->(p) MERGE (o)-[:POSITION]->(pos)
         MERGE (o)-[r:SOURCED_FROM]->(s) SET r.quotes = ['generated'], r.status = 'current'`,
        { rows, time: deriveTime(model.types.Occupancy!.time!, [{ id: 'x', status: 'current', sightings: [{ date: SEEN }] }]).get('x') },
      ),
    );
    log(`${Math.min(people, start + batch)} / ${people} people`);
  }
  await db.schema('CALL db.awaitIndexes(600)');
}

export async function clean(db: Database): Promise<void> {
  let deleted = 1;
  while (deleted > 0) {
    const rows = await db.write((tx) =>
      tx.run(`MATCH (n) WHERE n.id STARTS WITH 'person/bench-' OR n.id STARTS WITH 'occupancy/person/bench-' OR n.id STARTS WITH 'position/bench-' OR n.id STARTS WITH 'organization/bench-'
              WITH n LIMIT 10000 DETACH DELETE n RETURN count(*) AS n`),
    );
    deleted = Number(rows[0]?.n ?? 0);
  }
  // last, once its facts are gone: with its 100,000 SOURCED_FROM relationships it would not fit one transaction's memory
  await db.write((tx) => tx.run("MATCH (s:Source {id: 'source/bench-generated'}) DETACH DELETE s"));
}
