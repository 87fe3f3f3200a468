// The graph's version token (schema/migrations/0006): one node whose token every write transaction
// renews as its last statement (the database handle runs GRAPH_VERSION_BUMP, given by src/bootstrap.ts),
// so that a cache keyed on it (hop-cache.ts) never serves what a write changed — whichever process or
// instance wrote.

/** Cypher: a new token. A no-op before the migration made the node. */
export const GRAPH_VERSION_BUMP = "MATCH (v:GraphVersion {id: 'graph'}) SET v.token = randomUUID()";

/** Cypher: the token now as `token` (null before the migration made its node), to go on from with `WITH`. */
export const GRAPH_VERSION_TOKEN = "OPTIONAL MATCH (v:GraphVersion {id: 'graph'}) WITH v.token AS token";
