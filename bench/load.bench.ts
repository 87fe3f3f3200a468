// `npm run bench:load [-- --seconds 20 --connections 20]`: a bounded load on loopback against a real
// API process (built dist/, the local Neo4j). Reports throughput, latency percentiles, errors,
// timeouts and the server's memory before and after. Run by hand; numbers go in the issue notes.
import autocannon from 'autocannon';
import { startApi } from './api-process';

const arg = (name: string, fallback: number) => {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? Number(process.argv[i + 1]) : fallback;
};

const QUERIES = [
  '{ search(query: "nguyen thanh tinh", first: 5) { name description } }',
  '{ people(first: 20) { totalCount nodes { name occupancies { position { label } } } } }',
  '{ event(id: "event/2024-04-10-hoi-nghi-tong-ket-thi-dua-khoi-noi-chinh") { participants { role participant { ... on Person { name } ... on Organization { name } } sources { quote } } } }',
  '{ organization(id: "organization/bo-cong-an") { name children { name } members { role } } }',
];

const rss = async (pid: number) => Number((await import('node:fs')).readFileSync(`/proc/${pid}/status`, 'utf8').match(/VmRSS:\s+(\d+)/)?.[1] ?? 0) / 1024;

async function main(): Promise<void> {
  const seconds = arg('seconds', 20);
  const connections = arg('connections', 20);
  const port = arg('port', 4400);
  const { server, url } = await startApi(port);
  // Warm-up: Neo4j plans and caches each query shape once; measure the steady state.
  await autocannon({
    url: `${url}/graphql`,
    connections: 4,
    duration: 3,
    requests: QUERIES.map((query) => ({ method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ query }) })),
  });
  const before = await rss(server.pid!);
  // Status counts hide errors in 200 responses: every body is read and tallied by status and error codes.
  const answers = new Map<string, number>();
  const tally = (status: number, body: string) => {
    let key = `${status} data`;
    try {
      const errors = (JSON.parse(body) as { errors?: Array<{ extensions?: { code?: string } }> }).errors;
      if (errors?.length) key = `${status} ${[...new Set(errors.map((e) => e.extensions?.code ?? '?'))].join('+')}`;
    } catch {
      key = `${status} not JSON`;
    }
    answers.set(key, (answers.get(key) ?? 0) + 1);
  };
  const result = await autocannon({
    url: `${url}/graphql`,
    connections,
    duration: seconds,
    timeout: 10,
    requests: QUERIES.map((query) => ({
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query }),
      onResponse: (status: number, body: string) => tally(status, body),
    })),
  });
  const after = await rss(server.pid!);
  server.kill('SIGTERM');
  const exit = await new Promise<number | null>((r) => server.once('exit', (code) => r(code)));
  console.log(`load: ${seconds} s, ${connections} connections, ${QUERIES.length} queries in rotation`);
  console.log(
    `  answers by status and code: ${[...answers]
      .sort((a, b) => b[1] - a[1])
      .map(([k, n]) => `${k}: ${n}`)
      .join(', ')}`,
  );
  console.log(
    `  requests ${result.requests.total}  (${result.requests.average.toFixed(0)}/s)  non-2xx ${result.non2xx}  errors ${result.errors}  timeouts ${result.timeouts}`,
  );
  console.log(`  latency ms: p50 ${result.latency.p50}  p90 ${result.latency.p90}  p99 ${result.latency.p99}  max ${result.latency.max}`);
  console.log(`  server RSS: ${before.toFixed(0)} MB before, ${after.toFixed(0)} MB after; exit code on SIGTERM ${exit}`);
}

main().catch((e: unknown) => {
  console.error(e);
  process.exit(1);
});
