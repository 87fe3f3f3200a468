// docker-compose.yml and Dockerfile against the code: the api service is configured with the variable
// names src/config.ts reads, reaches the neo4j service where it listens, and the image runs the
// compiled src/main.ts on the port the compose file publishes. Reads files only; no Docker needed.
import fs from 'node:fs';
import path from 'node:path';
import { parse } from 'yaml';
import { CONFIG_VARIABLES, loadConfig } from '../../src/config';

const ROOT = path.resolve(__dirname, '../..');
const read = (file: string): string => fs.readFileSync(path.join(ROOT, file), 'utf8');

// ---------------------------------------------------------------- compose interpolation

type Env = Record<string, string | undefined>;

/**
 * Resolves Compose's interpolation in one value: $$, $VAR, ${VAR}, ${VAR:-d}, ${VAR-d}, ${VAR:?e},
 * ${VAR?e}, ${VAR:+r}, ${VAR+r}. With the default empty `env`, every ${VAR:-default} gives its default.
 */
function interpolate(value: string, env: Env = {}): string {
  const pattern = /\$(?:(\$)|\{([A-Za-z_][A-Za-z0-9_]*)(?:(:?[-?+])([^{}]*))?\}|([A-Za-z_][A-Za-z0-9_]*))/g;
  const resolved = value.replace(pattern, (match, dollar, braced, op, arg, bare) => {
    if (dollar) return '$';
    const name = (braced ?? bare) as string;
    const current = env[name];
    const set = current !== undefined;
    const nonEmpty = set && current !== '';
    switch (op as string | undefined) {
      case undefined:
        return current ?? '';
      case ':-':
        return nonEmpty ? current : arg;
      case '-':
        return set ? current : arg;
      case ':?':
        if (!nonEmpty) throw new Error(`${name} is required: ${arg}`);
        return current;
      case '?':
        if (!set) throw new Error(`${name} is required: ${arg}`);
        return current;
      case ':+':
        return nonEmpty ? arg : '';
      case '+':
        return set ? arg : '';
      default:
        throw new Error(`unsupported interpolation ${match}`);
    }
  });
  // Whatever '$' is left over is syntax this resolver (or Compose) does not accept, e.g. nesting.
  const rest = value.replace(pattern, '');
  if (rest.includes('$')) throw new Error(`unsupported interpolation in ${JSON.stringify(value)}`);
  return resolved;
}

// ---------------------------------------------------------------- compose file helpers

interface Service {
  image?: string;
  build?: unknown;
  restart?: string;
  depends_on?: string[] | Record<string, { condition?: string }>;
  ports?: Array<string | number | { target: number; published?: string | number }>;
  environment?: string[] | Record<string, string | number | boolean | null>;
  volumes?: Array<string | { type?: string; source?: string; target: string }>;
  healthcheck?: { test?: string | string[]; interval?: string; retries?: number; start_period?: string };
}
interface ComposeFile {
  services: Record<string, Service>;
  volumes?: Record<string, unknown>;
}

/** A service's environment as name → value (undefined: passed through from the host, i.e. unset here). */
function environmentOf(service: Service): Record<string, string | undefined> {
  const env = service.environment ?? {};
  const out: Record<string, string | undefined> = {};
  if (Array.isArray(env)) {
    for (const entry of env) {
      const eq = entry.indexOf('=');
      if (eq < 0) out[entry] = undefined;
      else out[entry.slice(0, eq)] = entry.slice(eq + 1);
    }
  } else {
    for (const [name, value] of Object.entries(env)) out[name] = value === null ? undefined : String(value);
  }
  return out;
}

/** The same environment with every interpolation resolved to its default. */
function resolvedEnvironmentOf(service: Service): Record<string, string | undefined> {
  const out: Record<string, string | undefined> = {};
  for (const [name, value] of Object.entries(environmentOf(service))) {
    out[name] = value === undefined ? undefined : interpolate(value);
  }
  return out;
}

/** Port mappings, short ("[ip:][published:]target[/proto]") or long syntax, defaults resolved. */
function portsOf(service: Service): Array<{ published: string | undefined; target: number }> {
  return (service.ports ?? []).map((port) => {
    if (typeof port === 'object') {
      return { published: port.published === undefined ? undefined : interpolate(String(port.published)), target: Number(port.target) };
    }
    const parts = interpolate(String(port))
      .replace(/\/(tcp|udp)$/, '')
      .split(':');
    const target = Number(parts[parts.length - 1]);
    return { published: parts.length > 1 ? parts[parts.length - 2] : undefined, target };
  });
}

const healthcheckCommand = (service: Service): string => {
  const test = service.healthcheck?.test;
  return Array.isArray(test) ? test.join(' ') : (test ?? '');
};

