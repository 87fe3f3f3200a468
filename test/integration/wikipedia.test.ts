// The vi.wikipedia officials (../shared/data/wikipedia/political-net, read in place): imported
// through the importer door on top of the seeds, merged with the article's people where the name and
// a post agree, namesakes kept apart, terms as the pages state them, every fact citing its page.
// The import is withdrawn again at the end, and the graph must be the seeds' graph exactly.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { loadConfig } from '../../src/config';
import type { Database } from '../../src/db/database';
import { loadDefaultData, wikipediaFile } from '../../src/import/defaults';
import { createLogger } from '../../src/log';
import { importFile, ImportSummary, withdrawImport } from '../../src/import/run';
import { withdrawSources } from '../../src/ingest/ingest';
import { cleanTestData, graphCounts, openTestDb } from '../support/db';
import { RunningServer } from '../support/server';
import { dataOf, startApiServer } from './api-helpers';

const dataDir = loadConfig().dataDir;
const FILE = dataDir ? wikipediaFile(dataDir) : '';
const world = {} as { db: Database; server: RunningServer; before: { nodes: number; relationships: number }; first: ImportSummary };

beforeAll(async () => {
  if (!dataDir || !fs.existsSync(FILE))
    throw new Error(`the shared data folder is missing: set DATA_DIR to the folder holding wikipedia/political-net/ (looked for ${FILE || '../shared/data'})`);
  world.db = await openTestDb();
  await cleanTestData(world.db);
  // what an interrupted run may have left
  await withdrawImport(world.db, 'wikipedia-infobox', { actor: 'test' });
  world.before = await graphCounts(world.db);
  world.first = await importFile(world.db, 'wikipedia-infobox', FILE, { actor: 'test' });
  world.server = await startApiServer(world.db);
}, 900_000);
afterAll(async () => {
  await cleanTestData(world.db);
  await world.server?.close();
  await world.db?.close();
});

const gql = async (query: string, variables: Record<string, unknown> = {}) => dataOf(await world.server.gql(query, variables));

