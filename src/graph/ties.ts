// Ties: a fact seen as a link between entities, and the one filter every walk of the graph takes
// (connections, neighbourhood, timeline, commonConnections, colleagues). The filter is Cypher on a fact
// node with parameters only; which labels, relationships and "proposed" values exist comes from the model.
import type { Database, Params } from '../db/database';
import { AppError, ErrorCode } from '../errors';
import { dateHi, dateLo } from '../model/dates';
import { model } from '../model/model';
import { cypherName, GraphNode, KNOWN_AT, nodesById } from './nodes';

/** The fact types, as the API's TieKind names them (RankHolding → RANK_HOLDING). */
export const TIE_KINDS: Record<string, string> = Object.fromEntries(
  model.factTypes.map((t) => [t.name.replace(/([a-z])([A-Z])/g, '$1_$2').toUpperCase(), cypherName(t.name)]),
);

/** The TieKind of a fact type (Occupancy → OCCUPANCY). */
export const TIE_KIND_OF: Record<string, string> = Object.fromEntries(Object.entries(TIE_KINDS).map(([kind, type]) => [type, kind]));

/** Relationships from a fact to an entity (holder, position, event…): what a walk crosses. */
export const FACT_RELS = [...new Set(model.factTypes.flatMap((t) => Object.values(t.references).map((r) => r.rel)))].sort();

/** Relationships from an entity to another (a position's organisation): crossed within a hop, not counted as one. */
export const ENTITY_RELS = [
  ...new Set(
    Object.values(model.types)
      .filter((t) => t.kind === 'entity')
      .flatMap((t) => Object.values(t.references).map((r) => r.rel)),
  ),
].sort();

/** [property, value] pairs that make a fact a proposal, not a tie that holds ("đề nghị tặng": status proposed). */
const PROPOSAL_VALUES: Array<[string, string]> = [
  ...new Map(
    model.factTypes.flatMap((t) =>
      Object.values(t.properties)
        .filter((p) => p.enum && model.enums[p.enum]?.includes('proposed'))
        .map((p): [string, [string, string]] => [p.name, [p.name, 'proposed']]),
    ),
  ).values(),
];
/** The model's property names, checked like labels before they are spliced into Cypher. */
const propertyName = (name: string) => {
  if (!/^[a-z][A-Za-z]*$/.test(name)) throw new Error(`Not a property name of the model: ${name}`);
  return name;
};
/**
 * Cypher: fact `f` is a proposal. Written out per property (not `f[key]`): a dynamic property inside a
 * quantified path pattern's predicate is not evaluated as such by Neo4j 5.26's shortest-path planner.
 */
const PROPOSAL = (f: string) =>
  PROPOSAL_VALUES.length ? PROPOSAL_VALUES.map(([p]) => `coalesce(${f}.${propertyName(p)}, '') = $tProposalValue`).join(' OR ') : 'false';

const CONFIDENCES = ['high', 'medium', 'low'];

/** The API's TieFilter, as graphql-js hands it over (defaults applied). */
export interface TieFilter {
  kinds?: string[] | null;
  at?: string | null;
  presumed?: boolean | null;
  includeInferred?: boolean | null;
  includeProposed?: boolean | null;
  minConfidence?: string | null;
}

/** The parameters TIE_OK reads (prefixed `t`, so they never clash with a query's own). */
export function tieParams(filter: TieFilter | null | undefined): Params {
  const f = filter ?? {};
  const kinds = f.kinds?.length ? f.kinds.map((k) => TIE_KINDS[k] ?? k) : null;
  const min = f.minConfidence ? CONFIDENCES.indexOf(f.minConfidence.toLowerCase()) : -1;
  return {
    tKinds: kinds,
    tInferred: f.includeInferred !== false,
    tProposed: f.includeProposed !== false,
    tProposalValue: 'proposed',
    tConfidences: min >= 0 ? CONFIDENCES.slice(0, min + 1) : null,
    atLo: f.at ? dateLo(f.at) : null,
    atHi: f.at ? dateHi(f.at) : null,
    presumed: f.presumed !== false,
  };
}

/**
 * The filter's clauses on fact `f`: when a clause is active (from tieParams' values), what it
 * tests, and the parameter test that makes it pass when it is not.
 */
const tieClauses = (f: string): Array<{ active: (p: Params) => boolean; idle: string; test: string }> => [
  { active: (p) => p.tKinds !== null, idle: '$tKinds IS NULL', test: `any(l IN labels(${f}) WHERE l IN $tKinds)` },
  { active: (p) => p.tInferred !== true, idle: '$tInferred', test: `NOT coalesce(${f}.inferred, false)` },
  { active: (p) => p.tProposed !== true, idle: '$tProposed', test: `NOT (${PROPOSAL(f)})` },
  { active: (p) => p.tConfidences !== null, idle: '$tConfidences IS NULL', test: `${f}.confidence IN $tConfidences` },
  // KNOWN_AT passes by itself when no date is asked
  { active: (p) => p.atLo !== null, idle: '', test: KNOWN_AT(f) },
];

