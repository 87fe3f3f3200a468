// The API contract: the SDL files in schema/ (one per type) and in any schema extension
// (SCHEMA_EXTENSIONS, src/paths.ts), parsed with graphql-tag.
import fs from 'node:fs';
import path from 'node:path';
import gql from 'graphql-tag';
import { makeExecutableSchema } from '@graphql-tools/schema';
import type { DocumentNode, GraphQLSchema } from 'graphql';
import { readCompiledValues } from './compile/resolve';
import { SCHEMA_DIRS } from '../paths';
import { resolvers } from './resolvers';

export const SDL_DIR = SCHEMA_DIRS[0]!;

/** Every .graphql file of the schema folders, in name order per folder, as one parsed document per file. */
export function loadTypeDefs(dirs: string | string[] = SCHEMA_DIRS): DocumentNode[] {
  return (typeof dirs === 'string' ? [dirs] : dirs).flatMap((dir) =>
    fs
      .readdirSync(dir)
      .filter((f) => f.endsWith('.graphql'))
      .sort()
      .map((f) => gql(fs.readFileSync(path.join(dir, f), 'utf8'))),
  );
}

/** The executable schema: the SDL with its resolvers, each object field reading compiled values first. */
export function buildExecutableSchema(): GraphQLSchema {
  return readCompiledValues(makeExecutableSchema({ typeDefs: loadTypeDefs(), resolvers }));
}
