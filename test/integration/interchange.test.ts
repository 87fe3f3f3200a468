// The field's interchange formats, on the real files of ../shared/data (read in place): Popolo, FtM
// and CSV in through the importer door; Popolo and FtM out (CLI stream and HTTP downloads), checked
// against Popolo's JSON schemas (spec/schemas, draft-03) and the FtM model (@alephdata/followthemoney).
// Every import is withdrawn at the end: the graph must be the seeds' graph exactly.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Validator } from 'jsonschema';
import { newApiKey } from '../../src/auth/api-keys';
import { loadConfig } from '../../src/config';
import type { Database } from '../../src/db/database';
import { exportStream } from '../../src/export';
import { checkFtm } from '../../src/export/ftm-check';
import { importFile, ImportSummary, withdrawImport } from '../../src/import/run';
import { PROJECT_ROOT } from '../../src/paths';
import { cleanTestData, graphCounts, openTestDb } from '../support/db';
import { RunningServer, startTestServer } from '../support/server';
import { API_TEST_ENV, dataOf } from './api-helpers';

const dataDir = loadConfig().dataDir ?? path.resolve(PROJECT_ROOT, '../shared/data');
const popolo = (f: string) => path.join(dataDir, 'popolo', f);
const ftm = (f: string) => path.join(dataDir, 'ftm', f);
const mapping = (f: string) => fs.readFileSync(path.join(PROJECT_ROOT, 'mappings', f), 'utf8');
const FORMATS = ['popolo', 'ftm', 'csv'] as const;
const editor = newApiKey('test-editor', 'editor');

const world = {} as { db: Database; server: RunningServer; before: { nodes: number; relationships: number }; estonia: ImportSummary };

async function text(format: 'popolo' | 'ftm', scope = {}): Promise<string> {
  let out = '';
  for await (const chunk of exportStream(world.db, format, scope)) out += chunk;
  return out;
}

beforeAll(async () => {
  world.db = await openTestDb();
  await cleanTestData(world.db);
  for (const f of FORMATS) await withdrawImport(world.db, f, { actor: 'test' }); // what an interrupted run may have left
  world.before = await graphCounts(world.db);
  world.estonia = await importFile(world.db, 'popolo', popolo('estonia-ep-popolo-v1.0.json'), { actor: 'test' });
  world.server = await startTestServer(world.db, { ...API_TEST_ENV, API_KEYS: editor.entry });
}, 300_000);
afterAll(async () => {
  for (const f of FORMATS) await withdrawImport(world.db, f, { actor: 'test' });
  await cleanTestData(world.db);
  await world.server?.close();
  await world.db?.close();
}, 300_000);

const gql = async (query: string, variables: Record<string, unknown> = {}) => dataOf(await world.server.gql(query, variables));

