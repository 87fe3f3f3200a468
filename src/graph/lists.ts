// Filtered, sorted lists with Relay cursor pagination (keyset: the cursor holds the last item's sort
// key and id, so pages stay stable while data is added). One query returns the page and the total.
import type { Database, Params } from '../db/database';
import { int } from '../db/database';
import { AppError, ErrorCode } from '../errors';
import { dateHi, dateLo } from '../model/dates';
import { fold } from '../text/fold';
import { GraphNode, KNOWN_AT, project, type Shape } from './nodes';
import { SUBTREE } from './organizations';

export const MAX_PAGE_SIZE = 100;

export interface Page {
  items: Array<{ node: GraphNode; cursor: string }>;
  totalCount: number;
  hasNextPage: boolean;
  hasPreviousPage: boolean;
  /** The nodes hold only what a compiled selection asked for (PageShape). */
  compiled?: boolean;
}

interface ListQuery {
  label: 'Person' | 'Organization' | 'Event' | 'Source';
  /** Fixed Cypher conditions on `n`; every value they use is in `params`. */
  where: string[];
  params: Params;
  /**
   * A fixed Cypher expression on `n` to sort by (then by id). `indexed`: it is a property with a
   * range index, so a page is read in index order and costs what it returns (no sort of all).
   */
  sortKey: string;
  indexed?: boolean;
  descending: boolean;
  first: number;
  after: string | null | undefined;
}

/** What a compiled selection reads of a page's nodes, and whether it asks for totalCount. */
export type PageShape = Shape & { count: boolean };

export function encodeCursor(key: unknown, id: string): string {
  return Buffer.from(JSON.stringify([key, id])).toString('base64url');
}

export function decodeCursor(cursor: string): [string, string] {
  try {
    const value = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')) as unknown;
    if (Array.isArray(value) && value.length === 2 && typeof value[0] === 'string' && typeof value[1] === 'string') return [value[0], value[1]];
  } catch {
    /* fall through */
  }
  throw new AppError(ErrorCode.BAD_USER_INPUT, 'after: not a cursor this API gave out (use pageInfo.endCursor of the previous page)', { argument: 'after' });
}

export function checkPageSize(first: number): void {
  if (!Number.isInteger(first) || first < 0 || first > MAX_PAGE_SIZE) {
    throw new AppError(ErrorCode.BAD_USER_INPUT, `first: must be between 0 and ${MAX_PAGE_SIZE}, got ${first}`, { argument: 'first', max: MAX_PAGE_SIZE });
  }
}

/**
 * The keyset condition: after the cursor's (sortKey, id). On an indexed key it is also a plain range
 * on the property ($rangeKey: the cursor's key, or the lowest/highest string on a first page), which
 * the planner serves from the index in order — so ORDER BY … LIMIT reads only the page.
 */
function keyset(q: ListQuery): string {
  const cmp = q.descending ? '<' : '>';
  const after = `($afterId IS NULL OR ${q.sortKey} ${cmp} $afterKey OR (${q.sortKey} = $afterKey AND n.id ${cmp} $afterId))`;
  return q.indexed ? `${q.sortKey} ${cmp}= $rangeKey AND ${after}` : after;
}

/** Above every folded name: the range's open end on a first page in descending order. */
const TOP = '\uffff';

async function listPage(db: Database, q: ListQuery, shape?: PageShape): Promise<Page> {
  checkPageSize(q.first);
  const [afterKey, afterId] = q.after ? decodeCursor(q.after) : [null, null];
  const order = q.descending ? 'DESC' : 'ASC';
  const where = [...q.where, keyset(q)].join(' AND ');
  const filters = q.where.length ? q.where.join(' AND ') : 'true';
  // totalCount is counted only when asked (a count reads every match); uncompiled reads always count
  const count = shape ? shape.count : true;
  const rows = await db.read(
    `${count ? `CALL () { MATCH (n:${q.label}) WHERE ${filters} RETURN count(n) AS total }` : 'WITH null AS total'}
     CALL () {
       MATCH (n:${q.label}) WHERE ${where}
       RETURN n, ${q.sortKey} AS sortKey ORDER BY ${q.sortKey} ${order}, n.id ${order} LIMIT $limit
     }
     RETURN total, collect({node: ${shape?.project ?? project('n')}, sortKey: sortKey}) AS page`,
    { ...shape?.params, ...q.params, afterKey, afterId, rangeKey: afterKey ?? (q.descending ? TOP : ''), limit: int(q.first + 1) },
  );
  const row = rows[0];
  const page = (row?.page as Array<{ node: GraphNode; sortKey: string }>) ?? [];
  return {
    items: page.slice(0, q.first).map((p) => ({ node: p.node, cursor: encodeCursor(p.sortKey, p.node.id) })),
    totalCount: Number(row?.total ?? 0),
    hasNextPage: page.length > q.first,
    hasPreviousPage: !!q.after,
    compiled: !!shape,
  };
}

/** The interval a post must overlap: a date (`at`), or a range (`from`…`to`, either end open). */
function periodParams(at?: string | null, from?: string | null, to?: string | null): Params {
  if (at) return { atLo: dateLo(at), atHi: dateHi(at) };
  if (!from && !to) return { atLo: null, atHi: null };
  return { atLo: from ? dateLo(from) : '0000-01-01', atHi: to ? dateHi(to) : '9999-12-31' };
}