// ---------------------------------------------------------------- Dockerfile helpers

interface Instruction {
  keyword: string;
  args: string;
}

/** Instructions of the Dockerfile: comments dropped, backslash continuations joined. */
function dockerInstructions(text: string): Instruction[] {
  const instructions: Instruction[] = [];
  let pending = '';
  for (const raw of text.split(/\r?\n/)) {
    const line = raw.trim();
    if (line.startsWith('#')) continue; // comments, also those inside a continuation
    if (line === '' && pending === '') continue;
    if (line.endsWith('\\')) {
      pending += `${line.slice(0, -1)} `;
      continue;
    }
    const full = (pending + line).trim();
    pending = '';
    if (full === '') continue;
    const match = /^(\S+)\s*(.*)$/.exec(full);
    if (match) instructions.push({ keyword: match[1]!.toUpperCase(), args: match[2]!.trim() });
  }
  return instructions;
}

/** The instructions of the last stage (the image that runs). */
function finalStage(instructions: Instruction[]): Instruction[] {
  const lastFrom = instructions.map((i) => i.keyword).lastIndexOf('FROM');
  return instructions.slice(lastFrom);
}

function envInstructions(stage: Instruction[]): Record<string, string> {
  const out: Record<string, string> = {};
  for (const { args } of stage.filter((i) => i.keyword === 'ENV')) {
    for (const pair of args.split(/\s+/)) {
      const eq = pair.indexOf('=');
      if (eq > 0) out[pair.slice(0, eq)] = pair.slice(eq + 1).replace(/^"(.*)"$/, '$1');
    }
  }
  return out;
}

// ---------------------------------------------------------------- the files

const compose = parse(read('docker-compose.yml')) as ComposeFile;
const services = compose?.services ?? {};
const neo4j = services['neo4j'] ?? {};
const api = services['api'] ?? {};
const apiEnv = resolvedEnvironmentOf(api);
const neo4jEnv = resolvedEnvironmentOf(neo4j);

const dockerfile = dockerInstructions(read('Dockerfile'));
const runtime = finalStage(dockerfile);

describe('the interpolation resolver used below', () => {
  it('resolves defaults, literal dollars and plain values', () => {
    expect(interpolate('${PORT:-4000}:4000')).toBe('4000:4000');
    expect(interpolate('neo4j/${NEO4J_PASSWORD:-officials-graph-dev}')).toBe('neo4j/officials-graph-dev');
    expect(interpolate('${X:-a}', { X: '' })).toBe('a');
    expect(interpolate('${X-a}', { X: '' })).toBe('');
    expect(interpolate('${X:-a}', { X: 'b' })).toBe('b');
    expect(interpolate('${X:+r}', { X: 'b' })).toBe('r');
    expect(interpolate('$X-${Y}', { X: 'x' })).toBe('x-');
    expect(interpolate('$$HOME')).toBe('$HOME');
    expect(interpolate('${CORS_ORIGINS:-*}')).toBe('*');
  });

  it('rejects required variables that are unset and syntax it does not know', () => {
    expect(() => interpolate('${X:?set X}')).toThrow('X is required');
    expect(() => interpolate('${X:-${Y}}')).toThrow('unsupported');
    expect(() => interpolate('${}')).toThrow('unsupported');
  });
});

