// `npm run lint`: ESLint (this file) and then `prettier --check .` (.prettierrc.json). ESLint checks
// code, not layout: eslint-config-prettier, last below, turns off every rule Prettier decides.
// typescript-eslint's recommended rules without type information (fast: no TS program is built);
// tsc --noEmit does the type checking. import-x resolves imports through the tsconfigs and enforces
// no import cycles and the layering of src/ (ZONES below).
import js from '@eslint/js';
import prettier from 'eslint-config-prettier';
import { createTypeScriptImportResolver } from 'eslint-import-resolver-typescript';
import importX from 'eslint-plugin-import-x';
import globals from 'globals';
import { defineConfig } from 'eslint/config';
import tseslint from 'typescript-eslint';

const TS = ['**/*.ts', '**/*.tsx'];

/** Where `npm run build:ui` writes to (dist/ui, under dist/) is git-ignored; so is the rest below. */
const IGNORES = ['dist/', 'node_modules/', '.neo4j/', 'coverage/'];

/**
 * The layering of src/. A zone's `target` may import from `src` only what `except` lists (paths
 * relative to src/); everything else of ours is an error. Imports of packages and node: builtins
 * are not restricted. Type-only imports count too: a layer's types are part of its surface.
 * src/main.ts, src/cli/ and src/bootstrap.ts may import anything, so they have no zone; nor have
 * test/ and bench/.
 */
const only = (target, allowed, message) => ({ target: `src/${target}`, from: 'src', except: allowed.map((p) => `./${p}`), message });
/** The module that says where the UI bundle is written (dist/ui, its manifest): the server reads it. */
const UI_OUTPUT = 'ui/output.ts';
/** What the server takes of the widget: where its bundle is, its URLs and its trusted documents (no browser code). */
const WIDGET_SHARED = ['widget/output.ts', 'widget/protocol.ts', 'widget/documents.ts'];

const ZONES = [
  // src/paths.ts (PROJECT_ROOT): the root of the graph, imports nothing of ours.
  only('paths.ts', [], 'src/paths.ts imports nothing of ours.'),
  // src/errors.ts: the error classes every layer throws; imports nothing of ours.
  only('errors.ts', [], 'src/errors.ts imports nothing of ours.'),
  // src/slots.ts: bounded slots and a timed queue (admission, the connection search); only errors.
  only('slots.ts', ['errors.ts'], 'src/slots.ts may import only errors.'),
  // src/text/: string folding and normalisation; self-contained.
  only('text', ['text'], 'src/text/ may import only src/text/.'),
  // src/model/: the data model (schema/model.yaml) and dates.
  only('model', ['text', 'paths.ts', 'errors.ts', 'model'], 'src/model/ may import only text, paths, errors, model.'),
  // src/localdb/: fetching and running the local Neo4j.
  only('localdb', ['paths.ts', 'localdb'], 'src/localdb/ may import only paths, localdb.'),
  // src/db/: the only importer of neo4j-driver (sessions, timeouts, error mapping). No Cypher of ours.
  only('db', ['errors.ts', 'db'], 'src/db/ may import only errors, db.'),
  // src/graph/: the only code that writes Cypher — reads, writes, migrations.
  only('graph', ['db', 'model', 'text', 'errors.ts', 'paths.ts', 'graph'], 'src/graph/ may import only db, model, text, errors, paths, graph.'),
  // src/ingest/: reading, validating and resolving fact files, then writing them through graph/.
  only(
    'ingest',
    ['graph', 'model', 'text', 'db', 'errors.ts', 'paths.ts', 'log.ts', 'ingest'],
    'src/ingest/ may import only graph, model, text, db, errors, paths, log, ingest.',
  ),
  // src/extract/: news text → facts files (a pure rule grammar); it reaches the graph only through
  // ingest's validation and entity resolution (read only) in extract/resolve.ts.
  only(
    'extract',
    [
      'text',
      'model',
      'errors.ts',
      'paths.ts',
      'extract',
      'ingest/ingest.ts',
      'ingest/match.ts',
      'ingest/validate.ts',
      'graph/match-candidates.ts',
      'db/database.ts',
    ],
    'src/extract/ may import only text, model, errors, paths, extract, and ingest/ingest, ingest/match, ingest/validate, graph/match-candidates, db/database (types).',
  ),
  // src/graphql/: schema, resolvers, loaders, limits and plugins of the API.
  only(
    'import',
    ['ingest', 'graph', 'model', 'text', 'db', 'errors.ts', 'paths.ts', 'log.ts', 'import'],
    'src/import/ may import only ingest, graph, model, text, db, errors, paths, log, import.',
  ),
  // src/export/: the graph as Popolo and FtM (read only, through graph/).
  only('export', ['graph', 'model', 'text', 'db', 'errors.ts', 'export'], 'src/export/ may import only graph, model, text, db, errors, export.'),
  only(
    'graphql',
    [
      'graph',
      'ingest',
      'extract',
      'import',
      'model',
      'text',
      'db',
      'errors.ts',
      'slots.ts',
      'config.ts',
      'auth',
      'log.ts',
      'package-info.ts',
      'paths.ts',
      'graphql',
    ],
    'src/graphql/ may import only graph, ingest, extract, import, model, text, db, errors, slots, config, auth, log, package-info, paths, graphql.',
  ),
  // src/server/: the Express app around Apollo, /graphiql (serving the UI bundle) and /metrics.
  only(
    'server',
    ['graphql', 'export', 'db', 'config.ts', 'auth', 'log.ts', 'errors.ts', 'slots.ts', 'server', UI_OUTPUT, ...WIDGET_SHARED],
    `src/server/ may import only graphql, export, db, config, auth, log, errors, slots, server, src/${UI_OUTPUT}, src/widget/{output,protocol,documents}.ts.`,
  ),
  // src/widget/: the embeddable widget (browser code in element/, its bundler, its contract with the server).
  {
    target: 'src/widget',
    from: ['db', 'graph', 'ingest', 'graphql', 'server', 'localdb', 'cli', 'import', 'extract'].map((p) => `src/${p}`),
    message: 'src/widget/ may import nothing from the server side (db, graph, ingest, graphql, server, localdb, cli, import, extract).',
  },
  // src/ui/: the browser code (and its bundler script): nothing from the server side.
  {
    target: 'src/ui',
    from: ['db', 'graph', 'ingest', 'graphql', 'server', 'localdb', 'cli'].map((p) => `src/${p}`),
    message: 'src/ui/ may import nothing from the server side (db, graph, ingest, graphql, server, localdb, cli).',
  },
  // Not in the layering brief: the shared leaves config, auth, log and package-info, kept below every layer that uses them.
  only('config.ts', ['auth', 'errors.ts', 'paths.ts'], 'src/config.ts may import only auth, errors, paths.'),
  only('auth', ['auth', 'errors.ts'], 'src/auth/ may import only auth, errors.'),
  only('log.ts', ['config.ts'], 'src/log.ts may import only config (types).'),
  only('package-info.ts', ['paths.ts'], 'src/package-info.ts may import only paths.'),
];

