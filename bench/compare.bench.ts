// `npm run bench [-- --people 100000 --seconds 10 --connections 10 --rebuild --writer import|cypher --baseline]`: this API (b) side by
// side with hand-written Cypher through neo4j-driver — in managed read transactions (a, executeRead as
// the driver's manual writes it) and in auto-commit ones (a′, as the API runs its reads) — and
// @neo4j/graphql 7 (c), over the same generated world (bench/world.ts: people with current and ended
// posts, events, bloc memberships) in the local Neo4j. For each query of the mix it first checks
// that all four return the same content, then runs a, a′, b, c in turn for `seconds` each with
// autocannon, twice (interleaved, so a drift of the machine hits all alike), counting any response
// whose body differs from the checked one as an error. Prints and writes to BENCHMARKS.md:
// p50/p95/p99, throughput, b/a, b/a′ and b/c, the statements per operation (b's Server-Timing), and
// PROFILE db hits of a's and b's statements — b's compared with bench/db-hits.baseline.json (written
// with --baseline), so a regression shows whatever the machine's speed. Run by hand on a quiet
// machine; never a test.
import fs from 'node:fs';
import path from 'node:path';
import autocannon from 'autocannon';
import { openDatabase } from '../src/bootstrap';
import { type Config, loadConfig } from '../src/config';
import type { Database } from '../src/db/database';
import { statementsOf } from '../src/graphql/plugins/statements';
import { luceneQuery, queryTerms } from '../src/graph/search';
import { createLogger } from '../src/log';
import { startApi } from './api-process';
import type { Driver } from 'neo4j-driver';
import { buildContext } from '../src/graphql/context';
import { buildServer } from '../src/server/app';
import { CONNECTIONS_BY_HOPS, driverFor, startPeer, startRaw, withIntegers } from './peers';
import { tieParams } from '../src/graph/ties';
import { DEFAULT_MAX_TIES } from '../src/graph/connections';
import { personName } from './world';
import { buildWorld, worldWriter } from './world-build';

const arg = (name: string, fallback: number) => {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? Number(process.argv[i + 1]) : fallback;
};
const PEOPLE = arg('people', 100000);
const SECONDS = arg('seconds', 10);
const CONNECTIONS = arg('connections', 10);

/** The engines measured: (a) raw Cypher in managed read transactions, (a′) the same in auto-commit ones, (b) this API, (c) @neo4j/graphql. */
const ENGINES = ['a', 'a2', 'b', 'c'] as const;
type Engine = (typeof ENGINES)[number];

interface Target {
  url: string;
  body: string;
}
interface Query {
  name: string;
  /** (b) and (c): GraphQL; (a): the name of its Cypher in RAW. */
  ours: { query: string; variables: Record<string, unknown> };
  peer: { query: string; variables: Record<string, unknown> };
  raw: { cypher: string; params: Record<string, unknown> };
  /** The content the three must agree on, from each one's data. */
  content: { ours: (d: any) => unknown; peer: (d: any) => unknown; raw: (d: any) => unknown };
}

/** Canonical JSON: object keys sorted, lists sorted, one-element lists (a peer's relationship lists) unwrapped, strings lower-cased (enum values). */
function canonical(value: unknown): unknown {
  if (Array.isArray(value)) {
    const items = value.map(canonical);
    return items.length === 1 && !Array.isArray(items[0]) && typeof items[0] === 'object'
      ? items[0]
      : items.sort((x, y) => JSON.stringify(x).localeCompare(JSON.stringify(y)));
  }
  if (value && typeof value === 'object')
    return Object.fromEntries(
      Object.keys(value)
        .sort()
        .map((k) => [k, canonical((value as Record<string, unknown>)[k])]),
    );
  return typeof value === 'string' ? value.toLowerCase() : value;
}

const POSTS = 'occupancies { id status startDate endDate position { id role label } }';
const NESTED =
  'occupancies { id position { id role organization { id name } } } participations { id role event { id name startDate } } memberships { id role organization { id name } }';
const same = (d: unknown) => d;