describe('Popolo in', () => {
  it('imports Estonia as 193 persons and 299 memberships, 134 with an area', async () => {
    const s = world.estonia;
    expect(s.byType.Person).toEqual({ created: 193, updated: 0, unchanged: 0 });
    expect(s.byType.Membership).toEqual({ created: 299, updated: 0, unchanged: 0 });
    expect(s.byType.Area!.created).toBe(12);
    expect(s.byType.Event!.created).toBe(16);
    const [row] = await world.db.read(
      `MATCH (m:Membership)-[:SOURCED_FROM]->(:Source {id: $source})
       RETURN count(m) AS memberships, sum(CASE WHEN (m)-[:AREA]->(:Area) THEN 1 ELSE 0 END) AS withArea`,
      { source: s.sourceId },
    );
    expect(row).toMatchObject({ memberships: 299, withArea: 134 });
  });

  it('changes nothing when the same file is imported again', async () => {
    const counts = await graphCounts(world.db);
    const again = await importFile(world.db, 'popolo', popolo('estonia-ep-popolo-v1.0.json'), { actor: 'test' });
    expect(again.written).toBe(0);
    expect(again.byType.Person).toEqual({ created: 0, updated: 0, unchanged: 193 });
    expect(await graphCounts(world.db)).toEqual(counts);
  });

  it('keeps a membership’s party, constituency and term, and a person’s identifiers and other names', async () => {
    const data = await gql(`{ people(filter: {name: "Aadu Must"}, first: 5) { nodes { id wikidataId identifiers otherNames
      memberships { organization { name } onBehalfOf { name classification } area { name classification } legislativePeriod { name classification } } } } }`);
    const [aadu] = data.people.nodes;
    expect(aadu.wikidataId).toBe('Q12358062');
    expect(aadu.identifiers).toEqual(
      expect.arrayContaining(['everypolitician:bc584d7f-86a1-4c2d-97b4-081971d8a1fa', 'wikidata:Q12358062', 'riigikogu:233ac42e-573c-400e-8568-0ac3d4c107f9']),
    );
    expect(aadu.otherNames.map((t: string) => JSON.parse(t))).toContainEqual({ name: 'Aadu Must', lang: 'et', note: 'multilingual' });
    expect(aadu.memberships).toContainEqual({
      organization: { name: 'Riigikogu' },
      onBehalfOf: { name: 'Eesti Keskerakonna fraktsioon', classification: 'PARTY' },
      area: { name: 'Tartu linn', classification: 'constituency' },
      legislativePeriod: { name: '13th Riigikogu', classification: 'LEGISLATIVE_PERIOD' },
    });
  });

  it('keeps the Vietnam National Assembly excerpt’s zh, ru and en other names, with their languages', async () => {
    const s = await importFile(world.db, 'popolo', popolo('vietnam-na-ep-popolo-v1.0.excerpt.json'), { actor: 'test', language: 'vi' });
    expect(s.byType.Person!.created + s.byType.Person!.updated).toBe(10);
    const names = async (name: string) => {
      const data = await gql(
        'query($n: String!) { people(filter: {name: $n}, first: 5) { nodes { otherNames names { name lang note } mentions { source { id } } } } }',
        { n: name },
      );
      const p = data.people.nodes.find((x: any) => x.mentions.some((m: any) => m.source.id === s.sourceId));
      expect(p.names).toEqual(p.otherNames.map((t: string) => JSON.parse(t)));
      return p.names;
    };
    expect(await names('Đinh Thế Huynh')).toEqual(
      expect.arrayContaining([
        { name: 'Dinh The Huynh', lang: 'en', note: 'multilingual' },
        { name: '丁世兄', lang: 'zh', note: 'multilingual' },
      ]),
    );
    expect(await names('Nguyễn Đức Chung')).toContainEqual({ name: 'Нгуен Дук Тунг', lang: 'ru', note: 'multilingual' });
    const exported = JSON.parse(await text('popolo'));
    const huynh = exported.persons.find(
      (p: any) => p.identifiers?.some((i: any) => i.identifier === 'Q10757979' || i.scheme === 'everypolitician') && p.name === 'Đinh Thế Huynh',
    );
    expect(huynh.other_names).toEqual(expect.arrayContaining([{ name: '丁世兄', lang: 'zh', note: 'multilingual' }]));
  });

  it('rejects a file with a bad record whole, naming the record and field, and writes nothing', async () => {
    const before = await graphCounts(world.db);
    const file = path.join(PROJECT_ROOT, 'test/fixtures/interchange/bad-popolo.json');
    await expect(importFile(world.db, 'popolo', file, { actor: 'test' })).rejects.toMatchObject({
      code: 'BAD_USER_INPUT',
      extensions: { problems: expect.arrayContaining([expect.objectContaining({ record: 'persons[1] (id p2)', field: 'birth_date' })]) },
    });
    expect(await graphCounts(world.db)).toEqual(before);
  });
});

