// The example queries GraphiQL opens with (one tab each) and lists in its "Examples" pane: the
// questions researchers and journalists ask, each answered by one operation. docs/queries.md shows
// the same queries with explanations; test/unit/examples.test.ts validates every one against the
// SDL in schema/ and checks that docs/queries.md carries it verbatim.
// Plain data, no DOM: compiled by both the server's and the UI's tsconfig.

export interface GraphiqlExample {
  /** A short title for the examples list. */
  title: string;
  /** The question the query answers, as a user would ask it. */
  question: string;
  /** The operation; its name becomes the tab's title. */
  query: string;
  /** Values for the operation's variables, if any. */
  variables?: Record<string, unknown>;
}

export const EXAMPLES: readonly GraphiqlExample[] = [
  {
    title: 'A person and their posts, with quotes',
    question: 'Who is Nguyễn Thanh Tịnh and what posts does he hold?',
    query: `# Who is Nguyễn Thanh Tịnh and what posts does he hold?
# Every fact carries its sources, each with the exact quote that supports it.
query PersonWithPosts($id: ID!) {
  person(id: $id) {
    id
    name
    description
    occupancies {
      position {
        label
        labelEn
        party
        organization { id name nameEn }
      }
      status
      startDate
      endDate
      confidence
      inferred
      note
      sources {
        source { id title publishedAt }
        quote
      }
    }
    awards {
      award { name nameEn }
      status
      date
    }
  }
}
`,
    variables: { id: 'person/nguyen-thanh-tinh' },
  },
  {
    title: 'Who took part in a conference, in which role',
    question: 'Who took part in the 10 April 2024 conference and in which role?',
    query: `# Who took part in the 10 April 2024 conference of the internal-affairs emulation bloc,
# and in which role? roleText is the source's own wording; pass role: CHAIR (etc.) to filter.
query ConferenceParticipants($event: ID!) {
  event(id: $event) {
    name
    nameEn
    startDate
    place
    organizers {
      ... on Organization { id name }
      ... on Person { id name }
    }
    participants {
      role
      roleText
      participant {
        __typename
        ... on Person { id name description }
        ... on Organization { id name }
      }
      onBehalfOf { name }
      sources { quote }
    }
  }
}
`,
    variables: { event: 'event/2024-04-10-hoi-nghi-tong-ket-thi-dua-khoi-noi-chinh' },
  },
  {
    title: 'Awards: proposed vs conferred',
    question: 'Which awards were proposed, and which were actually conferred?',
    query: `# Which awards were proposed at the conference, and which were actually conferred?
# "đề nghị tặng" (proposed) is not an award: only CONFERRED means it was given.
query AwardsProposedVsConferred($event: ID!) {
  event(id: $event) {
    name
    proposed: conferrals(status: PROPOSED) { ...ConferralFields }
    conferred: conferrals(status: CONFERRED) { ...ConferralFields }
  }
}

fragment ConferralFields on Conferral {
  award { name nameEn classification }
  recipient {
    ... on Person { id name }
    ... on Organization { id name }
  }
  proposedBy { name }
  grantor { name }
  date
  inferred
  note
  sources { quote }
}
`,
    variables: { event: 'event/2024-04-10-hoi-nghi-tong-ket-thi-dua-khoi-noi-chinh' },
  },
  {
    title: 'Who held a post on a given day',
    question: 'Who held Deputy Minister of Justice on 2024-04-10?',
    query: `# Who held Deputy Minister of Justice (Thứ trưởng Bộ Tư pháp) on 10 April 2024?
# at: takes a date, full or partial ("2024", "2024-04"); two ways to ask.
# basis says how it is known then: STATED, or PRESUMED (carried from a source
# that saw it held); presumed: false keeps only what is stated.
query DeputyMinistersOfJusticeOn($at: Date!) {
  position(id: "position/bo-tu-phap/thu-truong") {
    label
    labelEn
    holders(at: $at) {
      holder { id name }
      basis(at: $at)
      startDate
      endDate
      status
      statedFrom
      statedTo
      lastSeen
      sources { quote source { title publishedAt } }
    }
    statedOnly: holders(at: $at, presumed: false) { holder { name } }
  }
  people(filter: { organization: "organization/bo-tu-phap", role: "Deputy Minister", at: $at }) {
    totalCount
    nodes { id name description }
  }
}
`,
    variables: { at: '2024-04-10' },
  },
  {
    title: 'What is part of an organisation',
    question: 'What is part of Bộ Công an (the Ministry of Public Security)?',
    query: `# What is part of Bộ Công an (the Ministry of Public Security)?
# children lists the units; childLinks gives each link as a sourced fact
# (inferred: true when it was added from knowledge of the state's structure).
query PartsOfOrganization($id: ID!) {
  organization(id: $id) {
    name
    nameEn
    abbreviations
    parent { name }
    children { id name classification }
    childLinks {
      child { name }
      relation
      confidence
      inferred
      note
      sources { quote }
    }
  }
}
`,
    variables: { id: 'organization/bo-cong-an' },
  },
  {
    title: 'Search without diacritics',
    question: 'How do I find someone when I cannot type Vietnamese diacritics?',
    query: `# Search without diacritics: "nguyen thanh tinh" finds Nguyễn Thanh Tịnh; case and
# old/new tone placement ("Toà"/"Tòa") are ignored too. Abbreviations work (TANDTC, BCA).
query SearchWithoutDiacritics($q: String!) {
  search(query: $q, first: 10) {
    score
    type
    name
    description
    node { id }
  }
  courts: search(query: "toa an nhan dan toi cao", types: [ORGANIZATION]) {
    name
    node { id }
  }
}
`,
    variables: { q: 'nguyen thanh tinh' },
  },
  {
    title: 'Paginate people',
    question: 'How do I list everyone, a page at a time?',
    query: `# List people a page at a time: pass pageInfo.endCursor as $after to get the next page,
# until hasNextPage is false. totalCount counts every match, in all pages.
query PeoplePage($first: Int = 5, $after: String) {
  people(first: $first, after: $after, orderBy: NAME_ASC) {
    totalCount
    pageInfo { hasNextPage endCursor }
    edges {
      cursor
      node { id name description }
    }
  }
}
`,
    variables: { first: 5, after: null },
  },
  {
    title: 'Heads and members of a bloc, by year',
    question: 'Who headed the emulation bloc in 2024, and who were its members?',
    query: `# Who headed the internal-affairs emulation bloc in 2024 (and in 2023), and who were its members?
# A partial date stands for the whole year or month it names: at: "2024" means during 2024.
query BlocHeadsAndMembers($bloc: ID!) {
  organization(id: $bloc) {
    name
    head2024: members(at: "2024", role: HEAD) { ...MemberFields }
    deputyHead2024: members(at: "2024", role: DEPUTY_HEAD) { ...MemberFields }
    head2023: members(at: "2023", role: HEAD) { ...MemberFields }
    members2024: members(at: "2024", role: MEMBER) {
      member { ... on Organization { id name } }
    }
  }
}

fragment MemberFields on Membership {
  member {
    ... on Organization { id name }
    ... on Person { id name }
  }
  roleText
  startDate
  endDate
  decidedAt { name startDate }
  sources { quote }
}
`,
    variables: { bloc: 'organization/khoi-thi-dua-cac-bo-nganh-noi-chinh-trung-uong' },
  },
  {
    title: 'A neighbourhood, ready for a graph widget',
    question: 'Who and what is around the 10 April 2024 conference, as a graph I can draw?',
    query: `# Who and what is around the 10 April 2024 conference, as a graph I can draw?
# Each fact becomes a labelled edge ("dự"/"attended", "được đề nghị tặng"/"proposed for") with its
# sources; \`cytoscape\` and \`graphology\` are the same graph in the shapes those libraries load directly.
query Neighbourhood($id: ID!) {
  neighbourhood(id: $id, depth: 1, perHop: 50, ties: { includeProposed: true }) {
    truncated
    cuts { entity depth total kept }
    nodes { id type label labelEn depth }
    edges {
      id
      source
      target
      label
      labelEn
      kind
      proposed
      fact { id confidence inferred validFrom validTo }
      sources { quote source { id title url } }
    }
    cytoscape
  }
}
`,
    variables: { id: 'event/2024-04-10-hoi-nghi-tong-ket-thi-dua-khoi-noi-chinh' },
  },
  {
    title: 'Connections filtered by evidence',
    question: 'How does Phạm Hải Trung reach the Ministry of National Defence, leaving proposals aside?',
    query: `# How does Phạm Hải Trung reach the Ministry of National Defence, leaving proposals aside?
# \`ties\` filters what may be walked; chains are ranked by evidence (no proposal, sourced, stated) before length.
query ConnectionsByEvidence($from: ID!, $to: ID!) {
  connections(from: $from, to: $to, maxHops: 4, first: 3, ties: { includeProposed: false }) {
    hops
    evidence { proposed unsourced inferred presumed lowestConfidence }
    steps {
      __typename
      id
      ... on Person { name }
      ... on Position { label }
      ... on Organization { name }
      ... on Fact { confidence inferred note sources { quote } }
    }
  }
}
`,
    variables: { from: 'person/pham-hai-trung', to: 'organization/bo-quoc-phong' },
  },
  {
    title: 'What several people share',
    question: 'What do Nguyễn Thanh Tịnh, Ngô Văn Tuấn and Phạm Huy Giang have in common?',
    query: `# What do Nguyễn Thanh Tịnh, Ngô Văn Tuấn and Phạm Huy Giang have in common?
# Everything all of them are tied to by one fact (an event, a post, an award, a bloc), with how each is tied.
query CommonConnections($ids: [ID!]!) {
  commonConnections(ids: $ids, ties: { includeProposed: false }) {
    node { __typename id ... on Event { name startDate } ... on Organization { name } }
    ties {
      entity { id ... on Person { name } }
      facts { __typename id confidence ... on Participation { role roleText } }
    }
  }
}
`,
    variables: { ids: ['person/nguyen-thanh-tinh', 'person/ngo-van-tuan', 'person/pham-huy-giang'] },
  },
  {
    title: 'A timeline, and who served alongside',
    question: "What is on Nguyễn Tuấn Anh's record, in order, and who served in the same organisation at the same time?",
    query: `# What is on Nguyễn Tuấn Anh's record, in order, and who served in the same organisation at the same time?
query TimelineAndColleagues($id: ID!) {
  timeline(id: $id) {
    sortDate
    date
    endDate
    kind
    label
    labelEn
    basis
    proposed
    with { __typename id ... on Position { label } ... on Event { name } ... on Award { name } }
    sources { quote source { title } }
  }
  person(id: $id) {
    colleagues(includeSubUnits: true) {
      person { name }
      organization { name }
      mine { position { label } }
      theirs { position { label } }
      from
      to
    }
  }
  organization(id: "organization/tong-cuc-chinh-tri-quan-doi-nhan-dan-viet-nam") {
    name
    ancestors { name }
  }
}
`,
    variables: { id: 'person/nguyen-tuan-anh' },
  },
];

/** The tab GraphiQL opens first. */
export const DEFAULT_EXAMPLE: GraphiqlExample = EXAMPLES[0]!;

/** The variables of an example as the JSON GraphiQL's variables editor shows. */
export function exampleVariables(example: GraphiqlExample): string | null {
  return example.variables ? JSON.stringify(example.variables, null, 2) : null;
}
