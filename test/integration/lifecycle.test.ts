// The service as a process: configuration errors, start-up against the real Neo4j, readiness that
// follows the database, and a clean exit on SIGTERM.
import { ChildProcess, spawn } from 'node:child_process';
import net from 'node:net';
import path from 'node:path';
import { loadConfig } from '../../src/config';
import { runningPid, startLocalNeo4j, stopLocalNeo4j } from '../../src/localdb/server';

const ROOT = path.resolve(__dirname, '../..');
const MAIN = ['-r', 'ts-node/register/transpile-only', path.join(ROOT, 'src/main.ts')];

// The Wikipedia officials are not loaded here (the test database is shared; wikipedia.test.ts imports
// them through the same start-up function and withdraws them again).
function run(env: Record<string, string>): ChildProcess & { output: () => string } {
  const child = spawn(process.execPath, MAIN, { cwd: ROOT, env: { ...process.env, LOG_LEVEL: 'warn', LOAD_WIKIPEDIA: 'false', ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
  let out = '';
  child.stdout?.on('data', (d) => (out += d));
  child.stderr?.on('data', (d) => (out += d));
  return Object.assign(child, { output: () => out });
}

function exited(child: ChildProcess): Promise<number | null> {
  return new Promise((resolve) => {
    if (child.exitCode !== null) resolve(child.exitCode);
    else child.once('exit', (code) => resolve(code));
  });
}

async function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const srv = net.createServer().listen(0, '127.0.0.1', () => {
      const { port } = srv.address() as net.AddressInfo;
      srv.close(() => resolve(port));
    });
  });
}

async function waitFor(url: string, status: number, timeoutMs: number): Promise<number> {
  const start = Date.now();
  while (Date.now() - start < timeoutMs) {
    const got = await fetch(url).then(
      (r) => r.status,
      () => 0,
    );
    if (got === status) return Date.now() - start;
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error(`${url} did not return ${status} within ${timeoutMs} ms`);
}

it.each([
  [{ PORT: 'abc' }, /^Invalid PORT="abc": expected an integer port 1-65535$/],
  [{ NEO4J_URI: 'http://x' }, /^Invalid NEO4J_URI="http:\/\/x": expected a Neo4j URI/],
])('fails at once with one line naming the variable: %o', async (env, message) => {
  const child = run(env);
  expect(await exited(child)).toBe(2);
  expect(child.output().trim().split('\n')).toHaveLength(1);
  expect(child.output().trim()).toMatch(message);
});

describe('a running service', () => {
  let child: ReturnType<typeof run>;
  let base: string;

  beforeAll(async () => {
    const port = await freePort();
    base = `http://127.0.0.1:${port}`;
    child = run({ PORT: String(port) });
    await waitFor(`${base}/readyz`, 200, 90_000);
  });
  afterAll(async () => {
    if (child.exitCode === null) child.kill('SIGKILL');
  });

  it('answers GraphQL', async () => {
    const res = await fetch(`${base}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"query":"{ __typename }"}' });
    expect(await res.json()).toEqual({ data: { __typename: 'Query' } });
  });

  // Only a Neo4j that this folder started (pid file) may be stopped; otherwise the test shows as skipped.
  const ours = !loadConfig().neo4j.uri && runningPid() !== undefined;
  (ours ? it : it.skip)('turns /readyz to 503 within 5 s when the local Neo4j stops, and back to 200 when it returns', async () => {
    await stopLocalNeo4j();
    try {
      expect(await waitFor(`${base}/readyz`, 503, 5000)).toBeLessThan(5000);
      expect((await fetch(`${base}/healthz`)).status).toBe(200);
    } finally {
      const { port, heap, pageCacheMb } = loadConfig().localNeo4j;
      await startLocalNeo4j({ port, heap, pageCacheMb });
    }
    await waitFor(`${base}/readyz`, 200, 30_000);
  });

  it('exits 0 within 10 s of SIGTERM', async () => {
    const start = Date.now();
    child.kill('SIGTERM');
    expect(await exited(child)).toBe(0);
    expect(Date.now() - start).toBeLessThan(10_000);
  });
});
