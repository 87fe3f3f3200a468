// Honest time through the API: a fact says how it is known at a date (STATED or PRESUMED), `at`
// filters keep presumptions unless `presumed: false`, a single-holder post's next holder ends the
// previous one's presumption; proposals are not awards; facts cite records as well as quotes.
import path from 'node:path';
import { ingestFile } from '../../src/ingest/ingest';
import type { Database } from '../../src/db/database';
import { cleanTestData, openTestDb } from '../support/db';
import { RunningServer } from '../support/server';
import { BLOC_ID, dataOf, startApiServer } from './api-helpers';

const world = {} as { db: Database; server: RunningServer };
const RECORD_FIXTURE = path.resolve(__dirname, '../fixtures/facts/zz-test-record.yaml');

beforeAll(async () => {
  world.db = await openTestDb();
  await cleanTestData(world.db);
  await ingestFile(world.db, RECORD_FIXTURE, { actor: 'test', timeoutMs: world.db.maintenanceTimeoutMs });
  world.server = await startApiServer(world.db);
});
afterAll(async () => {
  await cleanTestData(world.db);
  await world.server?.close();
  await world.db?.close();
});

const HOLDERS = `query($at: Date!, $presumed: Boolean) {
  position(id: "position/bo-cong-an/thu-truong") {
    holders(at: $at, presumed: $presumed) { holder { id } basis(at: $at) statedFrom statedTo validFrom validTo lastSeen }
  }
}`;

describe('as of a date', () => {
  it('has Nguyễn Duy Ngọc as STATED on the day of the article', async () => {
    const data = dataOf(await world.server.gql(HOLDERS, { at: '2024-04-10', presumed: false }));
    const ngoc = data.position.holders.find((h: any) => h.holder.id === 'person/nguyen-duy-ngoc');
    expect(ngoc).toMatchObject({ basis: 'STATED', statedFrom: '2024-04-10', statedTo: '2024-04-10', lastSeen: '2024-04-10' });
  });

  it('has him as PRESUMED a year later, and absent when only stated facts count', async () => {
    const presumed = dataOf(await world.server.gql(HOLDERS, { at: '2025-04-10' }));
    expect(presumed.position.holders.find((h: any) => h.holder.id === 'person/nguyen-duy-ngoc')).toMatchObject({ basis: 'PRESUMED' });
    const stated = dataOf(await world.server.gql(HOLDERS, { at: '2025-04-10', presumed: false }));
    expect(stated.position.holders.map((h: any) => h.holder.id)).not.toContain('person/nguyen-duy-ngoc');
  });

  it('does not presume a post held for ever', async () => {
    const later = dataOf(await world.server.gql(HOLDERS, { at: '2031' }));
    expect(later.position.holders.map((h: any) => h.holder.id)).not.toContain('person/nguyen-duy-ngoc');
  });

  it('ends a presumption where another holder of a single-holder post is stated', async () => {
    const q = `query($at: Date!) { position(id: "position/zz-test-bo/bo-truong") { holders(at: $at) { holder { id } basis(at: $at) predecessor { id } } } }`;
    const at = async (date: string) => dataOf(await world.server.gql(q, { at: date })).position.holders as Array<{ holder: { id: string }; basis: string }>;
    expect(await at('2018')).toEqual([{ holder: { id: 'person/zz-test-record-a' }, basis: 'STATED', predecessor: null }]);
    // B was seen only on 2025-01-01; two years back would reach 2023, but A's term ends 2020 and B's start is unknown.
    expect((await at('2024-06')).map((h) => [h.holder.id, h.basis])).toEqual([['person/zz-test-record-b', 'PRESUMED']]);
    expect((await at('2025-01-01')).map((h) => [h.holder.id, h.basis])).toEqual([['person/zz-test-record-b', 'STATED']]);
    expect((await at('2025-01-01'))[0]).toMatchObject({ predecessor: { id: 'person/zz-test-record-a' } });
  });
});

describe('proposals are not awards', () => {
  it('lists no proposal among an organisation’s awards unless asked', async () => {
    const q = `{ organization(id: "organization/bo-cong-an") {
      awards { status }
      proposed: awards(status: PROPOSED) { status proposedBy { id } grantor { id } }
      all: awards(status: null) { status }
    } }`;
    const org = dataOf(await world.server.gql(q)).organization;
    expect(org.awards.filter((a: any) => a.status === 'PROPOSED')).toEqual([]);
    expect(org.proposed.length).toBeGreaterThan(0);
    for (const p of org.proposed) expect(p).toEqual({ status: 'PROPOSED', proposedBy: { id: BLOC_ID }, grantor: null });
    expect(org.all.length).toBe(org.awards.length + org.proposed.length);
  });

  it('lists what the bloc proposed as proposals, not as awards it granted', async () => {
    const q = `query($id: ID!) { organization(id: $id) { awardsGranted { id } awardsProposed { status } } }`;
    const bloc = dataOf(await world.server.gql(q, { id: BLOC_ID })).organization;
    expect(bloc.awardsGranted).toEqual([]);
    expect(bloc.awardsProposed.length).toBe(4);
    expect(bloc.awardsProposed.every((c: any) => c.status === 'PROPOSED')).toBe(true);
  });
});

describe('evidence from records', () => {
  it('cites the record values a fact was read from, with the source’s provenance', async () => {
    const q = `{ person(id: "person/zz-test-record-a") {
      occupancies { statedFrom statedTo sources { quote quotes records { field value } source { kind dataset recordId url licence retrievedAt } } }
      mentions { records { field value } }
    } }`;
    const person = dataOf(await world.server.gql(q)).person;
    expect(person.occupancies).toHaveLength(1);
    const [occ] = person.occupancies;
    expect(occ).toMatchObject({ statedFrom: '2016-04-09', statedTo: '2020-12-31' });
    expect(occ.sources).toEqual([
      {
        quote: null,
        quotes: [],
        records: [
          { field: 'term_start1', value: '9 tháng 4 năm 2016' },
          { field: 'term_end1', value: '31/12/2020' },
        ],
        source: {
          kind: 'RECORD',
          dataset: 'zz-test register',
          recordId: '42',
          url: 'https://example.org/zz-test/42',
          licence: 'CC BY-SA 4.0',
          retrievedAt: '2025-01-01',
        },
      },
    ]);
    expect(person.mentions).toEqual([{ records: [{ field: 'name1', value: 'Trần Văn Thử' }] }]);
  });

  it('keeps the article’s verbatim quotes as before', async () => {
    const q = `{ person(id: "person/nguyen-duy-ngoc") { occupancies { sources { quote records { value } source { kind } } } } }`;
    const occ = dataOf(await world.server.gql(q)).person.occupancies;
    for (const o of occ) for (const s of o.sources) expect(s).toMatchObject({ records: [], source: { kind: 'ARTICLE' } });
    expect(occ.some((o: any) => o.sources.some((s: any) => typeof s.quote === 'string' && s.quote.length > 0))).toBe(true);
  });
});
