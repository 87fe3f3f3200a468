// Hostile strings against every string, ID and Date argument of every Query field (found by
// introspection, including the fields of input objects such as `filter`), as variables and as inline
// literals, and against every Mutation argument without a key and with an editor key. Whatever comes
// back: never HTTP 500, never an unexpected error, only data or errors with a stable code, no stack or
// driver error text (the server runs in production mode), and the graph is unchanged at the end.
import {
  astFromValue,
  buildASTSchema,
  buildClientSchema,
  concatAST,
  getIntrospectionQuery,
  getNamedType,
  getNullableType,
  GraphQLArgument,
  GraphQLField,
  GraphQLInputType,
  GraphQLNamedType,
  GraphQLObjectType,
  GraphQLSchema,
  isAbstractType,
  isEnumType,
  isInputObjectType,
  isLeafType,
  isListType,
  isObjectType,
  isRequiredArgument,
  isRequiredInputField,
  lexicographicSortSchema,
  print,
  printSchema,
} from 'graphql';
import { newApiKey } from '../../src/auth/api-keys';
import type { Database } from '../../src/db/database';
import { ErrorCode } from '../../src/errors';
import { loadTypeDefs } from '../../src/graphql/schema';
import { cleanTestData, graphCounts, openTestDb } from '../support/db';
import { RunningServer, startTestServer } from '../support/server';

/** Hostile strings, each with a short name for the failure report. */
const HOSTILE: Record<string, string> = {
  'single quote': "'",
  'double quote': '"',
  backtick: '`',
  'all quotes': `'"\`\\'"\``,
  backslashes: '\\\\\\',
  'cypher via single quote': "x' }) MATCH (n) DETACH DELETE n //",
  'cypher via double quote': '") RETURN 1 //',
  'cypher via backtick': 'x`) MATCH (n) DETACH DELETE n //',
  'cypher via brace': "'}) WITH 1 AS x MATCH (n) SET n.pwned = true RETURN n //",
  'apoc call': "CALL apoc.cypher.runWrite('MATCH (n) DETACH DELETE n', {}) YIELD value RETURN value",
  'cypher parameter': '$id',
  'template literal': '${process.exit(1)}',
  'template literal 2': '#{7*7} {{7*7}} ${7*7}',
  lucene: '*:* OR title:x~',
  'lucene operators': 'name:(a OR b)^10 AND NOT "c" [* TO *] /re.*/ \\ ~2 && || !',
  'lucene unbalanced': '((( "unterminated',
  'lucene wildcard only': '*',
  'sql-ish': "1' OR '1'='1' --",
  'path traversal': 'person/../../../etc/passwd',
  'url-encoded': '%27%22%00%0A',
  'escaped unicode text': '\\u0000\\u202E',
  empty: '',
  whitespace: ' \t\n\r ',
  'long 10k': 'x'.repeat(10_000),
  'long 10k quotes': `'"\``.repeat(3334),
  NUL: 'a\u0000b',
  'only NUL': '\u0000',
  'RTL override': '\u202Egnp.exe',
  'lone high surrogate': '\ud800',
  'lone low surrogate': 'x\udfffy',
  'combining marks x500': `e${'\u0301'.repeat(500)}`,
  emoji: '👩‍👩‍👧‍👦🏳️‍🌈🇻🇳',
  NFD: 'Nguyễn Thanh Tịnh'.normalize('NFD'),
  'NFD id': 'person/nguyễn-thanh-tịnh'.normalize('NFD'),
  'zero-width': 'person/\u200Bnguyen\uFEFF',
  'date-like invalid': '2024-02-30',
  'date-like far': '99999-12-31',
  'date negative': '-0001',
  'cursor-like': 'eyJ4IjoiJyBSRVRVUk4gMSAvLyJ9',
  'json-ish': '{"$ne": null}',
  'control chars': '\u0001\u0007\u001b[31m\u007f\u0085',
};

/** Error codes a client may see for bad input; INTERNAL_SERVER_ERROR is not among them. */
const STABLE_CODES = new Set<string>([
  ...Object.values(ErrorCode).filter((c) => c !== ErrorCode.INTERNAL_SERVER_ERROR),
  'GRAPHQL_VALIDATION_FAILED',
  'GRAPHQL_PARSE_FAILED',
  'BAD_USER_INPUT',
  'BAD_REQUEST',
]);

const STRING_LIKE = new Set(['String', 'ID', 'Date']);
/** Where the test writes as an editor: ids that do not exist. */
const ABSENT_ID = 'person/zz-test-injection-absent';

