// The read path's process caches, sized from the configuration when a server is built.
import type { Config } from '../config';
import { configureHopCache, hopCacheStats } from '../graph/hop-cache';

export function configureReadCaches(config: Pick<Config, 'neighbourhoodCacheMb'>): void {
  configureHopCache(config.neighbourhoodCacheMb);
}

/** What the neighbourhood's hub-hop cache has done since start, and holds (for /metrics). */
export const readCacheStats = () => ({ neighbourhoodHops: hopCacheStats() });
