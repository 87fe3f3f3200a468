// Turns what a selection asks of a node into one Cypher map projection: the scalar fields asked
// for (and nothing else: no search keys, no texts), and each reference, reverse list, source list
// and compilable computed field as a nested pattern comprehension — so a whole tree of entities and
// facts is read by one statement. Nested values sit under the key `#` by response key (alias), where
// resolve.ts hands them to graphql-js; a field compiled here is never read again. Fields this cannot
// compile (UNCOMPILED) are resolved the usual way, by the loaders.
//
// Pattern comprehensions, not COLLECT { … ORDER BY } subqueries: Neo4j plans them about three times
// faster (a new query shape is planned once, but a deep one took seconds as subqueries) and runs
// them faster too. They cannot sort, so each element carries its sort key under `^` — a list of the
// directions ('+' ascending, '-' descending, one character per value, as one string) followed by
// the values (null sorting as Cypher does: last ascending, first descending) — and resolve.ts orders
// the list when graphql-js reads it.
import {
  FieldNode,
  getArgumentValues,
  getNamedType,
  getNullableType,
  GraphQLField,
  GraphQLNamedType,
  GraphQLObjectType,
  isAbstractType,
  isListType,
  isObjectType,
  print,
} from 'graphql';
import { cypherName, KNOWN_AT_WITH, TYPE_LIST } from '../../graph/nodes';
import { dateHi, dateLo } from '../../model/dates';
import { model, TypeModel } from '../../model/model';
import { collectFields, NotCompilable, Operation } from './selection';

export type Binder = (variables: Record<string, unknown>) => unknown;

/**
 * Fields left to their resolvers, and why. They read through the per-request loaders, so a query
 * asking for them costs one more statement per field and level.
 */
export const UNCOMPILED: Record<string, string> = {
  'Person.colleagues': 'a ranked co-service walk over sub-units with its own cap (src/graph/colleagues.ts)',
  'Organization.parent': 'picks the most confident part_of link; read through the loaders',
  'Organization.children': 'sorted by folded name after a walk of part_of links; read through the loaders',
  'Organization.ancestors': 'a variable-length walk up part_of links (src/graph/organizations.ts)',
  'Event.organizers': 'participations filtered by role, then their agents; read through the loaders',
};

/** Parameters and fresh variable names for one translation; `bind` fills the parameters from a request's variables. */
export class Builder {
  private next = 0;
  private readonly binders: Array<[string, Binder]> = [];
  constructor(readonly op: Operation) {}

  variable(): string {
    return `n${this.next++}`;
  }

  /** A Cypher parameter whose value is computed from the request's variables. */
  param(bind: Binder): string {
    const name = `p${this.next++}`;
    this.binders.push([name, bind]);
    return `$${name}`;
  }

  bind(variables: Record<string, unknown>): Record<string, unknown> {
    return Object.fromEntries(this.binders.map(([name, bind]) => [name, bind(variables)]));
  }
}

const NAME = /^[_A-Za-z][_0-9A-Za-z]*$/;
const key = (k: string) => {
  if (!NAME.test(k)) throw new NotCompilable(`field name ${k}`);
  return `\`${k}\``;
};

const EVIDENCE = (r: string) =>
  `quotes: coalesce(${r}.quotes, []), quote: head(coalesce(${r}.quotes, [])),
   records: [i IN range(0, size(coalesce(${r}.values, [])) - 1) | {field: CASE WHEN coalesce(${r}.fields[i], '') = '' THEN null ELSE ${r}.fields[i] END, value: ${r}.values[i]}]`;

/** The sort keys of the loaders' reads: facts newest first (undated last), then by id; a reference's target by id; sources newest first. */
const FACT_ORDER = (f: string) => `['-+', coalesce(${f}.validFrom, ''), ${f}.id]`;
const ID_ORDER = (e: string) => `['+', ${e}.id]`;
const SOURCE_ORDER = (s: string) => `['-+', ${s}.publishedAt, ${s}.id]`;

/**
 * A Person's description: the first current state post (not a party role), else any post
 * (src/graphql/resolvers/computed.ts) — the candidates with their order; resolve.ts takes the first (`$`).
 */
