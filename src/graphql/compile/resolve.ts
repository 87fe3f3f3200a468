// Hands compiled values to graphql-js: a node read by a compiled statement carries its nested
// fields under `#` by response key (project.ts); every resolver of an object field first looks
// there, and only a field not compiled runs its own resolver (the loaders). Leaf fields without a
// resolver keep graphql-js's default: a compiled node holds them as plain properties.
import {
  defaultFieldResolver,
  getNamedType,
  getNullableType,
  GraphQLSchema,
  isLeafType,
  isListType,
  isObjectType,
  type GraphQLFieldResolver,
  type GraphQLOutputType,
} from 'graphql';

type Compiled = { '#'?: Record<string, unknown> };
type Keyed = { '^'?: unknown[]; $?: unknown };

/** Cypher's order of two values: null after everything (so first when descending). */
function compareValues(a: unknown, b: unknown): number {
  if (a === b) return 0;
  if (a === null || a === undefined) return 1;
  if (b === null || b === undefined) return -1;
  return a < b ? -1 : a > b ? 1 : 0;
}

/** Compares two sort keys: the directions ('+' or '-' per value, one string), then the values. */
function compareKeys(a: unknown[], b: unknown[]): number {
  const directions = a[0] as string;
  for (let i = 0; i < directions.length; i++) {
    const c = compareValues(a[i + 1], b[i + 1]);
    if (c) return directions[i] === '-' ? -c : c;
  }
  return 0;
}

/** A compiled value as graphql-js wants it: a list in order; a single value as the first of its candidates. */
export function settle(value: unknown, type: GraphQLOutputType): unknown {
  if (!Array.isArray(value)) return value;
  const keyed = value.length > 1 && (value[0] as Keyed | null)?.['^'] !== undefined;
  if (keyed) value.sort((a: Keyed, b: Keyed) => compareKeys(a['^']!, b['^']!));
  if (isListType(getNullableType(type))) return value;
  const first = (value[0] ?? null) as Keyed | null;
  return first && '$' in first ? first.$ : first;
}

export function readCompiledValues(schema: GraphQLSchema): GraphQLSchema {
  const roots = new Set([schema.getQueryType(), schema.getMutationType(), schema.getSubscriptionType()]);
  for (const type of Object.values(schema.getTypeMap())) {
    if (!isObjectType(type) || type.name.startsWith('__') || roots.has(type)) continue;
    for (const field of Object.values(type.getFields())) {
      if (!field.resolve && isLeafType(getNamedType(field.type))) continue;
      const resolve: GraphQLFieldResolver<unknown, unknown> = field.resolve ?? defaultFieldResolver;
      field.resolve = (parent, args, ctx, info) => {
        const values = (parent as Compiled | null)?.['#'];
        if (values && info.path.key in values) return settle(values[info.path.key as string], info.returnType);
        return resolve(parent, args, ctx, info);
      };
    }
  }
  return schema;
}
