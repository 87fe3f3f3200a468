// All resolvers, merged. Resolvers stay thin: they call src/graph/ through the request's loaders.
import type { IResolvers } from '@graphql-tools/utils';
import type { Context } from '../context';
import { DateScalar, JsonScalar } from '../scalars';
import { aboutResolvers } from './about';
import { computedResolvers } from './computed';
import { connectionResolvers } from './connections';
import { generatedResolvers } from './generated';
import { mutationResolvers } from './mutation';
import { queryResolvers } from './query';

export const resolvers = [
  { Date: DateScalar, JSON: JsonScalar },
  generatedResolvers(),
  computedResolvers,
  queryResolvers,
  connectionResolvers,
  mutationResolvers,
  aboutResolvers,
] as IResolvers<unknown, Context>[];
