// How two entities are connected, and what they share — every hop a sourced fact.
import type { Row } from '../../src/db/database';
import neo4j from 'neo4j-driver';
import { neo4jUri } from '../../src/config';
import { connectionsCypher, connectionsParams, searchRows } from '../../src/graph/connections';
import { testConfig } from '../support/db';
import { useTestServer } from '../support/server';

type Profile = { dbHits: number; children: Profile[] };
const sumHits = (p: Profile): number => p.dbHits + p.children.reduce((s, c) => s + sumHits(c), 0);

// Wide questions (every tie with its sources): the cost limit has tests of its own.
const world = useTestServer({ MAX_QUERY_COST: '100000000' });

const EVENT = 'event/2024-04-10-hoi-nghi-tong-ket-thi-dua-khoi-noi-chinh';

it('connects two officials through the conference both attended, with the quotes', async () => {
  const { body } = await world.server.gql(`{ connections(from: "person/nguyen-thanh-tinh", to: "person/nguyen-duy-ngoc", first: 5) {
    hops entities { id } facts { __typename sources { quote } ... on Participation { role } } steps { id } } }`);
  expect(body.errors).toBeUndefined();
  const paths = body.data.connections;
  expect(paths.length).toBeGreaterThan(0);
  for (const p of paths) {
    expect(p.hops).toBe(2);
    expect(p.entities.map((e: { id: string }) => e.id)).toEqual(['person/nguyen-thanh-tinh', EVENT, 'person/nguyen-duy-ngoc']);
    expect(p.steps[0].id).toBe('person/nguyen-thanh-tinh');
    expect(p.steps[p.steps.length - 1].id).toBe('person/nguyen-duy-ngoc');
    for (const f of p.facts) expect(f.sources.length).toBeGreaterThan(0);
  }
  expect(paths.some((p: any) => p.facts.some((f: any) => f.role === 'SIGNATORY'))).toBe(true);
});

it('does not connect through the shared source document', async () => {
  const { body } = await world.server.gql(`{ connections(from: "person/ho-chi-minh", to: "person/nguyen-tuan-anh", maxHops: 1) { hops } }`);
  expect(body.data.connections).toEqual([]);
});

it('lists what two officials share, with the facts on each side', async () => {
  const { body } = await world.server.gql(`{ shared(a: "person/nguyen-thanh-tinh", b: "person/pham-quoc-hung") {
    node { __typename id } viaA { __typename ... on Participation { role } } viaB { __typename ... on Participation { role } } } }`);
  const event = body.data.shared.find((s: any) => s.node.id === EVENT);
  expect(event.node.__typename).toBe('Event');
  expect(event.viaA.map((f: any) => f.role)).toEqual(expect.arrayContaining(['ATTENDEE', 'SIGNATORY']));
  expect(event.viaB.map((f: any) => f.role)).toEqual(expect.arrayContaining(['ATTENDEE', 'LAUNCHER', 'SIGNATORY']));
});

it('finds organisations whose posts both hold', async () => {
  const { body } = await world.server.gql(`{ shared(a: "person/ngo-van-tuan", b: "person/nguyen-tuan-anh") { node { id } viaA { __typename } } }`);
  const ids = body.data.shared.map((s: any) => s.node.id);
  expect(ids).toContain('organization/kiem-toan-nha-nuoc');
});

it('bounds the search', async () => {
  const { body } = await world.server.gql(`{ connections(from: "person/nguyen-thanh-tinh", to: "person/nguyen-duy-ngoc", maxHops: 50) { hops } }`);
  expect(body.errors[0].extensions.code).toBe('BAD_USER_INPUT');
  expect(body.errors[0].message).toMatch(/maxHops/);
});

it('answers the contract form participants { role agent { … } } and Event.sources', async () => {
  const { body } = await world.server.gql(`{ event(id: "${EVENT}") {
    participants { role agent { __typename ... on Person { name } ... on Organization { name } } participant { ... on Person { name } ... on Organization { name } } }
    sources { source { id } quotes } } }`);
  expect(body.errors).toBeUndefined();
  for (const p of body.data.event.participants) expect(p.agent.name).toBe(p.participant.name);
  expect(body.data.event.participants.some((p: any) => p.role === 'OPENING_SPEAKER' && p.agent.name === 'Ngô Văn Tuấn')).toBe(true);
  expect(body.data.event.sources[0].source.id).toBe('source/2024-04-10-khoi-thi-dua-noi-chinh');
});

