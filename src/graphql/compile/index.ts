// The read compiler's entry: a root field's selection becomes one Cypher projection (project.ts),
// translated once per operation document and root field and cached (graphql-js and Apollo keep one
// parsed document per query text, so a repeated query costs no translation — only binding its
// parameters). What cannot be compiled is remembered too, and resolved by the loaders as before.
import type { FieldNode, GraphQLNamedType, GraphQLObjectType, GraphQLResolveInfo, OperationDefinitionNode } from 'graphql';
import { getNamedType } from 'graphql';
import type { Context } from '../context';
import { Builder, projection } from './project';
import { collectFields, NotCompilable, Operation } from './selection';

export { NotCompilable } from './selection';

/** A root field's translation: its projections and parameters, bound to this request's variables. */
export interface Translation<T> {
  shape: T;
  params: Record<string, unknown>;
}

interface Cached<T> {
  shape: T;
  builder: Builder;
}

let translated = 0;
/** How many translations were made since start (a repeated query makes none). */
export const translations = () => translated;

const cache = new WeakMap<OperationDefinitionNode, Map<string, Cached<unknown> | NotCompilable>>();
/** Translations kept per document: enough for every root field and variable combination a client sends. */
const PER_DOCUMENT = 64;

/**
 * The translation of the root field `info` resolves, made by `translate` on first use; null when
 * the field cannot be compiled (or compiling is off), so the caller resolves it the usual way.
 */
export function compiled<T>(info: GraphQLResolveInfo, ctx: Context, translate: (b: Builder) => T): Translation<T> | null {
  if (!ctx.compile) return null;
  const op: Operation = { schema: info.schema, fragments: info.fragments, variables: info.variableValues, conditional: false };
  let perDocument = cache.get(info.operation);
  if (!perDocument) cache.set(info.operation, (perDocument = new Map()));
  const fieldKey = `${info.path.key}`;
  let entry = perDocument.get(fieldKey) ?? perDocument.get(`${fieldKey}:${JSON.stringify(info.variableValues)}`);
  if (!entry) {
    const builder = new Builder(op);
    translated++;
    try {
      entry = { shape: translate(builder), builder };
    } catch (error) {
      if (!(error instanceof NotCompilable)) throw error;
      entry = error;
      ctx.log.debug({ field: fieldKey, reason: error.where }, 'resolved by loaders');
    }
    // a translation that read @skip/@include variables holds for those values only
    if (perDocument.size < PER_DOCUMENT) perDocument.set(op.conditional ? `${fieldKey}:${JSON.stringify(info.variableValues)}` : fieldKey, entry);
  }
  if (entry instanceof NotCompilable) return null;
  const cached = entry as Cached<T>;
  return { shape: cached.shape, params: cached.builder.bind(info.variableValues) };
}

/** The selection of a root field whose value is a node (or a list of nodes): a projection of `v`. */
export function nodeProjection(b: Builder, info: GraphQLResolveInfo, v: string): string {
  return projection(b, v, getNamedType(info.returnType), info.fieldNodes, info.fieldName, { anyType: true });
}

/** Of a connection (edges { node } and nodes): one projection of `v` for both, and whether totalCount is asked. */
export function connectionProjection(b: Builder, info: GraphQLResolveInfo, v: string): { project: string; count: boolean } {
  const connection = getNamedType(info.returnType) as GraphQLObjectType;
  const fields = collectFields(b.op, connection, info.fieldNodes);
  const nodeFields: FieldNode[] = [];
  let count = false;
  for (const [, fns] of fields) {
    const name = fns[0]!.name.value;
    if (name === 'totalCount') count = true;
    if (name === 'nodes') nodeFields.push(...fns);
    if (name === 'edges') {
      const edge = getNamedType(connection.getFields().edges!.type) as GraphQLObjectType;
      for (const [, efns] of collectFields(b.op, edge, fns)) if (efns[0]!.name.value === 'node') nodeFields.push(...efns);
    }
  }
  const nodeType: GraphQLNamedType = getNamedType(connection.getFields().nodes!.type);
  return { project: projection(b, v, nodeType, nodeFields, info.fieldName), count };
}

/** Of search hits: the projection of the hit's node, and the response keys of `description`. */
export function searchProjection(b: Builder, info: GraphQLResolveInfo, v: string): { project: string; descriptionKeys: string[] } {
  const hit = getNamedType(info.returnType) as GraphQLObjectType;
  const nodeFields: FieldNode[] = [];
  const descriptionKeys: string[] = [];
  for (const [k, fns] of collectFields(b.op, hit, info.fieldNodes)) {
    const name = fns[0]!.name.value;
    if (name === 'node') nodeFields.push(...fns);
    if (name === 'description') descriptionKeys.push(k);
  }
  // SearchHit.description of an organisation or event reads these (resolvers/query.ts)
  const extra = descriptionKeys.length ? ['nameEn', 'startDate'] : [];
  return { project: projection(b, v, getNamedType(hit.getFields().node!.type), nodeFields, info.fieldName, { extra: ['name', ...extra] }), descriptionKeys };
}
