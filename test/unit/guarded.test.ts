// The compiled read's safety net (src/graphql/compile/index.ts `guarded`): a translation whose very
// first run times out (its plan still being made) is answered by the loaders while the statement runs
// once apart with the long planning timeout; once a run has succeeded, a timeout is the query's own.
import type { Database } from '../../src/db/database';
import { AppError, ErrorCode } from '../../src/errors';
import { guarded, type Translation } from '../../src/graphql/compile';
import type { Context } from '../../src/graphql/context';

const timeout = () => new AppError(ErrorCode.QUERY_TIMEOUT, 'The query took too long and was stopped.');

/** A database whose reads answer as `answer` says, recording the timeout each was given. */
function database(answer: (call: number) => Promise<unknown[]>) {
  const timeouts: Array<number | undefined> = [];
  const db = {
    read: (_cypher: string, _params?: Record<string, unknown>, timeoutMs?: number) => {
      timeouts.push(timeoutMs);
      return answer(timeouts.length) as Promise<never>;
    },
  } as unknown as Database;
  const warnings: string[] = [];
  const ctx = { db, requestId: 'r', log: { warn: (_o: unknown, m: string) => warnings.push(m), debug: () => undefined } } as unknown as Context;
  return { ctx, timeouts, warnings };
}

const translation = (): Translation<unknown> => ({ shape: null, params: {}, entry: { ran: false, loadersUntil: 0 } });
const compiledRead = (db: Database) => db.read('RETURN 1').then(() => 'compiled');
const loaders = () => Promise.resolve('loaders');
const settle = () => new Promise((r) => setImmediate(r));

describe('guarded', () => {
  it('answers by the loaders when the first run times out, and plans the statement apart with the long timeout', async () => {
    const { ctx, timeouts, warnings } = database((call) => (call === 1 ? Promise.reject(timeout()) : Promise.resolve([])));
    const t = translation();
    expect(await guarded(ctx, t, compiledRead, loaders)).toBe('loaders');
    expect(warnings).toEqual([expect.stringMatching(/timed out on its first run/)]);
    await settle();
    // the run apart: the same statement, with the planning timeout (not the request's)
    expect(timeouts).toEqual([undefined, 60_000]);
    expect(t.entry).toEqual({ ran: true, loadersUntil: 0 });
    // planned: the next request reads compiled again
    expect(await guarded(ctx, t, compiledRead, loaders)).toBe('compiled');
  });

  it('keeps answering by the loaders while the statement is still being planned apart', async () => {
    let release: () => void = () => undefined;
    const planning = new Promise<unknown[]>((r) => (release = () => r([])));
    const { ctx, timeouts } = database((call) => (call === 1 ? Promise.reject(timeout()) : planning));
    const t = translation();
    expect(await guarded(ctx, t, compiledRead, loaders)).toBe('loaders');
    expect(t.entry.loadersUntil).toBeGreaterThan(Date.now());
    expect(await guarded(ctx, t, compiledRead, loaders)).toBe('loaders');
    expect(timeouts).toHaveLength(2); // no second statement while the first is planned
    release();
    await settle();
    expect(t.entry.ran).toBe(true);
  });

  it('reports a timeout after a successful run as the query’s own, and never hides other errors', async () => {
    const ran = translation();
    ran.entry.ran = true;
    const slow = database(() => Promise.reject(timeout()));
    await expect(guarded(slow.ctx, ran, compiledRead, loaders)).rejects.toMatchObject({ code: ErrorCode.QUERY_TIMEOUT });
    const broken = database(() => Promise.reject(new AppError(ErrorCode.INTERNAL_SERVER_ERROR, 'A database error occurred.')));
    await expect(guarded(broken.ctx, translation(), compiledRead, loaders)).rejects.toMatchObject({ code: ErrorCode.INTERNAL_SERVER_ERROR });
    expect(slow.warnings).toEqual([]);
  });
});