function mix(ids: { person: string; other: string; name: string }): Query[] {
  const lucene = luceneQuery(queryTerms(ids.name));
  return [
    {
      name: 'person by id → posts',
      ours: { query: `query($id: ID!) { person(id: $id) { id name ${POSTS} } }`, variables: { id: ids.person } },
      peer: { query: `query($id: ID!) { people(where: { id: { eq: $id } }) { id name ${POSTS} } }`, variables: { id: ids.person } },
      raw: {
        cypher: `MATCH (p:Person {id: $id}) RETURN p {.id, .name, occupancies: [(p)<-[:HOLDER]-(o:Occupancy) | o {.id, .status, .startDate, .endDate, position: head([(o)-[:POSITION]->(pos:Position) | pos {.id, .role, .label}])}]}`,
        params: { id: ids.person },
      },
      content: { ours: (d) => d.person, peer: (d) => d.people[0], raw: same },
    },
    {
      name: 'first 20 people → posts → org',
      ours: { query: `{ people(first: 20) { nodes { id name occupancies { id status position { id role organization { id name } } } } } }`, variables: {} },
      peer: {
        query: `{ people(limit: 20, sort: [{ nameFolded: ASC }, { id: ASC }]) { id name occupancies { id status position { id role organization { id name } } } } }`,
        variables: {},
      },
      raw: {
        cypher: `MATCH (p:Person) WHERE p.nameFolded >= '' WITH p ORDER BY p.nameFolded, p.id LIMIT 20
                 RETURN collect(p {.id, .name, occupancies: [(p)<-[:HOLDER]-(o:Occupancy) | o {.id, .status, position: head([(o)-[:POSITION]->(pos:Position) | pos {.id, .role, organization: head([(pos)-[:ORGANIZATION]->(org:Organization) | org {.id, .name}])}])}]})`,
        params: {},
      },
      content: { ours: (d) => d.people.nodes, peer: (d) => d.people, raw: same },
    },
    {
      name: 'search',
      ours: {
        query: `query($q: String!) { search(query: $q, first: 20, types: [PERSON]) { node { id ... on Person { name } } } }`,
        variables: { q: ids.name },
      },
      peer: { query: `query($q: String!) { peopleSearch(phrase: $q, first: 20) { edges { node { id name } } } }`, variables: { q: lucene } },
      raw: {
        cypher: `CALL db.index.fulltext.queryNodes('search_names', $lucene, {limit: 500}) YIELD node, score WHERE node:Person
                 WITH node, score ORDER BY score DESC, node.id LIMIT 20 RETURN collect(node {.id, .name})`,
        params: { lucene },
      },
      content: { ours: (d) => d.search.map((h: any) => h.node), peer: (d) => d.peopleSearch.edges.map((e: any) => e.node), raw: same },
    },
    {
      name: '2-hop nested (posts, events, memberships)',
      ours: { query: `query($id: ID!) { person(id: $id) { id name ${NESTED} } }`, variables: { id: ids.person } },
      peer: { query: `query($id: ID!) { people(where: { id: { eq: $id } }) { id name ${NESTED} } }`, variables: { id: ids.person } },
      raw: {
        cypher: `MATCH (p:Person {id: $id}) RETURN p {.id, .name,
                   occupancies: [(p)<-[:HOLDER]-(o:Occupancy) | o {.id, position: head([(o)-[:POSITION]->(pos:Position) | pos {.id, .role, organization: head([(pos)-[:ORGANIZATION]->(org:Organization) | org {.id, .name}])}])}],
                   participations: [(p)<-[:PARTICIPANT]-(x:Participation) | x {.id, .role, event: head([(x)-[:EVENT]->(e:Event) | e {.id, .name, .startDate}])}],
                   memberships: [(p)<-[:MEMBER]-(m:Membership) | m {.id, .role, organization: head([(m)-[:ORGANIZATION]->(org:Organization) | org {.id, .name}])}]}`,
        params: { id: ids.person },
      },
      content: { ours: (d) => d.person, peer: (d) => d.people[0], raw: same },
    },
    {
      name: 'connections ≤ 4 hops',
      ours: { query: `query($a: ID!, $b: ID!) { connections(from: $a, to: $b, maxHops: 4, first: 5) { hops } }`, variables: { a: ids.person, b: ids.other } },
      peer: { query: `query($a: ID!, $b: ID!) { connectionHops(from: $a, to: $b, maxHops: 4) }`, variables: { a: ids.person, b: ids.other } },
      raw: { cypher: CONNECTIONS_BY_HOPS, params: { ...tieParams(null), from: ids.person, to: ids.other, maxHops: 4, first: 5, maxTies: DEFAULT_MAX_TIES } },
      content: { ours: (d) => Math.min(...d.connections.map((c: any) => c.hops)), peer: (d) => d.connectionHops, raw: same },
    },
  ];
}

