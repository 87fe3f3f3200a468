// The local Neo4j as its own process: with NEO4J_PASSWORD set, auth is on and only that password
// opens it (also after a restart); SIGTERM leaves a store that starts again with its data.
// A second instance in a temporary folder and port, so the shared one is left alone.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import neo4j from 'neo4j-driver';

const ROOT = path.resolve(__dirname, '../..');
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'og-neo4j-'));
const PORT = 7697;
const env = { ...process.env, LOCAL_NEO4J_DIR: dir, LOCAL_NEO4J_PORT: String(PORT), NEO4J_PASSWORD: 'local-secret-1', LOCAL_NEO4J_HEAP: '512m' };
const cli = (command: string) =>
  execFileSync(process.execPath, ['-r', 'ts-node/register/transpile-only', path.join(ROOT, 'src/cli/localdb.ts'), command], {
    cwd: ROOT,
    env,
    encoding: 'utf8',
  });

async function tryConnect(password: string): Promise<string> {
  const driver = neo4j.driver(`bolt://127.0.0.1:${PORT}`, neo4j.auth.basic('neo4j', password));
  try {
    await driver.verifyConnectivity();
    return 'ok';
  } catch (error) {
    return (error as { code?: string }).code ?? 'error';
  } finally {
    await driver.close();
  }
}

afterAll(() => {
  try {
    if (!process.env.NEO4J_URI) cli('stop');
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
});

// With NEO4J_URI set the project does not run Neo4j itself (Java may be absent): nothing to test.
(process.env.NEO4J_URI ? it.skip : it)(
  'turns auth on with NEO4J_PASSWORD, and keeps data and password across a SIGTERM restart',
  async () => {
    expect(cli('start')).toMatch(/started/);
    expect(await tryConnect('local-secret-1')).toBe('ok');
    expect(await tryConnect('not-the-password')).toBe('Neo.ClientError.Security.Unauthorized');

    const driver = neo4j.driver(`bolt://127.0.0.1:${PORT}`, neo4j.auth.basic('neo4j', 'local-secret-1'));
    await driver.executeQuery('CREATE (:Probe {value: $v})', { v: 'kept' });
    await driver.close();

    expect(cli('stop')).toMatch(/stopped/); // SIGTERM: a clean shutdown
    expect(cli('start')).toMatch(/started/);
    const again = neo4j.driver(`bolt://127.0.0.1:${PORT}`, neo4j.auth.basic('neo4j', 'local-secret-1'));
    const { records } = await again.executeQuery('MATCH (p:Probe) RETURN p.value AS value');
    await again.close();
    expect(records.map((r) => r.get('value'))).toEqual(['kept']);
  },
  120_000,
);
