// The neighbourhood's hub-hop cache as a structure: keys, the byte bound, turning it off. (That a write
// makes every key miss is tested against Neo4j in test/integration/neighbourhood.test.ts.)
import { cachedHop, configureHopCache, DEFAULT_HOP_CACHE_MB, hopCacheStats, hopKeyPrefix, likelyCached, noteToken, storeHop } from '../../src/graph/hop-cache';

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

  it('guesses a hop cached under the last token read, without counting a hit or a miss', () => {
    configureHopCache(1);
    const params = { tKinds: null, atLo: null };
    expect(likelyCached('organization/x', 50, params)).toBe(false); // no token read yet
    expect(noteToken('token-1')).toBe('token-1');
    storeHop(`${hopKeyPrefix('token-1', 50, params)}organization/x`, { entity: 'organization/x', total: 900 });
    const before = hopCacheStats();
    expect(likelyCached('organization/x', 50, params)).toBe(true);
    expect(likelyCached('organization/x', 20, params)).toBe(false);
    expect(likelyCached('organization/y', 50, params)).toBe(false);
    noteToken('token-2'); // a write renewed the token: the guess turns false
    expect(likelyCached('organization/x', 50, params)).toBe(false);
    expect(hopCacheStats()).toMatchObject({ hits: before.hits, misses: before.misses });
  });

  it('keeps nothing when turned off', () => {
    configureHopCache(0);
    expect(noteToken('token-1')).toBeNull(); // no token: nothing is keyed on one
    expect(likelyCached('k', 50, {})).toBe(false);
    storeHop('k', { total: 1 });
    expect(cachedHop('k')).toBeUndefined();
    expect(hopCacheStats().entries).toBe(0);
  });
});
