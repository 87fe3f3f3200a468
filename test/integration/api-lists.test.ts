// The list queries (people, organizations, events): filters, sort orders, cursor pagination, the
// parent/child links of organisations, and how bad arguments are answered.
import { fold } from '../../src/text/fold';
import { useTestServer } from '../support/server';
import { CALL_1948_ID, CONFERENCE_ID, dataOf, firstError, NAMED_OFFICIALS, notTest, seed, seedPersonIds, API_TEST_ENV, TINH_ID } from './api-helpers';

const world = useTestServer(API_TEST_ENV);

const ids = (nodes: Array<{ id: string }>) => nodes.map((n) => n.id);

describe('people', () => {
  const peopleQuery = `query($filter: PersonFilter, $orderBy: PersonOrder, $first: Int, $after: String) {
    people(filter: $filter, orderBy: $orderBy, first: $first, after: $after) {
      totalCount nodes { id name } edges { cursor node { id } }
      pageInfo { hasNextPage hasPreviousPage startCursor endCursor }
    } }`;
  const people = async (variables: Record<string, unknown>) => dataOf(await world.server.gql(peopleQuery, variables)).people;
  /** Every person, page by page (first: 100), in the given order. */
  const everyone = async (orderBy: string): Promise<string[]> => {
    const out: string[] = [];
    let after: string | null = null;
    for (;;) {
      const page = await people({ orderBy, first: 100, after });
      out.push(...ids(page.nodes));
      if (!page.pageInfo.hasNextPage) return out;
      after = page.pageInfo.endCursor;
    }
  };

  it('filter name "tinh" (no diacritics) finds Nguyễn Thanh Tịnh', async () => {
    const page = await people({ filter: { name: 'tinh' } });
    expect(ids(page.nodes)).toContain(TINH_ID);
    expect(page.totalCount).toBe(page.nodes.length);
    const exact = await people({ filter: { name: 'THANH TỊNH' } });
    expect(ids(exact.nodes)).toContain(TINH_ID);
    for (const p of exact.nodes) expect(fold(p.name)).toContain('thanh tinh'); // namesakes, if any, only
  });

  it('filter role "Thứ trưởng" returns exactly the holders of a Thứ trưởng post in the seed file', async () => {
    const posts = new Set(seed.positions.filter((p) => p.role === 'Thứ trưởng').map((p) => p.id));
    const expected = [...new Set(seed.occupancies.filter((o) => posts.has(o.position)).map((o) => o.holder))].sort();
    expect(expected).toEqual(['person/nguyen-duy-ngoc', 'person/nguyen-thanh-tinh']);
    const holders = async (role: string) =>
      ids((await people({ filter: { role }, first: 100 })).nodes)
        .filter(notTest)
        .sort();
    expect(await holders('Thứ trưởng')).toEqual(expected);
    // Diacritic-insensitive, and the English role works too.
    expect(await holders('thu truong')).toEqual(expected);
    expect(await holders('Deputy Minister')).toEqual(expected);
  });

  it('filter organization "organization/bo-cong-an" finds Nguyễn Duy Ngọc', async () => {
    const page = await people({ filter: { organization: 'organization/bo-cong-an' } });
    expect(ids(page.nodes).filter(notTest)).toEqual(['person/nguyen-duy-ngoc']);
    expect((await people({ filter: { organization: 'organization/bo-cong-an', at: '2019' } })).totalCount).toBe(0);
  });

  it('orderBy NAME_DESC is the reverse of NAME_ASC', async () => {
    const asc = await everyone('NAME_ASC');
    const desc = await everyone('NAME_DESC');
    expect(asc).toEqual(expect.arrayContaining([...seedPersonIds]));
    expect(desc).toEqual([...asc].reverse());
    // Diacritics are ignored: Đặng sorts as "dang", before Hồ and Lê (not after every ASCII name).
    const at = (id: string) => asc.indexOf(id);
    expect(at('person/dang-cong-huan')).toBeLessThan(at('person/ho-chi-minh'));
    expect(at('person/ho-chi-minh')).toBeLessThan(at('person/le-quang-minh'));
    expect(at('person/nguyen-tuan-anh')).toBeLessThan(at('person/pham-hai-trung'));
  });

  /** Walks `people(filter)` three at a time; checks each page's shape on the way. */
  const walk = async (filter: Record<string, unknown> | null) => {
    const walked: Array<{ id: string; name: string }> = [];
    const totals = new Set<number>();
    let after: string | null = null;
    let last: any;
    for (let pageNo = 0; pageNo < 1000; pageNo++) {
      last = await people({ filter, first: 3, after });
      walked.push(...last.nodes);
      totals.add(last.totalCount);
      expect(last.pageInfo.hasPreviousPage).toBe(pageNo > 0);
      expect(last.edges.map((e: any) => e.node.id)).toEqual(ids(last.nodes));
      expect(last.pageInfo.endCursor).toBe(last.edges[last.edges.length - 1]?.cursor ?? null);
      if (!last.pageInfo.hasNextPage) break;
      expect(last.nodes.length).toBe(3);
      after = last.pageInfo.endCursor;
    }
    expect(last.pageInfo.hasNextPage).toBe(false);
    return { walked, totals: [...totals], lastTotal: last.totalCount as number };
  };

  it("first: 3 walks the conference's people once each: no duplicates, no gaps, totalCount = number walked", async () => {
    const { walked, totals } = await walk({ event: CONFERENCE_ID });
    expect(ids(walked).sort()).toEqual(NAMED_OFFICIALS.map(([id]) => id).sort());
    expect(totals).toEqual([NAMED_OFFICIALS.length]);
    expect(ids(walked)).toEqual(ids((await people({ filter: { event: CONFERENCE_ID }, first: 100 })).nodes));
  });

  it('first: 3 walks every person once, in name order: no duplicates, no gaps, totalCount = number walked', async () => {
    const { walked, lastTotal } = await walk(null);
    const walkedIds = ids(walked);
    expect(new Set(walkedIds).size).toBe(walkedIds.length);
    expect(walkedIds).toEqual(expect.arrayContaining([...seedPersonIds]));
    const keys = walked.map((p) => [fold(p.name), p.id] as const);
    for (let i = 1; i < keys.length; i++) {
      const [a, b] = [keys[i - 1]!, keys[i]!];
      expect(a[0] < b[0] || (a[0] === b[0] && a[1] < b[1])).toBe(true);
    }
    expect(lastTotal).toBe(walked.length);
    expect(walkedIds).toEqual(await everyone('NAME_ASC'));
  });

  it('first: 101 is refused with BAD_USER_INPUT naming `first`', async () => {
    const error = firstError(await world.server.gql(peopleQuery, { first: 101 }));
    expect(error.extensions?.code).toBe('BAD_USER_INPUT');
    expect(error.message).toMatch(/\bfirst\b/);
    expect(error.extensions?.argument).toBe('first');
  });

  it('a garbage `after` is refused with BAD_USER_INPUT', async () => {
    for (const after of ['garbage', Buffer.from('[1]').toString('base64url'), Buffer.from('{"a":1}').toString('base64url')]) {
      const error = firstError(await world.server.gql(peopleQuery, { after }));
      expect(error.extensions?.code).toBe('BAD_USER_INPUT');
      expect(error.message).toMatch(/\bafter\b/);
    }
  });
});

