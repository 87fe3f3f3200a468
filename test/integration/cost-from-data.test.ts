// The cost limit sizes unpaginated lists by the data (the 99th percentile of each list, measured at
// start) and charges the known-expensive fields by their work: an ordinary sourced listing passes
// (it cost 16,820 > 10,000 under a flat 20), hostile fan-outs and stacked searches or path searches do not.
import { useTestServer } from '../support/server';

const world = useTestServer({ NODE_ENV: 'production' });

const estimateOf = (res: { body: any }) => res.body.errors?.[0]?.extensions?.estimate as number | undefined;

it('lets an ordinary sourced listing through', async () => {
  const res = await world.server.gql(
    '{ people(first: 20) { nodes { occupancies { position { label } sources { quote } } participations { role sources { quote } } } } }',
  );
  expect(res.status).toBe(200);
  expect(res.body.errors).toBeUndefined();
  expect(res.body.data.people.nodes.length).toBeGreaterThan(0);
});

it('still refuses a deep fan-out', async () => {
  // people → posts → the posts' holders → their posts → holders: every level multiplies, five times over
  const level = 'occupancies { position { holders { holder { occupancies { position { holders { id } } } } } } }';
  const fan = `{ ${Array.from({ length: 5 }, (_, i) => `p${i}: people(first: 100) { nodes { ${level} } }`).join(' ')} }`;
  const res = await world.server.gql(fan);
  expect(res.status).toBe(400);
  expect(res.body.errors[0].extensions.code).toBe('QUERY_TOO_EXPENSIVE');
  console.log(`deep fan-out estimated at ${estimateOf(res)}`);
});

it('charges 30 aliased searches by their work', async () => {
  const searches = `{ ${Array.from({ length: 30 }, (_, i) => `s${i}: search(query: "nguyen van zzzz${i}") { name }`).join(' ')} }`;
  const res = await world.server.gql(searches);
  expect(res.status).toBe(400);
  expect(res.body.errors[0].extensions.code).toBe('QUERY_TOO_EXPENSIVE');
  expect(estimateOf(res)).toBeGreaterThan(10_000);
  // a few searches are fine
  expect((await world.server.gql('{ a: search(query: "tinh") { name } b: search(query: "ngoc") { name } }')).body.errors).toBeUndefined();
});

it('charges path searches by their hops', async () => {
  const path = (hops: number, n: number) =>
    `{ ${Array.from({ length: n }, (_, i) => `p${i}: connections(from: "person/nguyen-thanh-tinh", to: "person/ngo-van-tuan", maxHops: ${hops}) { hops }`).join(' ')} }`;
  expect((await world.server.gql(path(4, 1))).body.errors).toBeUndefined();
  const six = await world.server.gql(path(6, 1));
  expect(six.status).toBe(400);
  expect(six.body.errors[0].extensions.code).toBe('QUERY_TOO_EXPENSIVE');
  expect((await world.server.gql(path(4, 20))).status).toBe(400);
});
