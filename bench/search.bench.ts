// `npm run bench:search [-- --people 100000 --queries 500 --writer import|cypher]`: generates the benchmark world (unless it
// is there; bench/world-build.ts), then measures search latency through src/graph/search.ts on the real index and
// prints p50/p95/p99. `-- --real` measures on the graph's own people instead (the seeds and the
// Wikipedia officials: their names, and post titles many of them share), generating nothing.
// Run by hand; numbers go in BENCHMARKS.md, not in tests.
import { loadConfig } from '../src/config';
import { openDatabase } from '../src/bootstrap';
import { search } from '../src/graph/search';
import { createLogger } from '../src/log';
import { clean, personName, rng } from './world';
import { buildWorld, worldWriter } from './world-build';

function arg(name: string, fallback: number): number {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? Number(process.argv[i + 1]) : fallback;
}

const percentile = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;

async function main(): Promise<void> {
  const people = arg('people', 100_000);
  const queries = arg('queries', 500);
  const config = loadConfig({ ...process.env, QUERY_TIMEOUT_MS: '30000' });
  let db = await openDatabase(config, createLogger({ logLevel: 'warn' }));
  if (process.argv.includes('--clean')) {
    await clean(db);
    console.log('benchmark world removed');
    await db.close();
    return;
  }
  const real = process.argv.includes('--real');
  const realNames = real
    ? (await db.read("MATCH (p:Person) WHERE NOT p.id STARTS WITH 'person/bench-' RETURN p.name AS name ORDER BY p.id", {}, 60_000)).map(
        (r) => r.name as string,
      )
    : [];
  const nameOf = (i: number) => (real ? realNames[i % realNames.length]! : personName(i));
  const population = real ? realNames.length : people;
  const [have] = await db.read("MATCH (p:Person) WHERE p.id STARTS WITH 'person/bench-' RETURN count(p) AS n");
  if (!real && Number(have?.n) < people) {
    await db.close();
    const built = await buildWorld(config, people, worldWriter(config), (m) => process.stdout.write(`\r${m}   `));
    db = built.db;
    console.log(`\n${built.summary}`);
  }
  const random = rng(7);
  const strip = (s: string) => s.normalize('NFD').replace(/\p{M}/gu, '').replace(/đ/g, 'd').replace(/Đ/g, 'D');
  const kinds: Array<[string, (name: string) => string]> = [
    ['exact', (n) => n],
    ['no diacritics', (n) => strip(n).toLowerCase()],
    ['prefix', (n) => n.slice(0, Math.max(4, n.length - 3))],
    ['typo', (n) => strip(n).replace(/a/, 'e')],
    [
      'post title',
      () =>
        real
          ? ['thu truong bo cong an', 'bi thu tinh uy', 'chu tich uy ban nhan dan tinh', 'uy vien bo chinh tri'][Math.floor(random() * 4)]!
          : 'thu truong bo tu phap',
    ],
  ];
  const results: Record<string, number[]> = {};
  for (let i = 0; i < 20; i++) await search(db, nameOf(i), 10); // warm-up
  for (let i = 0; i < queries; i++) {
    const [kind, make] = kinds[i % kinds.length]!;
    const q = make(nameOf(Math.floor(random() * population)));
    const t = process.hrtime.bigint();
    await search(db, q, 10);
    (results[kind] ??= []).push(Number(process.hrtime.bigint() - t) / 1e6);
  }
  const all = Object.values(results)
    .flat()
    .sort((a, b) => a - b);
  console.log(
    `search latency over ${all.length} queries, ${real ? `${population} people of the graph (seeds and Wikipedia)` : `${people} generated people`} (ms):`,
  );
  for (const [kind, list] of Object.entries({ all, ...results })) {
    const s = [...list].sort((a, b) => a - b);
    console.log(
      `  ${kind.padEnd(14)} p50 ${percentile(s, 50).toFixed(1)}  p95 ${percentile(s, 95).toFixed(1)}  p99 ${percentile(s, 99).toFixed(1)}  max ${s[s.length - 1]!.toFixed(1)}`,
    );
  }
  await db.close();
}

main().catch((e: unknown) => {
  console.error(e);
  process.exit(1);
});
