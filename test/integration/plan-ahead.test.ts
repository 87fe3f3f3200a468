// Connection statements are planned outside the read timeout (src/graph/plan-ahead.ts): the first
// time a process meets a statement it EXPLAINs it under the maintenance timeout, then runs it; later
// runs go straight on; replanKnown EXPLAINs every known one again. Seen through a Database whose
// reads are recorded (the real Neo4j answers every one).
import { createDatabase } from '../../src/bootstrap';
import type { Database, Params, Row } from '../../src/db/database';
import { connectionsParams, searchRows } from '../../src/graph/connections';
import { forgetPlan, knownStatements, planAhead, replanKnown } from '../../src/graph/plan-ahead';
import { buildContext } from '../../src/graphql/context';
import { createLogger } from '../../src/log';
import { openTestDb, testConfig } from '../support/db';

let real: Database;
beforeAll(async () => {
  real = await openTestDb();
});
afterAll(async () => {
  await real.close();
});
// Each test's Database is one of its own (a process that has planned nothing yet): plans are kept per Database.
const opened: Database[] = [];
afterEach(async () => {
  await Promise.all(opened.splice(0).map((db) => db.close()));
});

interface Call {
  cypher: string;
  timeoutMs: number | undefined;
}

/** A Database of its own on the test's Neo4j, its reads recorded (and failed on demand): it has planned nothing yet. */
function recorded(options: { failExplains?: number; failRuns?: number } = {}) {
  const calls: Call[] = [];
  let failExplains = options.failExplains ?? 0;
  let failRuns = options.failRuns ?? 0;
  const db = createDatabase(testConfig());
  opened.push(db);
  const read = db.read.bind(db);
  db.read = async (cypher: string, params?: Params, timeoutMs?: number): Promise<Row[]> => {
    calls.push({ cypher, timeoutMs });
    if (cypher.startsWith('EXPLAIN ') && failExplains > 0) {
      failExplains--;
      throw new Error('refused for the test');
    }
    if (!cypher.startsWith('EXPLAIN ') && failRuns > 0) {
      failRuns--;
      throw new Error('timed out for the test');
    }
    return read(cypher, params, timeoutMs);
  };
  const explains = () => calls.filter((c) => c.cypher.startsWith('EXPLAIN '));
  return { db, calls, explains };
}

const TINH = 'person/nguyen-thanh-tinh';
const NGOC = 'person/nguyen-duy-ngoc';
const BO_NOI_VU = 'organization/bo-noi-vu';

it('EXPLAINs a statement under the maintenance timeout before its first run, and never again', async () => {
  const { db, calls, explains } = recorded();
  const params = connectionsParams(TINH, NGOC, 4, 5, null);
  const row = await searchRows(db, 4, params);
  expect((row.paths as Row[]).length).toBeGreaterThan(0);
  // EXPLAIN, then the run of the same text under the read timeout
  expect(calls.map((c) => c.cypher.startsWith('EXPLAIN '))).toEqual([true, false]);
  expect(calls[0]!.cypher).toBe(`EXPLAIN ${calls[1]!.cypher}`);
  expect(calls[0]!.timeoutMs).toBe(real.maintenanceTimeoutMs);
  expect(calls[1]!.timeoutMs).toBeUndefined();

  await searchRows(db, 4, connectionsParams(NGOC, TINH, 4, 3, null));
  expect(explains()).toHaveLength(1);
  expect(calls).toHaveLength(3);
});

// The API gives each request its own view of the Database (counting its statements): the plans are
// the Database's, so only the process's first search of a statement EXPLAINs it, not each request's.
it("is planned once per Database, not once per request's view of it", async () => {
  const { db, calls, explains } = recorded();
  const log = createLogger({ logLevel: 'silent' });
  const params = connectionsParams(TINH, NGOC, 4, 5, null);
  for (const request of ['r1', 'r2', 'r3']) {
    const ctx = buildContext(db, log, request);
    expect(ctx.db).not.toBe(db);
    await searchRows(ctx.db, 4, params);
    // the request's own count: the EXPLAIN and the run for the first, the run alone after
    expect(ctx.statements.count).toBe(request === 'r1' ? 2 : 1);
  }
  expect(explains()).toHaveLength(1);
  expect(calls).toHaveLength(4);
  expect(knownStatements(db)).toBe(1);
});