describe('CSV in', () => {
  it('imports the term-13 CSV with its mapping, keeps the three pairs of namesakes apart, and changes nothing the second time', async () => {
    const file = popolo('vietnam-na-term-13.csv');
    const first = await importFile(world.db, 'csv', file, { actor: 'test', mapping: mapping('everypolitician-term.yaml'), language: 'vi' });
    expect(first.byType.Person!.created + first.byType.Person!.updated).toBe(240);
    expect(first.byType.Membership!.created).toBe(240);
    const counts = await graphCounts(world.db);
    const again = await importFile(world.db, 'csv', file, { actor: 'test', mapping: mapping('everypolitician-term.yaml'), language: 'vi' });
    expect(again.written).toBe(0);
    expect(await graphCounts(world.db)).toEqual(counts);
    for (const name of ['Nguyễn Hữu Đức', 'Nguyễn Ngọc Bảo', 'Vi Thị Hương']) {
      const rows = await world.db.read(
        `MATCH (p:Person)-[:MENTIONED_IN]->(:Source {id: $source}) WHERE p.name = $name
         RETURN p.id AS id, [(p)<-[:MEMBER]-(m:Membership)-[:AREA]->(a) | a.name] AS areas`,
        { source: first.sourceId, name },
      );
      expect(rows).toHaveLength(2);
      expect(new Set(rows.map((r) => r.id)).size).toBe(2);
      expect(new Set(rows.flatMap((r) => r.areas as string[])).size).toBe(2);
    }
  });

  it('matches the cabinet positions CSV’s people to the term-13 deputies by their EveryPolitician ids (Nguyễn Xuân Phúc is no deputy of the file: a new person)', async () => {
    const s = await importFile(world.db, 'csv', popolo('vietnam-cabinet-positions.csv'), {
      actor: 'test',
      mapping: mapping('everypolitician-positions.yaml'),
      language: 'vi',
    });
    expect(s.resolutions).toEqual({ identifier: 2, new: 1 });
    expect(s.byType.Person!.created).toBe(1);
    expect(s.byType.Occupancy!.created).toBe(3);
    const rows = await world.db.read(
      `MATCH (p:Person)<-[:HOLDER]-(o:Occupancy)-[:SOURCED_FROM]->(:Source {id: $source}), (o)-[:POSITION]->(pos)
       RETURN p.name AS name, pos.label AS post, o.startDate AS start, [(p)<-[:MEMBER]-(m:Membership) | m.id] <> [] AS deputy ORDER BY name`,
      { source: s.sourceId },
    );
    expect(rows).toEqual([
      { name: 'Hoàng Trung Hải', post: 'Deputy Prime Minister of Vietnam', start: null, deputy: true },
      { name: 'Nguyễn Sinh Hùng', post: 'Deputy Prime Minister of Vietnam', start: null, deputy: true },
      { name: 'Nguyễn Xuân Phúc', post: 'Prime Minister of Vietnam', start: '2016-04-07', deputy: false },
    ]);
  });

  it('names the mapping key of a column the CSV does not have', async () => {
    const bad = mapping('everypolitician-term.yaml').replace('name: name', 'name: full_name');
    await expect(importFile(world.db, 'csv', popolo('vietnam-na-term-13.csv'), { actor: 'test', mapping: bad })).rejects.toMatchObject({
      extensions: { problems: [expect.objectContaining({ field: 'person.name', message: 'no column "full_name" in the CSV header' })] },
    });
  });
});

