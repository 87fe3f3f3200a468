// The API contract: the SDL files in schema/ (one per type), parsed with graphql-tag.
import fs from 'node:fs';
import path from 'node:path';
import gql from 'graphql-tag';
import type { DocumentNode } from 'graphql';
import { PROJECT_ROOT } from '../paths';

export const SDL_DIR = path.join(PROJECT_ROOT, 'schema');

/** Every .graphql file in schema/, in name order, as one parsed document per file. */
export function loadTypeDefs(dir = SDL_DIR): DocumentNode[] {
  return fs
    .readdirSync(dir)
    .filter((f) => f.endsWith('.graphql'))
    .sort()
    .map((f) => gql(fs.readFileSync(path.join(dir, f), 'utf8')));
}