/** Cypher: fact `f` is a tie the filter keeps (its kind, time, inference, proposal and confidence). */
export const TIE_OK = (f: string) =>
  `(${tieClauses(f)
    .map((c) => (c.idle ? `(${c.idle} OR ${c.test})` : c.test))
    .join('\n  AND ')})`;

/**
 * TIE_OK with only the clauses the filter's parameters (tieParams) make active — 'true' for the
 * default filter: the same facts kept, no property read for a clause that cannot exclude any. For a
 * statement that tests every fact it walks (the connection search); its text depends on which
 * clauses are active (at most 32 variants, each planned once), the values stay parameters.
 */
export function tieOkFor(f: string, params: Params): string {
  const parts = tieClauses(f)
    .filter((c) => c.active(params))
    .map((c) => c.test);
  return parts.length ? `(${parts.join(' AND ')})` : 'true';
}

/**
 * Cypher subquery body: the facts `f` the filter keeps that are tied to entity `e` — directly, or
 * through an entity of its own (the posts of an organisation). Reads $factRels and $entityRels.
 */
export const TIED_FACTS = (e: string, f: string) => `MATCH (${e})<-[r]-(${f}:Fact) WHERE type(r) IN $factRels AND ${TIE_OK(f)}
         RETURN ${f}
         UNION
         MATCH (${e})<-[u]-(:Entity)<-[r]-(${f}:Fact) WHERE type(u) IN $entityRels AND type(r) IN $factRels AND ${TIE_OK(f)}
         RETURN ${f}`;

/** Cypher: fact `f` is a proposal (1) or not (0). */
export const IS_PROPOSAL = (f: string) => `CASE WHEN ${PROPOSAL(f)} THEN 1 ELSE 0 END`;

/**
 * Cypher: how weak the evidence for fact `f` is, as a list compared element by element (lower is
 * better): a proposal, no source, inferred, only presumed at the filter's date, lower confidence.
 */
export const WEAKNESS = (f: string) => `[${IS_PROPOSAL(f)},
  CASE WHEN EXISTS { (${f})-[:SOURCED_FROM]->(:Source) } THEN 0 ELSE 1 END,
  CASE WHEN coalesce(${f}.inferred, false) THEN 1 ELSE 0 END,
  CASE WHEN $atLo IS NOT NULL AND NOT (${f}.statedFrom <= $atHi AND ${f}.statedTo >= $atLo) THEN 1 ELSE 0 END,
  CASE ${f}.confidence WHEN 'high' THEN 0 WHEN 'medium' THEN 1 ELSE 2 END]`;

/** True when the fact is a proposal (e.g. a Conferral with status proposed): never to be read as given. */
export const isProposal = (fact: GraphNode) => PROPOSAL_VALUES.some(([p, v]) => fact[p] === v);

/**
 * The entities behind ids (following merge redirects), in order; an unknown id is NOT_FOUND, naming
 * the argument — never an empty answer that would read as "not connected".
 */
export async function entitiesOrNotFound(db: Database, ids: Array<{ argument: string; id: string }>): Promise<GraphNode[]> {
  const found = await nodesById(
    db,
    ids.map((i) => i.id),
  );
  return ids.map(({ argument, id }) => {
    const node = found.get(id);
    if (!node || model.types[node.__typename]?.kind !== 'entity') {
      throw entityNotFound(argument, id);
    }
    return node;
  });
}

/** NOT_FOUND for an id argument that names no entity. */
export const entityNotFound = (argument: string, id: string) =>
  new AppError(ErrorCode.NOT_FOUND, `${argument}: no entity with id "${id.slice(0, 200)}"`, { argument, id: id.slice(0, 200) });

/** A read that may time out: a timeout is said in terms of what was asked and what to narrow. */
export async function boundedRead<T>(what: string, hint: string, read: () => Promise<T>): Promise<T> {
  try {
    return await read();
  } catch (error) {
    if (error instanceof AppError && error.code === ErrorCode.QUERY_TIMEOUT) {
      throw new AppError(ErrorCode.QUERY_TIMEOUT, `${what} took longer than the read timeout; ${hint}.`, {
        ...error.extensions,
        code: ErrorCode.QUERY_TIMEOUT,
      });
    }
    throw error;
  }
}

/** Checks an integer argument against its bounds, with an error naming it. */
export function checkRange(argument: string, value: number, lo: number, hi: number): void {
  if (!Number.isInteger(value) || value < lo || value > hi) {
    throw new AppError(ErrorCode.BAD_USER_INPUT, `${argument}: must be between ${lo} and ${hi}, got ${value}`, { argument, min: lo, max: hi });
  }
}
