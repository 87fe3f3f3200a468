// Where the widget's bundle is written (by src/widget/build.ts) and read (by src/server/widget.ts).
import path from 'node:path';
import { PROJECT_ROOT } from '../paths';

export const WIDGET_DIR = path.join(PROJECT_ROOT, 'dist', 'widget');
export const WIDGET_MANIFEST = 'manifest.json';
/** The bundle's file name in WIDGET_DIR (beside it: the same gzipped, `.gz`). */
export const WIDGET_FILE = 'officials-graph.js';

/** dist/widget/manifest.json. */
export interface WidgetManifest {
  file: string;
  bytes: number;
  gzipBytes: number;
  /** sha256 of the bundle (base64url): the script's ETag. */
  sha256: string;
  /** A hash of the sources the bundle was built from (the build skips an up-to-date bundle). */
  inputsHash: string;
  builtAt: string;
  versions: Record<string, string>;
}
