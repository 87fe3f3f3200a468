// Evidence: every quote stored for the article is a verbatim substring of its text, and every fact
// the API returns carries its sources.
import { useTestServer } from '../support/server';
import { articleText, dataOf, FACT_FIELDS, seed, SOURCE_ID, API_TEST_ENV } from './api-helpers';

const world = useTestServer(API_TEST_ENV);

it('the stored article text is the seed article', async () => {
  const [row] = await world.db.read('MATCH (s:Source {id: $id}) RETURN s.text AS text', { id: SOURCE_ID });
  expect(row?.text).toBe(articleText);
  const { source } = dataOf(await world.server.gql(`{ source(id: "${SOURCE_ID}") { text } }`));
  expect(source.text).toBe(articleText);
});

it('every quote on SOURCED_FROM and MENTIONED_IN occurs verbatim in the source text', async () => {
  const rows = await world.db.read(
    `MATCH (n)-[r:SOURCED_FROM|MENTIONED_IN]->(s:Source {id: $id})
     RETURN n.id AS node, type(r) AS rel, r.quotes AS quotes, s.text AS text`,
    { id: SOURCE_ID },
  );
  const missing: string[] = [];
  let quotes = 0;
  const rels = new Set<string>();
  for (const row of rows) {
    rels.add(row.rel as string);
    const list = row.quotes as string[];
    expect(Array.isArray(list)).toBe(true);
    // a fact always has a quote; an entity the file adds without a passage (e.g. an inferred parent)
    // is tied to the source with no quotes, and the API does not list it as a mention
    if (row.rel === 'SOURCED_FROM') expect(list.length).toBeGreaterThan(0);
    for (const quote of list) {
      quotes++;
      expect(quote.trim()).not.toBe('');
      if (!(row.text as string).includes(quote)) missing.push(`${row.rel as string} ${row.node as string}: ${quote}`);
    }
  }
  expect(missing).toEqual([]);
  expect([...rels].sort()).toEqual(['MENTIONED_IN', 'SOURCED_FROM']);
  // Every fact section of the seed file is sourced from the article: the check covered them all.
  const factCount = ['occupancies', 'rankHoldings', 'participations', 'conferrals', 'memberships', 'subordinations']
    .map((k) => (seed as unknown as Record<string, unknown[]>)[k]!.length)
    .reduce((a, b) => a + b, 0);
  expect(rows.filter((r) => r.rel === 'SOURCED_FROM').length).toBe(factCount);
  expect(quotes).toBeGreaterThan(factCount);
});

it('every fact reachable from the seed (participations, occupancies, ranks, conferrals, memberships, parent links) has sources', async () => {
  // Every entity of the seed file, by id, with every list of facts the API offers on it.
  const entityIds = [seed.persons, seed.organizations, seed.events, seed.awards, seed.positions].flatMap((list) => list.map((e) => e.id));
  const data = dataOf(
    await world.server.gql(
      `query($ids: [ID!]!) { nodes(ids: $ids) { __typename id
        ... on Person {
          occupancies { ${FACT_FIELDS} holder { id } position { id } }
          ranks { ${FACT_FIELDS} rank { id } }
          participations { ${FACT_FIELDS} }
          awards { ${FACT_FIELDS} }
          memberships { ${FACT_FIELDS} } }
        ... on Organization {
          participations { ${FACT_FIELDS} }
          awards { ${FACT_FIELDS} }
          awardsGranted { ${FACT_FIELDS} }
          memberships { ${FACT_FIELDS} }
          members { ${FACT_FIELDS} }
          parentLinks { ${FACT_FIELDS} }
          childLinks { ${FACT_FIELDS} } }
        ... on Position { holders { ${FACT_FIELDS} } }
        ... on Event { participants { ${FACT_FIELDS} } conferrals { ${FACT_FIELDS} } elections { ${FACT_FIELDS} } }
        ... on Award { conferrals { ${FACT_FIELDS} } }
      } }`,
      { ids: entityIds },
    ),
  );
  expect(data.nodes.map((n: any) => n?.id)).toEqual(entityIds);
  const facts = new Map<string, any>();
  const collect = (value: unknown): void => {
    if (Array.isArray(value)) return value.forEach(collect);
    if (value && typeof value === 'object') {
      const obj = value as Record<string, unknown>;
      if ('sources' in obj && typeof obj.id === 'string') facts.set(obj.id, obj);
      for (const [k, v] of Object.entries(obj)) if (k !== 'sources') collect(v);
    }
  };
  collect(data);

  // The query reached every fact of the article…
  const stored = await world.db.read('MATCH (f:Fact)-[:SOURCED_FROM]->(:Source {id: $id}) RETURN collect(f.id) AS ids', { id: SOURCE_ID });
  const articleFacts = new Set(stored[0]!.ids as string[]);
  expect([...facts.keys()]).toEqual(expect.arrayContaining([...articleFacts]));
  expect(articleFacts.size).toBeGreaterThan(50);

  // …and none of the facts returned is unsourced.
  const unsourced = [...facts.values()].filter((f) => !f.sources.length).map((f) => f.id);
  expect(unsourced).toEqual([]);
  for (const fact of facts.values()) {
    expect(['HIGH', 'MEDIUM', 'LOW']).toContain(fact.confidence);
    expect(typeof fact.inferred).toBe('boolean');
    for (const evidence of fact.sources) {
      expect(evidence.quotes.length).toBeGreaterThan(0);
      expect(evidence.quote).toBe(evidence.quotes[0]);
    }
    if (!articleFacts.has(fact.id)) continue;
    // A fact of the article cites it, with quotes from its text.
    const cited = fact.sources.find((e: any) => e.source.id === SOURCE_ID);
    expect(cited).toBeDefined();
    for (const quote of cited.quotes) expect(articleText.includes(quote)).toBe(true);
  }
});
