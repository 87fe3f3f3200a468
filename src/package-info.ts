// The package's name and version, read once from package.json.
import fs from 'node:fs';
import path from 'node:path';
import { PROJECT_ROOT } from './paths';

export const PACKAGE = JSON.parse(fs.readFileSync(path.join(PROJECT_ROOT, 'package.json'), 'utf8')) as { name: string; version: string };
