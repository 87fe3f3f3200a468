// The API over the seed article, entity by entity: search, the conference and its participants,
// awards, an organisation's roles in the emulation bloc, posts and their holders, node lookups.
import { useTestServer } from '../support/server';
import { articleText, BLOC_ID, CALL_1948_ID, CONFERENCE_ID, dataOf, NAMED_OFFICIALS, seed, SOURCE_ID, API_TEST_ENV, TINH_ID } from './api-helpers';

const world = useTestServer(API_TEST_ENV);

describe('search', () => {
  it('"nguyen thanh tinh" finds Nguyễn Thanh Tịnh first, with his post of Deputy Minister of Justice and its sources', async () => {
    const data = dataOf(
      await world.server.gql(`{
        search(query: "nguyen thanh tinh") {
          type name score
          node { __typename id ... on Person { name
            occupancies { position { id labelEn } sources { quote quotes source { id title author publishedAt text } } } } }
        }
      }`),
    );
    const [first] = data.search;
    expect(first).toMatchObject({ type: 'PERSON', name: 'Nguyễn Thanh Tịnh', node: { __typename: 'Person', id: TINH_ID } });
    // An exact full-name match outranks any hit with another name (namesakes may tie).
    for (const other of data.search.slice(1)) {
      if (other.name === first.name) expect(first.score).toBeGreaterThanOrEqual(other.score);
      else expect(first.score).toBeGreaterThan(other.score);
    }

    const deputy = first.node.occupancies.find((o: any) => o.position.labelEn === 'Deputy Minister of Justice');
    expect(deputy).toBeDefined();
    expect(deputy.position.id).toBe('position/bo-tu-phap/thu-truong');
    expect(deputy.sources.length).toBeGreaterThan(0);
    for (const evidence of deputy.sources) {
      expect(evidence.source).toMatchObject({ id: SOURCE_ID, title: seed.source.title, author: 'Anh Thư', publishedAt: '2024-04-10' });
      expect(evidence.source.text).toBe(articleText);
      expect(evidence.quotes.length).toBeGreaterThan(0);
      expect(evidence.quote).toBe(evidence.quotes[0]);
      for (const quote of evidence.quotes) {
        expect(quote).toContain('Thứ trưởng Bộ Tư pháp');
        expect(articleText.includes(quote)).toBe(true);
      }
    }
  });

  it('"Toà án…" (old tone placement) and "Tòa án…" find the same Supreme People\'s Court first', async () => {
    const q = 'query($q: String!) { search(query: $q) { type name node { id } } }';
    const old = dataOf(await world.server.gql(q, { q: 'Toà án nhân dân tối cao' })).search;
    const modern = dataOf(await world.server.gql(q, { q: 'Tòa án nhân dân tối cao' })).search;
    expect(old[0]).toEqual({ type: 'ORGANIZATION', name: 'Tòa án nhân dân tối cao', node: { id: 'organization/toa-an-nhan-dan-toi-cao' } });
    expect(modern[0]).toEqual(old[0]);
    expect(modern.map((h: any) => h.node.id)).toEqual(old.map((h: any) => h.node.id));
  });
});

describe('the conference of 10 April 2024', () => {
  const participantsQuery = `query($id: ID!) { event(id: $id) {
    name startDate
    participants { role roleText onBehalfOf { id name } participant { __typename ... on Person { id name } ... on Organization { id name } } }
  } }`;

  it('has every official the article names as a participant, each with a role', async () => {
    const { event } = dataOf(await world.server.gql(participantsQuery, { id: CONFERENCE_ID }));
    expect(event.startDate).toBe('2024-04-10');
    const roles = new Map<string, string[]>();
    for (const p of event.participants) {
      if (p.participant.__typename !== 'Person') continue;
      roles.set(p.participant.id, [...(roles.get(p.participant.id) ?? []), p.role]);
    }
    for (const [id, name] of NAMED_OFFICIALS) {
      expect(articleText).toContain(name); // the article does name them
      expect(roles.get(id)).toEqual(expect.arrayContaining([expect.stringMatching(/^[A-Z_]+$/)]));
    }
    // Hồ Chí Minh is named for his 1948 appeal, not as a participant of this conference.
    expect(roles.has('person/ho-chi-minh')).toBe(false);
    expect(new Set(roles.keys())).toEqual(new Set(NAMED_OFFICIALS.map(([id]) => id)));
  });

  it('records the opening speaker, the reporter and the signatory for Bộ Tư pháp', async () => {
    const { event } = dataOf(await world.server.gql(participantsQuery, { id: CONFERENCE_ID }));
    const find = (personId: string, role: string) => event.participants.find((p: any) => p.participant.id === personId && p.role === role);
    expect(find('person/ngo-van-tuan', 'OPENING_SPEAKER')).toMatchObject({ roleText: 'Phát biểu khai mạc', participant: { name: 'Ngô Văn Tuấn' } });
    expect(find('person/nguyen-tuan-anh', 'REPORTER')).toMatchObject({ participant: { name: 'Nguyễn Tuấn Anh' } });
    expect(find(TINH_ID, 'SIGNATORY')).toMatchObject({ onBehalfOf: { id: 'organization/bo-tu-phap', name: 'Bộ Tư pháp' } });
    // The role filter returns only that role.
    const { event: openers } = dataOf(
      await world.server.gql(`{ event(id: "${CONFERENCE_ID}") { participants(role: OPENING_SPEAKER) { role participant { ... on Person { id } } } } }`),
    );
    expect(openers.participants).toEqual([{ role: 'OPENING_SPEAKER', participant: { id: 'person/ngo-van-tuan' } }]);
  });
});

