// Values between the driver and the rest: parameters in (undefined as null, integers as Neo4j
// Integers where Cypher needs them), rows out as plain JSON (toPlain).
import neo4j, { ManagedTransaction, QueryResult, RecordShape } from 'neo4j-driver';

export type Params = Record<string, unknown>;
export type Row = Record<string, unknown>;

export async function runPlain(tx: ManagedTransaction, cypher: string, params: Params): Promise<Row[]> {
  return plainRows(await tx.run(cypher, toDriverParams(params)));
}

export function plainRows(result: QueryResult<RecordShape>): Row[] {
  return result.records.map((record) => {
    const row: Row = {};
    for (const key of record.keys) row[String(key)] = toPlain(record.get(key));
    return row;
  });
}

/** Integers that the query needs as integers (LIMIT, SKIP) must be sent as Neo4j Integers. */
export function int(value: number): unknown {
  return neo4j.int(value);
}

export function toDriverParams(params: Params): Params {
  // undefined is not a Cypher value; null is.
  const out: Params = {};
  for (const [k, v] of Object.entries(params)) out[k] = v === undefined ? null : v;
  return out;
}

/**
 * The Cypher types of a statement's parameters, as one string (name:type, sorted): Neo4j keys its
 * plan cache on the statement's text and these types, so two runs with the same text and signature
 * share a plan. A JS number is sent as a Float, a Neo4j Integer as an Integer.
 */
export function paramTypes(params: Params): string {
  const type = (v: unknown): string => {
    if (v === null || v === undefined) return 'null';
    if (neo4j.isInt(v) || typeof v === 'bigint') return 'int';
    if (typeof v === 'number') return 'float';
    if (typeof v !== 'object') return typeof v;
    if (Array.isArray(v)) return `[${[...new Set(v.map(type))].sort().join('|')}]`;
    return 'map';
  };
  return Object.keys(params)
    .sort()
    .map((k) => `${k}:${type(params[k])}`)
    .join(',');
}

/** Whether a value may hold a driver type (so toPlain must look at it). */
const mayHoldDriverValue = (v: unknown) => v === undefined || typeof v === 'bigint' || (v !== null && typeof v === 'object');

/** Converts driver values to plain JSON: Integers to numbers (strings when unsafe), temporals to ISO strings, graph objects to their properties; lists and maps in place (a result's values are its own: not copied). */
export function toPlain(value: unknown): unknown {
  if (value === null || value === undefined) return null;
  // strings, numbers and booleans are most values: no driver type to test them against
  if (typeof value !== 'object' && typeof value !== 'bigint') return value;
  if (typeof value === 'bigint') return Number.isSafeInteger(Number(value)) ? Number(value) : value.toString();
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) if (mayHoldDriverValue(value[i])) value[i] = toPlain(value[i]);
    return value;
  }
  // a Cypher map is a plain object; the driver's Integers, temporals and graph types are class instances
  const proto = Object.getPrototypeOf(value) as unknown;
  if (proto === Object.prototype || proto === null) {
    const map = value as Row;
    for (const k in map) if (mayHoldDriverValue(map[k])) map[k] = toPlain(map[k]);
    return map;
  }
  if (neo4j.isInt(value)) return value.inSafeRange() ? value.toNumber() : value.toString();
  if (
    neo4j.isDate(value) ||
    neo4j.isDateTime(value) ||
    neo4j.isLocalDateTime(value) ||
    neo4j.isTime(value) ||
    neo4j.isLocalTime(value) ||
    neo4j.isDuration(value)
  ) {
    return value.toString();
  }
  if (neo4j.isNode(value) || neo4j.isRelationship(value)) return toPlain(value.properties);
  if (neo4j.isPath(value)) return value.segments.map((s) => toPlain([s.start, s.relationship, s.end]));
  if (typeof value === 'object') {
    const out: Row = {};
    for (const [k, v] of Object.entries(value as Row)) out[k] = toPlain(v);
    return out;
  }
  return value;
}
