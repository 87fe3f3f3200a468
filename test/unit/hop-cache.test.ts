// The neighbourhood's hub-hop cache as a structure: keys, the byte bound, turning it off. (That a write
// makes every key miss is tested against Neo4j in test/integration/neighbourhood.test.ts.)
import { cachedHop, configureHopCache, DEFAULT_HOP_CACHE_MB, hopCacheStats, hopKeyPrefix, storeHop } from '../../src/graph/hop-cache';

afterAll(() => configureHopCache(DEFAULT_HOP_CACHE_MB));

describe('the hub-hop cache', () => {
  it('keys a hop on the token, perHop and the tie filter', () => {
    configureHopCache(1);
    const a = hopKeyPrefix('token-1', 50, { tKinds: null, atLo: null });
    storeHop(`${a}organization/x`, { entity: 'organization/x', total: 900 });
    expect(cachedHop(`${a}organization/x`)).toEqual({ entity: 'organization/x', total: 900 });
    expect(cachedHop(`${hopKeyPrefix('token-2', 50, { tKinds: null, atLo: null })}organization/x`)).toBeUndefined();
    expect(cachedHop(`${hopKeyPrefix('token-1', 20, { tKinds: null, atLo: null })}organization/x`)).toBeUndefined();
    expect(cachedHop(`${hopKeyPrefix('token-1', 50, { tKinds: ['Occupancy'], atLo: null })}organization/x`)).toBeUndefined();
  });

  it('stays within its bound, the least recently used out first', () => {
    configureHopCache(1); // 1 MiB
    const big = { ties: 'x'.repeat(200_000) }; // ~400 kB as estimated (twice the JSON length)
    storeHop('k1', big);
    storeHop('k2', big);
    expect(cachedHop('k1')).toBeDefined(); // k1 now used more recently than k2
    storeHop('k3', big);
    expect(cachedHop('k2')).toBeUndefined();
    expect(cachedHop('k1')).toBeDefined();
    expect(cachedHop('k3')).toBeDefined();
    expect(hopCacheStats().bytes).toBeLessThanOrEqual(1024 * 1024);
    expect(hopCacheStats().entries).toBe(2);
  });

  it('keeps nothing when turned off', () => {
    configureHopCache(0);
    storeHop('k', { total: 1 });
    expect(cachedHop('k')).toBeUndefined();
    expect(hopCacheStats().entries).toBe(0);
  });
});
