// Full-text search over people, organisations and events. Names are folded by the application
// (src/text/fold.ts) both when stored (searchText) and when asked, so diacritics, case and tone
// placement never matter. Ranking: an exact match of a whole name or alias first, then Lucene's score.
import type { Database } from '../db/database';
import { int } from '../db/database';
import { AppError, ErrorCode } from '../errors';
import { fold } from '../text/fold';
import { GraphNode, project, type Shape } from './nodes';

export const MAX_SEARCH_RESULTS = 50;
export const SEARCH_INDEX = 'search_names';
/** Vietnamese syllables are short: a typo is tolerated from four letters ("toam" finds "toan"). */
export const FUZZY_MIN_LENGTH = 4;

export interface SearchResult {
  node: GraphNode;
  score: number;
  exact: boolean;
  /** With a shape's `description`: the hit's description, read in the same statement. */
  description?: string | null;
}

/** A compiled selection of the hits' nodes (variable `node`), and optionally a description expression on it. */
export type SearchShape = Shape & { description?: string };

/** The words of a query, folded: only [a-z0-9] runs, so nothing reaches Lucene's syntax. */
export function queryTerms(query: string): string[] {
  return fold(query)
    .split(/[^a-z0-9]+/)
    .filter(Boolean)
    .slice(0, 16);
}

/**
 * A Lucene query: every term must match, in a name (searchText) or a post title (postText), as a
 * whole word or a prefix — and, when `fuzzy`, in words of FUZZY_MIN_LENGTH letters or more, with one
 * typo. Names weigh more than post titles, whole words more than prefixes.
 */
export function luceneQuery(terms: string[], fuzzy = false): string {
  return terms
    .map((t) => {
      const alternatives = [`searchText:${t}^4`, `searchText:${t}*^2`, `postText:${t}`, `postText:${t}*^0.5`];
      if (fuzzy && t.length >= FUZZY_MIN_LENGTH) alternatives.push(`searchText:${t}~1^0.5`, `postText:${t}~1^0.25`);
      return `+(${alternatives.join(' ')})`;
    })
    .join(' ');
}

export async function search(db: Database, query: string, first: number, types?: string[] | null, shape?: SearchShape): Promise<SearchResult[]> {
  if (!Number.isInteger(first) || first < 1 || first > MAX_SEARCH_RESULTS) {
    throw new AppError(ErrorCode.BAD_USER_INPUT, `first: must be between 1 and ${MAX_SEARCH_RESULTS}, got ${first}`, { argument: 'first' });
  }
  if (query.length > 200) throw new AppError(ErrorCode.BAD_USER_INPUT, 'query: at most 200 characters', { argument: 'query' });
  const terms = queryTerms(query);
  if (!terms.length) return [];
  const folded = terms.join(' ');
  // Typos are forgiven only when the exact and prefix query finds nothing: fuzzy matches of short
  // Vietnamese syllables would otherwise crowd out the right answer.
  const hits = await run(db, luceneQuery(terms), folded, first, types, shape);
  return hits.length ? hits : run(db, luceneQuery(terms, true), folded, first, types, shape);
}

async function run(db: Database, lucene: string, folded: string, first: number, types?: string[] | null, shape?: SearchShape): Promise<SearchResult[]> {
  const rows = await db.read(
    `CALL db.index.fulltext.queryNodes($index, $lucene, {limit: $candidates}) YIELD node, score
     WHERE $labels IS NULL OR any(l IN labels(node) WHERE l IN $labels)
     WITH node, score, $folded IN node.matchKeys AS exact,
          all(t IN $terms WHERE (' ' + node.searchText) CONTAINS (' ' + t)) AS byName,
          node.currentPostText IS NOT NULL AND all(t IN $terms WHERE (' ' + node.currentPostText) CONTAINS (' ' + t)) AS current,
          coalesce(' ' + node.currentPostText + ' ', '') CONTAINS (' ' + $folded + ' ') AS currentTitle
     ORDER BY exact DESC, byName DESC, currentTitle DESC, current DESC, score DESC, node.nameFolded, node.id
     LIMIT $first
     RETURN ${shape?.project ?? project('node')} AS node, score, exact, ${shape?.description ?? 'null'} AS description`,
    {
      ...shape?.params,
      index: SEARCH_INDEX,
      lucene,
      // with a type filter, look further down the list so that the other types do not crowd it out
      // enough candidates that a current holder among many past ones is found (a title matches everyone who held it)
      candidates: int(types?.length ? Math.max(first * 20, 500) : Math.max(first * 10, 200)),
      terms: folded.split(' '),
      labels: types?.length ? types : null,
      folded,
      first: int(first),
    },
  );
  return rows.map((r) => ({
    node: r.node as GraphNode,
    score: Number(r.score) + (r.exact ? 100 : 0),
    exact: r.exact === true,
    ...(shape?.description ? { description: (r.description as string | null) ?? null } : {}),
  }));
}