describe('awards', () => {
  it('"Cờ thi đua của Chính phủ" is PROPOSED for Kiểm toán nhà nước and Bộ Quốc phòng, and conferred on no one', async () => {
    const { award } = dataOf(
      await world.server.gql(`{ award(id: "award/co-thi-dua-cua-chinh-phu") {
        name classification
        all: conferrals { status date decidedAt { id } recipient { ... on Organization { id name } ... on Person { id } } }
        proposed: conferrals(status: PROPOSED) { recipient { ... on Organization { id } } }
        conferred: conferrals(status: CONFERRED) { id }
      } }`),
    );
    expect(award).toMatchObject({ name: 'Cờ thi đua của Chính phủ', classification: 'FLAG' });
    const byRecipient = new Map<string, any>(award.all.map((c: any) => [c.recipient.id, c]));
    expect([...byRecipient.keys()].sort()).toEqual(['organization/bo-quoc-phong', 'organization/kiem-toan-nha-nuoc']);
    for (const c of award.all) expect(c).toMatchObject({ status: 'PROPOSED', date: '2024-04-10', decidedAt: { id: CONFERENCE_ID } });
    expect(award.proposed.map((c: any) => c.recipient.id).sort()).toEqual(['organization/bo-quoc-phong', 'organization/kiem-toan-nha-nuoc']);
    expect(award.conferred).toEqual([]);
  });

  it('an organisation proposed for the flag has no CONFERRED award', async () => {
    const { organization } = dataOf(
      await world.server.gql(`{ organization(id: "organization/kiem-toan-nha-nuoc") {
        proposed: awards(status: PROPOSED) { award { id } } conferred: awards(status: CONFERRED) { award { id } } } }`),
    );
    expect(organization.proposed).toEqual([{ award: { id: 'award/co-thi-dua-cua-chinh-phu' } }]);
    expect(organization.conferred).toEqual([]);
  });

  it("Nguyễn Thanh Tịnh's CONFERRED awards hold the commemorative medal, and he has no mere proposal", async () => {
    const { person } = dataOf(
      await world.server.gql(`{ person(id: "${TINH_ID}") {
        conferred: awards(status: CONFERRED) { status decidedAt { id } award { id name classification } }
        proposed: awards(status: PROPOSED) { id } } }`),
    );
    expect(person.conferred).toEqual([
      {
        status: 'CONFERRED',
        decidedAt: { id: CONFERENCE_ID },
        award: {
          id: 'award/ky-niem-chuong-vi-su-nghiep-kiem-toan-nha-nuoc',
          name: 'Kỷ niệm chương "Vì sự nghiệp kiểm toán nhà nước"',
          classification: 'COMMEMORATIVE_MEDAL',
        },
      },
    ]);
    expect(person.proposed).toEqual([]);
  });
});

describe("memberships of the Supreme People's Court", () => {
  it('is HEAD of the emulation bloc for 2024, decided at the conference, and only on dates in 2024', async () => {
    const hits = dataOf(await world.server.gql('{ search(query: "Toà án nhân dân tối cao", first: 1) { node { id } } }')).search;
    const courtId = hits[0].node.id;
    const { organization } = dataOf(
      await world.server.gql(
        `query($id: ID!) { organization(id: $id) {
          all: memberships { id role roleText startDate endDate organization { id } decidedAt { id } }
          in2024: memberships(at: "2024-06") { id role }
          in2022: memberships(at: "2022") { id role }
          heads: memberships(role: HEAD) { id }
        } }`,
        { id: courtId },
      ),
    );
    const head = organization.all.find((m: any) => m.role === 'HEAD' && m.organization.id === BLOC_ID);
    expect(head).toMatchObject({ roleText: 'Khối trưởng', startDate: '2024', endDate: '2024', decidedAt: { id: CONFERENCE_ID } });
    expect(organization.in2024.map((m: any) => m.id)).toContain(head.id);
    expect(organization.in2022.map((m: any) => m.id)).not.toContain(head.id);
    expect(organization.heads.map((m: any) => m.id)).toEqual([head.id]);
  });

  it('the bloc lists the court as head and the procuracy as deputy head for 2024', async () => {
    const { organization } = dataOf(
      await world.server.gql(`{ organization(id: "${BLOC_ID}") { members(at: "2024") { role member { ... on Organization { id } } } } }`),
    );
    const roleOf = (id: string) =>
      organization.members
        .filter((m: any) => m.member.id === id)
        .map((m: any) => m.role)
        .sort();
    expect(roleOf('organization/toa-an-nhan-dan-toi-cao')).toContain('HEAD');
    expect(roleOf('organization/vien-kiem-sat-nhan-dan-toi-cao')).toContain('DEPUTY_HEAD');
    // Kiểm toán nhà nước was head for 2023 only.
    expect(roleOf('organization/kiem-toan-nha-nuoc')).not.toContain('HEAD');
  });
});