describe('ties: connections filtered and ranked by evidence', () => {
  const BQP = 'organization/bo-quoc-phong';
  const COMMAND = 'organization/bo-tu-lenh-bao-ve-lang-chu-tich-ho-chi-minh';
  const ids = (p: any) => p.steps.map((s: { id: string }) => s.id);

  // The shared test database may hold more than the seed (an importer's start-up): each test looks
  // for the seed's chains among the answers rather than for an exact list.
  const FLAG = 'conferral/co-thi-dua-cua-chinh-phu/bo-quoc-phong/proposed/2024-04-10';
  const LINK = 'subordination/bo-tu-lenh-bao-ve-lang-chu-tich-ho-chi-minh/bo-quoc-phong/part-of';
  const viaCommand = (p: any) => ids(p).includes(COMMAND) && ids(p).includes(LINK);

  it('without proposals, Phạm Hải Trung reaches Bộ Quốc phòng through his command, not the flag proposed for the ministry', async () => {
    const { body } = await world.server.gql(`{ connections(from: "person/pham-hai-trung", to: "${BQP}", first: 10, ties: {includeProposed: false}) {
      hops steps { id __typename } facts { __typename ... on Conferral { status } } evidence { proposed } } }`);
    expect(body.errors).toBeUndefined();
    const paths = body.data.connections;
    const command = paths.find(viaCommand);
    expect(command.facts.map((f: any) => f.__typename)).toEqual(['Occupancy', 'Subordination']);
    expect(ids(command)).toEqual(expect.arrayContaining(['person/pham-hai-trung', COMMAND, BQP]));
    for (const p of paths) {
      expect(ids(p)).not.toContain(FLAG);
      expect(p.facts.some((f: any) => f.status === 'PROPOSED')).toBe(false);
      expect(p.evidence.proposed).toBe(0);
    }
  });

  it('with proposals allowed, ranks the proposal below the command (evidence before length)', async () => {
    const { body } = await world.server.gql(`{ connections(from: "person/pham-hai-trung", to: "${BQP}", first: 10) {
      steps { id } evidence { proposed inferred lowestConfidence } } }`);
    const paths = body.data.connections;
    const command = paths.findIndex(viaCommand);
    expect(command).toBeGreaterThanOrEqual(0);
    expect(paths[command].evidence).toEqual({ proposed: 0, inferred: 1, lowestConfidence: 'MEDIUM' });
    // the flag's chain is the shortest in relationships, but ranks after the command's
    const flag = paths.findIndex((p: any) => ids(p).includes(FLAG));
    if (flag >= 0) expect(flag).toBeGreaterThan(command);
    for (let i = 1; i < paths.length; i++) expect(paths[i].evidence.proposed).toBeGreaterThanOrEqual(paths[i - 1].evidence.proposed);
  });

  it('keeps only the kinds asked for, and leaves inferred facts out when asked', async () => {
    const only = await world.server.gql(
      `{ connections(from: "person/pham-hai-trung", to: "${BQP}", ties: {kinds: [OCCUPANCY, SUBORDINATION]}) { facts { __typename } } }`,
    );
    expect(only.body.data.connections.length).toBeGreaterThan(0);
    for (const p of only.body.data.connections) for (const f of p.facts) expect(['Occupancy', 'Subordination']).toContain(f.__typename);
    const strict = await world.server.gql(
      `{ connections(from: "person/pham-hai-trung", to: "${BQP}", first: 10, ties: {includeInferred: false, includeProposed: false, minConfidence: HIGH}) {
        steps { id } facts { inferred confidence } } }`,
    );
    expect(strict.body.errors).toBeUndefined();
    // the command's parent link is inferred (MEDIUM): no chain may use it now
    for (const p of strict.body.data.connections) {
      expect(ids(p)).not.toContain(LINK);
      for (const f of p.facts) expect(f).toEqual({ inferred: false, confidence: 'HIGH' });
    }
  });

  // The search meets in the middle, in rounds (chains of up to 6 relationships, then 8 — one statement
  // — then 10, 12 and, for maxHops 5–6, a last round from one end — a second); the statement that
  // walks from one end alone (meetUpTo 0) is the reference: both rank the same chains.
  it('finds, met in the middle, the chains the one-ended search finds, near (≤ 6 relationships) and far', async () => {
    const pairs = [
      ['person/nguyen-thanh-tinh', 'person/nguyen-duy-ngoc'],
      ['person/nguyen-thanh-tinh', COMMAND],
      ['person/nguyen-thanh-tinh', 'organization/doan-969/dang-uy'],
      ['person/nguyen-thanh-tinh', 'organization/bo-noi-vu'],
      ['person/pham-hai-trung', BQP],
    ];
    const lengths: number[] = [];
    for (const maxHops of [4, 6])
      for (const [from, to] of pairs) {
        const params = connectionsParams(from!, to!, maxHops, 10);
        // one at a time: each statement's first run is planned (a second or more)
        const met = [await searchRows(world.db, maxHops, params, { timeoutMs: world.db.maintenanceTimeoutMs })];
        const walked = [await searchRows(world.db, maxHops, params, { meetUpTo: 0, timeoutMs: world.db.maintenanceTimeoutMs })];
        const ranked = (rows: Row[]) => (rows[0]!.paths as Row[]).map((p) => JSON.stringify([p.score, p.worst, p.hops, (p.nodes as unknown[]).length])).sort();
        expect(ranked(met).length).toBeGreaterThan(0);
        expect(ranked(met)).toEqual(ranked(walked));
        lengths.push(Math.min(...(met[0]!.paths as Row[]).map((p) => (p.nodes as unknown[]).length - 1)));
      }
    // the pairs cover the first round (within 6 relationships), the second (7–8) and the later ones
    // (beyond 8: Nguyễn Thanh Tịnh → Bộ Nội vụ, 9)
    expect(Math.min(...lengths)).toBeLessThanOrEqual(6);
    expect(lengths.some((l) => l > 6 && l <= 8)).toBe(true);
    expect(Math.max(...lengths)).toBeGreaterThan(8);
  });

  // A search walks from both ends; with one end unknown there is nothing to find, and walking the
  // other end's neighbourhood first (a hub's: thousands of ties) would only delay the NOT_FOUND.
  it('runs no search when an end is unknown: the statement reads the two ids and stops', async () => {
    const config = testConfig();
    const driver = neo4j.driver(neo4jUri(config), neo4j.auth.basic(config.neo4j.user, config.neo4j.password ?? ''));
    const hits = async (from: string, to: string) => {
      const params = connectionsParams(from, to, 4, 3);
      const result = await driver.executeQuery(`PROFILE ${connectionsCypher(4, params)}`, params, { routing: 'READ', database: config.neo4j.database });
      return { row: result.records[0]!.toObject(), hits: sumHits(result.summary.profile as Profile) };
    };
    try {
      const known = await hits('person/pham-hai-trung', BQP);
      expect(known.row.paths.length).toBeGreaterThan(0);
      for (const [from, to] of [
        ['person/pham-hai-trung', 'person/no-such-person'],
        ['person/no-such-person', BQP],
      ]) {
        const unknown = await hits(from!, to!);
        expect(unknown.row.paths).toEqual([]);
        expect([unknown.row.a, unknown.row.b]).toContain(null);
        // the two id lookups (each by the Entity constraint, then the Redirect one), not a walk
        expect(unknown.hits).toBeLessThan(50);
        expect(unknown.hits * 20).toBeLessThan(known.hits);
      }
    } finally {
      await driver.close();
    }
  });

  it('says NOT_FOUND for an unknown id, naming the argument, rather than "not connected"', async () => {
    const { body } = await world.server.gql(`{ connections(from: "person/pham-hai-trung", to: "person/no-such-person") { hops } }`);
    expect(body.errors[0].extensions.code).toBe('NOT_FOUND');
    expect(body.errors[0].extensions.argument).toBe('to');
    expect(body.errors[0].message).toMatch(/person\/no-such-person/);
  });
});

