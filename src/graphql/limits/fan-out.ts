// List fan-out cost: how many list items a query could return, estimated by multiplying page-size caps
// through the query, and a limit on it. `people(first: 20) { nodes { occupancies { sources { … } } } }`
// could return 20 people + 20 × 20 occupancies + 20 × 20 × 20 evidence items = 8,420 items (list size 20).
//
// Multipliers, per list field (a list is counted once per item its parents could return):
// - a field with a `first` argument (search): `first` as the request gives it (literal, variable or
//   the schema's default), capped at the field's maximum page size;
// - a Relay connection (people, organizations, events, sources): `first` sets the size of its `edges`
//   and `nodes` lists; the connection object itself is one object;
// - `nodes(ids: …)`: one item per id;
// - any other list of objects (Person.occupancies, Event.participants, …): a fixed `listSize`
//   (QUERY_COST_LIST_SIZE, default 20: a generous size for a person's posts or a fact's sources, not a
//   cap; with 50, a page of 20 people with their posts and the posts' sources, this API's everyday
//   query, would be estimated at 51,020 and refused);
// - introspection lists (__Schema.types, __Type.fields, …): the schema's own sizes (the number of
//   types; the average fields per type that has fields, …), so the standard introspection query costs
//   a few thousand while types → fields → type → fields → … nesting multiplies and is refused;
// - lists of scalars or enums (aliases, quotes) cost nothing: they come with their node's record.
// Fragments (named and inline) are expanded; on a union or interface the costliest possible type
// counts (one object is only one type); fields under @skip(if: true) / @include(if: false) do not count.
//
// Why an Apollo plugin (didResolveOperation) and not a graphql-js validation rule: the cost depends on
// variables (`first: $n`), which validation never sees, and Apollo caches a document's validation by
// its text, so a rule could not refuse `$n = 100` after accepting `$n = 10`. didResolveOperation runs
// after validation, with the coerced variables at hand and the operation to run chosen, and before
// anything executes; a GraphQLError thrown there is the response (its extensions.http gives the 400).
import {
  DocumentNode,
  FieldNode,
  FragmentDefinitionNode,
  getArgumentValues,
  getDirectiveValues,
  getNamedType,
  getNullableType,
  getOperationAST,
  getVariableValues,
  GraphQLCompositeType,
  GraphQLField,
  GraphQLIncludeDirective,
  GraphQLNamedType,
  GraphQLObjectType,
  GraphQLSchema,
  GraphQLSkipDirective,
  isAbstractType,
  isCompositeType,
  isEnumType,
  isInputObjectType,
  isInterfaceType,
  isListType,
  isObjectType,
  NamedTypeNode,
  SchemaMetaFieldDef,
  SelectionNode,
  SelectionSetNode,
  TypeMetaFieldDef,
} from 'graphql';
import type { ApolloServerPlugin, BaseContext } from '@apollo/server';
import { ErrorCode } from '../../errors';
import { limitError } from './limit-error';

export const DEFAULT_MAX_COST = 10000;
export const DEFAULT_LIST_SIZE = 20;

export interface FanOutOptions {
  /** The most list items a query may return. */
  maxCost: number;
  /** Items assumed for a list of objects without `first`. */
  listSize: number;
  /** The largest `first` a field accepts (larger values are refused by the resolver), e.g. 100. */
  maxFirst: number;
  /** Per-field exceptions to maxFirst, by "Type.field", e.g. { 'Query.search': 50 }. */
  maxFirstByField?: Record<string, number>;
  /**
   * Sizes of unpaginated lists as the data has them, by "Type.field" (e.g. the 99th percentile of a
   * person's occupancies, src/graph/list-sizes.ts); `listSize` where the data says nothing yet.
   */
  listSizes?: () => ReadonlyMap<string, number>;
  /**
   * What a field costs beyond the items it returns, by "Type.field": a full-text search, a path
   * search whose work grows with its hops. A function of the field's arguments.
   */
  fieldWeights?: Record<string, (args: Record<string, unknown>) => number>;
}

export interface CostRequest {
  schema: GraphQLSchema;
  document: DocumentNode;
  operationName?: string | null;
  variables?: Record<string, unknown> | null;
}

