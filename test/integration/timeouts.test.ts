// Every read runs with a server-side timeout: a runaway query is stopped with QUERY_TIMEOUT, and
// other reads stay fast meanwhile.
import { createDatabase } from '../../src/db/connect';
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
  const started = Date.now();
  const runaway = db.read(RUNAWAY).then(
    () => null,
    (e: unknown) => e,
  );
  const fastTimes: number[] = [];
  for (let i = 0; i < 5; i++) {
    const t = Date.now();
    await db.read('MATCH (n:Person) RETURN count(n) AS n');
    fastTimes.push(Date.now() - t);
  }
  const error = await runaway;
  const took = Date.now() - started;
  expect(error).toBeInstanceOf(AppError);
  expect((error as AppError).code).toBe('QUERY_TIMEOUT');
  expect((error as AppError).message).not.toMatch(/UNWIND|range|Neo/); // no Cypher or driver text
  expect(took).toBeLessThan(5000);
  expect(Math.max(...fastTimes)).toBeLessThan(1000);
});

it('applies the timeout per transaction, not per process: the next read works', async () => {
  const rows = await db.read('RETURN 1 AS one');
  expect(rows).toEqual([{ one: 1 }]);
});
