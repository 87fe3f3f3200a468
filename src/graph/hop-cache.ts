// The neighbourhood's cache of hub hops. Expanding an entity with thousands of ties (an emulation bloc,
// a ministry) ranks all of them to keep the best `perHop`; most neighbourhoods around the people of one
// organisation expand the same few hubs. A hop of an entity whose ties were cut is kept here, keyed on
// the graph's version token (schema/migrations/0006, renewed by every write transaction through the
// database door), the entity, perHop and the tie filter's parameters: a write anywhere makes every key
// miss, so a cached hop is never staler than the read that would replace it. Bounded in (estimated)
// bytes, least recently used out first; NEIGHBOURHOOD_CACHE_MB=0 turns it off.
import { LRUCache } from 'lru-cache';
import type { Params } from '../db/database';

/** The default bound of the cache (NEIGHBOURHOOD_CACHE_MB). */
export const DEFAULT_HOP_CACHE_MB = 128;

let cache: LRUCache<string, object> | null = makeCache(DEFAULT_HOP_CACHE_MB);
const counts = { hits: 0, misses: 0, stored: 0 };
/** The newest token a read returned: what the next read most likely finds (a guess, checked by that read). */
let lastToken: string | null = null;

function makeCache(mb: number): LRUCache<string, object> | null {
  if (mb <= 0) return null;
  return new LRUCache<string, object>({
    maxSize: mb * 1024 * 1024,
    // JSON length × 2 (UTF-16) as the estimate of the objects' size; computed once, when stored
    sizeCalculation: (value, key) => Math.max(1, (JSON.stringify(value).length + key.length) * 2),
  });
}

/** Sets the bound (in MiB; 0 turns the cache off) and empties the cache. */
export function configureHopCache(mb: number): void {
  cache = makeCache(mb);
  lastToken = null;
}

/**
 * The graph's version token (graph-version.ts), read by the neighbourhood in its first statement:
 * remembered as the likeliest next one, and given back — null when the cache is off (nothing is
 * cached then).
 */
export function noteToken(token: string | null): string | null {
  if (!cache) return null;
  lastToken = token;
  return token;
}

/**
 * Whether the hop of `entity` is cached under the last token read — a guess made before this request's
 * token is known (a write since makes it wrong, and the hop is then read). Counts neither hit nor miss.
 */
export function likelyCached(entity: string, perHop: number, params: Params): boolean {
  return !!cache && lastToken !== null && cache.has(hopKeyPrefix(lastToken, perHop, params) + entity);
}

/** The key of one entity's hop: the token, perHop and the filter's parameters, then the entity. */
export const hopKeyPrefix = (token: string, perHop: number, params: Params) => `${token}|${perHop}|${JSON.stringify(params)}|`;

export function cachedHop<T extends object>(key: string): T | undefined {
  const value = cache?.get(key) as T | undefined;
  if (value) counts.hits++;
  else if (cache) counts.misses++;
  return value;
}

/** A hop read without asking the cache, as one it did not hold (the neighbourhood's first statement reads the root's hop unless likely cached). */
export function countMiss(): void {
  if (cache) counts.misses++;
}

export function storeHop(key: string, value: object): void {
  if (!cache) return;
  cache.set(key, value);
  counts.stored++;
}

/** What the cache did since start (for metrics and benchmarks). */
export function hopCacheStats(): { hits: number; misses: number; stored: number; entries: number; bytes: number } {
  return { ...counts, entries: cache?.size ?? 0, bytes: cache?.calculatedSize ?? 0 };
}
