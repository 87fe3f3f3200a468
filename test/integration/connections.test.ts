// How two entities are connected, and what they share — every hop a sourced fact.
import { useTestServer } from '../support/server';

const world = useTestServer();

const EVENT = 'event/2024-04-10-hoi-nghi-tong-ket-thi-dua-khoi-noi-chinh';

it('connects two officials through the conference both attended, with the quotes', async () => {
  const { body } = await world.server.gql(`{ connections(from: "person/nguyen-thanh-tinh", to: "person/nguyen-duy-ngoc", first: 5) {
    hops entities { id } facts { __typename sources { quote } ... on Participation { role } } steps { id } } }`);
  expect(body.errors).toBeUndefined();
  const paths = body.data.connections;
  expect(paths.length).toBeGreaterThan(0);
  for (const p of paths) {
    expect(p.hops).toBe(2);
    expect(p.entities.map((e: { id: string }) => e.id)).toEqual(['person/nguyen-thanh-tinh', EVENT, 'person/nguyen-duy-ngoc']);
    expect(p.steps[0].id).toBe('person/nguyen-thanh-tinh');
    expect(p.steps[p.steps.length - 1].id).toBe('person/nguyen-duy-ngoc');
    for (const f of p.facts) expect(f.sources.length).toBeGreaterThan(0);
  }
  expect(paths.some((p: any) => p.facts.some((f: any) => f.role === 'SIGNATORY'))).toBe(true);
});

it('does not connect through the shared source document', async () => {
  const { body } = await world.server.gql(`{ connections(from: "person/ho-chi-minh", to: "person/nguyen-tuan-anh", maxHops: 1) { hops } }`);
  expect(body.data.connections).toEqual([]);
});

it('lists what two officials share, with the facts on each side', async () => {
  const { body } = await world.server.gql(`{ shared(a: "person/nguyen-thanh-tinh", b: "person/pham-quoc-hung") {
    node { __typename id } viaA { __typename ... on Participation { role } } viaB { __typename ... on Participation { role } } } }`);
  const event = body.data.shared.find((s: any) => s.node.id === EVENT);
  expect(event.node.__typename).toBe('Event');
  expect(event.viaA.map((f: any) => f.role)).toEqual(expect.arrayContaining(['ATTENDEE', 'SIGNATORY']));
  expect(event.viaB.map((f: any) => f.role)).toEqual(expect.arrayContaining(['ATTENDEE', 'LAUNCHER', 'SIGNATORY']));
});

it('finds organisations whose posts both hold', async () => {
  const { body } = await world.server.gql(`{ shared(a: "person/ngo-van-tuan", b: "person/nguyen-tuan-anh") { node { id } viaA { __typename } } }`);
  const ids = body.data.shared.map((s: any) => s.node.id);
  expect(ids).toContain('organization/kiem-toan-nha-nuoc');
});

it('bounds the search', async () => {
  const { body } = await world.server.gql(`{ connections(from: "person/nguyen-thanh-tinh", to: "person/nguyen-duy-ngoc", maxHops: 50) { hops } }`);
  expect(body.errors[0].extensions.code).toBe('BAD_USER_INPUT');
  expect(body.errors[0].message).toMatch(/maxHops/);
});

it('answers the contract form participants { role agent { … } } and Event.sources', async () => {
  const { body } = await world.server.gql(`{ event(id: "${EVENT}") {
    participants { role agent { __typename ... on Person { name } ... on Organization { name } } participant { ... on Person { name } ... on Organization { name } } }
    sources { source { id } quotes } } }`);
  expect(body.errors).toBeUndefined();
  for (const p of body.data.event.participants) expect(p.agent.name).toBe(p.participant.name);
  expect(body.data.event.participants.some((p: any) => p.role === 'OPENING_SPEAKER' && p.agent.name === 'Ngô Văn Tuấn')).toBe(true);
  expect(body.data.event.sources[0].source.id).toBe('source/2024-04-10-khoi-thi-dua-noi-chinh');
});
