// Fetches Neo4j's jars from Maven Central (mvn copy-dependencies, cached in ~/.m2), compiles the
// launcher into a jar and archives the classes a start loads (a class-data archive, JDK's CDS).
// Idempotent: marker files record what was done; a second call does nothing.
import { spawnSync } from 'node:child_process';
import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { localPaths } from './paths';
import { checkPrerequisites, jarCommand, javacCommand, javaCommand } from './prerequisites';
import { importerCommand } from './bulk-import';
import { launcherArgs } from './server';

function digest(file: string): string {
  return crypto.createHash('sha256').update(fs.readFileSync(file)).digest('hex').slice(0, 16);
}

/** Ensures the jars and the compiled launcher are present; returns true when it had to fetch or build. */
export function ensureLocalNeo4jInstalled(log: (msg: string) => void = () => undefined): boolean {
  const pomDigest = digest(localPaths.pom);
  const jarMarker = path.join(localPaths.lib, `.fetched-${pomDigest}`);
  const launcherDigest = digest(localPaths.launcherSource);
  const classMarker = path.join(localPaths.classes, `.built-${launcherDigest}-${pomDigest}`);
  let changed = false;

  if (!fs.existsSync(jarMarker)) {
    checkPrerequisites(true);
    log('Fetching Neo4j 5.26 Community jars from Maven Central (first run only; ~120 MB)…');
    fs.rmSync(localPaths.lib, { recursive: true, force: true });
    fs.mkdirSync(localPaths.lib, { recursive: true });
    const mvn = spawnSync('mvn', ['-B', '-q', '-f', localPaths.pom, 'package', `-Dneo4j.lib.dir=${localPaths.lib}`], {
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    if (mvn.status !== 0) {
      throw new Error(`Fetching Neo4j's jars with Maven failed (exit ${mvn.status}):\n${(mvn.stdout + mvn.stderr).slice(-3000)}`);
    }
    fs.writeFileSync(jarMarker, new Date().toISOString());
    changed = true;
  }

  if (changed || !fs.existsSync(classMarker)) {
    checkPrerequisites(false);
    fs.rmSync(localPaths.classes, { recursive: true, force: true });
    const compiled = path.join(localPaths.classes, 'compiled');
    fs.mkdirSync(compiled, { recursive: true });
    const javac = spawnSync(javacCommand(), ['-cp', path.join(localPaths.lib, '*'), '-d', compiled, localPaths.launcherSource], { encoding: 'utf8' });
    if (javac.status !== 0) throw new Error(`Compiling the Neo4j launcher failed:\n${javac.stdout}${javac.stderr}`);
    const jar = spawnSync(jarCommand(), ['cf', localPaths.launcherJar, '-C', compiled, '.'], { encoding: 'utf8' });
    if (jar.status !== 0) throw new Error(`Packing the Neo4j launcher into a jar failed:\n${jar.stdout}${jar.stderr}`);
    fs.rmSync(compiled, { recursive: true, force: true });
    fs.writeFileSync(classMarker, new Date().toISOString());
    changed = true;
  }

  const archiveTried = path.join(localPaths.classes, '.archive-tried');
  if (!fs.existsSync(archiveTried)) {
    log('Archiving the classes the local Neo4j and its importer load (first run only; ~20–30 s, each later start ~2 s faster)…');
    const why = [archiveRun(localPaths.classArchive, launcherRun), archiveRun(localPaths.importerArchive, importerRun)].filter(Boolean);
    // tried once: a JDK that cannot archive (or a failure) costs no later start anything
    fs.writeFileSync(archiveTried, why.join('\n') || 'archived');
    if (why.length) log(`Not all class-data archives were made (what has none starts without one): ${why.join('; ')}`);
    changed = true;
  }
  return changed;
}

/** One archiving run: the JVM arguments and environment that run a program once and exit, in a throwaway folder. */
type ArchiveRun = (dir: string) => { args: string[]; env: NodeJS.ProcessEnv };

/** The launcher on a throwaway store, with any free Bolt port (0): one statement, then a clean stop. */
const launcherRun: ArchiveRun = (dir) => {
  const env = { ...process.env };
  delete env.NEO4J_PASSWORD;
  return { args: ['-Dog.exitWhenReady=true', ...launcherArgs({ heap: '512m', pageCacheMb: 16, port: 0, home: path.join(dir, 'home') })], env };
};

/** The importer on two nodes (one with a list) and a relationship between them. */
const importerRun: ArchiveRun = (dir) => {
  const nodes = path.join(dir, 'nodes.csv');
  const rels = path.join(dir, 'rels.csv');
  fs.writeFileSync(nodes, ':ID,id,name,aliases:string[]\n0,"a/0","A","x\u001fy"\n1,"a/1","B",\n');
  fs.writeFileSync(rels, ':START_ID,:END_ID\n0,1\n');
  fs.mkdirSync(path.join(dir, 'home'));
  return importerCommand(
    { nodes: [{ labels: ['Probe'], file: nodes }], relationships: [{ type: 'LINKS', file: rels }], arrayDelimiter: '\u001f', idType: 'integer' },
    path.join(dir, 'home'),
    dir,
  );
};

/**
 * Runs `run` once with -XX:ArchiveClassesAtExit and keeps what the JVM wrote at exit as `archive` —
 * written beside it first, then renamed, so a start never maps half a file. Returns why it could not,
 * or undefined.
 */
function archiveRun(archive: string, run: ArchiveRun): string | undefined {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'officials-graph-archive-'));
  const part = `${archive}.${process.pid}.part`;
  try {
    const { args, env } = run(dir);
    const result = spawnSync(javaCommand(), [`-XX:ArchiveClassesAtExit=${part}`, ...args], { encoding: 'utf8', env, timeout: 180_000 });
    if (result.status !== 0 || !fs.existsSync(part))
      return `${path.basename(archive)}: the archiving run exited with ${result.status ?? result.signal}: ${`${result.stdout}${result.stderr}`.slice(-500)}`;
    fs.renameSync(part, archive);
    return undefined;
  } finally {
    fs.rmSync(part, { force: true });
    fs.rmSync(dir, { recursive: true, force: true });
  }
}
