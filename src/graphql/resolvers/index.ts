// All resolvers, merged. Resolvers stay thin: they call src/graph/ and shape nothing themselves.
import { aboutResolvers } from './about';

export const resolvers = [aboutResolvers];
