// `npm run lint` enforces the layering: an import cycle and an import across layers both fail it.
// Each case is linted as if it were a file of src/ (ESLint's --stdin-filename), so nothing is written.
import { spawnSync } from 'node:child_process';
import path from 'node:path';

const ROOT = path.resolve(__dirname, '../..');
const ESLINT = path.join(ROOT, 'node_modules', 'eslint', 'bin', 'eslint.js');

function lint(file: string, code: string): { status: number | null; output: string } {
  const run = spawnSync(process.execPath, [ESLINT, '--stdin', '--stdin-filename', file], { cwd: ROOT, input: code, encoding: 'utf8' });
  return { status: run.status, output: `${run.stdout}${run.stderr}` };
}

jest.setTimeout(60_000);

it('passes a file that keeps to its layer', () => {
  expect(lint('src/model/dates.ts', "import { slug } from '../text/fold';\nexport const s = slug;\n")).toMatchObject({ status: 0 });
});

it('fails on an import cycle', () => {
  // src/model/time.ts imports ./dates: dates importing time closes a cycle.
  const { status, output } = lint('src/model/dates.ts', "import { deriveTime } from './time';\nexport const d = deriveTime;\n");
  expect(status).toBe(1);
  expect(output).toMatch(/Dependency cycle detected\.?\s+import-x\/no-cycle/);
});

it('fails on an import across layers', () => {
  const { status, output } = lint('src/db/extra.ts', "import { cypherName } from '../graph/nodes';\nexport const c = cypherName;\n");
  expect(status).toBe(1);
  expect(output).toMatch(/"\.\.\/graph\/nodes" imported in restricted zone\. src\/db\/ may import only errors, db\.?\s+import-x\/no-restricted-paths/);
});
