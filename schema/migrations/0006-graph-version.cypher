// One node whose token changes with every write transaction through the API's database door
// (src/db/database.ts): caches of derived reads (the neighbourhood's hops of hub entities,
// src/graph/hop-cache.ts) key on it, so a write anywhere — this process, another instance, an import
// from the command line — makes them miss. A write by other means (cypher-shell) should run
// `MATCH (v:GraphVersion) SET v.token = randomUUID()` after it.
CREATE CONSTRAINT graph_version_id IF NOT EXISTS FOR (n:GraphVersion) REQUIRE n.id IS UNIQUE;
MERGE (v:GraphVersion {id: 'graph'}) ON CREATE SET v.token = randomUUID();
