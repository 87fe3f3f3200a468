// What the exports share: which part of the graph to export, and a node's citations read back —
// the foreign record a source gave for it (a Popolo object, an FtM line) and the URLs and quotes
// that support it, so that every exported fact keeps its sources.
import type { Database } from '../db/database';
import { Citation, ExportNode, neighbourhoodIds } from '../graph/export';
import { AppError, ErrorCode } from '../errors';

export interface ExportScope {
  /** Only the neighbourhood of this entity (with `depth` facts around it). */
  root?: string | null;
  depth?: number | null;
}

/** The ids to export (null: the whole graph) and the sources they cite. */
export async function scopeIds(db: Database, scope: ExportScope): Promise<{ ids: string[] | null; sources: string[] | null }> {
  if (!scope.root) return { ids: null, sources: null };
  const found = await neighbourhoodIds(db, scope.root, scope.depth ?? 1);
  if (!found.ids.length) throw new AppError(ErrorCode.NOT_FOUND, `root: no entity ${scope.root}`);
  return found;
}

/** The foreign records (parsed JSON) the node's sources gave under `field` ("popolo:person", "ftm"), oldest source first. */
export function foreignOf(n: ExportNode, field: string | RegExp): Array<Record<string, unknown>> {
  const out: Array<Record<string, unknown>> = [];
  for (const c of n.citations)
    for (const r of c.records) {
      if (typeof field === 'string' ? r.field !== field : !field.test(r.field)) continue;
      try {
        const v = JSON.parse(r.value) as unknown;
        if (v && typeof v === 'object' && !Array.isArray(v)) out.push(v as Record<string, unknown>);
      } catch {
        // a record value that is not JSON is no foreign record
      }
    }
  return out;
}

/** A citation's URL for the formats that need one: the source's URL, else a URN naming the source in this graph. */
export const citationUrl = (c: Citation) => c.url ?? `urn:officials-graph:${c.sourceId}`;

/** Every URL that supports the node: its sources' and the sourceUrl values the records gave. */
export function urlsOf(n: ExportNode): string[] {
  const urls = new Set<string>();
  for (const c of n.citations) {
    urls.add(citationUrl(c));
    for (const r of c.records) if (r.field === 'sourceUrl' && r.value) urls.add(r.value);
  }
  return [...urls];
}

/** The quotes of the node's citations, each with its source's title: what an article source says. */
export function quotesOf(n: ExportNode): string[] {
  return n.citations.flatMap((c) => c.quotes.map((q) => `"${q}" — ${c.title}`));
}

/** The values of plain record evidence (not a whole foreign record): "office1: [[Thứ trưởng Bộ Công an]] — <title>". */
export function recordValuesOf(n: ExportNode): string[] {
  return n.citations.flatMap((c) =>
    c.records.filter((r) => !/^(popolo:|ftm$|sourceUrl$)/.test(r.field)).map((r) => `${r.field ? `${r.field}: ` : ''}${r.value} — ${c.title}`),
  );
}
