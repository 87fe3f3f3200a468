// Starts, stops and inspects the local Neo4j: a detached JVM running neo4j/Launcher.java, whose pid
// is kept in .neo4j/neo4j.pid. Start reuses a Neo4j already answering on the port.
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import { localPaths } from './paths';
import { checkPrerequisites, javaCommand, sharedArchiveArgs } from './prerequisites';

export interface LocalNeo4jOptions {
  port: number;
  heap: string;
  pageCacheMb: number;
  /** How long to wait for Bolt to answer. */
  startTimeoutMs?: number;
}

/** True when something accepts TCP connections on 127.0.0.1:port. */
export function portOpen(port: number, timeoutMs = 1000): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = net.connect({ host: '127.0.0.1', port });
    const done = (open: boolean) => {
      socket.destroy();
      resolve(open);
    };
    socket.setTimeout(timeoutMs, () => done(false));
    socket.once('connect', () => done(true));
    socket.once('error', () => done(false));
  });
}

/** The pid recorded for the local Neo4j, when that process is still alive. */
export function runningPid(): number | undefined {
  if (!fs.existsSync(localPaths.pidFile)) return undefined;
  const pid = Number(fs.readFileSync(localPaths.pidFile, 'utf8').trim());
  if (!Number.isInteger(pid) || pid <= 0) return undefined;
  try {
    process.kill(pid, 0);
    return pid;
  } catch {
    return undefined;
  }
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/**
 * Starts the local Neo4j unless one already answers on the port.
 * Resolves with started=true when this call started it.
 */
export async function startLocalNeo4j(options: LocalNeo4jOptions): Promise<{ started: boolean; pid?: number }> {
  if (await portOpen(options.port)) return { started: false, pid: runningPid() };
  // Two starters at once (npm start and npm test, say): one starts the JVM, the other waits for it.
  const lock = takeStartLock();
  if (!lock) {
    const deadline = Date.now() + (options.startTimeoutMs ?? 120_000);
    while (Date.now() < deadline) {
      if (await portOpen(options.port, 500)) return { started: false, pid: runningPid() };
      await sleep(250);
    }
    throw new Error(`Another process is starting the local Neo4j (${localPaths.lockFile}) and it did not answer in time.`);
  }
  try {
    return await spawnLocalNeo4j(options);
  } finally {
    fs.rmSync(localPaths.lockFile, { force: true });
  }
}

/** Creates the start lock file; false when a live process holds it (a stale lock is taken over). */
function takeStartLock(): boolean {
  fs.mkdirSync(localPaths.base, { recursive: true });
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      fs.writeFileSync(localPaths.lockFile, String(process.pid), { flag: 'wx' });
      return true;
    } catch {
      const holder = Number(fs.readFileSync(localPaths.lockFile, 'utf8').trim());
      try {
        process.kill(holder, 0);
        return false;
      } catch {
        fs.rmSync(localPaths.lockFile, { force: true });
      }
    }
  }
  return false;
}

/** The JVM's arguments for the launcher, its class path and main class last. */
export function launcherArgs(options: { heap: string; pageCacheMb: number; port: number; home: string }): string[] {
  return [
    `-Xms${options.heap}`,
    `-Xmx${options.heap}`,
    '-XX:+UseG1GC',
    '-XX:+ExitOnOutOfMemoryError',
    '--add-opens=java.base/java.nio=ALL-UNNAMED',
    '--add-opens=java.base/java.io=ALL-UNNAMED',
    '--add-opens=java.base/sun.nio.ch=ALL-UNNAMED',
    '--add-opens=java.base/java.lang=ALL-UNNAMED',
    '--add-opens=java.base/java.util=ALL-UNNAMED',
    '-Dio.netty.tryReflectionSetAccessible=true',
    '-Dfile.encoding=UTF-8',
    `-Dog.home=${options.home}`,
    `-Dog.port=${options.port}`,
    `-Dog.pagecacheMb=${options.pageCacheMb}`,
    '-cp',
    `${localPaths.launcherJar}${path.delimiter}${path.join(localPaths.lib, '*')}`,
    'Launcher',
  ];
}

async function spawnLocalNeo4j(options: LocalNeo4jOptions): Promise<{ started: boolean; pid?: number }> {
  checkPrerequisites(false);
  fs.mkdirSync(localPaths.home, { recursive: true });
  const logOffset = fs.existsSync(localPaths.logFile) ? fs.statSync(localPaths.logFile).size : 0;
  const out = fs.openSync(localPaths.logFile, 'a');
  // the class-data archive, when there is one (fetch.ts): ~2 s less of each start on 2 cores
  const args = [...sharedArchiveArgs(localPaths.classArchive), ...launcherArgs({ ...options, home: localPaths.home })];
  const child = spawn(javaCommand(), args, { detached: true, stdio: ['ignore', out, out], env: process.env });
  fs.closeSync(out);
  const pid = child.pid;
  if (pid === undefined) throw new Error('Could not start Java for the local Neo4j.');
  fs.writeFileSync(localPaths.pidFile, String(pid));
  let exited: number | null | undefined;
  child.once('exit', (code) => {
    exited = code;
  });
  child.unref();

  const deadline = Date.now() + (options.startTimeoutMs ?? 120_000);
  while (Date.now() < deadline) {
    if (exited !== undefined) {
      fs.rmSync(localPaths.pidFile, { force: true });
      throw new Error(`The local Neo4j exited during start-up (code ${exited}); see ${localPaths.logFile}:\n${logTail()}`);
    }
    // The launcher prints READY once Bolt listens and the password (if any) is set.
    if (launcherSaidReady(logOffset, options.port)) return { started: true, pid };
    await sleep(250);
  }
  await stopLocalNeo4j();
  throw new Error(`The local Neo4j did not answer on port ${options.port} in time; see ${localPaths.logFile}:\n${logTail()}`);
}

/** Stops the local Neo4j started from this folder (SIGTERM: a clean shutdown). Resolves once it has exited. */
export async function stopLocalNeo4j(timeoutMs = 60_000): Promise<boolean> {
  const pid = runningPid();
  if (pid === undefined) {
    fs.rmSync(localPaths.pidFile, { force: true });
    return false;
  }
  process.kill(pid, 'SIGTERM');
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    try {
      process.kill(pid, 0);
    } catch {
      fs.rmSync(localPaths.pidFile, { force: true });
      return true;
    }
    await sleep(100);
  }
  throw new Error(`The local Neo4j (pid ${pid}) did not stop within ${timeoutMs} ms.`);
}

function launcherSaidReady(offset: number, port: number): boolean {
  try {
    const fd = fs.openSync(localPaths.logFile, 'r');
    try {
      const size = fs.fstatSync(fd).size;
      const buffer = Buffer.alloc(Math.max(0, size - offset));
      fs.readSync(fd, buffer, 0, buffer.length, offset);
      return buffer.toString('utf8').includes(`READY ${port}`);
    } finally {
      fs.closeSync(fd);
    }
  } catch {
    return false;
  }
}

function logTail(): string {
  try {
    return fs.readFileSync(localPaths.logFile, 'utf8').split('\n').slice(-20).join('\n');
  } catch {
    return '(no log)';
  }
}
