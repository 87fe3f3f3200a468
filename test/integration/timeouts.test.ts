// Every read runs with a server-side timeout: a runaway query is stopped with QUERY_TIMEOUT, and
// other reads stay fast meanwhile.
import { createDatabase } from '../../src/bootstrap';
import type { Database } from '../../src/db/database';
import { AppError } from '../../src/errors';
import { testConfig } from '../support/db';

let db: Database;
beforeAll(() => {
  db = createDatabase(testConfig({ QUERY_TIMEOUT_MS: '500' }));
});
afterAll(async () => {
  await db.close();
});

// Pure CPU work in Cypher: runs for minutes unless stopped.
const RUNAWAY = 'UNWIND range(1, 2000000000) AS x WITH x WHERE x % 7 = 13 RETURN count(x) AS n';

it('stops a runaway read with QUERY_TIMEOUT, and other reads stay fast meanwhile', async () => {
  const timed = async () => {
    const t = performance.now();
    await db.read('MATCH (n:Person) RETURN count(n) AS n');
    return performance.now() - t;
  };
  // Once first, so that a new database has planned and compiled it: the JIT's work on a cold JVM
  // would otherwise compete with the reads measured below (it is not what this test is about).
  await db.read(RUNAWAY).catch(() => undefined);
  // The same read measured first on this machine, as it is now: the bound below is relative to it.
  const baseline: number[] = [];
  for (let i = 0; i < 5; i++) baseline.push(await timed());
  const started = performance.now();
  const runaway = db.read(RUNAWAY).then(
    () => null,
    (e: unknown) => e,
  );
  const fastTimes: number[] = [];
  for (let i = 0; i < 5; i++) fastTimes.push(await timed());
  const error = await runaway;
  const took = performance.now() - started;
  console.log(
    `runaway stopped after ${took.toFixed(0)} ms (timeout 500 ms); reads meanwhile ${fastTimes.map((t) => t.toFixed(0)).join(', ')} ms (alone ${baseline.map((t) => t.toFixed(0)).join(', ')} ms)`,
  );
  expect(error).toBeInstanceOf(AppError);
  expect((error as AppError).code).toBe('QUERY_TIMEOUT');
  expect((error as AppError).message).not.toMatch(/UNWIND|range|Neo/); // no Cypher or driver text
  // Stopped near its 500 ms timeout (the runaway would run for minutes), with room for a busy machine.
  expect(took).toBeLessThan(15_000);
  // Other reads are not queued behind it: each stays within a small multiple of the same read alone.
  expect(Math.max(...fastTimes)).toBeLessThan(Math.max(1000, 20 * Math.max(...baseline)));
});

it('applies the timeout per transaction, not per process: the next read works', async () => {
  const rows = await db.read('RETURN 1 AS one');
  expect(rows).toEqual([{ one: 1 }]);
});

it('runs a read in read mode: a statement that writes is refused and stores nothing', async () => {
  const error = await db.read("CREATE (p:ReadModeProbe {at: 'timeouts.test'}) RETURN p").then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(AppError);
  expect(((error as AppError).cause as { code?: string }).code).toBe('Neo.ClientError.Statement.AccessMode');
  expect(await db.read('MATCH (p:ReadModeProbe) RETURN count(p) AS n')).toEqual([{ n: 0 }]);
});