/** The most list items the operation could return; 0 when it cannot run (no such operation, bad variables). */
export function estimateCost({ schema, document, operationName, variables }: CostRequest, options: FanOutOptions): number {
  const operation = getOperationAST(document, operationName ?? undefined);
  if (!operation) return 0;
  const root = schema.getRootType(operation.operation);
  if (!root) return 0;
  // Invalid variables stop execution before any resolver runs, with their own 400.
  const coerced = getVariableValues(schema, operation.variableDefinitions ?? [], variables ?? {}, { maxErrors: 1 });
  if (coerced.errors) return 0;
  const vars = coerced.coerced;

  const fragments = new Map<string, FragmentDefinitionNode>();
  for (const d of document.definitions) if (d.kind === 'FragmentDefinition') fragments.set(d.name.value, d);
  const introspection = introspectionSizes(schema);
  const observed = options.listSizes?.();
  const memo = new Map<SelectionSetNode, Map<string, number>>();

  const included = (node: SelectionNode): boolean => {
    try {
      if (getDirectiveValues(GraphQLSkipDirective, node, vars)?.if === true) return false;
      if (getDirectiveValues(GraphQLIncludeDirective, node, vars)?.if === false) return false;
    } catch {
      /* an invalid directive argument fails execution anyway; count the field */
    }
    return true;
  };

  const applies = (condition: NamedTypeNode | undefined, type: GraphQLObjectType): boolean => {
    if (!condition) return true;
    const t = schema.getType(condition.name.value);
    return t === type || (!!t && isAbstractType(t) && schema.isSubType(t, type));
  };

  /** Items one object of `type` could return below it (max over the possible types of an abstract type). */
  const unitCost = (set: SelectionSetNode | undefined, type: GraphQLCompositeType, pageSize: number | undefined): number => {
    if (!set) return 0;
    if (!isAbstractType(type)) return objectCost(set, type, pageSize);
    let max = 0;
    for (const possible of schema.getPossibleTypes(type)) max = Math.max(max, objectCost(set, possible, pageSize));
    return max;
  };

  /** Memoized by selection set, type and page size: fragments spread many times are costed once. */
  const objectCost = (set: SelectionSetNode, type: GraphQLObjectType, pageSize: number | undefined): number => {
    const key = `${type.name}|${pageSize ?? ''}`;
    let byType = memo.get(set);
    if (!byType) memo.set(set, (byType = new Map()));
    const known = byType.get(key);
    if (known !== undefined) return known;
    byType.set(key, 0); // a fragment cycle (invalid; validation refuses it) counts 0
    let total = 0;
    for (const selection of set.selections) {
      if (!included(selection)) continue;
      if (selection.kind === 'Field') total += fieldCost(selection, type, pageSize);
      else if (selection.kind === 'InlineFragment') {
        if (applies(selection.typeCondition, type)) total += objectCost(selection.selectionSet, type, pageSize);
      } else {
        const fragment = fragments.get(selection.name.value);
        if (fragment && applies(fragment.typeCondition, type)) total += objectCost(fragment.selectionSet, type, pageSize);
      }
    }
    byType.set(key, total);
    return total;
  };

  const fieldCost = (node: FieldNode, parent: GraphQLObjectType, pageSize: number | undefined): number => {
    const name = node.name.value;
    const def: GraphQLField<unknown, unknown> | undefined =
      name === '__schema' ? SchemaMetaFieldDef : name === '__type' ? TypeMetaFieldDef : parent.getFields()[name];
    if (!def) return 0;
    const named = getNamedType(def.type);
    if (!isCompositeType(named)) return 0; // scalars and enums, lists of them too
    let args: Record<string, unknown> = {};
    try {
      args = getArgumentValues(def, node, vars);
    } catch {
      /* invalid arguments fail execution anyway; caps apply */
    }
    const weight = options.fieldWeights?.[`${parent.name}.${def.name}`]?.(args) ?? 0;
    if (!isListType(getNullableType(def.type))) {
      const page = isConnection(named) && def.args.some((a) => a.name === 'first') ? firstOf(parent, def, args) : undefined;
      return weight + unitCost(node.selectionSet, named, page);
    }
    const size = listSize(parent, def, args, pageSize);
    return weight + size + size * unitCost(node.selectionSet, named, undefined);
  };

  const firstOf = (parent: GraphQLObjectType, def: GraphQLField<unknown, unknown>, args: Record<string, unknown>): number => {
    const cap = options.maxFirstByField?.[`${parent.name}.${def.name}`] ?? options.maxFirst;
    const first = args.first;
    if (typeof first !== 'number' || !Number.isFinite(first)) return cap;
    return Math.min(Math.max(0, Math.floor(first)), cap);
  };

  const listSize = (parent: GraphQLObjectType, def: GraphQLField<unknown, unknown>, args: Record<string, unknown>, pageSize: number | undefined): number => {
    if (def.args.some((a) => a.name === 'first')) return firstOf(parent, def, args);
    if (pageSize !== undefined && (def.name === 'edges' || def.name === 'nodes') && isConnection(parent)) return pageSize;
    if (Array.isArray(args.ids)) return args.ids.length;
    const schemaSize = introspection.get(`${parent.name}.${def.name}`);
    if (schemaSize !== undefined) return schemaSize;
    return observed?.get(`${parent.name}.${def.name}`) ?? options.listSize;
  };

  const cost = unitCost(operation.selectionSet, root, undefined);
  return Math.min(cost, Number.MAX_SAFE_INTEGER);
}