export interface PersonFilter {
  name?: string | null;
  organization?: string | null;
  /** With organization: also posts in its sub-units. */
  includeSubUnits?: boolean | null;
  role?: string | null;
  at?: string | null;
  from?: string | null;
  to?: string | null;
  /** With at/from/to: also posts only presumed to be held then (default true). */
  presumed?: boolean | null;
  event?: string | null;
}

export function listPeople(
  db: Database,
  filter: PersonFilter,
  order: 'NAME_ASC' | 'NAME_DESC',
  first: number,
  after?: string | null,
  shape?: PageShape,
): Promise<Page> {
  const where: string[] = [];
  if (filter.name) where.push('any(k IN n.searchKeys WHERE k CONTAINS $name)');
  if (filter.organization || filter.role || filter.at || filter.from || filter.to) {
    where.push(`EXISTS {
      MATCH (n)<-[:HOLDER]-(o:Occupancy)-[:POSITION]->(p:Position)-[:ORGANIZATION]->(org:Organization)
      WHERE ($organization IS NULL OR org.id = $organization
             OR ($subUnits AND EXISTS { MATCH ${SUBTREE(':Organization {id: $organization}', 'org')} }))
        AND ($role IS NULL OR $role IN p.searchKeys)
        AND ${KNOWN_AT('o')}
    }`);
  }
  if (filter.event) where.push('EXISTS { MATCH (n)<-[:PARTICIPANT]-(:Participation)-[:EVENT]->(:Event {id: $event}) }');
  return listPage(
    db,
    {
      label: 'Person',
      where,
      params: {
        name: filter.name ? fold(filter.name) : null,
        organization: filter.organization ?? null,
        subUnits: filter.includeSubUnits === true,
        role: filter.role ? fold(filter.role) : null,
        event: filter.event ?? null,
        presumed: filter.presumed !== false,
        ...periodParams(filter.at, filter.from, filter.to),
      },
      sortKey: 'n.nameFolded',
      indexed: true,
      descending: order === 'NAME_DESC',
      first,
      after,
    },
    shape,
  );
}

export interface OrganizationFilter {
  name?: string | null;
  classification?: string[] | null;
  parent?: string | null;
  event?: string | null;
}

export function listOrganizations(
  db: Database,
  filter: OrganizationFilter,
  order: 'NAME_ASC' | 'NAME_DESC',
  first: number,
  after?: string | null,
  shape?: PageShape,
): Promise<Page> {
  const where: string[] = [];
  if (filter.name) where.push('any(k IN n.searchKeys WHERE k CONTAINS $name)');
  if (filter.classification?.length) where.push('n.classification IN $classification');
  if (filter.parent) where.push('EXISTS { MATCH (n)<-[:CHILD]-(:Subordination)-[:PARENT]->(:Organization {id: $parent}) }');
  if (filter.event) where.push('EXISTS { MATCH (n)<-[:PARTICIPANT]-(:Participation)-[:EVENT]->(:Event {id: $event}) }');
  return listPage(
    db,
    {
      label: 'Organization',
      where,
      params: {
        name: filter.name ? fold(filter.name) : null,
        classification: filter.classification ?? null,
        parent: filter.parent ?? null,
        event: filter.event ?? null,
      },
      sortKey: 'n.nameFolded',
      indexed: true,
      descending: order === 'NAME_DESC',
      first,
      after,
    },
    shape,
  );
}

export interface EventFilter {
  name?: string | null;
  classification?: string[] | null;
  from?: string | null;
  to?: string | null;
  participant?: string | null;
}

export function listEvents(
  db: Database,
  filter: EventFilter,
  order: 'DATE_DESC' | 'DATE_ASC' | 'NAME_ASC',
  first: number,
  after?: string | null,
  shape?: PageShape,
): Promise<Page> {
  const where: string[] = [];
  if (filter.name) where.push('any(k IN n.searchKeys WHERE k CONTAINS $name)');
  if (filter.classification?.length) where.push('n.classification IN $classification');
  if (filter.from) where.push('n.validTo >= $from');
  if (filter.to) where.push('n.validFrom <= $to');
  if (filter.participant) where.push('EXISTS { MATCH (n)<-[:EVENT]-(:Participation)-[:PARTICIPANT]->(:Entity {id: $participant}) }');
  return listPage(
    db,
    {
      label: 'Event',
      where,
      params: {
        name: filter.name ? fold(filter.name) : null,
        classification: filter.classification ?? null,
        from: filter.from ? dateLo(filter.from) : null,
        to: filter.to ? dateHi(filter.to) : null,
        participant: filter.participant ?? null,
      },
      // undated events come last in both directions
      sortKey: order === 'NAME_ASC' ? 'n.nameFolded' : order === 'DATE_ASC' ? "coalesce(n.validFrom, '9999-99-99')" : "coalesce(n.validFrom, '')",
      descending: order === 'DATE_DESC',
      first,
      after,
    },
    shape,
  );
}

export function listSources(db: Database, first: number, after?: string | null, shape?: PageShape): Promise<Page> {
  return listPage(db, { label: 'Source', where: [], params: {}, sortKey: "coalesce(n.publishedAt, '')", descending: true, first, after }, shape);
}
