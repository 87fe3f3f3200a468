// Structured request logs on the real server: one JSON line per GraphQL request (answered, refused by
// validation, refused before Apollo), and unexpected errors logged with their cause while the client
// (in production) sees only INTERNAL_SERVER_ERROR, with no Cypher and no stack.
import type { AddressInfo } from 'node:net';
import { Writable } from 'node:stream';
import pino from 'pino';
import type { Database, Params } from '../../src/db/database';
import { MAX_BODY_BYTES } from '../../src/graphql/limits';
import { buildServer, BuiltServer } from '../../src/server/app';
import { openTestDb, testConfig } from '../support/db';

let db: Database;
beforeAll(async () => {
  db = await openTestDb();
});
afterAll(async () => {
  await db.close();
});

type Line = Record<string, any>;

/** Builds and starts a server whose logs are collected as parsed JSON lines. */
async function serverWithLog(database: Database, env: Record<string, string> = {}) {
  const lines: Line[] = [];
  const sink = new Writable({
    write(chunk, _enc, done) {
      for (const text of String(chunk).split('\n')) if (text.trim()) lines.push(JSON.parse(text));
      done();
    },
  });
  const server: BuiltServer = await buildServer({ config: testConfig(env), db: database, log: pino({ level: 'info' }, sink) });
  await new Promise<void>((resolve) => server.httpServer.listen(0, '127.0.0.1', resolve));
  const url = `http://127.0.0.1:${(server.httpServer.address() as AddressInfo).port}/graphql`;
  const post = async (body: string, requestId: string) => {
    const res = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json', 'x-request-id': requestId }, body });
    return { status: res.status, text: await res.text() };
  };
  /** The request lines of one request id (logged when the response ends, so wait a moment). */
  const linesOf = async (requestId: string) => {
    await new Promise((r) => setTimeout(r, 20));
    return lines.filter((l) => l.requestId === requestId);
  };
  return { server, post, linesOf, lines };
}

it('logs one line per GraphQL request with id, operation, duration, status, outcome and error codes', async () => {
  const { server, post, linesOf } = await serverWithLog(db);
  try {
    await post(JSON.stringify({ query: 'query People { people(first: 1) { nodes { id } } }' }), 'log-ok');
    await post(JSON.stringify({ query: 'query Bad { nope }' }), 'log-invalid');
    await post(JSON.stringify({ query: `{ __typename } #${'x'.repeat(MAX_BODY_BYTES)}` }), 'log-too-large');
    await post(JSON.stringify({ query: 'mutation M { undoMerge(mergeId: "x") { id } }' }), 'log-unauth');

    const ok = await linesOf('log-ok');
    expect(ok).toHaveLength(1);
    expect(ok[0]).toMatchObject({ level: 30, msg: 'graphql request', operationName: 'People', operationType: 'query', status: 200, outcome: 'success' });
    expect(ok[0]!.durationMs).toEqual(expect.any(Number));
    expect(ok[0]!.errorCodes).toBeUndefined();
    expect(JSON.stringify(ok[0])).not.toContain('people(first'); // no query text

    expect(await linesOf('log-invalid')).toEqual([
      expect.objectContaining({ msg: 'graphql request', operationName: 'Bad', status: 400, outcome: 'refused', errorCodes: ['GRAPHQL_VALIDATION_FAILED'] }),
    ]);
    expect(await linesOf('log-too-large')).toEqual([
      expect.objectContaining({ msg: 'graphql request', operationName: null, status: 413, outcome: 'refused', errorCodes: ['PAYLOAD_TOO_LARGE'] }),
    ]);
    expect(await linesOf('log-unauth')).toEqual([
      expect.objectContaining({
        msg: 'graphql request',
        operationName: 'M',
        operationType: 'mutation',
        status: 200,
        outcome: 'error',
        errorCodes: ['UNAUTHENTICATED'],
      }),
    ]);
  } finally {
    await server.stop();
  }
});

it('in production, logs an unexpected error with its cause at error level and shows the client only the code', async () => {
  // A database whose reads run broken Cypher: the driver's error names the query.
  const broken = Object.create(db, {
    read: { value: (_cypher: string, params?: Params) => db.read('MATCH (n:SecretLabel) RETURN n.secretProperty +', params) },
  }) as Database;
  const { server, post, linesOf } = await serverWithLog(broken, { NODE_ENV: 'production' });
  try {
    const res = await post(JSON.stringify({ query: 'query One { person(id: "person/x") { id } }' }), 'log-internal');
    expect(res.status).toBe(200);
    const body = JSON.parse(res.text);
    expect(body.data).toEqual({ person: null });
    expect(body.errors).toEqual([
      { message: expect.any(String), locations: expect.any(Array), path: ['person'], extensions: { code: 'INTERNAL_SERVER_ERROR' } },
    ]);
    expect(res.text).not.toMatch(/SecretLabel|secretProperty|MATCH|stacktrace|at .*\.ts/);

    const lines = await linesOf('log-internal');
    const error = lines.find((l) => l.msg === 'unexpected error');
    expect(error).toMatchObject({ level: 50, operationName: 'One', path: ['person'] });
    expect(error!.err).toMatchObject({ type: 'AppError', message: expect.stringContaining('SecretLabel') });
    expect(lines.find((l) => l.msg === 'graphql request')).toMatchObject({ outcome: 'partial', errorCodes: ['INTERNAL_SERVER_ERROR'] });
  } finally {
    await server.stop();
  }
});
