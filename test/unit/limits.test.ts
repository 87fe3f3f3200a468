// Query limits (src/graphql/limits) on parsed documents against the real schema (schema/*.graphql):
// depth, aliases, tokens, list fan-out cost. No I/O.
import { buildASTSchema, concatAST, getIntrospectionQuery, GraphQLError, parse, specifiedRules, validate } from 'graphql';
import { loadTypeDefs } from '../../src/graphql/schema';
import { formatError } from '../../src/graphql/format-error';
import {
  aliasLimitRule,
  DEFAULT_LIST_SIZE,
  DEFAULT_MAX_ALIASES,
  DEFAULT_MAX_COST,
  DEFAULT_MAX_DEPTH,
  DEFAULT_MAX_TOKENS,
  depthLimitRule,
  estimateCost,
  fanOutOptions,
  neighbourhoodFactCap,
  tokenLimitError,
  tokenLimitParseOptions,
} from '../../src/graphql/limits';
import { loadConfig } from '../../src/config';
import { EXAMPLES } from '../../src/ui/graphiql/examples';

const schema = buildASTSchema(concatAST(loadTypeDefs()));
const rules = [...specifiedRules, depthLimitRule(DEFAULT_MAX_DEPTH), aliasLimitRule(DEFAULT_MAX_ALIASES)];
const errorsOf = (query: string) => validate(schema, parse(query), rules);
// The arithmetic below uses a list size of 50 (the default is 20, checked under 'defaults').
// The list arithmetic on its own: no extra weights for expensive fields (tested below), no data sizes.
const options = { ...fanOutOptions(loadConfig({}).queryLimits), listSize: 50, fieldWeights: {} };
const cost = (query: string, variables?: Record<string, unknown>, operationName?: string) =>
  estimateCost({ schema, document: parse(query), variables, operationName }, options);

/** `organization(id) { parent { … name } }`: depth = parents + 2. */
const parentChain = (parents: number, inner = 'name') =>
  `{ organization(id: "organization/x") { ${'parent { '.repeat(parents)}${inner}${' }'.repeat(parents)} } }`;

describe('defaults', () => {
  it('match the configuration defaults', () => {
    const limits = loadConfig({}).queryLimits;
    expect(limits).toEqual({ maxDepth: 10, maxAliases: 30, maxTokens: 2000, maxCost: 10000, listSize: 20, sizesFromData: true });
    expect([DEFAULT_MAX_DEPTH, DEFAULT_MAX_ALIASES, DEFAULT_MAX_TOKENS, DEFAULT_MAX_COST, DEFAULT_LIST_SIZE]).toEqual([10, 30, 2000, 10000, 20]);
  });

  it.each(['MAX_QUERY_DEPTH', 'MAX_ALIASES', 'MAX_QUERY_TOKENS', 'MAX_QUERY_COST', 'QUERY_COST_LIST_SIZE'])('%s must be a positive integer', (name) => {
    expect(() => loadConfig({ [name]: '0' })).toThrow(new RegExp(`^Invalid ${name}="0": expected a positive integer`));
    expect(() => loadConfig({ [name]: 'lots' })).toThrow(name);
    expect(() => loadConfig({ [name]: '7' })).not.toThrow();
  });

  it('reads the limits from the environment', () => {
    const limits = loadConfig({
      MAX_QUERY_DEPTH: '5',
      MAX_ALIASES: '3',
      MAX_QUERY_TOKENS: '100',
      MAX_QUERY_COST: '99',
      QUERY_COST_LIST_SIZE: '7',
      QUERY_COST_FROM_DATA: 'false',
    }).queryLimits;
    expect(limits).toEqual({ maxDepth: 5, maxAliases: 3, maxTokens: 100, maxCost: 99, listSize: 7, sizesFromData: false });
  });
});