/** A Relay connection type: pageInfo and the page as edges and/or nodes. */
function isConnection(type: GraphQLNamedType): boolean {
  if (!isObjectType(type)) return false;
  const fields = type.getFields();
  return 'pageInfo' in fields && ('edges' in fields || 'nodes' in fields);
}

const introspectionCache = new WeakMap<GraphQLSchema, Map<string, number>>();

/** The sizes of the introspection lists of a schema: counts, or averages over the types that have the list. */
function introspectionSizes(schema: GraphQLSchema): Map<string, number> {
  const cached = introspectionCache.get(schema);
  if (cached) return cached;
  const types = Object.values(schema.getTypeMap());
  const average = (owners: number, items: number) => (owners ? Math.ceil(items / owners) : 0);
  const withFields = types.filter((t) => isObjectType(t) || isInterfaceType(t)) as Array<GraphQLObjectType>;
  const fields = withFields.flatMap((t) => Object.values(t.getFields()));
  const abstract = types.filter(isAbstractType);
  const enums = types.filter(isEnumType);
  const inputs = types.filter(isInputObjectType);
  const directives = schema.getDirectives();
  const sizes = new Map<string, number>([
    ['__Schema.types', types.length],
    ['__Schema.directives', directives.length],
    ['__Type.fields', average(withFields.length, fields.length)],
    [
      '__Type.interfaces',
      average(
        withFields.length,
        withFields.reduce((n, t) => n + t.getInterfaces().length, 0),
      ),
    ],
    [
      '__Type.possibleTypes',
      average(
        abstract.length,
        abstract.reduce((n, t) => n + schema.getPossibleTypes(t).length, 0),
      ),
    ],
    [
      '__Type.enumValues',
      average(
        enums.length,
        enums.reduce((n, t) => n + t.getValues().length, 0),
      ),
    ],
    [
      '__Type.inputFields',
      average(
        inputs.length,
        inputs.reduce((n, t) => n + Object.keys(t.getFields()).length, 0),
      ),
    ],
    [
      '__Field.args',
      average(
        fields.length,
        fields.reduce((n, f) => n + f.args.length, 0),
      ),
    ],
    [
      '__Directive.args',
      average(
        directives.length,
        directives.reduce((n, d) => n + d.args.length, 0),
      ),
    ],
  ]);
  introspectionCache.set(schema, sizes);
  return sizes;
}

/** Refuses an operation whose estimated cost is over `options.maxCost` with QUERY_TOO_EXPENSIVE (HTTP 400). */
export function fanOutPlugin<TContext extends BaseContext>(options: FanOutOptions): ApolloServerPlugin<TContext> {
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ schema, document, request }) {
          const estimate = estimateCost({ schema, document, operationName: request.operationName, variables: request.variables }, options);
          if (estimate > options.maxCost) {
            throw limitError(
              ErrorCode.QUERY_TOO_EXPENSIVE,
              `Query too expensive: it could return about ${estimate} list items, more than the limit of ${options.maxCost}. ` +
                'Ask for smaller pages (first) or fewer nested lists.',
              { limit: options.maxCost, estimate },
            );
          }
        },
      };
    },
  };
}