describe('FtM in and out', () => {
  it('keeps the zala file’s unknown schemata and its unknown property through a round trip, and the export is valid FtM', async () => {
    const file = ftm('yente-zala.entities.ftm.json');
    const s = await importFile(world.db, 'ftm', file, { actor: 'test' });
    expect(s.byType.Person!.created + s.byType.Person!.updated).toBe(6);
    expect(s.byType.Organization!.created).toBe(11);
    expect(s.foreignRecords).toBe(74);
    const input = fs
      .readFileSync(file, 'utf8')
      .split('\n')
      .filter(Boolean)
      .map((l) => JSON.parse(l));
    const out = (await text('ftm'))
      .split('\n')
      .filter(Boolean)
      .map((l) => JSON.parse(l));
    const byId = new Map(out.map((e: any) => [e.id, e]));
    const company = input.find((e: any) => e.properties.abbreviation);
    expect(byId.get(company.id)).toMatchObject({ schema: 'Company', properties: { abbreviation: company.properties.abbreviation } });
    // every input entity comes back, with every property value it had
    for (const e of input) {
      const back = byId.get(e.id) as any;
      expect([e.id, back?.schema]).toEqual([e.id, e.schema]);
      for (const [p, values] of Object.entries(e.properties as Record<string, string[]>))
        expect([e.id, p, back.properties[p]]).toEqual([e.id, p, expect.arrayContaining(values)]);
    }
    // valid against the FtM model, but for the property this (older) model lacks and the references the file itself leaves dangling
    const ids = new Set(input.map((e: any) => e.id));
    const dangling = new Set(
      input.flatMap((e: any) => Object.values(e.properties as Record<string, string[]>).flat()).filter((v) => /^(addr-|NK-)/.test(v) && !ids.has(v)),
    );
    const problems = checkFtm(out.map((e: any) => JSON.stringify(e)).join('\n'));
    const unexpected = problems.filter(
      (p) => !(p.property === 'abbreviation' && p.schema === 'Company') && !dangling.has(p.message.replace(/^refers to (\S+), not in the export$/, '$1')),
    );
    expect(unexpected).toEqual([]);
    expect(problems.some((p) => p.property === 'abbreviation')).toBe(true);
  });

  it('exports the seeds’ facts as Occupancy (holder, post), Membership and Position (organization), each with its sources', async () => {
    const out = (await text('ftm', { root: 'person/nguyen-thanh-tinh', depth: 1 }))
      .split('\n')
      .filter(Boolean)
      .map((l) => JSON.parse(l));
    const occupancies = out.filter((e: any) => e.schema === 'Occupancy');
    expect(occupancies.length).toBeGreaterThanOrEqual(2);
    for (const o of occupancies) {
      expect(o.properties.holder).toEqual(['person.nguyen-thanh-tinh']);
      expect(o.properties.post).toHaveLength(1);
      expect(o.properties.sourceUrl.length).toBeGreaterThan(0);
      expect(o.properties.description.some((d: string) => d.includes('Nguyễn Thanh Tịnh'))).toBe(true);
    }
    const post = out.find((e: any) => e.schema === 'Position' && e.id === 'position.bo-tu-phap.thu-truong');
    expect(post.properties.organization).toEqual(['organization.bo-tu-phap']);
    expect(checkFtm(out.map((e: any) => JSON.stringify(e)).join('\n'))).toEqual([]);
  });

  it('rejects an Occupancy whose holder is not in the file, naming the line and property', async () => {
    const file = path.join(PROJECT_ROOT, 'test/fixtures/interchange/bad-ftm.jsonl');
    await expect(importFile(world.db, 'ftm', file, { actor: 'test' })).rejects.toMatchObject({
      extensions: { problems: [expect.objectContaining({ record: 'line 3 (Occupancy occ-1)', field: 'properties.holder' })] },
    });
  });
});