it('plans a statement once, shared by concurrent searches', async () => {
  const { db, calls, explains } = recorded();
  // a far pair (Tịnh → Bộ Nội vụ is 9 relationships: the rounds of 6 and 8 meet nothing)
  const params = connectionsParams(TINH, BO_NOI_VU, 4, 5, null);
  const rows = await Promise.all([1, 2, 3, 4, 5].map(() => searchRows(db, 4, params)));
  for (const row of rows) expect(row).toEqual(rows[0]);
  expect((rows[0]!.paths as Row[]).length).toBeGreaterThan(0);
  const runs = calls.filter((c) => !c.cypher.startsWith('EXPLAIN '));
  expect(runs).toHaveLength(5);
  expect(new Set(runs.map((c) => c.cypher)).size).toBe(1);
  expect(explains().map((c) => c.cypher)).toEqual([`EXPLAIN ${runs[0]!.cypher}`]);
  expect(knownStatements(db)).toBe(1);
});

it('a failed EXPLAIN leaves the run to answer, and is tried again the next time', async () => {
  const { db, explains } = recorded({ failExplains: 1 });
  const params = connectionsParams(TINH, NGOC, 4, 5, null);
  const row = await searchRows(db, 4, params);
  expect((row.paths as Row[]).length).toBeGreaterThan(0);
  expect(knownStatements(db)).toBe(0);
  await searchRows(db, 4, params);
  expect(explains()).toHaveLength(2);
  expect(knownStatements(db)).toBe(1);
});

it('a run that failed forgets its plan: the next search EXPLAINs first (Neo4j may have restarted)', async () => {
  const { db, calls, explains } = recorded({ failRuns: 1 });
  const params = connectionsParams(TINH, NGOC, 4, 5, null);
  await expect(searchRows(db, 4, params)).rejects.toThrow('timed out for the test');
  expect(knownStatements(db)).toBe(0);
  expect(((await searchRows(db, 4, params)).paths as Row[]).length).toBeGreaterThan(0);
  expect(calls.map((c) => c.cypher.startsWith('EXPLAIN '))).toEqual([true, false, true, false]);
  expect(explains()).toHaveLength(2);
  forgetPlan(db, calls[1]!.cypher, params);
  expect(knownStatements(db)).toBe(0);
});

it('the same text with parameters of other types is planned apart (Neo4j caches it apart)', async () => {
  const { db, explains } = recorded();
  const cypher = 'MATCH (p:Person {id: $id}) RETURN p.id AS id LIMIT $n';
  await planAhead(db, cypher, { id: TINH, n: 1 });
  await planAhead(db, cypher, { id: NGOC, n: 2 });
  expect(explains()).toHaveLength(1);
  await planAhead(db, cypher, { id: null, n: 2 });
  expect(explains()).toHaveLength(2);
});

it('replanKnown EXPLAINs every statement met, and the searches answer as before', async () => {
  const { db, calls, explains } = recorded();
  // two statements: maxHops 4 and 3 search in other rounds
  const before = [
    await searchRows(db, 4, connectionsParams(TINH, BO_NOI_VU, 4, 5, null)),
    await searchRows(db, 3, connectionsParams(TINH, BO_NOI_VU, 3, 5, null)),
  ];
  expect(knownStatements(db)).toBe(2);
  const count = explains().length;
  const replanned = await replanKnown(db);
  expect(replanned).toEqual({ statements: 2, failed: 0 });
  expect(explains()).toHaveLength(count + 2);
  const runsBefore = calls.length;
  expect([
    await searchRows(db, 4, connectionsParams(TINH, BO_NOI_VU, 4, 5, null)),
    await searchRows(db, 3, connectionsParams(TINH, BO_NOI_VU, 3, 5, null)),
  ]).toEqual(before);
  expect(calls.slice(runsBefore).every((c) => !c.cypher.startsWith('EXPLAIN '))).toBe(true);
});