describe('depth limit', () => {
  it('accepts depth 10 and refuses depth 11 with QUERY_TOO_DEEP, the limit and the depth', () => {
    expect(errorsOf(parentChain(8))).toEqual([]);
    const errors = errorsOf(parentChain(9));
    expect(errors).toHaveLength(1);
    expect(errors[0]!.extensions).toMatchObject({ code: 'QUERY_TOO_DEEP', limit: 10, actual: 11 });
    expect(errors[0]!.message).toMatch(/depth 11 .*limit of 10/);
  });

  it('counts depth through named and inline fragments', () => {
    const viaFragments = `
      query { organization(id: "organization/x") { ...Up } }
      fragment Up on Organization { parent { parent { ... on Organization { parent { ...Up2 } } } } }
      fragment Up2 on Organization { parent { parent { parent { parent { parent { parent { name } } } } } } }`;
    // organization 1 + 3 parents + 6 parents + name = 11
    expect(errorsOf(viaFragments)[0]?.extensions).toMatchObject({ code: 'QUERY_TOO_DEEP', actual: 11 });
  });

  it('follows the configured limit', () => {
    const strict = validate(schema, parse(parentChain(2)), [depthLimitRule(3)]);
    expect(strict[0]?.extensions).toMatchObject({ code: 'QUERY_TOO_DEEP', limit: 3, actual: 4 });
  });

  it('does not count the fields under __schema and __type', () => {
    const ofType = (n: number) => `${'ofType { '.repeat(n)}name${' }'.repeat(n)}`;
    expect(errorsOf(`{ __type(name: "Person") { fields { type { ${ofType(12)} } } } }`)).toEqual([]);
    // The same nesting outside introspection is refused.
    expect(errorsOf(parentChain(15))[0]?.extensions?.code).toBe('QUERY_TOO_DEEP');
  });

  it('passes the standard introspection queries', () => {
    expect(errorsOf(getIntrospectionQuery())).toEqual([]);
    const full = getIntrospectionQuery({
      descriptions: true,
      specifiedByUrl: true,
      directiveIsRepeatable: true,
      schemaDescription: true,
      inputValueDeprecation: true,
    });
    expect(errorsOf(full)).toEqual([]);
  });

  it('survives a fragment cycle (refused by graphql-js, not by a stack overflow)', () => {
    const errors = errorsOf('{ organization(id: "x") { ...A } } fragment A on Organization { parent { ...A } }');
    expect(errors.map((e) => e.message).join()).toMatch(/Cannot spread fragment "A" within itself/);
  });
});

describe('alias limit', () => {
  const aliases = (n: number) => `{ ${Array.from({ length: n }, (_, i) => `a${i}: __typename`).join(' ')} }`;

  it('accepts 30 aliases and refuses 31 with TOO_MANY_ALIASES, the limit and the count', () => {
    expect(errorsOf(aliases(30))).toEqual([]);
    const errors = errorsOf(aliases(31));
    expect(errors).toHaveLength(1);
    expect(errors[0]!.extensions).toMatchObject({ code: 'TOO_MANY_ALIASES', limit: 30, actual: 31 });
    expect(errors[0]!.message).toMatch(/31 .*limit of 30/);
  });

  it('counts aliases in fragments once per spread', () => {
    const fields = Array.from({ length: 10 }, (_, i) => `n${i}: name`).join(' ');
    const query = `{ a: person(id: "1") { ...F } b: person(id: "2") { ...F } c: person(id: "3") { ... on Person { ...F } } }
      fragment F on Person { ${fields} }`;
    // 3 + 3 × 10
    expect(errorsOf(query)[0]?.extensions).toMatchObject({ code: 'TOO_MANY_ALIASES', actual: 33 });
  });
});

