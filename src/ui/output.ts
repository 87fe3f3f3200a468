// Where the browser bundle is written (by src/ui/build.ts) and read (by src/server/graphiql.ts):
// the one module both sides share.
import path from 'node:path';
import { PROJECT_ROOT } from '../paths';

/** Where `npm run build:ui` writes the bundle, the manifest's name in it, and the assets' folder. */
export const UI_DIR = path.join(PROJECT_ROOT, 'dist', 'ui');
export const MANIFEST_FILE = 'manifest.json';
export const ASSETS_DIR = 'assets';

/** dist/ui/manifest.json: the page's files, relative to dist/ui/assets/ (names carry a content hash). */
export interface UiManifest {
  script: string;
  style: string;
  workers: { editor: string; json: string; graphql: string };
  /** Every file under assets/, with its size in bytes (x.js.gz: x.js gzipped). */
  files: Record<string, number>;
  /** A hash of the sources the bundle was built from (src/ui/build.ts skips an up-to-date build). */
  inputsHash: string;
  builtAt: string;
  versions: Record<string, string>;
}