export const DESCRIPTION = (v: string, o: string, p: string) =>
  `[(${v})<-[:HOLDER]-(${o}:Occupancy)-[:POSITION]->(${p}:Position) | {\`^\`: ['++-++', CASE WHEN ${p}.party THEN 1 ELSE 0 END, CASE WHEN ${o}.status = 'current' THEN 0 ELSE 1 END, coalesce(${o}.validFrom, ''), ${o}.id, ${p}.id], \`$\`: coalesce(${p}.label, ${p}.role)}]`;

const TIME_FIELDS = Object.keys(model.factDerived);

/** Computed fields their resolvers derive from stored properties alone: the properties are projected, the resolver runs. */
const FROM_PROPERTIES: Record<string, string[]> = { names: ['otherNames'] };

/** The field's arguments, coerced as graphql-js does (defaults, enum values), for a request's variables. */
function argsOf(field: GraphQLField<unknown, unknown>, node: FieldNode): Binder {
  // several parameters read one field's arguments: coerce them once per request's variables
  const seen = new WeakMap<Record<string, unknown>, Record<string, unknown>>();
  return (vars) => {
    let args = seen.get(vars);
    if (!args) seen.set(vars, (args = getArgumentValues(field, node, vars)));
    return args;
  };
}

/** Cypher map projection of node variable `v` of `type` for what `nodes` select. */
export function projection(
  b: Builder,
  v: string,
  type: GraphQLNamedType,
  nodes: readonly FieldNode[],
  where: string,
  { extra = [], order, anyType = false }: { extra?: string[]; order?: string; anyType?: boolean } = {},
): string {
  const concrete = isAbstractType(type) ? b.op.schema.getPossibleTypes(type) : isObjectType(type) ? [type] : [];
  if (!concrete.length) throw new NotCompilable(`${where}: ${type.name}`);
  const scalars = new Set(['id', ...extra]);
  const nested = new Map<string, Array<{ type: string; expr: string }>>();
  for (const t of concrete) {
    const tm = model.types[t.name];
    if (!tm) throw new NotCompilable(`${where}: ${t.name} is not a model type`);
    for (const [k, fns] of collectFields(b.op, t, nodes)) {
      const name = fns[0]!.name.value;
      if (name === '__typename') continue;
      const args = fns.map((f) => (f.arguments ?? []).map(print).join(','));
      if (fns.some((f) => f.name.value !== name) || args.some((a) => a !== args[0])) throw new NotCompilable(`${where}.${k}: one key for different fields`);
      const expr = field(b, v, t, tm, name, fns, `${where}.${k}`, scalars);
      if (expr !== null) nested.set(k, [...(nested.get(k) ?? []), { type: t.name, expr }]);
    }
  }
  const entries = [...scalars].map((s) => `${key(s)}: ${v}.${key(s)}`);
  // graphql-js needs __typename only to resolve an abstract type (resolveType), and a lookup by id
  // checks it (anyType: the id may be another type's); a concrete type's node goes without
  if (isAbstractType(type) || anyType) entries.push(`__typename: head([l IN labels(${v}) WHERE l IN ${TYPE_LIST}])`);
  if (order) entries.push(`\`^\`: ${order}`);
  if (nested.size) {
    const values = [...nested].map(([k, alts]) => {
      if (!isAbstractType(type)) return `${key(k)}: ${alts[0]!.expr}`;
      return `${key(k)}: CASE ${alts.map((a) => `WHEN ${v}:${cypherName(a.type)} THEN ${a.expr}`).join(' ')} END`;
    });
    entries.push(`\`#\`: {${values.join(', ')}}`);
  }
  return `{${entries.join(', ')}}`;
}