describe('docker-compose.yml', () => {
  it('has the neo4j and api services', () => {
    expect(Object.keys(services)).toEqual(expect.arrayContaining(['neo4j', 'api']));
  });

  it('runs Neo4j 5.26 community', () => {
    expect(neo4j.image).toBe('neo4j:5.26-community');
  });

  it("sets the initial password, with the memory settings in Neo4j's env-var spelling", () => {
    const auth = neo4jEnv['NEO4J_AUTH'];
    expect(auth).toMatch(/^neo4j\/.{8,}$/); // Neo4j 5 rejects passwords under 8 characters
    expect(Object.keys(neo4jEnv)).toEqual(expect.arrayContaining(['NEO4J_server_memory_pagecache_size', 'NEO4J_server_memory_heap_max__size']));
    // '_' in a setting name is '__' in the variable: a single '_' would name a setting that does not exist.
    expect(Object.keys(neo4jEnv)).not.toContain('NEO4J_server_memory_heap_max_size');
    expect(neo4jEnv['NEO4J_server_memory_heap_max__size']).toMatch(/^\d+[kmg]$/);
    expect(neo4jEnv['NEO4J_server_memory_pagecache_size']).toMatch(/^\d+[kmg]$/);
    expect(neo4jEnv['NEO4J_dbms_usage__report_enabled']).toBe('false');
  });

  it("publishes Neo4j's HTTP and Bolt ports and keeps /data and /logs in named volumes", () => {
    expect(
      portsOf(neo4j)
        .map((p) => p.target)
        .sort(),
    ).toEqual([7474, 7687]);
    const mounts = (neo4j.volumes ?? []).map((v) =>
      typeof v === 'string' ? { source: v.split(':')[0]!, target: v.split(':')[1]! } : { source: v.source ?? '', target: v.target },
    );
    for (const target of ['/data', '/logs']) {
      const mount = mounts.find((m) => m.target === target);
      expect(mount).toBeDefined();
      expect(mount!.source).toMatch(/^[A-Za-z0-9][\w.-]*$/); // a named volume, not a host path
      expect(Object.keys(compose.volumes ?? {})).toContain(mount!.source);
    }
  });

  it('health-checks Neo4j over HTTP', () => {
    expect(healthcheckCommand(neo4j)).toContain('wget -q --spider http://localhost:7474');
    expect(neo4j.healthcheck?.retries).toBeGreaterThan(0);
    expect(neo4j.healthcheck?.interval).toBeDefined();
    expect(neo4j.healthcheck?.start_period).toBeDefined();
  });

  it('builds the api from the Dockerfile and starts it once Neo4j is healthy', () => {
    expect(api.build).toBeDefined();
    const dependsOn = api.depends_on;
    expect(Array.isArray(dependsOn)).toBe(false); // the list form cannot carry a condition
    expect((dependsOn as Record<string, { condition?: string }>)['neo4j']?.condition).toBe('service_healthy');
  });

  it('restarts both services unless stopped', () => {
    expect(neo4j.restart).toBe('unless-stopped');
    expect(api.restart).toBe('unless-stopped');
  });

  it('configures the api only with variables src/config.ts reads', () => {
    const names = Object.keys(environmentOf(api));
    expect(names.length).toBeGreaterThan(0);
    expect(names.filter((name) => !CONFIG_VARIABLES.includes(name))).toEqual([]);
    expect(names).toEqual(
      expect.arrayContaining(['NEO4J_URI', 'NEO4J_USER', 'NEO4J_PASSWORD', 'HOST', 'PORT', 'NODE_ENV', 'LOG_LEVEL', 'QUERY_TIMEOUT_MS', 'CORS_ORIGINS']),
    );
  });

  it("points the api at the neo4j service's Bolt port", () => {
    const uri = new URL(apiEnv['NEO4J_URI'] ?? '');
    expect(uri.protocol).toBe('bolt:');
    expect(Object.keys(services)).toContain(uri.hostname);
    expect(uri.hostname).toBe('neo4j');
    expect(portsOf(services[uri.hostname]!).map((p) => p.target)).toContain(Number(uri.port));
    expect(Number(uri.port)).toBe(7687);
  });

  it('gives the api the user and password the neo4j service is created with', () => {
    expect(neo4jEnv['NEO4J_AUTH']).toBe(`${apiEnv['NEO4J_USER']}/${apiEnv['NEO4J_PASSWORD']}`);
    expect(environmentOf(api)['NEO4J_PASSWORD']).toBe('${NEO4J_PASSWORD:-officials-graph-dev}');
  });

  it('publishes the api on the port it listens on, on all interfaces', () => {
    const ports = portsOf(api);
    expect(ports.map((p) => p.target)).toEqual([Number(apiEnv['PORT'])]);
    expect(ports[0]!.published).toBe('4000');
    expect(api.ports).toEqual(['${PORT:-4000}:4000']);
    expect(apiEnv['HOST']).toBe('0.0.0.0');
  });

  it('has an api environment that loadConfig accepts', () => {
    const config = loadConfig(apiEnv);
    expect(config.production).toBe(true);
    expect(config.host).toBe('0.0.0.0');
    expect(config.port).toBe(4000);
    expect(config.neo4j.uri).toBe('bolt://neo4j:7687');
    expect(config.neo4j.user).toBe('neo4j');
    expect(config.neo4j.password).toBe('officials-graph-dev');
    expect(config.corsOrigins).toBe('*');
  });

  it('health-checks the api on /readyz at its container port', () => {
    const command = healthcheckCommand(api);
    expect(command).toContain(`:${apiEnv['PORT']}/readyz`);
  });
});