const editor = newApiKey('zz-test-injection-editor', 'editor');
let db: Database;
let server: RunningServer;
/**
 * The cases are made from the SDL the server is built from (the first test checks it against what
 * the running server's introspection says), so that each argument is a test of its own, with a
 * time budget of its own: the sweep's length then never depends on how busy the machine is.
 */
const schema: GraphQLSchema = buildASTSchema(concatAST(loadTypeDefs()));
/** Each sweep of one argument gets this long; it takes a few seconds on an idle machine. */
const SWEEP_TIMEOUT_MS = 180_000;
let served: GraphQLSchema;
let countsBefore: { nodes: number; relationships: number };

beforeAll(async () => {
  db = await openTestDb();
  await cleanTestData(db);
  countsBefore = await graphCounts(db);
  server = await startTestServer(db, { NODE_ENV: 'production', API_KEYS: editor.entry });
  const { body } = await server.gql(getIntrospectionQuery());
  served = buildClientSchema(body.data);
});
afterAll(async () => {
  await cleanTestData(db);
  await server.close();
  await db.close();
});

/** One place in a field's arguments that takes a string: an argument, or a field of an input-object argument. */
interface Slot {
  arg: GraphQLArgument;
  /** The input field inside the argument, when the argument is an input object. */
  inputField?: string;
  /** Whether the slot is a list (the hostile string goes in as a one-item list). */
  list: boolean;
}

function slotsOf(field: GraphQLField<unknown, unknown>): Slot[] {
  const slots: Slot[] = [];
  for (const arg of field.args) {
    const named = getNamedType(arg.type);
    if (STRING_LIKE.has(named.name)) slots.push({ arg, list: isListType(getNullableType(arg.type)) });
    else if (isInputObjectType(named)) {
      for (const f of Object.values(named.getFields())) {
        if (STRING_LIKE.has(getNamedType(f.type).name)) slots.push({ arg, inputField: f.name, list: isListType(getNullableType(f.type)) });
      }
    }
  }
  return slots;
}

/** The named type of a slot: String, ID or Date. */
function slotType(slot: Slot): string {
  const named = getNamedType(slot.arg.type);
  return slot.inputField && isInputObjectType(named) ? getNamedType(named.getFields()[slot.inputField]!.type).name : named.name;
}

/** A sane value for a required argument or input field. */
function saneValue(type: GraphQLInputType): unknown {
  const nullable = getNullableType(type);
  if (isListType(nullable)) return [saneValue(nullable.ofType)];
  const named = getNamedType(type) as GraphQLNamedType;
  if (isEnumType(named)) return named.getValues()[0]!.value;
  if (isInputObjectType(named)) {
    const out: Record<string, unknown> = {};
    for (const f of Object.values(named.getFields())) if (isRequiredInputField(f)) out[f.name] = saneValue(f.type);
    return out;
  }
  switch (named.name) {
    case 'Int':
      return 2;
    case 'Float':
      return 1.5;
    case 'Boolean':
      return false;
    case 'Date':
      return '2024';
    case 'ID':
      return ABSENT_ID;
    default:
      return 'zz-test sane text';
  }
}

/** The arguments of `field` with `hostile` in `slot` and sane values elsewhere (`first` small). */
function argumentsFor(field: GraphQLField<unknown, unknown>, slot: Slot, hostile: string): Record<string, unknown> {
  const args: Record<string, unknown> = {};
  for (const arg of field.args) {
    if (arg.name === 'first') args.first = 2;
    else if (isRequiredArgument(arg) || arg === slot.arg) args[arg.name] = saneValue(arg.type);
  }
  const value = slot.list ? [hostile] : hostile;
  if (slot.inputField) args[slot.arg.name] = { ...(args[slot.arg.name] as object), [slot.inputField]: value };
  else args[slot.arg.name] = value;
  return args;
}

/** A small selection for a field's type: its argument-free leaves, and one level of objects below. */
function selection(type: GraphQLNamedType, depth = 0): string {
  if (isLeafType(type)) return '';
  if (isAbstractType(type) || !isObjectType(type)) return '{ __typename }';
  const parts = ['__typename'];
  for (const f of Object.values((type as GraphQLObjectType).getFields())) {
    if (f.args.some(isRequiredArgument)) continue;
    const named = getNamedType(f.type);
    if (isLeafType(named)) parts.push(f.name);
    else if (depth === 0) parts.push(`${f.name} ${selection(named, 1)}`);
  }
  return `{ ${parts.join(' ')} }`;
}

