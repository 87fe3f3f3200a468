// The two servers the API is measured against, over the same Neo4j and graph (bench/compare.bench.ts):
// (a) hand-written Cypher through neo4j-driver, one statement per request, answering in the API's
// own JSON shape; (c) @neo4j/graphql 7 with type definitions for the same labels and relationships.
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { ApolloServer } from '@apollo/server';
import { startStandaloneServer } from '@apollo/server/standalone';
import { Neo4jGraphQL } from '@neo4j/graphql';
import neo4j, { Driver } from 'neo4j-driver';
import { connectionsCypher, DEFAULT_MAX_TIES } from '../src/graph/connections';
import { tieParams } from '../src/graph/ties';

export function driverFor(uri: string): Driver {
  return neo4j.driver(uri, neo4j.auth.basic('neo4j', ''), { disableLosslessIntegers: true, logging: { level: 'error', logger: () => undefined } });
}

/** Parameters from JSON: whole numbers as Neo4j integers (a JavaScript number is a float to Cypher, and LIMIT wants an integer). */
export function withIntegers(params: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(Object.entries(params).map(([k, v]) => [k, typeof v === 'number' && Number.isInteger(v) ? neo4j.int(v) : v]));
}

/**
 * (a): POST /<query name> with JSON parameters → {data: <the first row's single column>}, in a read
 * transaction: a managed one (`executeRead`, as the driver's manual writes it), or with `autoCommit`
 * an auto-commit one in a READ session (`session.run`, as the API runs its reads: src/db/database.ts).
 */
export async function startRaw(
  driver: Driver,
  queries: Record<string, string>,
  port: number,
  { autoCommit = false }: { autoCommit?: boolean } = {},
): Promise<{ url: string; close(): Promise<void> }> {
  const server = http.createServer((req, res) => {
    const name = (req.url ?? '').slice(1);
    const cypher = queries[name];
    let body = '';
    req.on('data', (c: Buffer) => (body += c.toString()));
    req.on('end', () => {
      if (!cypher) {
        res.writeHead(404).end();
        return;
      }
      const session = driver.session({ defaultAccessMode: neo4j.session.READ });
      const params = withIntegers(JSON.parse(body || '{}') as Record<string, unknown>);
      const read = autoCommit ? session.run(cypher, params, { timeout: 30000 }) : session.executeRead((tx) => tx.run(cypher, params), { timeout: 30000 });
      Promise.resolve(read)
        .then((result) => {
          const row = result.records[0];
          res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ data: row ? row.get(0) : null }));
        })
        .catch((error: Error) => res.writeHead(500, { 'content-type': 'application/json' }).end(JSON.stringify({ errors: [{ message: error.message }] })))
        .finally(() => void session.close());
    });
  });
  await new Promise<void>((resolve) => server.listen(port, '127.0.0.1', resolve));
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, close: () => new Promise((r) => server.close(() => r())) };
}

/**
 * The API's own connection search, whole (the same question asked of each), with the tie filter's
 * defaults written in: a @cypher statement sees only its field's arguments.
 */
export const CONNECTIONS_BY_HOPS = `CALL () { ${connectionsCypher(4)} } RETURN reduce(m = 99, p IN paths | CASE WHEN p.hops < m THEN p.hops ELSE m END) AS hops`;
const TIE_DEFAULTS = { ...tieParams(null), first: 5, maxTies: DEFAULT_MAX_TIES };
const CONNECTIONS_FOR_PEER = Object.entries(TIE_DEFAULTS)
  .sort(([x], [y]) => y.length - x.length)
  .reduce((c, [k, v]) => c.replaceAll(`$${k}`, JSON.stringify(v).replace(/"/g, "'")), CONNECTIONS_BY_HOPS);

/** (c)'s type definitions: the labels and relationship types the API stores, as @neo4j/graphql declares them. */
export const PEER_TYPE_DEFS = /* GraphQL */ `
  type Person @node(labels: ["Person"]) @fulltext(indexes: [{ indexName: "search_names", queryName: "peopleSearch", fields: ["searchText", "postText"] }]) {
    id: ID!
    name: String!
    nameFolded: String
    searchText: String
    postText: String
    occupancies: [Occupancy!]! @relationship(type: "HOLDER", direction: IN)
    participations: [Participation!]! @relationship(type: "PARTICIPANT", direction: IN)
    memberships: [Membership!]! @relationship(type: "MEMBER", direction: IN)
  }
  type Occupancy @node(labels: ["Occupancy"]) {
    id: ID!
    status: String
    startDate: String
    endDate: String
    position: [Position!]! @relationship(type: "POSITION", direction: OUT)
  }
  type Position @node(labels: ["Position"]) {
    id: ID!
    role: String
    label: String
    organization: [Organization!]! @relationship(type: "ORGANIZATION", direction: OUT)
  }
  type Organization @node(labels: ["Organization"]) {
    id: ID!
    name: String
  }
  type Participation @node(labels: ["Participation"]) {
    id: ID!
    role: String
    event: [Event!]! @relationship(type: "EVENT", direction: OUT)
  }
  type Event @node(labels: ["Event"]) {
    id: ID!
    name: String
    startDate: String
  }
  type Membership @node(labels: ["Membership"]) {
    id: ID!
    role: String
    organization: [Organization!]! @relationship(type: "ORGANIZATION", direction: OUT)
  }
  type Query {
    connectionHops(from: ID!, to: ID!, maxHops: Int!): Int @cypher(statement: """${CONNECTIONS_FOR_PEER}""", columnName: "hops")
  }
`;

export async function startPeer(driver: Driver, port: number): Promise<{ url: string; close(): Promise<void> }> {
  const schema = await new Neo4jGraphQL({ typeDefs: PEER_TYPE_DEFS, driver }).getSchema();
  const apollo = new ApolloServer({ schema });
  const { url } = await startStandaloneServer(apollo, { listen: { port, host: '127.0.0.1' } });
  return { url: url.replace(/\/$/, ''), close: () => apollo.stop() };
}
