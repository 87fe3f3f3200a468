// `npm run build:ui`: typechecks the GraphiQL page (tsc -p src/ui) and bundles it with esbuild —
// src/ui/graphiql/index.tsx with React, GraphiQL 5, Monaco, their CSS and fonts, plus Monaco's three
// web workers — into dist/ui/assets/ (content-hashed names, each .js/.css/.ttf also gzipped), then
// writes dist/ui/manifest.json, which src/server/graphiql.ts reads to write the page. Nothing is
// left to load from another host. Skips the work when dist/ui was built from the same inputs
// (src/ui/**, package-lock.json, this file's server counterpart); --force rebuilds anyway.
// `npm run build` and `npm test` run it.
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';
import { build, type BuildOptions, type Metafile } from 'esbuild';
import { ASSETS_DIR, MANIFEST_FILE, UI_DIR, type UiManifest } from './output';

const ROOT = path.resolve(__dirname, '../..');
const UI_SRC = path.join(ROOT, 'src', 'ui');
const ENTRY = path.join(UI_SRC, 'graphiql', 'index.tsx');
const WORKERS = {
  editor: require.resolve('monaco-editor/esm/vs/editor/editor.worker.js'),
  json: require.resolve('monaco-editor/esm/vs/language/json/json.worker.js'),
  graphql: require.resolve('monaco-graphql/esm/graphql.worker.js'),
};
/** Served gzipped to browsers that accept it (src/server/graphiql.ts). */
const GZIP = /\.(js|css|ttf|svg)$/;

export function packageVersion(name: string): string {
  try {
    const file = path.join(ROOT, 'node_modules', name, 'package.json');
    return (JSON.parse(fs.readFileSync(file, 'utf8')) as { version: string }).version;
  } catch {
    return 'unknown';
  }
}

export function filesUnder(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? filesUnder(path.join(dir, e.name)) : [path.join(dir, e.name)]));
}

/** A hash of everything the bundle is made from: the UI's sources and the locked dependency tree. */
export function inputsHash(): string {
  return hashOfFiles([...filesUnder(UI_SRC), path.join(ROOT, 'package-lock.json'), path.join(ROOT, 'src', 'server', 'graphiql.ts')]);
}

/** A short hash of files' paths (relative to the project) and contents, in path order: a bundle's inputs. */
export function hashOfFiles(files: string[]): string {
  const hash = createHash('sha256');
  for (const file of [...files].sort()) hash.update(path.relative(ROOT, file)).update('\0').update(fs.readFileSync(file)).update('\0');
  return hash.digest('hex').slice(0, 16);
}

/** The manifest in `outDir` when it was built from these inputs and all its files are there. */
export function upToDate(outDir = UI_DIR, hash = inputsHash()): UiManifest | null {
  try {
    const manifest = JSON.parse(fs.readFileSync(path.join(outDir, MANIFEST_FILE), 'utf8')) as UiManifest;
    if (manifest.inputsHash !== hash) return null;
    const all = Object.keys(manifest.files).every((f) => fs.existsSync(path.join(outDir, ASSETS_DIR, f)));
    return all ? manifest : null;
  } catch {
    return null;
  }
}

/** The output file (relative to assets/) that esbuild built from an entry point. */
function outputOf(metafile: Metafile, entry: string, assets: string): { js: string; css?: string } {
  const rel = path.relative(ROOT, entry).split(path.sep).join('/');
  const name = (f: string) => path.relative(assets, path.resolve(ROOT, f)).split(path.sep).join('/');
  for (const [file, output] of Object.entries(metafile.outputs)) {
    if (output.entryPoint === rel) return { js: name(file), ...(output.cssBundle ? { css: name(output.cssBundle) } : {}) };
  }
  throw new Error(`esbuild wrote no output for ${rel}`);
}