describe('organizations', () => {
  it('filter classification [MINISTRY] returns the ministries, and only them', async () => {
    const { organizations } = dataOf(
      await world.server.gql('{ organizations(filter: {classification: [MINISTRY]}, first: 100) { totalCount nodes { id classification } } }'),
    );
    const expected = seed.organizations
      .filter((o) => o.classification === 'ministry')
      .map((o) => o.id)
      .sort();
    expect(expected.length).toBeGreaterThan(1);
    for (const o of organizations.nodes) expect(o.classification).toBe('MINISTRY');
    expect(ids(organizations.nodes).filter(notTest).sort()).toEqual(expected);
    expect(organizations.totalCount).toBe(organizations.nodes.length);
  });

  it('Cục Cảnh sát giao thông is part of Bộ Công an, and is among its children', async () => {
    const id = 'organization/bo-cong-an/cuc-canh-sat-giao-thong';
    expect(seed.organizations.find((o) => o.id === id)?.name).toBe('Cục Cảnh sát giao thông');
    const data = dataOf(
      await world.server.gql(`{
        child: organization(id: "${id}") { name parent { id name } }
        bca: organization(id: "organization/bo-cong-an") { children { id } }
        filtered: organizations(filter: {parent: "organization/bo-cong-an"}) { nodes { id } }
      }`),
    );
    expect(data.child).toEqual({ name: 'Cục Cảnh sát giao thông', parent: { id: 'organization/bo-cong-an', name: 'Bộ Công an' } });
    expect(ids(data.bca.children)).toContain(id);
    expect(ids(data.filtered.nodes)).toContain(id);
  });

  it('every parent link is a sourced fact with a confidence; links added from knowledge say inferred: true', async () => {
    const { nodes } = dataOf(
      await world.server.gql(
        `query($ids: [ID!]!) { nodes(ids: $ids) { id ... on Organization { parentLinks {
          id relation confidence inferred note child { id } parent { id } sources { quote source { id } } } } } }`,
        { ids: seed.organizations.map((o) => o.id) },
      ),
    );
    const links = nodes.flatMap((o: any) => o.parentLinks.map((l: any) => ({ ...l, of: o.id })));
    expect(links.length).toBe(seed.subordinations.length);
    for (const link of links) {
      expect(link.child.id).toBe(link.of);
      expect(['HIGH', 'MEDIUM', 'LOW']).toContain(link.confidence);
      expect(link.sources.length).toBeGreaterThan(0);
      for (const s of link.sources) expect(s.quote).not.toBe('');
      const stated = seed.subordinations.find((s) => s.child === link.child.id && s.parent === link.parent.id && s.relation.toUpperCase() === link.relation);
      expect(stated).toBeDefined();
      expect(link.inferred).toBe(stated!.inferred);
      if (link.inferred) expect(link.note).toEqual(expect.stringMatching(/\S/));
    }
    expect(links.some((l: any) => l.inferred)).toBe(true);
    expect(links.some((l: any) => !l.inferred)).toBe(true);
    const bca = links.find((l: any) => l.of === 'organization/bo-cong-an' && l.parent.id === 'organization/chinh-phu');
    expect(bca).toMatchObject({ inferred: true, confidence: 'MEDIUM', relation: 'PART_OF' });
  });
});