describe('commonConnections', () => {
  const THREE = '["person/nguyen-thanh-tinh", "person/ngo-van-tuan", "person/pham-huy-giang"]';

  it('finds the conference Nguyễn Thanh Tịnh, Ngô Văn Tuấn and Phạm Huy Giang share, with how each is tied', async () => {
    const { body } = await world.server.gql(`{ commonConnections(ids: ${THREE}) {
      node { __typename id } ties { entity { id } facts { __typename sources { quote } ... on Participation { role } } } } }`);
    expect(body.errors).toBeUndefined();
    const conference = body.data.commonConnections.find((c: any) => c.node.id === EVENT);
    expect(conference.node.__typename).toBe('Event');
    expect(conference.ties.map((t: any) => t.entity.id)).toEqual(['person/nguyen-thanh-tinh', 'person/ngo-van-tuan', 'person/pham-huy-giang']);
    for (const t of conference.ties) {
      expect(t.facts.length).toBeGreaterThan(0);
      for (const f of t.facts) expect(f.sources.length).toBeGreaterThan(0);
    }
    expect(conference.ties[1].facts.map((f: any) => f.role)).toEqual(expect.arrayContaining(['OPENING_SPEAKER']));
  });

  it('agrees with shared for two ids, and shares nothing outside the filter', async () => {
    const pair = await world.server.gql(`{ commonConnections(ids: ["person/ngo-van-tuan", "person/nguyen-tuan-anh"]) { node { id } }
      shared(a: "person/ngo-van-tuan", b: "person/nguyen-tuan-anh") { node { id } } }`);
    expect(pair.body.data.commonConnections.map((c: any) => c.node.id).sort()).toEqual(pair.body.data.shared.map((c: any) => c.node.id).sort());
    const ranks = await world.server.gql(`{ commonConnections(ids: ${THREE}, ties: {kinds: [RANK_HOLDING]}) { node { id } } }`);
    expect(ranks.body.data.commonConnections).toEqual([]);
  });

  it('refuses fewer than 2 or more than 10 ids, and an unknown one', async () => {
    const one = await world.server.gql(`{ commonConnections(ids: ["person/ngo-van-tuan"]) { node { id } } }`);
    expect(one.body.errors[0].extensions.code).toBe('BAD_USER_INPUT');
    const eleven = JSON.stringify(Array.from({ length: 11 }, (_, i) => `person/x${i}`));
    const many = await world.server.gql(`{ commonConnections(ids: ${eleven}) { node { id } } }`);
    expect(many.body.errors[0].message).toMatch(/between 2 and 10/);
    const unknown = await world.server.gql(`{ commonConnections(ids: ["person/ngo-van-tuan", "event/none"]) { node { id } } }`);
    expect(unknown.body.errors[0].extensions).toMatchObject({ code: 'NOT_FOUND', argument: 'ids[1]' });
  });
});

