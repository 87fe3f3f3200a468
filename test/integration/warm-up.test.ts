// The connection search run ahead at start-up (src/graphql/warm-up.ts): with the schema's defaults,
// on the real database, logged with its time; on a database that does not answer, a warning, never
// a failed start.
import { Writable } from 'node:stream';
import pino from 'pino';
import type { Database } from '../../src/db/database';
import { connections } from '../../src/graph/connections';
import { keepPlanned, warmUp } from '../../src/graphql/warm-up';
import { knownStatements } from '../../src/graph/plan-ahead';
import { openTestDb } from '../support/db';

let db: Database;
beforeAll(async () => {
  db = await openTestDb();
});
afterAll(async () => {
  await db.close();
});

/** A logger whose lines are collected, parsed. */
function collectingLog(level = 'info') {
  const lines: Array<Record<string, unknown>> = [];
  const sink = new Writable({
    write(chunk, _enc, done) {
      for (const text of String(chunk).split('\n')) if (text.trim()) lines.push(JSON.parse(text));
      done();
    },
  });
  return { log: pino({ level }, sink), lines };
}

it('runs the default connection search ahead and logs how long it took', async () => {
  const { log, lines } = collectingLog();
  await warmUp(db, log);
  const line = lines.find((l) => l.msg === 'connection search planned ahead');
  expect(line).toBeDefined();
  expect(line!.level).toBe(30);
  expect(typeof line!.ms).toBe('number');
  expect(lines.filter((l) => (l.level as number) >= 40)).toEqual([]);
  // the search it warmed answers as ever, under the public read timeout
  const paths = await connections(db, 'person/nguyen-thanh-tinh', 'person/nguyen-duy-ngoc', 4, 3);
  expect(paths.length).toBeGreaterThan(0);
});

it('on a database that cannot answer, warns and resolves: the start goes on', async () => {
  const closed = await openTestDb({ seeds: false });
  await closed.close();
  const { log, lines } = collectingLog();
  await expect(warmUp(closed, log)).resolves.toBeNull();
  const warning = lines.find((l) => l.level === 40);
  expect(warning?.msg).toMatch(/could not plan the connection search ahead/);
  expect(warning?.err).toBeDefined();
  expect(lines.find((l) => l.msg === 'connection search planned ahead')).toBeUndefined();
});

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

it('keeps the search planned: EXPLAINs its statements again in the background until stopped', async () => {
  await warmUp(db, collectingLog().log);
  expect(knownStatements(db)).toBeGreaterThan(0);
  const { log, lines } = collectingLog('debug');
  const background = () => lines.filter((l) => /in the background/.test(String(l.msg)));
  const stop = keepPlanned(db, log, 100);
  try {
    for (let waited = 0; background().length < 2 && waited < 30_000; waited += 50) await sleep(50);
  } finally {
    stop();
  }
  expect(background().length).toBeGreaterThanOrEqual(2);
  for (const line of background()) {
    expect(line.statements).toBe(knownStatements(db));
    expect(line.failed).toBe(0);
  }
  expect(lines.filter((l) => (l.level as number) >= 40)).toEqual([]);
  // stopped: no more runs (one already under way may still finish)
  await sleep(500);
  const after = background().length;
  await sleep(500);
  expect(background().length).toBe(after);
});

it('in the background, a database that went away is a warning each time, never a crash', async () => {
  const gone = await openTestDb({ seeds: false });
  await warmUp(gone, collectingLog().log);
  expect(knownStatements(gone)).toBeGreaterThan(0);
  await gone.close();
  const { log, lines } = collectingLog();
  const stop = keepPlanned(gone, log, 50);
  try {
    for (let waited = 0; lines.filter((l) => l.level === 40).length < 2 && waited < 30_000; waited += 50) await sleep(50);
  } finally {
    stop();
  }
  const warnings = lines.filter((l) => l.level === 40);
  expect(warnings.length).toBeGreaterThanOrEqual(2);
  expect(warnings[0]!.msg).toMatch(/could not plan the connection statements again/);
  expect(warnings[0]!.failed).toBe(warnings[0]!.statements);
});

it('interval 0 runs nothing', async () => {
  const { log, lines } = collectingLog('debug');
  const stop = keepPlanned(db, log, 0);
  await sleep(300);
  stop();
  expect(lines).toEqual([]);
});
