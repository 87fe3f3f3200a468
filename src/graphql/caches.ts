// The read path's process caches, sized from the configuration when a server is built.
import type { Config } from '../config';
import { configureHopCache } from '../graph/hop-cache';

export function configureReadCaches(config: Pick<Config, 'neighbourhoodCacheMb'>): void {
  configureHopCache(config.neighbourhoodCacheMb);
}