describe('hubs (entities with more than maxTies ties)', () => {
  const degreeOf = async (ids: string[]) => {
    const rows = await world.db.read('UNWIND $ids AS id MATCH (n:Entity {id: id}) RETURN n.id AS id, COUNT { (n)<--() } AS ties', { ids });
    return new Map(rows.map((r) => [r.id as string, Number(r.ties)]));
  };
  const QUERY = (from: string, to: string, maxTies: number) =>
    `{ connections(from: "${from}", to: "${to}", maxHops: 4, first: 10, maxTies: ${maxTies}) { hops steps { id __typename } entities { id } } }`;

  it('meets at a hub both ends are tied to, and never walks through one otherwise', async () => {
    const conferenceTies = (await degreeOf([EVENT])).get(EVENT)!;
    expect(conferenceTies).toBeGreaterThan(20);
    // the conference and everything with as many ties are hubs here
    const maxTies = conferenceTies - 1;
    // Nguyễn Thanh Tịnh and Nguyễn Duy Ngọc still meet at the conference, one fact each
    const met = await world.server.gql(QUERY('person/nguyen-thanh-tinh', 'person/nguyen-duy-ngoc', maxTies));
    expect(met.body.errors).toBeUndefined();
    const viaHub = met.body.data.connections.filter((p: any) => p.entities.some((e: any) => e.id === EVENT));
    expect(viaHub.length).toBeGreaterThan(0);
    for (const p of viaHub) expect(p.entities.map((e: any) => e.id)).toEqual(['person/nguyen-thanh-tinh', EVENT, 'person/nguyen-duy-ngoc']);

    // to Phạm Hải Trung's command: with the default bound, chains through the conference and on through
    // him; with the conference a hub, chains that pass it only as a two-fact chain's middle, if any
    const COMMAND = 'organization/bo-tu-lenh-bao-ve-lang-chu-tich-ho-chi-minh';
    const wide = await world.server.gql(QUERY('person/nguyen-thanh-tinh', COMMAND, 1000));
    const narrow = await world.server.gql(QUERY('person/nguyen-thanh-tinh', COMMAND, maxTies));
    expect(wide.body.errors).toBeUndefined();
    expect(narrow.body.errors).toBeUndefined();
    const inside = (p: any): string[] => p.entities.slice(1, -1).map((e: any) => e.id);
    const degrees = await degreeOf([...new Set([...wide.body.data.connections, ...narrow.body.data.connections].flatMap(inside))]);
    const throughHub = (p: any) => inside(p).some((id) => degrees.get(id)! > maxTies) && !(p.hops === 2 && inside(p).length === 1);
    expect(wide.body.data.connections.some(throughHub)).toBe(true);
    expect(narrow.body.data.connections.some(throughHub)).toBe(false);
  });

  it('bounds maxTies', async () => {
    const { body } = await world.server.gql(QUERY('person/nguyen-thanh-tinh', 'person/nguyen-duy-ngoc', 0));
    expect(body.errors[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', argument: 'maxTies', min: 1, max: 100000 });
  });
});