/** The operation calling `field` with `args`, either as variables or as inline literals. */
function operation(kind: 'query' | 'mutation', field: GraphQLField<unknown, unknown>, args: Record<string, unknown>, inline: boolean) {
  const names = Object.keys(args);
  const sel = selection(getNamedType(field.type));
  if (inline) {
    const literal = (name: string) => {
      const arg = field.args.find((a) => a.name === name)!;
      const ast = astFromValue(args[name], arg.type);
      if (!ast) throw new Error(`no literal for ${field.name}(${name})`);
      return `${name}: ${print(ast)}`;
    };
    const list = names.length ? `(${names.map(literal).join(', ')})` : '';
    return { query: `${kind} Injection { ${field.name}${list} ${sel} }`, variables: {} };
  }
  const defs = names.map((n) => `$${n}: ${String(field.args.find((a) => a.name === n)!.type)}`).join(', ');
  const call = names.map((n) => `${n}: $${n}`).join(', ');
  return { query: `${kind} Injection${defs ? `(${defs})` : ''} { ${field.name}${call ? `(${call})` : ''} ${sel} }`, variables: args };
}

interface Case {
  label: string;
  query: string;
  variables: Record<string, unknown>;
  headers?: Record<string, string>;
  /** Codes the case must answer with (mutations); otherwise any stable code or data. */
  expectCodes?: string[];
}

/** Sends every case (a few at a time) and returns a description of each that misbehaved; prints what came back. */
async function run(title: string, cases: Case[], concurrency = 6): Promise<string[]> {
  const failures: string[] = [];
  const answers = new Map<string, number>();
  const started = Date.now();
  let next = 0;
  const worker = async () => {
    while (next < cases.length) {
      const c = cases[next++]!;
      let { status, body } = await server.gql(c.query, c.variables, c.headers);
      // shed under this sweep's own load (six at once; connection searches have a slot per core and a
      // cold plan can hold one for seconds on a slow machine): a client retries, as Retry-After says,
      // until the input itself is answered — what this test is about
      for (let retries = 0; status === 503 && body?.errors?.[0]?.extensions?.code === 'OVERLOADED' && retries < 30; retries++) {
        await new Promise((r) => setTimeout(r, 1000));
        ({ status, body } = await server.gql(c.query, c.variables, c.headers));
      }
      const text = typeof body === 'string' ? body : JSON.stringify(body);
      const problem = (why: string) => failures.push(`${c.label}: ${why} (HTTP ${status}) ${text.slice(0, 300)}`);
      if (status >= 500) problem('server error status');
      if (typeof body !== 'object' || body === null) {
        problem('not a JSON object');
        continue;
      }
      if (body.data === undefined && !Array.isArray(body.errors)) problem('neither data nor errors');
      for (const error of body.errors ?? []) {
        const code = error?.extensions?.code;
        if (!STABLE_CODES.has(code)) problem(`unstable error code ${code}`);
        else if (c.expectCodes && !c.expectCodes.includes(code)) problem(`expected ${c.expectCodes.join('/')}, got ${code}`);
      }
      if (c.expectCodes && !body.errors?.length) problem('expected an error');
      if (/stacktrace|Neo4jError|Neo\.ClientError|neo4j-driver|\.ts:\d+/.test(text)) problem('leaks internals');
      const answer = body.errors?.length ? `${status} ${[...new Set(body.errors.map((e: any) => e?.extensions?.code))].join('+')}` : `${status} data`;
      answers.set(answer, (answers.get(answer) ?? 0) + 1);
    }
  };
  await Promise.all(Array.from({ length: concurrency }, worker));
  const summary = [...answers]
    .sort((a, b) => b[1] - a[1])
    .map(([k, n]) => `${k}: ${n}`)
    .join(', ');
  console.log(`${title}: ${cases.length} requests in ${((Date.now() - started) / 1000).toFixed(1)} s; ${summary}`);
  return failures;
}

/** The cases of one argument slot of one field: every hostile string, as a variable and (reads) as a literal. */
function slotCases(
  kind: 'query' | 'mutation',
  field: GraphQLField<unknown, unknown>,
  slot: Slot,
  headers?: Record<string, string>,
  expectCodes?: (field: string) => string[] | undefined,
): Case[] {
  const cases: Case[] = [];
  for (const [name, hostile] of Object.entries(HOSTILE)) {
    const args = argumentsFor(field, slot, hostile);
    for (const inline of [false, true]) {
      // Inline literals only for reads: the parser's handling is the same for mutations.
      if (inline && kind === 'mutation') continue;
      cases.push({
        label: `${kind} ${slotLabel(field, slot)} ${inline ? 'literal' : 'variable'} [${name}]`,
        ...operation(kind, field, args, inline),
        headers,
        expectCodes: expectCodes?.(field.name),
      });
    }
  }
  return cases;
}