/** One field of `t` on node `v`: null when it is a stored property (added to `scalars`) or left to its resolver. */
function field(b: Builder, v: string, t: GraphQLObjectType, tm: TypeModel, name: string, fns: FieldNode[], where: string, scalars: Set<string>): string | null {
  const def = t.getFields()[name];
  if (!def) throw new NotCompilable(`${where}: no field ${name} on ${t.name}`);
  const target = getNamedType(def.type);
  const fact = tm.kind === 'fact';
  if (name === 'id' || name in tm.properties || (fact && (name in model.factProperties || name in model.factDerived))) {
    scalars.add(name);
    return null;
  }
  if (fact && name === 'basis') {
    // computed in JS from the stored time fields (src/model/time.ts basisAt)
    for (const f of TIME_FIELDS) scalars.add(f);
    return null;
  }
  if (tm.computed.includes(name) && FROM_PROPERTIES[name]) {
    for (const f of FROM_PROPERTIES[name]) scalars.add(f);
    return null;
  }
  const ref =
    Object.values(tm.references).find((r) => r.field === name) ?? (t.name === 'Participation' && name === 'agent' ? tm.references.participant : undefined);
  if (ref) {
    const e = b.variable();
    const rel = `(${v})-[:${cypherName(ref.rel)}]->(${e}:Entity)`;
    if (isListType(getNullableType(def.type))) return `[${rel} | ${projection(b, e, target, fns, where, { order: ID_ORDER(e) })}]`;
    // one value: the lowest id where there are several (as the loaders take it), chosen in Cypher so
    // that no sort key travels with it (every projection carries its id)
    return `reduce(m = null, x IN [${rel} | ${projection(b, e, target, fns, where)}] | CASE WHEN m IS NULL OR x.id < m.id THEN x ELSE m END)`;
  }
  const inc = tm.incoming[name];
  if (inc) return incomingList(b, v, def, fns, inc.from, inc.rel, target, where);
  if (fact && name === 'sources') return evidenceList(b, v, 'SOURCED_FROM', fns, where);
  if (name === 'mentions' || (t.name === 'Event' && name === 'sources')) return evidenceList(b, v, 'MENTIONED_IN', fns, where);
  if (t.name === 'Source' && name === 'text') return `${v}.text`;
  if (t.name === 'Person' && name === 'description') return DESCRIPTION(v, b.variable(), b.variable());
  if (`${t.name}.${name}` in UNCOMPILED) return null;
  throw new NotCompilable(`${where}: ${t.name}.${name} has no translation`);
}

/** The facts pointing at `v` with `rel`, filtered by the field's arguments (at, presumed, and equality on the others), newest first. */
function incomingList(
  b: Builder,
  v: string,
  def: GraphQLField<unknown, unknown>,
  fns: FieldNode[],
  from: string,
  rel: string,
  target: GraphQLNamedType,
  where: string,
): string {
  const f = b.variable();
  const args = argsOf(def, fns[0]!);
  const conditions: string[] = [];
  for (const arg of def.args) {
    if (arg.name === 'at' || arg.name === 'presumed') continue;
    const p = b.param((vars) => {
      const value = (args(vars) as Record<string, unknown>)[arg.name];
      return typeof value === 'string' ? value : null;
    });
    conditions.push(`(${p} IS NULL OR ${f}.${key(arg.name)} = ${p})`);
  }
  if (def.args.some((a) => a.name === 'at')) {
    const at = (vars: Record<string, unknown>) => (args(vars) as { at?: string | null }).at ?? null;
    const lo = b.param((vars) => (at(vars) ? dateLo(at(vars)!) : null));
    const hi = b.param((vars) => (at(vars) ? dateHi(at(vars)!) : null));
    const presumed = b.param((vars) => (args(vars) as { presumed?: boolean | null }).presumed !== false);
    conditions.push(KNOWN_AT_WITH(f, lo, hi, presumed));
  }
  return `[(${v})<-[:${cypherName(rel)}]-(${f}:${cypherName(from)})${conditions.length ? ` WHERE ${conditions.join(' AND ')}` : ''}
    | ${projection(b, f, target, fns, where, { order: FACT_ORDER(f) })}]`;
}

/** A fact's sources (SOURCED_FROM) or an entity's mentions (MENTIONED_IN) as Evidence, newest source first. */
function evidenceList(b: Builder, v: string, rel: 'SOURCED_FROM' | 'MENTIONED_IN', fns: FieldNode[], where: string): string {
  const evidenceType = b.op.schema.getType('Evidence') as GraphQLObjectType;
  const sourceNodes = [...collectFields(b.op, evidenceType, fns)].flatMap(([, nodes]) => nodes.filter((n) => n.name.value === 'source'));
  const r = b.variable();
  const s = b.variable();
  const source = sourceNodes.length ? `, source: ${projection(b, s, b.op.schema.getType('Source')!, sourceNodes, `${where}.source`)}` : '';
  return `[(${v})-[${r}:${rel}]->(${s}:Source) WHERE size(coalesce(${r}.quotes, [])) + size(coalesce(${r}.values, [])) > 0
    | {\`^\`: ${SOURCE_ORDER(s)}, ${EVIDENCE(r)}${source}}]`;
}
