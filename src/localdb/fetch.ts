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
  if (!fs.existsSync(localPaths.classArchive) && !fs.existsSync(archiveTried)) {
    log('Archiving the classes the local Neo4j loads at start (first run only; ~10–20 s, each later start ~2 s faster)…');
    const why = buildClassArchive();
    // tried once: a JDK that cannot archive (or a failure) costs no later start anything
    fs.writeFileSync(archiveTried, why ?? 'archived');
    if (why) log(`No class-data archive (the local Neo4j starts without one): ${why}`);
    changed = true;
  }
  return changed;
}

/**
 * Starts the launcher once on a throwaway store, with no Bolt port of its own (port 0: any free one),
 * has it run one statement and stop, and keeps what the JVM wrote at exit (-XX:ArchiveClassesAtExit)
 * as localPaths.classArchive — written beside it first, then renamed, so a start never maps half a
 * file. Returns why it could not, or undefined.
 */
function buildClassArchive(): string | undefined {
  const home = fs.mkdtempSync(path.join(os.tmpdir(), 'officials-graph-archive-'));
  const part = `${localPaths.classArchive}.${process.pid}.part`;
  try {
    const env = { ...process.env };
    delete env.NEO4J_PASSWORD;
    const run = spawnSync(
      javaCommand(),
      [`-XX:ArchiveClassesAtExit=${part}`, '-Dog.exitWhenReady=true', ...launcherArgs({ heap: '512m', pageCacheMb: 16, port: 0, home })],
      { encoding: 'utf8', env, timeout: 180_000 },
    );
    if (run.status !== 0 || !fs.existsSync(part))
      return `the archiving run exited with ${run.status ?? run.signal}: ${`${run.stdout}${run.stderr}`.slice(-500)}`;
    fs.renameSync(part, localPaths.classArchive);
    return undefined;
  } finally {
    fs.rmSync(part, { force: true });
    fs.rmSync(home, { recursive: true, force: true });
  }
}