describe('importing the Wikipedia officials', () => {
  it('writes a thousand and more people, and says what it left out and why', async () => {
    const s = world.first;
    expect(s.records).toBe(1332);
    expect(s.invalid).toEqual([]);
    expect(s.skipped).toEqual({ 'died before 1945': 1, 'not an official (businessman)': 2 });
    expect(s.written).toBe(1329);
    expect(s.byType.Person!.created).toBeGreaterThan(1000);
    expect(s.byType.Occupancy!.created).toBeGreaterThan(5000);
    const data = await gql('{ people { totalCount } }');
    expect(data.people.totalCount).toBeGreaterThanOrEqual(1000);
  });

  it('merges the article’s people with their pages (same name and a shared post), keeping the seed ids', async () => {
    const merged = new Map([
      ['person/ngo-van-tuan', '19498354'],
      ['person/nguyen-duy-ngoc', '11441242'],
      ['person/le-quang-minh', '19358048'],
      ['person/nguyen-hai-tram', '13673094'],
      ['person/pham-quoc-hung', '14847794'],
    ]);
    for (const [id, page] of merged) {
      const { person } = await gql('query($id: ID!) { person(id: $id) { id identifiers mentions { source { id } } } }', { id });
      expect(person.identifiers).toContain(`viwiki:${page}`);
      const sources = person.mentions.map((m: any) => m.source.id);
      expect(sources).toEqual(expect.arrayContaining(['source/2024-04-10-khoi-thi-dua-noi-chinh', `source/viwiki-${page}`]));
    }
  });

  it('keeps namesakes apart: the seed’s Deputy State Auditor General is not Wikipedia’s Nguyễn Tuấn Anh (Thanh Hóa)', async () => {
    const { person } = await gql('{ person(id: "person/nguyen-tuan-anh") { identifiers } }');
    expect(person.identifiers).toEqual([]);
    const { people } = await gql('{ people(filter: {name: "Nguyễn Tuấn Anh"}, first: 20) { nodes { id identifiers } } }');
    const thanhHoa = people.nodes.filter((p: any) => p.id !== 'person/nguyen-tuan-anh');
    expect(thanhHoa.length).toBeGreaterThanOrEqual(1);
    for (const p of thanhHoa) expect(p.identifiers.some((x: string) => x.startsWith('viwiki:'))).toBe(true);
  });

  it('ends Nguyễn Duy Ngọc’s deputy ministership where his page says (2024-06-04), though the article saw him in office', async () => {
    const holders = async (at: string) =>
      (
        await gql(
          'query($at: Date!) { position(id: "position/bo-cong-an/thu-truong") { holders(at: $at) { holder { id } startDate endDate sources { source { id url } } } } }',
          { at },
        )
      ).position.holders;
    const in2020 = await holders('2020-01-01');
    const ngoc = in2020.find((h: any) => h.holder.id === 'person/nguyen-duy-ngoc');
    expect(ngoc).toMatchObject({ startDate: '2019-08-15', endDate: '2024-06-04' });
    // one fact, two sources: the article and the page
    expect(ngoc.sources.map((s: any) => s.source.id).sort()).toEqual(['source/2024-04-10-khoi-thi-dua-noi-chinh', 'source/viwiki-11441242']);
    const in2025 = await holders('2025-06-01');
    expect(in2025.map((h: any) => h.holder.id)).not.toContain('person/nguyen-duy-ngoc');
  });

  it('gives Tô Lâm’s Minister of Public Security term 2016-04-09 → 2024-05-22, cited to his page with the raw infobox values', async () => {
    const { search } = await gql(
      '{ search(query: "Tô Lâm", first: 5) { node { ... on Person { id name occupancies { position { id } startDate endDate status sources { source { url licence kind } records { field value } } } } } } }',
    );
    const toLam = search.map((r: any) => r.node).find((n: any) => n?.name === 'Tô Lâm');
    const minister = toLam.occupancies.find((o: any) => o.position.id === 'position/bo-cong-an/bo-truong');
    expect(minister).toMatchObject({ startDate: '2016-04-09', endDate: '2024-05-22', status: 'ENDED' });
    const [evidence] = minister.sources;
    expect(evidence.source).toEqual({ url: 'https://vi.wikipedia.org/?curid=808289', licence: 'CC BY-SA 4.0', kind: 'RECORD' });
    expect(evidence.records).toEqual(
      expect.arrayContaining([
        { field: 'office3', value: expect.stringContaining('Bộ trưởng Bộ Công an') },
        { field: 'term_start3', value: '9 tháng 4 năm 2016' },
      ]),
    );
  });

  it('gives Lê Quang Minh both ranks: Trung tướng from the article, Thượng tướng from his page', async () => {
    const { person } = await gql('{ person(id: "person/le-quang-minh") { ranks { rank { name } sources { source { id } } } } }');
    const byRank = Object.fromEntries(person.ranks.map((r: any) => [r.rank.name, r.sources.map((s: any) => s.source.id)]));
    expect(byRank['Trung tướng']).toEqual(['source/2024-04-10-khoi-thi-dua-noi-chinh']);
    expect(byRank['Thượng tướng']).toEqual(['source/viwiki-19358048']);
  });

  it('cites a source with a URL for every imported fact', async () => {
    const [row] = await world.db.read(
      `MATCH (s:Source) WHERE s.id STARTS WITH 'source/viwiki-'
       OPTIONAL MATCH (f:Fact)-[:SOURCED_FROM]->(s)
       RETURN count(DISTINCT s) AS sources, count(DISTINCT CASE WHEN s.url IS NULL THEN s END) AS withoutUrl, count(DISTINCT f) AS facts`,
      {},
      world.db.maintenanceTimeoutMs,
    );
    expect(Number(row!.sources)).toBe(1329);
    // one person per page: no two pages' people merged (titles that fold alike, such as Nguyễn Văn Thao and Thảo)
    const [people] = await world.db.read(
      `MATCH (p:Person) WITH p, [x IN p.identifiers WHERE x STARTS WITH 'viwiki:'] AS pages WHERE size(pages) > 0
       RETURN count(p) AS n, sum(size(pages)) AS pages, max(size(pages)) AS most`,
      {},
      world.db.maintenanceTimeoutMs,
    );
    expect(people).toEqual({ n: 1329, pages: 1329, most: 1 });
    expect(Number(row!.withoutUrl)).toBe(0);
    expect(Number(row!.facts)).toBeGreaterThan(5000);
  });

  it('names one organisation per body: a province’s party committee and people’s committee under the province, never a generic one', async () => {
    const { organization } = await gql('{ organization(id: "organization/tinh-uy-ha-giang") { name classification parentLinks { relation parent { id } } } }');
    expect(organization).toMatchObject({ name: 'Tỉnh ủy Hà Giang', classification: 'PARTY_COMMITTEE' });
    expect(organization.parentLinks).toEqual([{ relation: 'PARTY_BODY_OF', parent: { id: 'organization/tinh-ha-giang' } }]);
    const { organization: ubnd } = await gql('{ organization(id: "organization/tinh-ha-giang/uy-ban-nhan-dan") { name classification parent { id } } }');
    expect(ubnd).toEqual({ name: 'Ủy ban nhân dân tỉnh Hà Giang', classification: 'PEOPLE_COMMITTEE', parent: { id: 'organization/tinh-ha-giang' } });
    const [generic] = await world.db.read(
      "MATCH (o:Organization) WHERE o.nameFolded IN ['uy ban nhan dan', 'hoi dong nhan dan', 'tinh uy'] RETURN count(o) AS n",
    );
    expect(Number(generic!.n)).toBe(0);
    // the seed's State Audit Office is the body the pages name "Kiểm toán Nhà nước"
    const [audit] = await world.db.read("MATCH (o:Organization) WHERE o.nameFolded = 'kiem toan nha nuoc' RETURN collect(o.id) AS ids");
    expect(audit!.ids).toEqual(['organization/kiem-toan-nha-nuoc']);
  });

  it('ranks the current holders of a title first among the many who held it', async () => {
    const { search } = await gql(
      '{ search(query: "thu truong bo cong an", first: 10) { node { ... on Person { id currentPosts: occupancies(status: CURRENT) { position { id } endDate } } } } }',
    );
    expect(search.length).toBe(10);
    const first = search[0].node;
    expect(first.currentPosts.some((o: any) => o.position.id === 'position/bo-cong-an/thu-truong' && o.endDate === null)).toBe(true);
  });

  it('writes nothing when imported again (the whole file is known unchanged)', async () => {
    const before = await graphCounts(world.db);
    // the function `npm start` runs after the seeds
    const again = await loadDefaultData(world.db, dataDir, createLogger(loadConfig({ ...process.env, LOG_LEVEL: 'silent' })));
    expect(again).toMatchObject({ written: 0, unchanged: 1329 });
    expect(await graphCounts(world.db)).toEqual(before);
  }, 300_000);

  it('reports a malformed record with its page id and field, and writes the rest', async () => {
    const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'wiki-')), 'records.json');
    fs.writeFileSync(
      file,
      JSON.stringify([
        {
          title: 'Zz Test Nguyễn Văn Một',
          id: '990001',
          template: 'Thông tin viên chức',
          infobox: { office: 'Thứ trưởng [[Bộ Tư pháp (Việt Nam)|Bộ Tư pháp]]', term_start: '3 tháng 4 năm 2020' },
        },
        { title: 'Zz Test Hỏng', id: '99 02', template: 'x', infobox: { office: 'Bí thư [[Tỉnh ủy Hà Giang]]' } },
        { title: 'no infobox', id: '990003' },
      ]),
    );
    const s = await importFile(world.db, 'wikipedia-infobox', file, { actor: 'test' });
    expect(s.written).toBe(1);
    expect(s.invalid.map((i) => i.record)).toEqual(['page 99 02 (Zz Test Hỏng)', 'record 2 (page id 990003)']);
    expect(s.invalid[0]!.problems[0]).toMatchObject({ field: expect.stringMatching(/id/) });
    await withdrawSources(world.db, ['source/viwiki-990001'], { actor: 'test', timeoutMs: world.db.maintenanceTimeoutMs });
  }, 300_000);

  it('leaves the seeds’ graph exactly as it was once the import is withdrawn', async () => {
    const withdrawn = await withdrawImport(world.db, 'wikipedia-infobox', { actor: 'test' });
    expect(withdrawn.sources).toBe(1329);
    expect(await graphCounts(world.db)).toEqual(world.before);
    const { person } = await gql('{ person(id: "person/nguyen-duy-ngoc") { identifiers occupancies { position { id } startDate endDate } } }');
    expect(person.identifiers).toEqual([]);
    expect(person.occupancies.find((o: any) => o.position.id === 'position/bo-cong-an/thu-truong')).toMatchObject({ startDate: null, endDate: null });
  }, 600_000);
});