describe('events', () => {
  const eventsQuery = `query($filter: EventFilter, $orderBy: EventOrder) {
    events(filter: $filter, orderBy: $orderBy, first: 100) { totalCount nodes { id startDate } } }`;
  const events = async (variables: Record<string, unknown>) => dataOf(await world.server.gql(eventsQuery, variables)).events;

  it('from "2024-04" to "2024-04" returns the conference; from "2025" does not', async () => {
    expect(ids((await events({ filter: { from: '2024-04', to: '2024-04' } })).nodes)).toEqual([CONFERENCE_ID]);
    expect(ids((await events({ filter: { from: '2025' } })).nodes)).not.toContain(CONFERENCE_ID);
    expect(ids((await events({ filter: { to: '2024-03' } })).nodes)).not.toContain(CONFERENCE_ID);
  });

  it('DATE_ASC puts the 1948 call first; DATE_DESC puts the conference first', async () => {
    const asc = await events({ orderBy: 'DATE_ASC' });
    expect(ids(asc.nodes)).toEqual(expect.arrayContaining(seed.events.map((e) => e.id)));
    expect(asc.nodes[0]).toEqual({ id: CALL_1948_ID, startDate: '1948-06-11' });
    const dated = asc.nodes.filter((e: any) => e.startDate);
    expect(dated.map((e: any) => e.startDate)).toEqual([...dated.map((e: any) => e.startDate)].sort());
    const desc = await events({ orderBy: 'DATE_DESC' });
    expect(desc.nodes[0]).toEqual({ id: CONFERENCE_ID, startDate: '2024-04-10' });
  });
});

