// Starts the built API (dist/src/main.js) on a port for a benchmark and waits until /readyz answers 200 —
// as deployed (docker-compose.yml): NODE_ENV=production, where graphql-js skips its development checks.
// BENCH_API_NODE_ARGS adds Node flags to that process only, e.g. "--cpu-prof --cpu-prof-dir=/tmp/prof"
// (NODE_OPTIONS refuses --cpu-prof, and would profile the load generator too).
import { ChildProcess, spawn } from 'node:child_process';
import path from 'node:path';

const ROOT = path.resolve(__dirname, '..');

export async function startApi(port: number): Promise<{ server: ChildProcess; url: string }> {
  const server = spawn(process.execPath, [...(process.env.BENCH_API_NODE_ARGS ?? '').split(' ').filter(Boolean), 'dist/src/main.js'], {
    cwd: ROOT,
    env: { ...process.env, NODE_ENV: 'production', PORT: String(port), LOG_LEVEL: 'warn' },
    stdio: 'inherit',
  });
  const url = `http://127.0.0.1:${port}`;
  for (let i = 0; i < 240; i++) {
    const status = await fetch(`${url}/readyz`).then(
      (r) => r.status,
      () => 0,
    );
    if (status === 200) break;
    await new Promise((r) => setTimeout(r, 500));
  }
  return { server, url };
}
