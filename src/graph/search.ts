// Full-text search over people, organisations and events. Names are folded by the application
// (src/text/fold.ts) both when stored (searchText) and when asked, so diacritics, case and tone
// placement never matter. Ranking: an exact match of a whole name or alias first, then Lucene's score.
import type { Database } from '../db/database';
import { int } from '../db/database';
import { AppError, ErrorCode } from '../errors';
import { fold } from '../text/fold';
import { model } from '../model/model';
import { GraphNode, project } from './nodes';

export const MAX_SEARCH_RESULTS = 50;
export const SEARCH_LABELS = ['Person', 'Organization', 'Event'] as const;

export interface SearchResult {
  node: GraphNode;
  score: number;
  exact: boolean;
}

/** The words of a query, folded: only [a-z0-9] runs, so nothing reaches Lucene's syntax. */
export function queryTerms(query: string): string[] {
  return fold(query).split(/[^a-z0-9]+/).filter(Boolean).slice(0, 16);
}

/** A Lucene query: every term must match, as a whole word, a prefix, or (longer words) with one typo. */
export function luceneQuery(terms: string[]): string {
  return terms
    .map((t, i) => {
      const alternatives = [`${t}^4`];
      if (i === terms.length - 1 || t.length >= 3) alternatives.push(`${t}*`);
      if (t.length >= 5) alternatives.push(`${t}~1`);
      return `+(${alternatives.join(' ')})`;
    })
    .join(' ');
}

export async function search(db: Database, query: string, first: number, types?: string[] | null): Promise<SearchResult[]> {
  if (!Number.isInteger(first) || first < 1 || first > MAX_SEARCH_RESULTS) {
    throw new AppError(ErrorCode.BAD_USER_INPUT, `first: must be between 1 and ${MAX_SEARCH_RESULTS}, got ${first}`, { argument: 'first' });
  }
  if (query.length > 200) throw new AppError(ErrorCode.BAD_USER_INPUT, 'query: at most 200 characters', { argument: 'query' });
  const terms = queryTerms(query);
  if (!terms.length) return [];
  const folded = terms.join(' ');
  const rows = await db.read(
    `CALL db.index.fulltext.queryNodes('search_names', $lucene, {limit: $candidates}) YIELD node, score
     WHERE $labels IS NULL OR any(l IN labels(node) WHERE l IN $labels)
     WITH node, score, any(k IN node.searchKeys WHERE replace(k, '-', ' ') = $folded) AS exact
     RETURN ${project('node')} AS node, score, exact
     ORDER BY exact DESC, score DESC, node.nameFolded, node.id
     LIMIT $first`,
    {
      lucene: luceneQuery(terms),
      candidates: int(Math.max(first * 5, 50)),
      labels: types?.length ? types : null,
      folded,
      first: int(first),
      typeNames: Object.keys(model.types),
    },
  );
  return rows.map((r) => ({ node: r.node as GraphNode, score: Number(r.score) + (r.exact ? 100 : 0), exact: r.exact === true }));
}
