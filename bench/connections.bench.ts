// `npm run bench:connections [-- --people 100000 --seconds 30 --clients 10 --rounds 2 --only neighbourhood --writer import|cypher --client autocannon|fetch --floor]`: on the generated world
// (bench/world.ts, generated unless it is there), a real API process (built dist/, the local Neo4j) is
// asked, by `clients` concurrent clients, for depth-2 neighbourhoods capped at 50 per hop around random
// people, then for 4-hop connections between random pairs of people. Prints p50/p95/p99 per phase and
// the answers by status and error code. The clients are autocannon's (its own HTTP/1.1 connections,
// ~3× less CPU than Node's fetch on the same two cores the API and Neo4j share; every body still read
// and checked), or Node's fetch with `--client fetch` (as measured before 2026-12-07). `--floor` then
// measures what this machine allows at all: 200 of the phase's real answers, taken from the API, served
// by a bare node:http server that does no other work — as bytes encoded once, as text joined from
// elements serialised once (answers spliced from kept fragments), and as JSON.stringify of the object
// per request (what any GraphQL server does) — to the same clients. Run by hand; the numbers go in
// BENCHMARKS.md, never in tests.
import autocannon from 'autocannon';
import http from 'node:http';
import { openDatabase } from '../src/bootstrap';
import { loadConfig } from '../src/config';
import { createLogger } from '../src/log';
import { rng } from './world';
import { buildWorld, worldWriter } from './world-build';
import { startApi } from './api-process';

const arg = (name: string, fallback: number) => {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? Number(process.argv[i + 1]) : fallback;
};
const percentile = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;

interface Phase {
  name: string;
  query: string;
  variables: () => Record<string, unknown>;
}

async function ensureWorld(people: number): Promise<void> {
  const config = loadConfig({ ...process.env, QUERY_TIMEOUT_MS: '30000' });
  let db = await openDatabase(config, createLogger({ logLevel: 'warn' }));
  try {
    const [have] = await db.read("MATCH (p:Person) WHERE p.id STARTS WITH 'person/bench-' RETURN count(p) AS n");
    if (Number(have?.n) < people) {
      await db.close();
      const built = await buildWorld(config, people, worldWriter(config), (m) => process.stdout.write(`\r${m}   `));
      db = built.db;
      console.log(`\n${built.summary}`);
    }
  } finally {
    await db.close();
  }
}

type Answers = Map<string, number>;

/** What an answer was: `200 data`, or the status and the error codes it carried (a 200 with errors is not data). */
function classify(answers: Answers, status: number, text: string): void {
  let key = `${status} data`;
  if (!(status === 200 && text.startsWith('{"data":{') && !text.includes('"errors":['))) {
    try {
      const json = JSON.parse(text) as { data?: unknown; errors?: Array<{ extensions?: { code?: string } }> };
      if (json.errors?.length) key = `${status} ${[...new Set(json.errors.map((e) => e.extensions?.code ?? '?'))].join('+')}`;
      else if (!json.data) key = `${status} no data`;
    } catch {
      key = `${status} not JSON`;
    }
  }
  answers.set(key, (answers.get(key) ?? 0) + 1);
}

function summary(latencies: number[], answers: Answers) {
  const s = latencies.sort((a, b) => a - b);
  return { n: s.length, p50: percentile(s, 50), p95: percentile(s, 95), p99: percentile(s, 99), max: s[s.length - 1]!, answers };
}

/** `clients` autocannon connections, each one request after the other for `seconds`, new variables each time; every latency and body recorded. */
async function runAutocannon(url: string, phase: Phase, clients: number, seconds: number) {
  const latencies: number[] = [];
  const answers: Answers = new Map();
  const instance = autocannon(
    {
      url,
      connections: clients,
      duration: seconds,
      requests: [
        {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          setupRequest: (req) => ({ ...req, body: JSON.stringify({ query: phase.query, variables: phase.variables() }) }),
          onResponse: (status, body) => classify(answers, status, body),
        },
      ],
    },
    () => undefined,
  );
  instance.on('response', (_client: unknown, _status: number, _bytes: number, ms: number) => latencies.push(ms));
  const result = await new Promise<autocannon.Result>((resolve) => instance.on('done', resolve));
  if (result.errors + result.timeouts) answers.set('connection errors or timeouts', result.errors + result.timeouts);
  return summary(latencies, answers);
}

/** `clients` loops of Node's fetch, each sending one request after the other for `seconds`; every latency and answer recorded. */
async function runFetch(url: string, phase: Phase, clients: number, seconds: number) {
  const latencies: number[] = [];
  const answers: Answers = new Map();
  const end = Date.now() + seconds * 1000;
  const client = async () => {
    while (Date.now() < end) {
      const body = JSON.stringify({ query: phase.query, variables: phase.variables() });
      const t = performance.now();
      const res = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body });
      const text = await res.text();
      latencies.push(performance.now() - t);
      classify(answers, res.status, text);
    }
  };
  await Promise.all(Array.from({ length: clients }, client));
  return summary(latencies, answers);
}

/**
 * The floor under a phase: `answers` (real response bodies) served round-robin by a bare node:http
 * server, no GraphQL, no database, in three ways, each loaded as the phase is (same client, clients, seconds).
 */
