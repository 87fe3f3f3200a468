// The local Neo4j as its own process: with NEO4J_PASSWORD set, auth is on and only that password
// opens it (also after a restart); SIGTERM leaves a store that starts again with its data; the
// benchmarks' bulk load (Neo4j's offline importer, bench/world-build.ts) replaces its store, and
// refuses one that holds data start-up would not load again. A second instance in a temporary
// folder and port, so the shared one is left alone.
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
    // the classes a start loads come from the class-data archive db:fetch made: the JVM mapped it
    // (one it rejected — another JDK, other jars — it would not map, and would start without it)
    if (process.platform === 'linux') {
      const pid = Number(fs.readFileSync(path.join(dir, 'neo4j.pid'), 'utf8'));
      expect(fs.readFileSync(`/proc/${pid}/maps`, 'utf8')).toContain('launcher.jsa');
    }
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

/**
 * Runs `code` (TypeScript, from the project root) in a child process with the test instance's
 * environment (the local paths are read from it); a failure (exit 3) throws with its stderr.
 */
const inChild = (code: string) =>
  execFileSync(process.execPath, ['-r', 'ts-node/register/transpile-only', '-e', `${code}.catch((e) => { console.error(e.message); process.exit(3); });`], {
    cwd: ROOT,
    env,
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'pipe'],
  });

/** Builds the benchmark world of `people` with the importer in the test's instance. */
const buildWorld = (people: number) =>
  inChild(
    `const { buildWorld } = require('./bench/world-build'); const { loadConfig } = require('./src/config');
     buildWorld(loadConfig({ ...process.env, LOG_LEVEL: 'silent' }), ${people}, 'import', () => undefined)
       .then(async (r) => { console.log(r.summary); await r.db.close(); })`,
  );

(process.env.NEO4J_URI ? it.skip : it)(
  'bulk-loads the benchmark world with the offline importer, replacing the store — never one with data to keep',
  async () => {
    cli('start');
    const driver = neo4j.driver(`bolt://127.0.0.1:${PORT}`, neo4j.auth.basic('neo4j', 'local-secret-1'));
    try {
      // an ingestion by an editor is data start-up would not load again: refused, and kept
      await driver.executeQuery("CREATE (:Ingestion {id: 'ingestion/by-hand', actor: 'api:editor'})");
      let refusal = '';
      try {
        buildWorld(3);
      } catch (error) {
        refusal = String((error as { stderr?: string }).stderr);
      }
      expect(refusal).toMatch(/holds data start-up would not load again \(1 ingestions by other actors/);
      const kept = await driver.executeQuery("MATCH (i:Ingestion {id: 'ingestion/by-hand'}) RETURN count(i) AS n");
      expect(kept.records[0]!.get('n').toNumber()).toBe(1);

      await driver.executeQuery("MATCH (i:Ingestion {id: 'ingestion/by-hand'}) DELETE i");
      expect(buildWorld(3)).toMatch(/generated [\d,]+ nodes in .* writer import/);
    } finally {
      await driver.close();
    }
    // the instance was stopped for the import and started again: the world is there, the Probe is not
    const again = neo4j.driver(`bolt://127.0.0.1:${PORT}`, neo4j.auth.basic('neo4j', 'local-secret-1'));
    try {
      const probe = await again.executeQuery('MATCH (p:Probe) RETURN count(p) AS n');
      expect(probe.records[0]!.get('n').toNumber()).toBe(0);
      const { records } = await again.executeQuery(
        `MATCH (p:Person:Entity {id: 'person/bench-0'})<-[:HOLDER]-(o:Occupancy:Fact)-[s:SOURCED_FROM]->(src:Source)
         RETURN p.name AS name, p.aliases AS aliases, p.searchKeys AS keys, o.id AS occupancy, o.inferred AS inferred, s.quotes AS quotes, src.id AS source
         ORDER BY occupancy`,
      );
      expect(records.map((r) => r.toObject())).toEqual([
        {
          name: 'Nguyễn Văn An',
          aliases: [],
          keys: ['nguyen van an'],
          occupancy: 'occupancy/bench-0/before',
          inferred: false,
          quotes: ['generated: ended'],
          source: 'source/bench-0',
        },
        {
          name: 'Nguyễn Văn An',
          aliases: [],
          keys: ['nguyen van an'],
          occupancy: 'occupancy/bench-0/now',
          inferred: false,
          quotes: ['generated: current'],
          source: 'source/bench-0',
        },
      ]);
      // migrated after the import: the constraints hold over the imported nodes
      await expect(again.executeQuery("CREATE (:Person:Entity {id: 'person/bench-0'})")).rejects.toThrow(/already exists/);
      const people = await again.executeQuery("MATCH (p:Person) WHERE p.id STARTS WITH 'person/bench-' RETURN count(p) AS n");
      expect(people.records[0]!.get('n').toNumber()).toBe(3);
    } finally {
      await again.close();
    }
  },
  240_000,
);

(process.env.NEO4J_URI ? it.skip : it)(
  'a failed bulk import (any bad entry) leaves the database empty, never half-imported',
  async () => {
    const csv = path.join(dir, 'bad-csv');
    fs.mkdirSync(csv, { recursive: true });
    fs.writeFileSync(path.join(csv, 'nodes.csv'), 'id:ID,name\n"x/1","One"\n');
    fs.writeFileSync(path.join(csv, 'rels.csv'), ':START_ID,:END_ID\n"x/1","x/missing"\n'); // a relationship to no node
    let failure = '';
    try {
      inChild(
        `require('./src/localdb/bulk-import').bulkImportLocal({ nodes: [{ labels: ['Probe'], file: ${JSON.stringify(path.join(csv, 'nodes.csv'))} }],
           relationships: [{ type: 'R', file: ${JSON.stringify(path.join(csv, 'rels.csv'))} }], arrayDelimiter: '\\u001f' }, ${PORT})
           .then(() => console.log('imported'))`,
      );
    } catch (error) {
      failure = String((error as { stderr?: string }).stderr);
    }
    expect(failure).toMatch(/import exited with \d+; the half-written database was removed, so it starts empty/);
    expect(cli('start')).toMatch(/started/);
    const driver = neo4j.driver(`bolt://127.0.0.1:${PORT}`, neo4j.auth.basic('neo4j', 'local-secret-1'));
    try {
      const { records } = await driver.executeQuery('MATCH (n) RETURN count(n) AS n');
      expect(records[0]!.get('n').toNumber()).toBe(0); // neither the world before it nor the one node of the bad files
    } finally {
      await driver.close();
    }
  },
  120_000,
);