async function post(url: string, body: string): Promise<{ text: string; statements: number | null }> {
  const res = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body });
  const text = await res.text();
  if (res.status !== 200) throw new Error(`${url}: HTTP ${res.status}: ${text.slice(0, 300)}`);
  const parsed = JSON.parse(text) as { errors?: unknown[] };
  if (parsed.errors) throw new Error(`${url}: ${JSON.stringify(parsed.errors).slice(0, 500)}`);
  return { text, statements: statementsOf(res.headers.get('server-timing')) };
}

/** autocannon for `seconds`; every body must equal `expect` (an error in a 200 counts as a mismatch). */
async function load(target: Target, expect: string) {
  const latencies: number[] = [];
  const instance = autocannon(
    {
      url: target.url,
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: target.body,
      connections: CONNECTIONS,
      duration: SECONDS,
      expectBody: expect,
    },
    () => undefined,
  );
  instance.on('response', (_client: unknown, _status: number, _bytes: number, ms: number) => latencies.push(ms));
  const result = await new Promise<autocannon.Result>((resolve) => instance.on('done', resolve));
  latencies.sort((x, y) => x - y);
  const p = (q: number) => latencies[Math.min(latencies.length - 1, Math.floor(q * latencies.length))] ?? NaN;
  const bad = result.non2xx + result.errors + result.timeouts + (result as unknown as { mismatches: number }).mismatches;
  return { p50: p(0.5), p95: p(0.95), p99: p(0.99), rps: result.requests.total / SECONDS, bad, total: result.requests.total };
}

/** The world of PEOPLE people, built unless it is there (or --rebuild): the database handle to go on with, and what was done. */
async function ensureWorld(config: Config, db: Database): Promise<{ db: Database; world: string }> {
  const [have] = await db.read("MATCH (o:Occupancy) WHERE o.id STARTS WITH 'occupancy/bench-' RETURN count(o) AS n");
  if (Number(have?.n) === PEOPLE * 2 && !process.argv.includes('--rebuild')) return { db, world: 'existing world' };
  await db.close();
  const built = await buildWorld(config, PEOPLE, worldWriter(config), (m) => process.stdout.write(`\r${m}   `));
  return { db: built.db, world: built.summary };
}

type Profile = { dbHits: number; children: Profile[] };
const sumHits = (p: Profile | false | undefined): number => (p ? p.dbHits + p.children.reduce((s, c) => s + sumHits(c), 0) : 0);

/** PROFILE db hits of one statement. */
async function dbHits(driver: Driver, cypher: string, params: Record<string, unknown>): Promise<number> {
  const result = await driver.executeQuery(`PROFILE ${cypher}`, params, { routing: 'READ' });
  return sumHits(result.summary.profile as Profile | false);
}