describe('bad input', () => {
  it('a Date argument "2024-13" is a GraphQL error naming Date (literal and variable)', async () => {
    const literal = await world.server.gql(`{ person(id: "${TINH_ID}") { occupancies(at: "2024-13") { id } } }`);
    const literalError = firstError(literal);
    expect(['BAD_USER_INPUT', 'GRAPHQL_VALIDATION_FAILED']).toContain(literalError.extensions?.code);
    expect(literalError.message).toMatch(/\bDate\b/);
    expect(literal.body.data).toBeUndefined();

    const variable = await world.server.gql('query($at: Date) { position(id: "position/bo-tu-phap/thu-truong") { holders(at: $at) { id } } }', {
      at: '2024-13',
    });
    const variableError = firstError(variable);
    expect(['BAD_USER_INPUT', 'GRAPHQL_VALIDATION_FAILED']).toContain(variableError.extensions?.code);
    expect(variableError.message).toMatch(/\bDate\b/);

    const inFilter = firstError(await world.server.gql('{ events(filter: {from: "2024-13"}) { totalCount } }'));
    expect(inFilter.message).toMatch(/\bDate\b/);
  });

  it('search with first: 0 is BAD_USER_INPUT', async () => {
    const error = firstError(await world.server.gql('{ search(query: "nguyen", first: 0) { name } }'));
    expect(error.extensions?.code).toBe('BAD_USER_INPUT');
    expect(error.message).toMatch(/\bfirst\b/);
  });
});

describe('people by period', () => {
  // The seed saw Nguyễn Thanh Tịnh as Thứ trưởng Bộ Tư pháp on 2024-04-10 only: that day is STATED,
  // a term forward and two years back are PRESUMED, the rest unknown.
  it('finds holders of a post during a date range, and not outside it', async () => {
    const q = `query($f: PersonFilter) { people(filter: $f, first: 50) { nodes { id } } }`;
    const ids = async (filter: Record<string, string | boolean>) =>
      ((await world.server.gql(q, { f: filter })).body.data.people.nodes as Array<{ id: string }>).map((n) => n.id);
    const org = 'organization/bo-tu-phap';
    expect(await ids({ organization: org, from: '2024-01', to: '2024-06' })).toContain('person/nguyen-thanh-tinh');
    expect(await ids({ organization: org, from: '2024-01', to: '2024-06', presumed: false })).toContain('person/nguyen-thanh-tinh');
    expect(await ids({ organization: org, from: '2025' })).toContain('person/nguyen-thanh-tinh'); // presumed: no end known
    expect(await ids({ organization: org, from: '2025', presumed: false })).not.toContain('person/nguyen-thanh-tinh');
    expect(await ids({ organization: org, to: '2023' })).toContain('person/nguyen-thanh-tinh'); // presumed back
    expect(await ids({ organization: org, to: '2023', presumed: false })).not.toContain('person/nguyen-thanh-tinh');
    expect(await ids({ organization: org, from: '2018', to: '2021' })).not.toContain('person/nguyen-thanh-tinh'); // beyond any presumption
    expect(await ids({ organization: org, from: '2030' })).not.toContain('person/nguyen-thanh-tinh'); // a post seen once is not held for ever
  });
});
