import { ConfigError, loadConfig, neo4jUri } from '../../src/config';

describe('loadConfig', () => {
  it('gives defaults for an empty environment', () => {
    const config = loadConfig({});
    expect(config.port).toBe(4000);
    expect(config.host).toBe('127.0.0.1');
    expect(config.neo4j.uri).toBeUndefined();
    expect(neo4jUri(config)).toBe('bolt://127.0.0.1:7687');
    expect(config.queryTimeoutMs).toBeLessThanOrEqual(5000);
    expect(config.neighbourhoodCacheMb).toBe(128);
    expect(loadConfig({ NEIGHBOURHOOD_CACHE_MB: '0' }).neighbourhoodCacheMb).toBe(0);
    expect(config.searchReplanCheckMs).toBe(60000);
    expect(loadConfig({ SEARCH_REPLAN_CHECK_MS: '0' }).searchReplanCheckMs).toBe(0);
  });

  it.each([
    ['PORT', 'abc', /^Invalid PORT="abc": expected an integer port 1-65535$/],
    ['PORT', '70000', /PORT/],
    ['NEO4J_URI', 'http://x', /^Invalid NEO4J_URI="http:\/\/x": expected a Neo4j URI with scheme/],
    ['NEO4J_URI', 'not a uri', /NEO4J_URI/],
    ['LOG_LEVEL', 'loud', /LOG_LEVEL.*fatal, error/],
    ['QUERY_TIMEOUT_MS', '-5', /QUERY_TIMEOUT_MS/],
    ['LOCAL_NEO4J_HEAP', '1 GB', /LOCAL_NEO4J_HEAP/],
    ['LOAD_SEEDS', 'maybe', /LOAD_SEEDS.*true or false/],
    ['NEIGHBOURHOOD_CACHE_MB', '-1', /NEIGHBOURHOOD_CACHE_MB.*MiB/],
    ['NEIGHBOURHOOD_CACHE_MB', 'lots', /NEIGHBOURHOOD_CACHE_MB.*0 turns the cache off/],
    ['SEARCH_REPLAN_CHECK_MS', '-1', /SEARCH_REPLAN_CHECK_MS.*0 or more/],
    ['SEARCH_REPLAN_CHECK_MS', 'often', /SEARCH_REPLAN_CHECK_MS.*0 turns it off/],
  ])('rejects %s=%s with one line naming the variable', (name, value, message) => {
    let error: unknown;
    try {
      loadConfig({ [name]: value });
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(ConfigError);
    expect((error as ConfigError).variable).toBe(name);
    expect((error as Error).message).toMatch(message);
    expect((error as Error).message).not.toContain('\n');
  });

  it('accepts cluster and Aura URIs', () => {
    expect(loadConfig({ NEO4J_URI: 'neo4j+s://abcd.databases.neo4j.io' }).neo4j.uri).toBe('neo4j+s://abcd.databases.neo4j.io');
    expect(loadConfig({ NEO4J_URI: 'neo4j://core1:7687' }).neo4j.uri).toBe('neo4j://core1:7687');
  });

  it('splits CORS origins', () => {
    expect(loadConfig({ CORS_ORIGINS: 'https://a.example, https://b.example' }).corsOrigins).toEqual(['https://a.example', 'https://b.example']);
    expect(loadConfig({}).corsOrigins).toBe('*');
  });
});