/** PROFILE db hits of every statement the API sends for an operation: an in-process server whose database records them. */
async function oursDbHits(db: Database, driver: Driver, operation: { query: string; variables: Record<string, unknown> }): Promise<number> {
  const sent: Array<[string, Record<string, unknown>]> = [];
  const recording = Object.create(db) as Database;
  recording.read = (cypher, params = {}, timeout) => {
    sent.push([cypher, params]);
    return db.read(cypher, params, timeout);
  };
  const config = loadConfig({ ...process.env, LOG_LEVEL: 'silent', QUERY_COST_FROM_DATA: 'false' });
  const server = await buildServer({ config, db: recording, log: createLogger(config) });
  try {
    const res = await server.apollo.executeOperation(operation, { contextValue: buildContext(recording, createLogger(config), 'bench') });
    if (res.body.kind !== 'single' || res.body.singleResult.errors) throw new Error(`profile: ${JSON.stringify(res.body).slice(0, 300)}`);
  } finally {
    await server.stop();
  }
  let hits = 0;
  // undefined is not a Cypher value (the Database sends it as null)
  for (const [cypher, params] of sent) hits += await dbHits(driver, cypher, Object.fromEntries(Object.entries(params).map(([k, v]) => [k, v ?? null])));
  return hits;
}

