// Checks that Java 17+ and Maven are installed, with a message that says what to install.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';

/** The java executable: $JAVA_HOME/bin/java when JAVA_HOME is set, else java on PATH. */
export function javaCommand(): string {
  return process.env.JAVA_HOME ? path.join(process.env.JAVA_HOME, 'bin', 'java') : 'java';
}

export function javacCommand(): string {
  return process.env.JAVA_HOME ? path.join(process.env.JAVA_HOME, 'bin', 'javac') : 'javac';
}

/**
 * The JVM argument that maps a class-data archive (fetch.ts makes them), or none when there is none.
 * One that no longer matches the JDK or the jars is ignored by the JVM (a warning), never fatal.
 */
export function sharedArchiveArgs(archive: string): string[] {
  return fs.existsSync(archive) ? [`-XX:SharedArchiveFile=${archive}`] : [];
}

export function jarCommand(): string {
  return process.env.JAVA_HOME ? path.join(process.env.JAVA_HOME, 'bin', 'jar') : 'jar';
}

/** Parses the major version from `java -version` output ("17.0.15", "1.8.0_392", "21"). */
export function parseJavaMajor(output: string): number | undefined {
  const m = /version "(\d+)(?:\.(\d+))?/.exec(output);
  if (!m) return undefined;
  const first = Number(m[1]);
  return first === 1 && m[2] ? Number(m[2]) : first;
}

/** Throws an Error with an actionable message when Java 17–21 (with javac) or Maven is missing. */
export function checkPrerequisites(needMaven: boolean): void {
  const java = spawnSync(javaCommand(), ['-version'], { encoding: 'utf8' });
  if (java.error || java.status !== 0) {
    throw new Error(
      'The local Neo4j needs Java 17 (JDK) on PATH or in JAVA_HOME: install it (e.g. apt-get install openjdk-17-jdk-headless), or set NEO4J_URI to use an existing Neo4j.',
    );
  }
  const major = parseJavaMajor(`${java.stderr}${java.stdout}`);
  if (major === undefined || major < 17) {
    throw new Error(
      `The local Neo4j 5.26 needs Java 17 or 21, found ${major ?? 'an unknown version'}: install JDK 17 or point JAVA_HOME at it, or set NEO4J_URI.`,
    );
  }
  if (major > 21) {
    throw new Error(`Neo4j 5.26 supports Java 17 and 21, found Java ${major}: point JAVA_HOME at JDK 17 or 21, or set NEO4J_URI.`);
  }
  const javac = spawnSync(javacCommand(), ['-version'], { encoding: 'utf8' });
  if (javac.error || javac.status !== 0) {
    throw new Error('The local Neo4j compiles a small launcher and needs javac (a JDK, not only a JRE): install openjdk-17-jdk-headless, or set NEO4J_URI.');
  }
  if (needMaven) {
    const mvn = spawnSync('mvn', ['-v'], { encoding: 'utf8' });
    if (mvn.error || mvn.status !== 0) {
      throw new Error('The local Neo4j fetches its jars from Maven Central with Maven: install it (e.g. apt-get install maven), or set NEO4J_URI.');
    }
  }
}
