// `npm run build:widget` (and so `npm run build:ui`, `npm run build`, `npm test`): typechecks the
// widget's browser code (tsc -p src/widget/element) and bundles it with esbuild — the custom element,
// Cytoscape.js and the fCoSE layout in one classic script (IIFE: one <script> tag works on any page,
// no module CORS needed) — into dist/widget/officials-graph.js, its .gz beside it, and a manifest
// (sizes, sha256 for the ETag). Skips the work when the bundle was built from the same inputs
// (src/widget/element/**, src/widget/protocol.ts, package-lock.json, this file); --force rebuilds.
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';
import { build } from 'esbuild';
import { filesUnder, hashOfFiles, packageVersion } from '../ui/build';
import { WIDGET_DIR, WIDGET_FILE, WIDGET_MANIFEST, type WidgetManifest } from './output';

const ROOT = path.resolve(__dirname, '../..');
const ELEMENT = path.join(ROOT, 'src', 'widget', 'element');
const ENTRY = path.join(ELEMENT, 'index.ts');

export function widgetInputsHash(): string {
  return hashOfFiles([...filesUnder(ELEMENT), path.join(ROOT, 'src', 'widget', 'protocol.ts'), path.join(ROOT, 'package-lock.json'), __filename]);
}

/** The manifest in `outDir` when it was built from these inputs and its files are there. */
export function widgetUpToDate(outDir = WIDGET_DIR, hash = widgetInputsHash()): WidgetManifest | null {
  try {
    const manifest = JSON.parse(fs.readFileSync(path.join(outDir, WIDGET_MANIFEST), 'utf8')) as WidgetManifest;
    const there = [manifest.file, `${manifest.file}.gz`].every((f) => fs.existsSync(path.join(outDir, f)));
    return manifest.inputsHash === hash && there ? manifest : null;
  } catch {
    return null;
  }
}

export async function buildWidget(options: { outDir?: string; minify?: boolean } = {}): Promise<WidgetManifest> {
  const outDir = options.outDir ?? WIDGET_DIR;
  const inputsHash = widgetInputsHash();
  const result = await build({
    absWorkingDir: ROOT,
    entryPoints: [ENTRY],
    bundle: true,
    write: false,
    outfile: path.join(outDir, WIDGET_FILE),
    format: 'iife',
    platform: 'browser',
    target: ['es2022', 'chrome111', 'firefox115', 'safari16.4'],
    minify: options.minify ?? true,
    define: { 'process.env.NODE_ENV': '"production"' },
    // Cytoscape's and fCoSE's licence headers stay in the one file served.
    legalComments: 'eof',
    logLevel: 'warning',
  });
  const js = result.outputFiles.find((f) => f.path.endsWith('.js'));
  if (!js) throw new Error('esbuild wrote no widget bundle');
  const body = Buffer.from(js.contents);
  const gz = zlib.gzipSync(body, { level: 9 });
  fs.rmSync(outDir, { recursive: true, force: true });
  fs.mkdirSync(outDir, { recursive: true });
  fs.writeFileSync(path.join(outDir, WIDGET_FILE), body);
  fs.writeFileSync(path.join(outDir, `${WIDGET_FILE}.gz`), gz);
  const manifest: WidgetManifest = {
    file: WIDGET_FILE,
    bytes: body.length,
    gzipBytes: gz.length,
    sha256: createHash('sha256').update(body).digest('base64url'),
    inputsHash,
    builtAt: new Date().toISOString(),
    versions: Object.fromEntries(['cytoscape', 'cytoscape-fcose', 'cose-base', 'layout-base', 'esbuild'].map((n) => [n, packageVersion(n)])),
  };
  fs.writeFileSync(path.join(outDir, WIDGET_MANIFEST), `${JSON.stringify(manifest, null, 2)}\n`);
  return manifest;
}

async function main(argv: string[]): Promise<void> {
  const rel = path.relative(ROOT, WIDGET_DIR);
  if (!argv.includes('--force') && widgetUpToDate()) {
    console.log(`Widget bundle: ${rel}/ is up to date (--force rebuilds)`);
    return;
  }
  const started = Date.now();
  execFileSync(process.execPath, [require.resolve('typescript/bin/tsc'), '--noEmit', '-p', path.join(ELEMENT, 'tsconfig.json')], {
    cwd: ROOT,
    stdio: 'inherit',
  });
  const m = await buildWidget({ minify: !argv.includes('--no-minify') });
  const kib = (n: number) => `${(n / 1024).toFixed(1)} KiB`;
  console.log(`Widget bundle → ${rel}/${m.file} in ${((Date.now() - started) / 1000).toFixed(1)} s: ${kib(m.bytes)}, ${kib(m.gzipBytes)} gzipped`);
}

if (require.main === module) {
  main(process.argv.slice(2)).catch((err: unknown) => {
    console.error(err instanceof Error ? err.message : err);
    process.exit(1);
  });
}