describe('Position.holders(at:)', () => {
  it('Deputy Minister of Justice: Nguyễn Thanh Tịnh on 2024-04-10 and in 2024, not in 2019', async () => {
    const { position } = dataOf(
      await world.server.gql(`{ position(id: "position/bo-tu-phap/thu-truong") {
        labelEn organization { id }
        day: holders(at: "2024-04-10") { holder { id } }
        year: holders(at: "2024") { holder { id } }
        before: holders(at: "2019") { holder { id } }
      } }`),
    );
    expect(position).toMatchObject({ labelEn: 'Deputy Minister of Justice', organization: { id: 'organization/bo-tu-phap' } });
    expect(position.day.map((o: any) => o.holder.id)).toContain(TINH_ID);
    expect(position.year.map((o: any) => o.holder.id)).toContain(TINH_ID);
    expect(position.before.map((o: any) => o.holder.id)).not.toContain(TINH_ID);
  });
});

describe('node lookups', () => {
  it('resolves a person, an organisation and a fact to the right type; unknown ids to null', async () => {
    const [row] = await world.db.read('MATCH (o:Occupancy)-[:HOLDER]->(:Person {id: $id}), (o)-[:POSITION]->(:Position {id: $position}) RETURN o.id AS id', {
      id: TINH_ID,
      position: 'position/bo-tu-phap/thu-truong',
    });
    const occupancyId = row?.id as string;
    expect(occupancyId).toEqual(expect.any(String));
    const data = dataOf(
      await world.server.gql(
        `query($occ: ID!) {
          person: node(id: "${TINH_ID}") { __typename id ... on Person { name } }
          org: node(id: "organization/bo-tu-phap") { __typename id ... on Organization { name } }
          fact: node(id: $occ) { __typename id ... on Occupancy { holder { id } position { id } } ... on Fact { confidence sources { quote } } }
          event: node(id: "${CALL_1948_ID}") { __typename id }
          unknown: node(id: "person/nobody-at-all") { id }
          wrongType: person(id: "organization/bo-tu-phap") { id }
          rightType: organization(id: "organization/bo-tu-phap") { id }
          many: nodes(ids: ["${TINH_ID}", "person/nobody-at-all", $occ]) { __typename id }
        }`,
        { occ: occupancyId },
      ),
    );
    expect(data.person).toEqual({ __typename: 'Person', id: TINH_ID, name: 'Nguyễn Thanh Tịnh' });
    expect(data.org).toEqual({ __typename: 'Organization', id: 'organization/bo-tu-phap', name: 'Bộ Tư pháp' });
    expect(data.fact).toMatchObject({
      __typename: 'Occupancy',
      id: occupancyId,
      holder: { id: TINH_ID },
      position: { id: 'position/bo-tu-phap/thu-truong' },
      confidence: 'HIGH',
    });
    expect(data.fact.sources.length).toBeGreaterThan(0);
    expect(data.event).toEqual({ __typename: 'Event', id: CALL_1948_ID });
    expect(data.unknown).toBeNull();
    expect(data.wrongType).toBeNull();
    expect(data.rightType).toEqual({ id: 'organization/bo-tu-phap' });
    expect(data.many).toEqual([{ __typename: 'Person', id: TINH_ID }, null, { __typename: 'Occupancy', id: occupancyId }]);
  });
});

describe('as of, for a post that ended long before the source', () => {
  it('Hồ Chí Minh held his post in 1948 and not in 2024', async () => {
    const q = `query($at: Date) { person(id: "person/ho-chi-minh") { occupancies(at: $at) { position { id } status inferred } } }`;
    const at1948 = dataOf(await world.server.gql(q, { at: '1948-06-11' })).person.occupancies;
    expect(at1948).toEqual([{ position: { id: 'position/viet-nam-dan-chu-cong-hoa/chu-tich' }, status: 'ENDED', inferred: true }]);
    expect(dataOf(await world.server.gql(q, { at: '2024-04-10' })).person.occupancies).toEqual([]);
  });
});