async function main(): Promise<void> {
  const config = loadConfig({ ...process.env, QUERY_TIMEOUT_MS: '60000' });
  const uri = config.neo4j.uri ?? `bolt://127.0.0.1:${config.localNeo4j.port}`;
  const { db, world } = await ensureWorld(config, await openDatabase(config, createLogger({ logLevel: 'warn' })));
  console.log(`\n${world}`);
  const [pair] = await db.read(
    `MATCH (a:Person)<-[:PARTICIPANT]-(:Participation)-[:EVENT]->(:Event)<-[:EVENT]-(:Participation)-[:PARTICIPANT]->(b:Person)
     WHERE a.id STARTS WITH 'person/bench-' AND a <> b AND EXISTS { (a)<-[:MEMBER]-() } AND b.id STARTS WITH 'person/bench-'
     RETURN a.id AS a, b.id AS b ORDER BY a.id LIMIT 1`,
  );
  const fallback = await db.read("MATCH (a:Person {id: 'person/bench-1'}) RETURN a.id AS a, 'person/bench-2' AS b");
  // a name no other name starts like (bế, xuân, cường), so that every engine finds the same few namesakes
  const ids = { person: String((pair ?? fallback[0])!.a), other: String((pair ?? fallback[0])!.b), name: personName(1137) };
  const queries = mix(ids);
  const driver = driverFor(uri);
  const rawQueries = Object.fromEntries(queries.map((q, i) => [`q${i}`, q.raw.cypher]));
  const raw = await startRaw(driver, rawQueries, 4711);
  const rawAuto = await startRaw(driver, rawQueries, 4714, { autoCommit: true });
  const peer = await startPeer(driver, 4712);
  const ours = await startApi(4713);
  const rows: string[] = [];
  const baselineFile = path.join(__dirname, 'db-hits.baseline.json');
  const baseline = fs.existsSync(baselineFile) ? (JSON.parse(fs.readFileSync(baselineFile, 'utf8')) as Record<string, number>) : {};
  const hits: Record<string, number> = {};
  const regressions: string[] = [];
  try {
    for (const [i, q] of queries.entries()) {
      const targets = {
        a: { url: `${raw.url}/q${i}`, body: JSON.stringify(q.raw.params) },
        a2: { url: `${rawAuto.url}/q${i}`, body: JSON.stringify(q.raw.params) },
        b: { url: `${ours.url}/graphql`, body: JSON.stringify(q.ours) },
        c: { url: `${peer.url}/`, body: JSON.stringify(q.peer) },
      };
      // the same content from all three, and the bodies every later response must equal
      const answers = {
        a: await post(targets.a.url, targets.a.body),
        a2: await post(targets.a2.url, targets.a2.body),
        b: await post(targets.b.url, targets.b.body),
        c: await post(targets.c.url, targets.c.body),
      };
      const content = {
        a: canonical(q.content.raw(JSON.parse(answers.a.text).data)),
        a2: canonical(q.content.raw(JSON.parse(answers.a2.text).data)),
        b: canonical(q.content.ours(JSON.parse(answers.b.text).data)),
        c: canonical(q.content.peer(JSON.parse(answers.c.text).data)),
      };
      for (const k of ['a', 'a2', 'c'] as const)
        if (JSON.stringify(content[k]) !== JSON.stringify(content.b))
          throw new Error(`${q.name}: ${k} and b differ:\n${JSON.stringify(content[k]).slice(0, 800)}\n${JSON.stringify(content.b).slice(0, 800)}`);
      const results: Record<Engine, Array<Awaited<ReturnType<typeof load>>>> = { a: [], a2: [], b: [], c: [] };
      for (let round = 0; round < 2; round++) for (const k of ENGINES) results[k].push(await load(targets[k], answers[k].text));
      const best = (k: Engine) => {
        const r = results[k];
        const med = (f: (x: (typeof r)[0]) => number) => r.map(f).reduce((s, v) => s + v, 0) / r.length;
        return { p50: med((x) => x.p50), p95: med((x) => x.p95), p99: med((x) => x.p99), rps: med((x) => x.rps), bad: r.reduce((s, x) => s + x.bad, 0) };
      };
      const [a, a2, b, c] = [best('a'), best('a2'), best('b'), best('c')];
      const hitsA = await dbHits(driver, q.raw.cypher, withIntegers(q.raw.params));
      const hitsB = await oursDbHits(db, driver, q.ours);
      // db hits are the machine-independent cost: more than the kept baseline (+10%) is a regression
      hits[q.name] = hitsB;
      if (baseline[q.name] !== undefined && hitsB > baseline[q.name]! * 1.1) regressions.push(`${q.name}: ${hitsB} db hits, baseline ${baseline[q.name]}`);
      const cell = (x: typeof a) => `${x.p50.toFixed(0)}/${x.p95.toFixed(0)}/${x.p99.toFixed(0)} · ${x.rps.toFixed(0)}/s`;
      const row = `| ${q.name} | ${cell(a)} | ${cell(a2)} | ${cell(b)} | ${cell(c)} | ${(b.p50 / a.p50).toFixed(2)}× · ${(b.p50 / a2.p50).toFixed(2)}× | ${(b.p50 / c.p50).toFixed(2)}× · ${(b.rps / c.rps).toFixed(2)}× | ${answers.b.statements ?? '?'} | ${hitsA} / ${hitsB} | ${a.bad + a2.bad + b.bad + c.bad} |`;
      console.log(row);
      rows.push(row);
    }
  } finally {
    ours.server.kill('SIGTERM');
    await raw.close();
    await rawAuto.close();
    await peer.close();
    await driver.close();
    await db.close();
  }
  const table = [
    `Machine: ${process.env.BENCH_MACHINE ?? '2 cores, 24 GiB'}; Node ${process.version}; Neo4j 5.26 (local launcher); @neo4j/graphql 7.6.3. ${world}.`,
    `Command: \`npm run bench -- --people ${PEOPLE} --seconds ${SECONDS} --connections ${CONNECTIONS}\` — each cell p50/p95/p99 ms · requests/s, the mean of two interleaved rounds.`,
    '',
    '| query | raw (a) | raw, auto-commit (a′) | ours (b) | @neo4j/graphql (c) | b/a · b/a′ p50 | b/c p50 · throughput | statements (b) | db hits a / b | bad bodies |',
    '|---|---|---|---|---|---|---|---|---|---|',
    ...rows,
  ].join('\n');
  console.log(`\n${table}`);
  if (regressions.length) console.log(`\nDB HITS ABOVE THE BASELINE (bench/db-hits.baseline.json):\n  ${regressions.join('\n  ')}`);
  // the baseline is written by hand: --baseline, on the world size it was measured on
  if (process.argv.includes('--baseline')) fs.writeFileSync(baselineFile, `${JSON.stringify({ people: PEOPLE, ...hits }, null, 2)}\n`);
  const file = path.join(__dirname, '..', 'BENCHMARKS.md');
  const text = fs.readFileSync(file, 'utf8');
  const begin = '<!-- bench:compare -->';
  const end = '<!-- /bench:compare -->';
  if (text.includes(begin)) fs.writeFileSync(file, text.replace(new RegExp(`${begin}[\\s\\S]*${end}`), `${begin}\n${table}\n${end}`));
  else console.log(`(BENCHMARKS.md has no ${begin} … ${end} section: the table is printed only)`);
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
