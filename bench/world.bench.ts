// `npm run bench:world [-- --people 100000 --runs 3 --writer import|cypher]`: builds the generated world
// (bench/world.ts) `runs` times over, each a full rebuild, and prints each step's time and the rate
// (nodes/s from the first step to every index online). Needs a store of its own with the importer
// (LOCAL_NEO4J_DIR, LOCAL_NEO4J_PORT). Run by hand; the numbers go in BENCHMARKS.md, never in tests.
import { loadConfig } from '../src/config';
import { buildWorld, worldWriter } from './world-build';

const arg = (name: string, fallback: number) => {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? Number(process.argv[i + 1]) : fallback;
};

async function main(): Promise<void> {
  const people = arg('people', 100_000);
  const runs = arg('runs', 1);
  const config = loadConfig({ ...process.env, QUERY_TIMEOUT_MS: '30000' });
  for (let run = 1; run <= runs; run++) {
    const built = await buildWorld(config, people, worldWriter(config), (m) => console.log(`  ${m}`));
    await built.db.close();
    console.log(`run ${run}: ${built.summary}`);
  }
}

main().catch((e: unknown) => {
  console.error(e);
  process.exit(1);
});