describe('Popolo out', () => {
  const schemas = path.join(dataDir, 'popolo', 'spec', 'schemas');
  const validator = new Validator();
  for (const f of fs.readdirSync(schemas)) {
    const schema = JSON.parse(fs.readFileSync(path.join(schemas, f), 'utf8'));
    validator.addSchema(schema, schema.id);
  }
  const CLASS: Record<string, string> = {
    persons: 'person',
    organizations: 'organization',
    areas: 'area',
    posts: 'post',
    events: 'event',
    memberships: 'membership',
  };

  it('is valid against the Popolo schemas, every membership with its sources', async () => {
    const doc = JSON.parse(await text('popolo'));
    for (const [section, cls] of Object.entries(CLASS)) {
      const schema = validator.schemas[`http://www.popoloproject.com/schemas/${cls}.json#`]!;
      expect(doc[section].length).toBeGreaterThan(0);
      const invalid = doc[section]
        .map((o: any) => ({ id: o.id, errors: validator.validate(o, schema).errors.map((e) => e.stack) }))
        .filter((r: any) => r.errors.length);
      expect(invalid).toEqual([]);
    }
    for (const m of doc.memberships) expect([m.id, m.sources?.length > 0]).toEqual([m.id, true]);
  });

  it('gives back what Estonia’s file held: the people, their names and identifiers, the memberships with party, area and term', async () => {
    const original = JSON.parse(fs.readFileSync(popolo('estonia-ep-popolo-v1.0.json'), 'utf8'));
    const doc = JSON.parse(await text('popolo'));
    const byEp = new Map(
      doc.persons.flatMap((p: any) => (p.identifiers ?? []).filter((i: any) => i.scheme === 'everypolitician').map((i: any) => [i.identifier, p])),
    );
    const idOf = (list: any[]) => new Map(list.map((o: any) => [o.id, o]));
    const orgs = idOf(original.organizations);
    const outOrgs = idOf(doc.organizations);
    const areas = idOf(original.areas);
    const outAreas = idOf(doc.areas);
    const events = idOf(original.events);
    const outEvents = idOf(doc.events);
    const key = (m: any, people: Map<unknown, any>, o: Map<unknown, any>, a: Map<unknown, any>, e: Map<unknown, any>) =>
      JSON.stringify([
        people.get(m.person_id)?.name,
        o.get(m.organization_id)?.name,
        o.get(m.on_behalf_of_id)?.name,
        a.get(m.area_id)?.name ?? null,
        e.get(m.legislative_period_id)?.name,
        m.start_date ?? null,
        m.end_date ?? null,
        m.role,
      ]);
    const people = idOf(original.persons);
    const outPeople = idOf(doc.persons);
    for (const p of original.persons) {
      const back = byEp.get(p.id) as any;
      expect(back).toBeDefined();
      for (const f of ['name', 'given_name', 'family_name', 'gender', 'birth_date', 'death_date', 'email', 'image'])
        expect([p.id, f, back[f]]).toEqual([p.id, f, p[f]]);
      expect(back.contact_details).toEqual(p.contact_details);
      expect(back.links).toEqual(p.links);
      expect(back.other_names).toEqual(expect.arrayContaining(p.other_names ?? []));
      expect(back.identifiers).toEqual(expect.arrayContaining(p.identifiers ?? []));
      for (const s of p.sources ?? []) expect(back.sources).toContainEqual(s);
    }
    const want = original.memberships.map((m: any) => key(m, people, orgs, areas, events)).sort();
    const got = doc.memberships
      .filter((m: any) => outPeople.get(m.person_id)?.identifiers?.some((i: any) => i.scheme === 'everypolitician' && people.has(i.identifier)))
      .filter((m: any) => outOrgs.get(m.organization_id)?.name === 'Riigikogu')
      .map((m: any) => key(m, outPeople, outOrgs, outAreas, outEvents))
      .sort();
    expect(got).toEqual(want);
  });
});

describe('Popolo → graph → Popolo → graph', () => {
  it('imports its own export again: the same people (by their ids), nothing new but the export’s source', async () => {
    const file = path.join(os.tmpdir(), `og-roundtrip-${process.pid}.json`);
    fs.writeFileSync(file, await text('popolo', { root: 'person/aadu-must', depth: 2 }));
    try {
      const s = await importFile(world.db, 'popolo', file, { actor: 'test', dataset: 'zz-roundtrip' });
      expect(s.byType.Person!.created).toBe(0);
      expect(s.byType.Membership!.created).toBe(0);
      expect(s.byType.Person!.updated).toBeGreaterThan(10);
      expect(s.resolutions).toEqual({ identifier: s.byType.Person!.updated });
    } finally {
      fs.rmSync(file, { force: true });
      await withdrawImport(world.db, 'popolo', { actor: 'test', dataset: 'zz-roundtrip' });
    }
  });
});

