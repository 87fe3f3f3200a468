// A bulk load of the local Neo4j's store from CSV files: Neo4j's own offline importer
// (`neo4j-admin database import full`, in the jars the launcher runs on), which writes the store
// files directly — no transactions, no index updates per node — and leaves the indexes to be
// populated when the DBMS starts. It replaces the `neo4j` database whole, so it is for a store of
// its own (the benchmarks' generated world), never one that holds data to keep; the caller checks.
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';

import { localPaths } from './paths';
import { javaCommand, sharedArchiveArgs } from './prerequisites';
import { portOpen, runningPid, stopLocalNeo4j } from './server';

export interface BulkImportFiles {
  /** Node files, each with its labels (the file's header line names its columns and their types). */
  nodes: Array<{ labels: string[]; file: string }>;
  /** Relationship files, each with its type. */
  relationships: Array<{ type: string; file: string }>;
  /** The character between a list's items within a field. */
  arrayDelimiter: string;
  /**
   * What the `:ID`, `:START_ID` and `:END_ID` columns hold: `string` (the default) or `integer`, which
   * the importer maps far faster (no strings to sort and deduplicate); an unnamed integer `:ID` column is
   * not stored, so the files then give the `id` property in a column of its own.
   */
  idType?: 'string' | 'integer';
}

/**
 * Stops the local Neo4j started from this folder (LOCAL_NEO4J_DIR), imports the files into its
 * `neo4j` database (replacing it) and leaves it stopped: start it again (startLocalNeo4j) and
 * migrate, which creates the constraints and indexes over the imported nodes. Rejects, touching
 * nothing, when a Neo4j this folder did not start answers on `port`. The importer's output is
 * returned. A failed import (any bad entry fails it) throws with its last lines, and leaves the
 * database empty, never half-imported.
 */
export async function bulkImportLocal(files: BulkImportFiles, port: number): Promise<string> {
  if (runningPid() === undefined && (await portOpen(port)))
    throw new Error(`A Neo4j answers on port ${port} that ${localPaths.base} did not start: the bulk import writes only a store of its own.`);
  await stopLocalNeo4j();
  const { args, env } = importerCommand(files, localPaths.home, localPaths.base);
  const child = spawn(javaCommand(), [...sharedArchiveArgs(localPaths.importerArchive), ...args], {
    env,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString('utf8')));
  child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString('utf8')));
  const code = await new Promise<number | null>((resolve, reject) => {
    child.once('error', reject);
    child.once('exit', resolve);
  });
  if (code !== 0) {
    // a failed import leaves half-written store files, which the DBMS would start on: removed, so the
    // database starts empty (it was being replaced) instead of half-imported
    for (const dir of ['databases', 'transactions']) fs.rmSync(path.join(localPaths.home, 'data', dir, 'neo4j'), { recursive: true, force: true });
    throw new Error(
      `neo4j-admin database import exited with ${code}; the half-written database was removed, so it starts empty:\n${output.split('\n').slice(-25).join('\n')}`,
    );
  }
  return output;
}

/**
 * The importer's JVM arguments and environment, to import `files` into the `neo4j` database of the
 * store in `home`; its settings folder (an empty neo4j.conf) and report go in `workDir`.
 */
export function importerCommand(files: BulkImportFiles, home: string, workDir: string): { args: string[]; env: NodeJS.ProcessEnv } {
  // the importer reads its settings from NEO4J_CONF; an empty file keeps the embedded DBMS's layout (home/data)
  const conf = path.join(workDir, 'import-conf');
  fs.mkdirSync(conf, { recursive: true });
  fs.writeFileSync(path.join(conf, 'neo4j.conf'), '');
  const delimiter = `U+${files.arrayDelimiter.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')}`;
  const args = [
    // C1 only: a run of seconds does not repay C2's compilations, which take a core of two from the
    // importer's threads — on 2 cores, 100k people: 27–29 s of CPU against 27–39 s, the wall time the
    // same within the spread (15–19 s, six runs of each alternated)
    '-XX:TieredStopAtLevel=1',
    '-cp',
    path.join(localPaths.lib, '*'),
    'org.neo4j.cli.AdminTool',
    'database',
    'import',
    'full',
    // the database first: --nodes and --relationships take any number of files, and would swallow it
    'neo4j',
    '--overwrite-destination=true',
    // any bad entry (a relationship to a missing node, a duplicate id) fails the import: the default
    // tolerates 1,000 of them, skipped silently, and the store would not be the files
    '--bad-tolerance=0',
    `--array-delimiter=${delimiter}`,
    `--id-type=${(files.idType ?? 'string').toUpperCase()}`,
    `--report-file=${path.join(workDir, 'import.report')}`,
    ...files.nodes.map((n) => `--nodes=${n.labels.join(':')}=${n.file}`),
    ...files.relationships.map((r) => `--relationships=${r.type}=${r.file}`),
  ];
  return { args, env: { ...process.env, NEO4J_HOME: home, NEO4J_CONF: conf } };
}