async function floor(phase: Phase, answers: string[], clients: number, seconds: number, run: typeof runAutocannon, port: number) {
  const objects = answers.map((a) => JSON.parse(a) as { data: { neighbourhood: { cytoscape: { nodes: unknown[]; edges: unknown[] } } } });
  const ways: Array<[string, () => (i: number) => string | Buffer]> = [
    [
      'bytes encoded once',
      () => {
        const bytes = answers.map((a) => Buffer.from(a));
        return (i) => bytes[i]!;
      },
    ],
    [
      'text joined from elements serialised once',
      () => {
        const parts = objects.map((o) => {
          const { cytoscape, ...rest } = o.data.neighbourhood;
          return {
            rest: JSON.stringify(rest).slice(1, -1),
            nodes: cytoscape.nodes.map((x) => JSON.stringify(x)),
            edges: cytoscape.edges.map((x) => JSON.stringify(x)),
          };
        });
        return (i) => {
          const p = parts[i]!;
          return `{"data":{"neighbourhood":{${p.rest},"cytoscape":{"nodes":[${p.nodes.join(',')}],"edges":[${p.edges.join(',')}]}}}}\n`;
        };
      },
    ],
    ['JSON.stringify per request', () => (i) => JSON.stringify(objects[i]) + '\n'],
  ];
  for (const [name, prepare] of ways) {
    const body = prepare();
    let next = 0;
    const server = http.createServer((req, res) => {
      req.resume();
      req.on('end', () => {
        res.setHeader('content-type', 'application/json; charset=utf-8');
        res.end(body(next++ % answers.length));
      });
    });
    await new Promise<void>((resolve) => server.listen(port, '127.0.0.1', resolve));
    try {
      await run(`http://127.0.0.1:${port}/graphql`, phase, 2, 3);
      const r = await run(`http://127.0.0.1:${port}/graphql`, phase, clients, seconds);
      console.log(`floor, ${name}: ${r.n} requests in ${seconds} s, ${clients} clients`);
      console.log(`  latency ms: p50 ${r.p50.toFixed(1)}  p95 ${r.p95.toFixed(1)}  p99 ${r.p99.toFixed(1)}  max ${r.max.toFixed(1)}`);
      console.log(`  answers: ${[...r.answers].map(([k, n]) => `${k}: ${n}`).join(', ')}`);
    } finally {
      await new Promise((resolve) => server.close(resolve));
    }
  }
}

/** `n` answers of a phase, one request after the other. */
async function sample(url: string, phase: Phase, n: number): Promise<string[]> {
  const out: string[] = [];
  while (out.length < n) {
    const res = await fetch(url, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query: phase.query, variables: phase.variables() }),
    });
    const text = await res.text();
    if (res.status === 200 && text.startsWith('{"data":{') && !text.includes('"errors":[')) out.push(text);
  }
  return out;
}

async function main(): Promise<void> {
  const people = arg('people', 100_000);
  const seconds = arg('seconds', 30);
  const clients = arg('clients', 10);
  const port = arg('port', 4400);
  const rounds = arg('rounds', 2);
  const clientKind = process.argv.includes('--client') ? process.argv[process.argv.indexOf('--client') + 1]! : 'autocannon';
  if (clientKind !== 'autocannon' && clientKind !== 'fetch') throw new Error(`--client must be autocannon or fetch, not ${clientKind}`);
  const run = clientKind === 'fetch' ? runFetch : runAutocannon;
  await ensureWorld(people);
  const { server, url } = await startApi(port);
  const random = rng(11);
  const person = () => `person/bench-${Math.floor(random() * people)}`;
  const phases: Phase[] = [
    {
      name: 'neighbourhood depth 2, perHop 50',
      query: 'query N($id: ID!) { neighbourhood(id: $id, depth: 2, perHop: 50) { truncated cuts { entity total kept } cytoscape } }',
      variables: () => ({ id: person() }),
    },
    {
      name: 'connections maxHops 4, first 3',
      query: 'query C($a: ID!, $b: ID!) { connections(from: $a, to: $b, maxHops: 4, first: 3) { hops evidence { proposed } steps { id } } }',
      variables: () => ({ a: person(), b: person() }),
    },
  ];
  try {
    const only = process.argv.includes('--only') ? process.argv[process.argv.indexOf('--only') + 1]! : '';
    for (const phase of phases.filter((p) => p.name.startsWith(only))) {
      await run(`${url}/graphql`, phase, 2, 3); // warm-up: plans cached, pages in memory
      // round 1 starts with the API's caches (the neighbourhood's hub hops) nearly empty; round 2 finds them filled
      const floorAnswers = process.argv.includes('--floor') && phase.name.startsWith('neighbourhood') ? await sample(`${url}/graphql`, phase, 200) : [];
      for (let round = 1; round <= rounds; round++) {
        const r = await run(`${url}/graphql`, phase, clients, seconds);
        console.log(`${phase.name}${rounds > 1 ? ` (round ${round})` : ''}: ${r.n} requests in ${seconds} s, ${clients} clients (${clientKind})`);
        console.log(`  latency ms: p50 ${r.p50.toFixed(1)}  p95 ${r.p95.toFixed(1)}  p99 ${r.p99.toFixed(1)}  max ${r.max.toFixed(1)}`);
        console.log(`  answers: ${[...r.answers].map(([k, n]) => `${k}: ${n}`).join(', ')}`);
      }
      if (floorAnswers.length) {
        const sizes = floorAnswers.map((a) => Buffer.byteLength(a)).sort((x, y) => x - y);
        console.log(`floor: ${floorAnswers.length} answers of ${sizes[0]}–${sizes[sizes.length - 1]} bytes (median ${percentile(sizes, 50)})`);
        await floor(phase, floorAnswers, clients, seconds, run, port + 1);
      }
    }
  } finally {
    server.kill('SIGTERM');
    await new Promise((r) => server.once('exit', r));
  }
}

main().catch((e: unknown) => {
  console.error(e);
  process.exit(1);
});