const slotLabel = (field: GraphQLField<unknown, unknown>, slot: Slot) => `${field.name}(${slot.arg.name}${slot.inputField ? `.${slot.inputField}` : ''})`;

/** Every (field, slot) of a root type. */
function slotsOfRoot(kind: 'query' | 'mutation'): Array<{ field: GraphQLField<unknown, unknown>; slot: Slot }> {
  const root = kind === 'query' ? schema.getQueryType()! : schema.getMutationType()!;
  return Object.values(root.getFields()).flatMap((field) => slotsOf(field).map((slot) => ({ field, slot })));
}

function fieldCases(kind: 'query' | 'mutation', headers?: Record<string, string>, expectCodes?: (field: string) => string[] | undefined): Case[] {
  return slotsOfRoot(kind).flatMap(({ field, slot }) => slotCases(kind, field, slot, headers, expectCodes));
}

it('makes its cases from the schema the server serves', () => {
  expect(printSchema(lexicographicSortSchema(schema))).toBe(printSchema(lexicographicSortSchema(served)));
});

it('covers every Query field that takes a string, an ID or a Date', () => {
  const query = Object.values(schema.getQueryType()!.getFields());
  expect(query.filter((f) => slotsOf(f).length > 0).map((f) => f.name)).toEqual(
    expect.arrayContaining([
      'node',
      'nodes',
      'person',
      'organization',
      'position',
      'event',
      'award',
      'source',
      'people',
      'organizations',
      'events',
      'sources',
      'search',
    ]),
  );
  const slotTypes = query.flatMap(slotsOf).map(slotType);
  expect(slotTypes.filter((t) => t === 'Date').length).toBeGreaterThanOrEqual(3); // people(filter.at), events(filter.from/to)
  expect(slotTypes.filter((t) => t === 'ID').length).toBeGreaterThanOrEqual(10);
});

it('sweeps more than a thousand hostile Query requests', () => {
  expect(fieldCases('query').length).toBeGreaterThan(1000);
});

describe('hostile Query arguments get data or stable errors, never a 500', () => {
  it.each(slotsOfRoot('query').map((s) => [slotLabel(s.field, s.slot), s] as const))(
    '%s',
    async (label, { field, slot }) => {
      expect(await run(`Query ${label}`, slotCases('query', field, slot))).toEqual([]);
    },
    SWEEP_TIMEOUT_MS,
  );
});

it(
  'refuses hostile Mutation arguments without a key',
  async () => {
    const cases = fieldCases('mutation', undefined, () => [ErrorCode.UNAUTHENTICATED]);
    expect(cases.length).toBeGreaterThan(100);
    expect(await run('Mutation without a key', cases)).toEqual([]);
    expect(await graphCounts(db)).toEqual(countsBefore);
  },
  SWEEP_TIMEOUT_MS,
);

it(
  'refuses hostile Mutation arguments with an editor key as bad input or not found, writing nothing',
  async () => {
    const headers = { authorization: `Bearer ${editor.key}` };
    // extractFacts reads any text (hostile text is an article with nothing in it): data or a stable
    // error; without `ingest: true` it writes nothing, which the graph counts below check.
    const expected = (field: string) =>
      field === 'ingestFacts' ? [ErrorCode.BAD_USER_INPUT] : field === 'extractFacts' ? undefined : [ErrorCode.BAD_USER_INPUT, ErrorCode.NOT_FOUND];
    const cases = fieldCases('mutation', headers, expected);
    // The facts text hostile while the source text is hostile too.
    for (const [name, hostile] of Object.entries(HOSTILE)) {
      cases.push({
        label: `mutation ingestFacts(facts, sourceText) [${name}]`,
        query: 'mutation($f: String!, $t: String!) { ingestFacts(facts: $f, sourceText: $t) { sourceId changed } }',
        variables: { f: hostile, t: hostile },
        headers,
        expectCodes: [ErrorCode.BAD_USER_INPUT],
      });
    }
    // Writes share the database: one at a time.
    expect(await run('Mutation with an editor key', cases, 1)).toEqual([]);
    expect(await graphCounts(db)).toEqual(countsBefore);
  },
  SWEEP_TIMEOUT_MS,
);

it('leaves the graph as it was', async () => {
  expect(await graphCounts(db)).toEqual(countsBefore);
});