describe('the HTTP downloads and the editor-only mutation', () => {
  it('streams /export/popolo.json and /export/ftm.jsonl to anyone, and refuses a bad depth', async () => {
    const res = await fetch(`${world.server.url}/export/ftm.jsonl?root=person/nguyen-thanh-tinh&depth=1`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/application\/x-ndjson/);
    const lines = (await res.text()).split('\n').filter(Boolean);
    expect(lines.some((l) => JSON.parse(l).schema === 'Occupancy')).toBe(true);
    const popoloRes = await fetch(`${world.server.url}/export/popolo.json?root=person/nguyen-thanh-tinh&depth=2`);
    expect(popoloRes.status).toBe(200);
    const doc = (await popoloRes.json()) as any;
    expect(doc.persons.map((p: any) => p.id)).toContain('person/nguyen-thanh-tinh');
    expect((await fetch(`${world.server.url}/export/popolo.json?root=person/nguyen-thanh-tinh&depth=9`)).status).toBe(400);
    expect((await fetch(`${world.server.url}/export/popolo.json?root=person/nobody`)).status).toBe(404);
  });

  it('frees its place when a client goes away mid-download (at most two exports run at once)', async () => {
    // a download that never frees its place would leave every later one refused (503) for ever
    const download = async (signal?: AbortSignal) => {
      for (let tries = 0; tries < 120; tries++) {
        const res = await fetch(`${world.server.url}/export/popolo.json`, { signal });
        if (res.status !== 503) return res;
        expect(res.headers.get('retry-after')).toBe('5');
        await res.text();
        await new Promise((r) => setTimeout(r, 250));
      }
      throw new Error('the export stayed refused');
    };
    for (let i = 0; i < 4; i++) {
      const abort = new AbortController();
      const res = await download(abort.signal);
      expect(res.status).toBe(200);
      await res.body!.getReader().read();
      abort.abort();
    }
    const res = await download();
    expect(res.status).toBe(200);
    expect(JSON.parse(await res.text()).persons.length).toBeGreaterThan(0);
  }, 120_000);

  it('imports a dataset through importDataset with an editor key only', async () => {
    const content = fs.readFileSync(ftm('yente-t1.entities.ftm.json'), 'utf8');
    const mutation = `mutation($c: String!) { importDataset(format: FTM, content: $c, dataset: "yente-t1") { sourceId changed records foreignRecords byType { type created } } }`;
    const before = await graphCounts(world.db);
    const refused = await world.server.gql(mutation, { c: content });
    expect(refused.body.errors[0].extensions.code).toBe('UNAUTHENTICATED');
    expect(await graphCounts(world.db)).toEqual(before);
    const done = await world.server.gql(mutation, { c: content }, { authorization: `Bearer ${editor.key}` });
    expect(done.body.errors).toBeUndefined();
    expect(done.body.data.importDataset).toMatchObject({ sourceId: 'source/ftm-yente-t1', changed: true, records: 6, foreignRecords: 1 });
  });
});

describe('a large file, in parts', () => {
  it('writes each part in its own transaction, skips the parts written on a re-run, and folds back into one source', async () => {
    await withdrawImport(world.db, 'popolo', { actor: 'test' });
    const file = popolo('estonia-ep-popolo-v1.0.json');
    const inParts = await importFile(world.db, 'popolo', file, { actor: 'test', partSize: 100 });
    expect(inParts.parts!.length).toBeGreaterThanOrEqual(5);
    expect(inParts.byType.Person!.created).toBe(193);
    expect(inParts.byType.Membership!.created).toBe(299);
    const count = async () =>
      (
        await world.db.read(
          `MATCH (s:Source) WHERE s.id STARTS WITH 'source/popolo-estonia' MATCH (m:Membership)-[:SOURCED_FROM]->(s)
           RETURN count(DISTINCT m) AS memberships, count { MATCH (p:Person)-[:MENTIONED_IN]->(s2:Source) WHERE s2.id STARTS WITH 'source/popolo-estonia' RETURN DISTINCT p } AS persons`,
        )
      )[0];
    expect(await count()).toEqual({ memberships: 299, persons: 193 });
    const counts = await graphCounts(world.db);
    const again = await importFile(world.db, 'popolo', file, { actor: 'test', partSize: 100 });
    expect(again.parts!.every((p) => !p.changed)).toBe(true);
    expect(await graphCounts(world.db)).toEqual(counts);
    const whole = await importFile(world.db, 'popolo', file, { actor: 'test' });
    expect(whole.parts).toBeUndefined();
    expect(await count()).toEqual({ memberships: 299, persons: 193 });
    const sources = await world.db.read("MATCH (s:Source) WHERE s.id STARTS WITH 'source/popolo-estonia' RETURN s.id AS id");
    expect(sources).toEqual([{ id: 'source/popolo-estonia-ep-popolo-v1-0' }]);
  }, 300_000);
});

describe('withdrawing the imports', () => {
  it('leaves the seeds’ graph exactly as it was', async () => {
    for (const f of FORMATS) await withdrawImport(world.db, f, { actor: 'test' });
    expect(await graphCounts(world.db)).toEqual(world.before);
  }, 300_000);
});