export default defineConfig(
  { ignores: IGNORES },

  js.configs.recommended,
  tseslint.configs.recommended,

  {
    files: ['**/*.{js,mjs,cjs,ts,tsx}'],
    languageOptions: { ecmaVersion: 2022, globals: { ...globals.node } },
    linterOptions: { reportUnusedDisableDirectives: 'error' },
  },
  { files: ['**/*.js', '**/*.cjs'], languageOptions: { sourceType: 'commonjs' } },
  { files: ['src/ui/graphiql/**', 'src/widget/element/**'], languageOptions: { globals: { ...globals.browser } } },

  // Relaxations for this codebase.
  {
    files: TS,
    rules: {
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrorsIgnorePattern: '^_', destructuredArrayIgnorePattern: '^_', ignoreRestSiblings: true },
      ],
    },
  },
  { files: ['test/**', 'bench/**'], rules: { '@typescript-eslint/no-explicit-any': 'off' } },

  // Imports: no cycles anywhere (src/, test/, bench/), and the layering of src/.
  {
    files: TS,
    plugins: { 'import-x': importX },
    settings: {
      // As import-x's flatConfigs.typescript: parse .ts/.tsx dependencies too (no-cycle follows them).
      'import-x/extensions': ['.ts', '.tsx', '.js', '.mjs', '.cjs'],
      'import-x/external-module-folders': ['node_modules', 'node_modules/@types'],
      'import-x/parsers': { '@typescript-eslint/parser': ['.ts', '.tsx'] },
      'import-x/resolver-next': [
        createTypeScriptImportResolver({
          project: ['tsconfig.json', 'src/ui/tsconfig.json', 'src/widget/element/tsconfig.json'],
          alwaysTryTypes: true,
          noWarnOnMultipleProjects: true,
        }),
      ],
    },
    rules: {
      'import-x/no-cycle': ['error', { ignoreExternal: true }], // packages cannot import our code back
      'import-x/no-restricted-paths': ['error', { basePath: import.meta.dirname, zones: ZONES }],
    },
  },
  prettier,
);
