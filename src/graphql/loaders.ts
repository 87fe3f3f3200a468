// Per-request DataLoaders: every field that walks the graph is batched per query level, so a nested
// query costs one round trip per level and field, not one per item.
import DataLoader from 'dataloader';
import type { Database } from '../db/database';
import { Colleague, ColleagueOptions, colleagues } from '../graph/colleagues';
import { ancestors } from '../graph/organizations';
import { Citation, citations, GraphNode, incoming, IncomingFilter, nodesById, referenced, sourceTexts } from '../graph/nodes';

export interface Loaders {
  /** Any entity or fact by id. */
  node: DataLoader<string, GraphNode | null>;
  /** Nodes that `fromLabel`'s `rel` points to, per id of the pointing node. */
  referenced(fromLabel: string, rel: string): DataLoader<string, GraphNode[]>;
  /** `fromLabel` nodes pointing at the id with `rel`, filtered. */
  incoming(fromLabel: string, rel: string, filter: IncomingFilter): DataLoader<string, GraphNode[]>;
  /** A fact's sources with their quotes. */
  sources: DataLoader<string, Citation[]>;
  /** The sources that mention an entity. */
  mentions: DataLoader<string, Citation[]>;
  /** A source's full text. */
  sourceText: DataLoader<string, string | null>;
  /** An organisation's parents up the part_of links, nearest first. */
  ancestors: DataLoader<string, GraphNode[]>;
  /** A person's colleagues (co-service), per set of options. */
  colleagues(options: ColleagueOptions): DataLoader<string, Colleague[]>;
}

const many = (load: (ids: readonly string[]) => Promise<Map<string, GraphNode[]>>) =>
  new DataLoader<string, GraphNode[]>(async (ids) => {
    const found = await load(ids);
    return ids.map((id) => found.get(id) ?? []);
  });

/** One key for filters that select the same facts, so that fields asking alike share a loader (and a query). */
function filterKey(filter: IncomingFilter): string {
  const equals = Object.entries(filter.equals ?? {})
    .filter(([, v]) => typeof v === 'string')
    .sort(([a], [b]) => a.localeCompare(b));
  return JSON.stringify([filter.at ?? null, filter.at ? filter.presumed !== false : true, equals]);
}

export function createLoaders(db: Database): Loaders {
  const cache = new Map<string, DataLoader<string, GraphNode[]>>();
  const colleagueLoaders = new Map<string, DataLoader<string, Colleague[]>>();
  const memo = (key: string, make: () => DataLoader<string, GraphNode[]>) => {
    let loader = cache.get(key);
    if (!loader) cache.set(key, (loader = make()));
    return loader;
  };
  const node = new DataLoader<string, GraphNode | null>(async (ids) => {
    const found = await nodesById(db, ids);
    return ids.map((id) => found.get(id) ?? null);
  });
  const cited = (rel: 'SOURCED_FROM' | 'MENTIONED_IN') =>
    new DataLoader<string, Citation[]>(async (ids) => {
      const found = await citations(db, ids, rel);
      return ids.map((id) => found.get(id) ?? []);
    });
  return {
    node,
    referenced: (fromLabel, rel) => memo(`out:${fromLabel}:${rel}`, () => many((ids) => referenced(db, fromLabel, rel, ids))),
    incoming: (fromLabel, rel, filter) => memo(`in:${fromLabel}:${rel}:${filterKey(filter)}`, () => many((ids) => incoming(db, fromLabel, rel, ids, filter))),
    sources: cited('SOURCED_FROM'),
    mentions: cited('MENTIONED_IN'),
    sourceText: new DataLoader(async (ids) => {
      const found = await sourceTexts(db, ids);
      return ids.map((id) => found.get(id) ?? null);
    }),
    ancestors: many((ids) => ancestors(db, ids)),
    colleagues: (options) => {
      const key = `colleagues:${JSON.stringify(options)}`;
      let loader = colleagueLoaders.get(key);
      if (!loader) {
        loader = new DataLoader<string, Colleague[]>(async (ids) => {
          const found = await colleagues(db, ids, options);
          return ids.map((id) => found.get(id) ?? []);
        });
        colleagueLoaders.set(key, loader);
      }
      return loader;
    },
  };
}