describe('token limit', () => {
  const big = (n: number) => `{ ${Array.from({ length: n }, () => '__typename').join(' ')} }`;

  it('lets the parser abandon a document over the limit; the error becomes QUERY_TOO_LARGE with the limit', () => {
    expect(() => parse(big(1998), tokenLimitParseOptions(2000))).not.toThrow(); // 1998 + 2 braces
    let error: unknown;
    try {
      parse(big(1999), tokenLimitParseOptions(2000));
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(GraphQLError);
    const mapped = tokenLimitError({ message: (error as GraphQLError).message, extensions: { code: 'GRAPHQL_PARSE_FAILED' } });
    expect(mapped).toEqual({ message: expect.stringMatching(/limit of 2000 tokens/), extensions: { code: 'QUERY_TOO_LARGE', limit: 2000 } });
  });

  it('leaves other syntax errors alone', () => {
    expect(tokenLimitError({ message: 'Syntax Error: Expected Name, found <EOF>.', extensions: { code: 'GRAPHQL_PARSE_FAILED' } })).toBeUndefined();
    expect(tokenLimitError({ message: 'Document contains more than 5 tokens', extensions: { code: 'INTERNAL_SERVER_ERROR' } })).toBeUndefined();
  });

  it('is mapped by formatError, in production too', () => {
    const message = 'Syntax Error: Document contains more that 2000 tokens. Parsing aborted.';
    for (const production of [true, false]) {
      const formatted = formatError(production)({ message, extensions: { code: 'GRAPHQL_PARSE_FAILED' } }, new GraphQLError(message));
      expect(formatted.extensions).toEqual({ code: 'QUERY_TOO_LARGE', limit: 2000 });
    }
  });
});

describe('fan-out cost', () => {
  it('counts the page of a connection, from the schema default of `first`', () => {
    expect(cost('{ people { nodes { id } } }')).toBe(20);
    expect(cost('{ people { totalCount } }')).toBe(0);
    expect(cost('{ people(first: 100) { edges { node { id } } nodes { id } } }')).toBe(200);
  });

  it('multiplies nested lists by the fixed list size', () => {
    expect(cost('{ people(first: 100) { nodes { occupancies { id } } } }')).toBe(100 + 100 * 50);
    expect(cost('{ people(first: 100) { nodes { occupancies { sources { quote } } } } }')).toBe(100 + 100 * 50 + 100 * 50 * 50);
    expect(cost('{ person(id: "x") { occupancies { position { holders { id } } } } }')).toBe(50 + 50 * 50);
  });

  it('with the defaults, lets a page of people with posts and evidence through and refuses larger fan-out', () => {
    const defaults = { ...fanOutOptions(loadConfig({}).queryLimits), fieldWeights: {} };
    const posts = (first: number) => parse(`{ people(first: ${first}) { nodes { occupancies { position { label } sources { quote source { title } } } } } }`);
    expect(estimateCost({ schema, document: posts(20) }, defaults)).toBe(20 + 20 * 20 + 20 * 20 * 20);
    expect(estimateCost({ schema, document: posts(24) }, defaults)).toBeGreaterThan(defaults.maxCost);
  });

  it('uses the configured list size', () => {
    const query = parse('{ person(id: "x") { occupancies { sources { quote } } } }');
    expect(estimateCost({ schema, document: query }, { ...options, listSize: 7 })).toBe(7 + 49);
  });

  it('reads `first` from variables, variable defaults and schema defaults', () => {
    const query = 'query($n: Int) { people(first: $n) { nodes { occupancies { id } } } }';
    expect(cost(query, { n: 10 })).toBe(10 + 10 * 50);
    expect(cost(query, {})).toBe(20 + 20 * 50); // absent: the schema's default 20
    expect(cost('query($n: Int = 5) { people(first: $n) { nodes { occupancies { id } } } }')).toBe(5 + 5 * 50);
    expect(cost('query($n: Int = 5) { people(first: $n) { nodes { occupancies { id } } } }', { n: 2 })).toBe(2 + 2 * 50);
  });

  it('caps `first` at what the resolvers accept', () => {
    expect(cost('{ people(first: 1000) { nodes { id } } }')).toBe(100);
    expect(cost('{ search(query: "x") { name } }')).toBe(10);
    expect(cost('{ search(query: "x", first: 500) { name } }')).toBe(50);
  });

  it('costs a union or interface by its costliest type, counting inline and named fragments', () => {
    const query = `{ search(query: "x", first: 50) { node { id ... on Person { occupancies { id } } ...Org } } }
      fragment Org on Organization { positions { holders { id } } }`;
    // 50 hits × max(Person: 50, Organization: 50 positions + 50 × 50 holders)
    expect(cost(query)).toBe(50 + 50 * (50 + 50 * 50));
  });

  it('counts a named fragment at each spread', () => {
    const query = `{ people(first: 10) { nodes { ...P } } a: person(id: "x") { ...P } }
      fragment P on Person { occupancies { id } }`;
    expect(cost(query)).toBe(10 + 10 * 50 + 50);
  });

  it('counts one item per id for nodes(ids)', () => {
    expect(cost('{ nodes(ids: ["a", "b", "c"]) { id } }')).toBe(3);
    expect(cost('query($ids: [ID!]!) { nodes(ids: $ids) { id ... on Person { occupancies { id } } } }', { ids: ['a', 'b'] })).toBe(2 + 2 * 50);
  });

  it('skips fields under @skip / @include', () => {
    const query = 'query($heavy: Boolean!) { people(first: 100) { nodes { occupancies @include(if: $heavy) { id } } } }';
    expect(cost(query, { heavy: false })).toBe(100);
    expect(cost(query, { heavy: true })).toBe(100 + 100 * 50);
  });

  it('does not count lists of scalars', () => {
    expect(cost('{ person(id: "x") { aliases mentions { quotes } } }')).toBe(50);
  });

  it('costs the operation asked for', () => {
    const query = 'query Light { people(first: 1) { nodes { id } } } query Heavy { people(first: 100) { nodes { occupancies { id } } } }';
    expect(cost(query, {}, 'Light')).toBe(1);
    expect(cost(query, {}, 'Heavy')).toBe(5100);
  });

  it('lets the standard introspection queries through and refuses nested introspection', () => {
    const standard = cost(getIntrospectionQuery());
    expect(standard).toBeGreaterThan(100);
    expect(standard).toBeLessThan(DEFAULT_MAX_COST);
    const full = getIntrospectionQuery({
      descriptions: true,
      specifiedByUrl: true,
      directiveIsRepeatable: true,
      schemaDescription: true,
      inputValueDeprecation: true,
    });
    expect(cost(full)).toBeLessThan(DEFAULT_MAX_COST);
    expect(cost('{ __schema { types { fields { type { fields { type { fields { type { fields { name } } } } } } } } } }')).toBeGreaterThan(DEFAULT_MAX_COST);
  });
});

describe('fan-out cost from the data and by work', () => {
  const schema = buildASTSchema(concatAST(loadTypeDefs()));
  const cost = (query: string, o: Parameters<typeof estimateCost>[1]) => estimateCost({ schema, document: parse(query) }, o);
  const base = fanOutOptions(loadConfig({}).queryLimits);

  it('sizes an unpaginated list by the data where it knows it, else by listSize', () => {
    const q = '{ people(first: 10) { nodes { occupancies { sources { quote } } } } }';
    expect(cost(q, { ...base, fieldWeights: {} })).toBe(10 + 10 * 20 + 10 * 20 * 20);
    const sizes = new Map([
      ['Person.occupancies', 3],
      ['Occupancy.sources', 2],
    ]);
    expect(cost(q, { ...base, fieldWeights: {}, listSizes: () => sizes })).toBe(10 + 10 * 3 + 10 * 3 * 2);
  });

  it('charges searches and path searches by their work', () => {
    expect(cost('{ search(query: "x", first: 10) { name } }', base)).toBe(500 + 10);
    expect(cost('{ connections(from: "a", to: "b", maxHops: 6, first: 1) { hops } }', base)).toBe(4 ** 6 + 1);
    expect(cost('{ connections(from: "a", to: "b") { hops } }', base)).toBe(4 ** 4 * 3 + 3);
  });
});

describe('fan-out cost of the graph walks, by their caps', () => {
  const schema = buildASTSchema(concatAST(loadTypeDefs()));
  const base = fanOutOptions(loadConfig({}).queryLimits);
  const cost = (query: string, variables?: Record<string, unknown>) => estimateCost({ schema, document: parse(query), variables }, base);

  it('counts a neighbourhood by the facts its depth and perHop let it take, capped at 2,000', () => {
    expect(neighbourhoodFactCap(1, 50)).toBe(50);
    expect(neighbourhoodFactCap(2, 10)).toBe(10 + 10 * 3 * 10);
    expect(neighbourhoodFactCap(3, 200)).toBe(2000);
    expect(neighbourhoodFactCap(4, 50)).toBe(0); // refused by the resolver, naming depth
    expect(cost('{ neighbourhood(id: "x") { truncated } }')).toBe(4 * 50);
    expect(cost('{ neighbourhood(id: "x", depth: 2, perHop: 50) { truncated } }')).toBe(4 * 2000);
    // a wide neighbourhood asked for twice is refused before it runs
    expect(cost('{ a: neighbourhood(id: "x", depth: 3) { truncated } b: neighbourhood(id: "y", depth: 3) { truncated } }')).toBeGreaterThan(DEFAULT_MAX_COST);
  });

  it('counts commonConnections by its ids and timeline by its first', () => {
    expect(cost('{ commonConnections(ids: ["a", "b", "c"]) { node { id } } }')).toBe(250 * 3 + 100 + 3);
    expect(cost('{ timeline(id: "x", first: 500) { label } }')).toBe(100 + 500);
  });

  it('lets every GraphiQL example run under the default limit', () => {
    for (const e of EXAMPLES) expect([e.title, cost(e.query, e.variables) <= DEFAULT_MAX_COST]).toEqual([e.title, true]);
  });
});
