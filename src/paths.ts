// Where the project's files are: its root (where package.json is), from src/ or dist/src/, and the
// schema folders. SCHEMA_EXTENSIONS (comma-separated folders, relative to the root) adds folders laid
// out like schema/ — a model.yaml with more types, more *.graphql files, more migrations/ — to the
// project's own; the tests use it to show that a new fact type needs nothing else.
import path from 'node:path';

/** The project's root folder. */
export const PROJECT_ROOT = path.resolve(__dirname, __dirname.includes(`${path.sep}dist${path.sep}`) ? '../..' : '..');

/** schema/ and then each extension folder, in order. */
export const SCHEMA_DIRS: string[] = [
  path.join(PROJECT_ROOT, 'schema'),
  ...(process.env.SCHEMA_EXTENSIONS ?? '')
    .split(',')
    .map((d) => d.trim())
    .filter(Boolean)
    .map((d) => path.resolve(PROJECT_ROOT, d)),
];