describe('Dockerfile', () => {
  it('is multi-stage on Node 24, the current LTS', () => {
    const froms = dockerfile.filter((i) => i.keyword === 'FROM');
    expect(froms.length).toBeGreaterThanOrEqual(2);
    const args = dockerfile.filter((i) => i.keyword === 'ARG').map((i) => i.args);
    const imageOf = (from: string) => {
      const ref = from.split(/\s+/)[0]!;
      const arg = /^\$\{?(\w+)\}?$/.exec(ref);
      if (!arg) return ref;
      const declared = args.find((a) => a.startsWith(`${arg[1]}=`));
      return declared ? declared.slice(arg[1]!.length + 1) : ref;
    };
    // the current LTS: Node 24
    for (const from of froms) expect(imageOf(from.args)).toMatch(/^node:24(-|$)/);
    const runs = dockerfile
      .filter((i) => i.keyword === 'RUN')
      .map((i) => i.args)
      .join('\n');
    expect(runs).toContain('npm ci');
    expect(runs).toContain('npm run build');
    expect(runs).toMatch(/npm prune --omit=dev|npm prune --production/);
  });

  it('exposes the port the api service publishes', () => {
    const exposed = runtime
      .filter((i) => i.keyword === 'EXPOSE')
      .flatMap((i) => i.args.split(/\s+/))
      .map((p) => Number(p.replace(/\/tcp$/, '')));
    expect(exposed).toEqual(portsOf(api).map((p) => p.target));
    expect(Number(envInstructions(runtime)['PORT'] ?? apiEnv['PORT'])).toBe(exposed[0]);
  });

  it('runs production Node as the node user, listening on all interfaces', () => {
    const users = runtime.filter((i) => i.keyword === 'USER').map((i) => i.args);
    expect(users[users.length - 1]).toBe('node');
    const env = envInstructions(runtime);
    expect(env['NODE_ENV']).toBe('production');
    expect(env['HOST']).toBe('0.0.0.0');
  });

  it('keeps dist/, schema/, seeds/ and package.json side by side in the working directory', () => {
    const workdir = runtime
      .filter((i) => i.keyword === 'WORKDIR')
      .map((i) => i.args)
      .pop();
    expect(workdir).toBe('/app');
    const destinations = runtime
      .filter((i) => i.keyword === 'COPY')
      .flatMap((i) => {
        const parts = i.args.split(/\s+/).filter((p) => !p.startsWith('--'));
        const dest = parts[parts.length - 1]!;
        const sources = parts.slice(0, -1);
        // "COPY a b ./" puts each source under ./; "COPY src ./dest" names the destination.
        return dest.endsWith('/') || dest === '.' ? sources.map((s) => path.posix.basename(s)) : [path.posix.normalize(dest)];
      });
    expect(destinations).toEqual(expect.arrayContaining(['dist', 'schema', 'seeds', 'package.json', 'node_modules']));
  });

  it('health-checks /healthz with Node (the slim image has no curl)', () => {
    const healthcheck = runtime.find((i) => i.keyword === 'HEALTHCHECK');
    expect(healthcheck?.args).toMatch(/CMD \["node", "-e", .*fetch\(.*\/healthz/);
  });

  it('runs the compiled src/main.ts', () => {
    const cmd = runtime.filter((i) => i.keyword === 'CMD').pop();
    expect(cmd).toBeDefined();
    const argv = JSON.parse(cmd!.args) as string[];
    expect(argv).toEqual(['node', 'dist/src/main.js']);

    // Where tsc -p tsconfig.build.json puts src/main.ts: outDir + its path relative to rootDir.
    const base = JSON.parse(read('tsconfig.json')) as { compilerOptions: { outDir: string; rootDir: string } };
    const build = JSON.parse(read('tsconfig.build.json')) as { compilerOptions?: { outDir?: string; rootDir?: string } };
    const outDir = build.compilerOptions?.outDir ?? base.compilerOptions.outDir;
    const rootDir = build.compilerOptions?.rootDir ?? base.compilerOptions.rootDir;
    const source = argv[1]!.replace(new RegExp(`^${outDir}/`), '').replace(/\.js$/, '.ts');
    expect(fs.existsSync(path.join(ROOT, rootDir, source))).toBe(true);
    expect(source).toBe('src/main.ts');
  });
});

describe('.dockerignore', () => {
  it('keeps local builds, dependencies, the local Neo4j and git out of the build context', () => {
    const entries = read('.dockerignore')
      .split(/\r?\n/)
      .map((l) => l.trim())
      .filter((l) => l && !l.startsWith('#'));
    expect(entries).toEqual(expect.arrayContaining(['node_modules', 'dist', '.neo4j', '.git', 'coverage']));
    // …but not what the image is built from.
    for (const needed of ['src', 'schema', 'seeds', 'package.json', 'package-lock.json', 'tsconfig.json', 'tsconfig.build.json']) {
      expect(entries).not.toContain(needed);
    }
  });
});
