// The neighbourhood of an entity as a subgraph (neutral, Cytoscape.js and graphology shapes), and a timeline.
import { CONFERENCE_ID, NAMED_OFFICIALS, TINH_ID } from './api-helpers';
import { useTestServer } from '../support/server';
import { cleanTestData, TEST_MARK } from '../support/db';
import { hopCacheStats } from '../../src/graph/hop-cache';
import { statementsOf } from '../../src/graphql/plugins/statements';

const world = useTestServer({ MAX_QUERY_COST: '100000000' });

const SUBGRAPH = `truncated cuts { entity depth total kept }
  nodes { id type label labelEn depth }
  edges { id source target type kind label labelEn field proposed basis date endDate fact { id confidence inferred } sources { quote source { id title url } } }
  cytoscape graphology`;

describe('neighbourhood', () => {
  let conference: any;
  beforeAll(async () => {
    const { body } = await world.server.gql(`{ neighbourhood(id: "${CONFERENCE_ID}", depth: 1) { root { id } ${SUBGRAPH} } }`);
    expect(body.errors).toBeUndefined();
    conference = body.data.neighbourhood;
  });

  it('holds every official the article names, each tied by an edge with a source quote', () => {
    const ids = new Set(conference.nodes.map((n: { id: string }) => n.id));
    for (const [id] of NAMED_OFFICIALS) expect(ids).toContain(id);
    expect(conference.root.id).toBe(CONFERENCE_ID);
    expect(conference.nodes[0]).toMatchObject({ id: CONFERENCE_ID, depth: 0, type: 'Event' });
    for (const e of conference.edges) {
      expect(e.sources.length).toBeGreaterThan(0);
      expect(e.sources[0].quote.length).toBeGreaterThan(0);
      expect(e.fact.id).toBe(e.id.split('#')[0]);
    }
    for (const [id] of NAMED_OFFICIALS) expect(conference.edges.some((e: any) => e.source === id && e.target === CONFERENCE_ID)).toBe(true);
  });

  it('labels edges as the model declares, and a proposal never reads as an award', () => {
    const opened = conference.edges.find((e: any) => e.source === 'person/ngo-van-tuan' && e.labelEn === 'opened');
    expect(opened).toMatchObject({ label: 'phát biểu khai mạc', kind: 'PARTICIPATION', type: 'Participation', proposed: false, date: '2024-04-10' });
    const flag = conference.edges.find((e: any) => e.source === 'organization/bo-quoc-phong' && e.target === 'award/co-thi-dua-cua-chinh-phu');
    expect(flag).toMatchObject({ label: 'được đề nghị tặng', labelEn: 'proposed for', proposed: true, kind: 'CONFERRAL' });
    // the conferral reached the conference through decidedAt: a further edge of the same fact
    const at = conference.edges.find((e: any) => e.id === `${flag.id}#decidedAt`);
    expect(at).toMatchObject({ source: 'organization/bo-quoc-phong', target: CONFERENCE_ID, field: 'decidedAt', labelEn: 'decided at', proposed: true });
  });

  it('gives Cytoscape.js elements with data.id / data.source / data.target and the provenance', () => {
    const { nodes, edges } = conference.cytoscape;
    expect(nodes.length).toBe(conference.nodes.length);
    expect(edges.length).toBe(conference.edges.length);
    const nodeIds = new Set(nodes.map((n: any) => n.data.id));
    for (const n of nodes) expect(typeof n.data.label).toBe('string');
    for (const e of edges) {
      expect(nodeIds).toContain(e.data.source);
      expect(nodeIds).toContain(e.data.target);
      expect(typeof e.data.id).toBe('string');
      expect(e.data.sources[0].quotes.length).toBeGreaterThan(0);
      expect(e.data.fact).toBeTruthy();
    }
    const flag = edges.find((e: any) => e.data.source === 'organization/bo-quoc-phong' && e.data.target === 'award/co-thi-dua-cua-chinh-phu');
    expect(flag.data).toMatchObject({
      status: 'PROPOSED',
      proposed: true,
      labelEn: 'proposed for',
      confidence: 'HIGH',
      inferred: false,
      kind: 'CONFERRAL',
      date: '2024-04-10',
      validFrom: '2024-04-10',
    });
    expect(new Set([...nodes, ...edges].map((x: any) => x.data.id)).size).toBe(nodes.length + edges.length);
  });

  it("gives graphology's serialized format", () => {
    const g = conference.graphology;
    expect(Object.keys(g).sort()).toEqual(['attributes', 'edges', 'nodes', 'options']);
    expect(g.options).toMatchObject({ type: 'directed', multi: true });
    expect(g.nodes.map((n: any) => n.key).sort()).toEqual(conference.nodes.map((n: any) => n.id).sort());
    for (const e of g.edges) expect(Object.keys(e).sort()).toEqual(['attributes', 'key', 'source', 'target']);
    expect(g.edges.find((e: any) => e.attributes.proposed).attributes.labelEn).toBe('proposed for');
  });

  it('caps fan-out per hop and says what was cut', async () => {
    const { body } = await world.server.gql(
      `{ neighbourhood(id: "${CONFERENCE_ID}", perHop: 5) { truncated cuts { entity depth total kept } edges { fact { id } } } }`,
    );
    const n = body.data.neighbourhood;
    expect(n.truncated).toBe(true);
    expect(n.cuts).toEqual([{ entity: CONFERENCE_ID, depth: 1, total: expect.any(Number), kept: 5 }]);
    expect(n.cuts[0].total).toBeGreaterThan(20);
    expect(new Set(n.edges.map((e: any) => e.fact.id)).size).toBe(5);
  });

  it("walks a post to its organisation within a hop, and a second hop to the organisation's other officials", async () => {
    const one = await world.server.gql(
      `{ neighbourhood(id: "person/nguyen-tuan-anh") { nodes { id depth } edges { source target type labelEn fact { id } } } }`,
    );
    const n1 = one.body.data.neighbourhood;
    expect(n1.nodes.map((n: any) => n.id)).toContain('organization/kiem-toan-nha-nuoc');
    expect(n1.edges.find((e: any) => e.target === 'organization/kiem-toan-nha-nuoc' && e.type === 'Position')).toMatchObject({ fact: null, labelEn: 'of' });
    const two = await world.server.gql(
      `{ neighbourhood(id: "person/nguyen-tuan-anh", depth: 2, ties: {kinds: [OCCUPANCY]}) { nodes { id depth } edges { kind } } }`,
    );
    const n2 = two.body.data.neighbourhood;
    expect(n2.nodes.find((n: any) => n.id === 'person/ngo-van-tuan')).toEqual({ id: 'person/ngo-van-tuan', depth: 2 });
    for (const e of n2.edges) expect([null, 'OCCUPANCY']).toContain(e.kind);
  });

  it("starts from a post: its organisation in the first hop, the organisation's ties in the second", async () => {
    const { body } = await world.server.gql(`{ neighbourhood(id: "position/bo-tu-phap/thu-truong", depth: 2) { nodes { id depth } } }`);
    const depths = Object.fromEntries(body.data.neighbourhood.nodes.map((n: any) => [n.id, n.depth]));
    expect(depths['organization/bo-tu-phap']).toBe(1);
    expect(depths[TINH_ID]).toBe(1);
    expect(depths['organization/chinh-phu']).toBe(2); // the ministry's parent link, reached from the organisation
  });

  it("keeps a hub's cut hop in the cache until a write, and shows the write at once", async () => {
    // perHop 4: asked by no other test, so the first read is a miss
    const query = `{ neighbourhood(id: "${CONFERENCE_ID}", perHop: 4) { cuts { entity total kept } edges { id fact { id } sources { quote } } } }`;
    const ask = async () => {
      const res = await fetch(`${world.server.url}/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ query }),
      });
      return { body: (await res.json()) as any, statements: statementsOf(res.headers.get('server-timing')) };
    };
    const first = await ask();
    const { stored, hits } = hopCacheStats();
    const again = await ask();
    expect(again.body).toEqual(first.body);
    expect(hopCacheStats().hits).toBeGreaterThan(hits);
    // one statement each: the version token, the root and its hop read together the first time; the
    // second time the hop came from the cache, the statement read the token and the root only
    expect(first.statements).toBe(1);
    expect(again.statements).toBe(1);
    const total = first.body.data.neighbourhood.cuts[0].total;
    try {
      // a new tie of the conference, written through the database door (as every importer and mutation writes)
      await world.db.write((tx) =>
        tx.run(
          `MATCH (ev:Entity {id: $event})
           CREATE (p:Entity:Agent:Person {id: 'person/${TEST_MARK}-hub-guest', name: 'Khách Thử'})
           CREATE (f:Fact:Participation {id: 'participation/${TEST_MARK}-hub-guest', role: 'attendee', confidence: 'high'})
           CREATE (f)-[:EVENT]->(ev), (f)-[:PARTICIPANT]->(p)`,
          { event: CONFERENCE_ID },
        ),
      );
      const after = await ask();
      expect(after.body.data.neighbourhood.cuts[0].total).toBe(total + 1);
      // the hop was left out of the first statement as likely cached, the token had moved: read after it
      expect(after.statements).toBe(2);
      expect(hopCacheStats().stored).toBeGreaterThan(stored);
    } finally {
      await cleanTestData(world.db);
    }
    const cleaned = await ask();
    expect(cleaned.body).toEqual(first.body);
  });

  it('leaves proposals out when asked', async () => {
    const { body } = await world.server.gql(`{ neighbourhood(id: "${CONFERENCE_ID}", ties: {includeProposed: false}) { edges { proposed } nodes { id } } }`);
    expect(body.data.neighbourhood.edges.some((e: any) => e.proposed)).toBe(false);
    expect(body.data.neighbourhood.nodes.map((n: any) => n.id)).not.toContain('award/co-thi-dua-cua-chinh-phu');
  });

  it('refuses an unknown id and arguments beyond their limits', async () => {
    const unknown = await world.server.gql(`{ neighbourhood(id: "event/none") { truncated } }`);
    expect(unknown.body.errors[0].extensions).toMatchObject({ code: 'NOT_FOUND', argument: 'id' });
    const deep = await world.server.gql(`{ neighbourhood(id: "${CONFERENCE_ID}", depth: 4) { truncated } }`);
    expect(deep.body.errors[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', argument: 'depth', max: 3 });
    const wide = await world.server.gql(`{ neighbourhood(id: "${CONFERENCE_ID}", perHop: 201) { truncated } }`);
    expect(wide.body.errors[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', argument: 'perHop', max: 200 });
  });
});

describe('timeline', () => {
  it("lists a person's dated facts in order, each with its basis, sources and what it ties", async () => {
    const { body } = await world.server.gql(
      `{ timeline(id: "${TINH_ID}") { kind label labelEn date sortDate basis proposed with { id } fact { id } sources { quote } } }`,
    );
    expect(body.errors).toBeUndefined();
    const entries = body.data.timeline;
    expect(new Set(entries.map((e: any) => e.kind))).toEqual(new Set(['OCCUPANCY', 'PARTICIPATION', 'CONFERRAL']));
    const dates = entries.map((e: any) => e.sortDate ?? '9999');
    expect(dates).toEqual([...dates].sort());
    for (const e of entries) {
      expect(e.sources.length).toBeGreaterThan(0);
      expect(e.basis).toBe('STATED');
      expect(e.with.map((w: any) => w.id)).not.toContain(TINH_ID);
    }
    const post = entries.find((e: any) => e.with.some((w: any) => w.id === 'position/bo-tu-phap/thu-truong'));
    expect(post).toMatchObject({ kind: 'OCCUPANCY', labelEn: 'holds', date: null, sortDate: '2024-04-10' });
  });

  it("lists an organisation's facts, including posts held in it and proposals (marked)", async () => {
    const { body } = await world.server.gql(
      `{ timeline(id: "organization/bo-quoc-phong", ties: {at: "2024-04-10"}) { kind labelEn proposed basis with { id } } }`,
    );
    const entries = body.data.timeline;
    const flag = entries.find((e: any) => e.kind === 'CONFERRAL');
    expect(flag).toMatchObject({ labelEn: 'proposed for', proposed: true, basis: 'STATED' });
    const noProposals = await world.server.gql(`{ timeline(id: "organization/bo-quoc-phong", ties: {includeProposed: false}) { kind proposed } }`);
    expect(noProposals.body.data.timeline.some((e: any) => e.proposed)).toBe(false);
    const unknown = await world.server.gql(`{ timeline(id: "organization/none") { kind } }`);
    expect(unknown.body.errors[0].extensions.code).toBe('NOT_FOUND');
  });
});

describe('co-service and the organisation tree', () => {
  it('finds who served in the same organisation in an overlapping period', async () => {
    const { body } = await world.server.gql(`{ person(id: "person/nguyen-tuan-anh") {
      colleagues { person { id } organization { id } mine { position { id } } theirs { position { id } } from to } } }`);
    expect(body.errors).toBeUndefined();
    const c = body.data.person.colleagues.find((x: any) => x.person.id === 'person/ngo-van-tuan');
    expect(c.organization.id).toBe('organization/kiem-toan-nha-nuoc');
    expect(c.from <= '2024-04-10' && c.to >= '2024-04-10').toBe(true);
    expect(body.data.person.colleagues.map((x: any) => x.person.id)).not.toContain('person/nguyen-tuan-anh');
    const before = await world.server.gql(`{ person(id: "person/nguyen-tuan-anh") { colleagues(at: "2010") { person { id } } } }`);
    expect(before.body.data.person.colleagues).toEqual([]);
  });

  it('finds colleagues in sub-units of an organisation, and people by a sub-tree', async () => {
    // The shared test database may hold other officials of the ministry (an importer's start-up):
    // ask on the article's date, stated only, and for people by name.
    const { body } = await world.server.gql(`{ person(id: "person/le-quang-minh") {
      within: colleagues(organization: "organization/bo-quoc-phong", at: "2024-04-10", presumed: false, first: 100) { person { id } organization { id } }
      direct: colleagues(organization: "organization/bo-quoc-phong", includeSubUnits: false, first: 100) { person { id } } }
      tree: people(filter: {organization: "organization/bo-quoc-phong", includeSubUnits: true, name: "Phạm Hải Trung"}) { nodes { id } }
      flat: people(filter: {organization: "organization/bo-quoc-phong", name: "Phạm Hải Trung"}) { nodes { id } } }`);
    expect(body.errors).toBeUndefined();
    expect(body.data.person.within.map((c: any) => c.person.id)).toContain('person/pham-hai-trung');
    for (const c of body.data.person.within) expect(c.organization.id).toBe('organization/bo-quoc-phong');
    // his own post is in a sub-unit (the General Department of Politics), not in the ministry itself
    expect(body.data.person.direct).toEqual([]);
    expect(body.data.tree.nodes.map((n: any) => n.id)).toContain('person/pham-hai-trung');
    expect(body.data.flat.nodes.map((n: any) => n.id)).not.toContain('person/pham-hai-trung');
  });

  it('lists an organisation’s ancestors, nearest first', async () => {
    const { body } = await world.server.gql(`{ organization(id: "organization/bo-tu-lenh-bao-ve-lang-chu-tich-ho-chi-minh") { ancestors { id } } }`);
    expect(body.data.organization.ancestors.map((o: any) => o.id)).toEqual(['organization/bo-quoc-phong', 'organization/chinh-phu']);
  });
});
