// Where the local Neo4j keeps its jars and compiled launcher (.neo4j/lib, .neo4j/classes) and its
// store, logs and pid (.neo4j/ too, or LOCAL_NEO4J_DIR for a second instance). All git-ignored.
import path from 'node:path';

import { PROJECT_ROOT } from '../paths';

const shared = path.join(PROJECT_ROOT, '.neo4j');
const base = process.env.LOCAL_NEO4J_DIR ? path.resolve(process.env.LOCAL_NEO4J_DIR) : shared;

export const localPaths = {
  base,
  lib: path.join(shared, 'lib'),
  classes: path.join(shared, 'classes'),
  /** The compiled launcher as a jar: a class-data archive maps only jars, never a folder of classes. */
  launcherJar: path.join(shared, 'classes', 'launcher.jar'),
  /** The classes a start of the launcher loads, archived once (fetch.ts) and mapped by every later start. */
  classArchive: path.join(shared, 'classes', 'launcher.jsa'),
  /** The same for the offline importer (bulk-import.ts). */
  importerArchive: path.join(shared, 'classes', 'importer.jsa'),
  home: path.join(base, 'home'),
  pidFile: path.join(base, 'neo4j.pid'),
  lockFile: path.join(base, 'neo4j.start.lock'),
  logFile: path.join(base, 'neo4j.out.log'),
  pom: path.join(PROJECT_ROOT, 'neo4j', 'pom.xml'),
  launcherSource: path.join(PROJECT_ROOT, 'neo4j', 'Launcher.java'),
};