/** Bundles the page and the workers into `outDir` (emptied first) and writes the manifest. */
export async function buildUi(options: { outDir?: string; minify?: boolean; sourcemap?: boolean } = {}): Promise<UiManifest> {
  const outDir = options.outDir ?? UI_DIR;
  const assets = path.join(outDir, ASSETS_DIR);
  const hash = inputsHash();
  fs.rmSync(outDir, { recursive: true, force: true });

  const common: BuildOptions = {
    absWorkingDir: ROOT,
    bundle: true,
    outdir: assets,
    entryNames: '[name]-[hash]',
    assetNames: '[name]-[hash]',
    minify: options.minify ?? true,
    sourcemap: options.sourcemap ?? false,
    platform: 'browser',
    target: ['es2022', 'chrome111', 'firefox115', 'safari16.4'],
    define: { 'process.env.NODE_ENV': '"production"' },
    // Monaco's codicon font and anything else a stylesheet points at: copied, hashed, same origin.
    loader: { '.ttf': 'file', '.woff': 'file', '.woff2': 'file', '.svg': 'file', '.png': 'file', '.gif': 'file' },
    legalComments: 'linked',
    logLevel: 'warning',
  };
  // The page's script as an ES module; the workers as classic scripts (`new Worker(url)`).
  const [page, workers] = await Promise.all([
    build({ ...common, entryPoints: { graphiql: ENTRY }, format: 'esm', metafile: true }),
    build({
      ...common,
      entryPoints: { 'editor.worker': WORKERS.editor, 'json.worker': WORKERS.json, 'graphql.worker': WORKERS.graphql },
      format: 'iife',
      metafile: true,
    }),
  ]);

  const script = outputOf(page.metafile, ENTRY, assets);
  if (!script.css) throw new Error('esbuild wrote no stylesheet for the GraphiQL page');
  const files: Record<string, number> = {};
  for (const file of fs.readdirSync(assets).sort()) {
    const data = fs.readFileSync(path.join(assets, file));
    files[file] = data.length;
    if (GZIP.test(file)) {
      const gz = zlib.gzipSync(data, { level: 9 });
      fs.writeFileSync(path.join(assets, `${file}.gz`), gz);
      files[`${file}.gz`] = gz.length;
    }
  }

  const manifest: UiManifest = {
    script: script.js,
    style: script.css,
    workers: {
      editor: outputOf(workers.metafile, WORKERS.editor, assets).js,
      json: outputOf(workers.metafile, WORKERS.json, assets).js,
      graphql: outputOf(workers.metafile, WORKERS.graphql, assets).js,
    },
    files,
    inputsHash: hash,
    builtAt: new Date().toISOString(),
    versions: Object.fromEntries(
      ['graphiql', '@graphiql/react', 'react', 'react-dom', 'monaco-editor', 'monaco-graphql', 'graphql', 'esbuild'].map((n) => [n, packageVersion(n)]),
    ),
  };
  fs.writeFileSync(path.join(outDir, MANIFEST_FILE), `${JSON.stringify(manifest, null, 2)}\n`);
  return manifest;
}

/** tsc --noEmit -p src/ui: the browser code has its own tsconfig (DOM, JSX). */
function typecheck(): void {
  execFileSync(process.execPath, [require.resolve('typescript/bin/tsc'), '--noEmit', '-p', path.join(UI_SRC, 'tsconfig.json')], {
    cwd: ROOT,
    stdio: 'inherit',
  });
}

async function main(argv: string[]): Promise<void> {
  const started = Date.now();
  const seconds = () => `${((Date.now() - started) / 1000).toFixed(1)} s`;
  if (!argv.includes('--force') && upToDate()) {
    console.log(`GraphiQL bundle: ${path.relative(ROOT, UI_DIR)}/ is up to date (--force rebuilds)`);
    return;
  }
  if (!argv.includes('--no-typecheck')) typecheck();
  const manifest = await buildUi({ sourcemap: argv.includes('--sourcemap'), minify: !argv.includes('--no-minify') });
  const kib = (n = 0) => `${(n / 1024).toFixed(0)} KiB`.padStart(10);
  console.log(`GraphiQL bundle → ${path.relative(ROOT, UI_DIR)}/ in ${seconds()}        raw      gzip`);
  for (const f of [manifest.script, manifest.style, ...Object.values(manifest.workers)]) {
    console.log(`  ${f.padEnd(40)} ${kib(manifest.files[f])}${kib(manifest.files[`${f}.gz`])}`);
  }
  const total = Object.entries(manifest.files)
    .filter(([f]) => !f.endsWith('.gz'))
    .reduce((sum, [, n]) => sum + n, 0);
  console.log(`  ${'all files'.padEnd(40)} ${kib(total)}`);
}

if (require.main === module) {
  main(process.argv.slice(2)).catch((err: unknown) => {
    console.error(err instanceof Error ? err.message : err);
    process.exit(1);
  });
}
