// Fetches Neo4j's jars from Maven Central (mvn copy-dependencies, cached in ~/.m2) and compiles the
// launcher. Idempotent: a marker file records what was fetched; a second call does nothing.
import { spawnSync } from 'node:child_process';
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { localPaths } from './paths';
import { checkPrerequisites, javacCommand } from './prerequisites';

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
    fs.mkdirSync(localPaths.classes, { recursive: true });
    const javac = spawnSync(javacCommand(), ['-cp', path.join(localPaths.lib, '*'), '-d', localPaths.classes, localPaths.launcherSource], { encoding: 'utf8' });
    if (javac.status !== 0) throw new Error(`Compiling the Neo4j launcher failed:\n${javac.stdout}${javac.stderr}`);
    fs.writeFileSync(classMarker, new Date().toISOString());
    changed = true;
  }
  return changed;
}
