// Resolvers of Query.about.
import { schemaVersion } from '../../graph/migrations';
import type { Context } from '../context';
import { PACKAGE } from '../../package-info';

export const aboutResolvers = {
  Query: {
    about: async (_: unknown, __: unknown, ctx: Context) => ({
      name: PACKAGE.name,
      version: PACKAGE.version,
      schemaVersion: await schemaVersion(ctx.db),
    }),
  },
};
