// The graph (or a neighbourhood) as one Popolo JSON document, streamed: a generator of text chunks,
// one page of nodes at a time. Person → persons, Organization → organizations (part_of → parent_id),
// Area → areas, Position → posts, Event → events, Membership and Occupancy → memberships (an
// occupancy with its post_id). Each object gets back the fields of the Popolo object it was imported
// from that the model does not hold (contact_details, links, images…), and its sources: every
// source's URL, with its quotes or record values as the note. See docs/interchange.md.
import type { Database } from '../db/database';
import { exportNodes, ExportNode } from '../graph/export';
import { decodeOtherName } from '../model/other-names';
import { citationUrl, ExportScope, foreignOf, scopeIds } from './citations';

type Obj = Record<string, unknown>;

/** The Popolo fields each class's mapping produces or reads as references: never copied back from an imported object (its ids are the input's). */
const MAPPED: Record<string, string[]> = {
  persons: ['id', 'name', 'family_name', 'given_name', 'gender', 'birth_date', 'death_date', 'other_names', 'identifiers', 'sources'],
  organizations: ['id', 'name', 'classification', 'other_names', 'identifiers', 'parent_id', 'sources'],
  areas: ['id', 'name', 'type', 'other_names', 'identifiers', 'parent_id', 'sources'],
  posts: ['id', 'label', 'role', 'organization_id', 'area_id', 'sources'],
  events: ['id', 'name', 'classification', 'start_date', 'end_date', 'organization_id', 'identifiers', 'sources'],
  memberships: [
    'id',
    'person_id',
    'member',
    'organization_id',
    'post_id',
    'on_behalf_of_id',
    'area_id',
    'legislative_period_id',
    'role',
    'start_date',
    'end_date',
    'sources',
  ],
};

/** The model's classifications Popolo spells with a space ("legislative period"). */
const POPOLO_CLASS: Record<string, string> = { legislative_period: 'legislative period' };

const compact = (o: Obj): Obj =>
  Object.fromEntries(Object.entries(o).filter(([, v]) => v !== null && v !== undefined && !(Array.isArray(v) && v.length === 0)));

/** What the imported objects held that the model does not: their other fields (later sources win). */
function extras(n: ExportNode, popoloClass: string, section: string): Obj {
  const out: Obj = {};
  for (const o of foreignOf(n, `popolo:${popoloClass}`)) for (const [k, v] of Object.entries(o)) if (!MAPPED[section]!.includes(k)) out[k] = v;
  return out;
}

/** Popolo sources: the imported object's own (with their notes), then each citation's URL with its quotes or record values. */
function sources(n: ExportNode, popoloClass: string): Obj[] {
  const out: Obj[] = [];
  const seen = new Set<string>();
  const add = (url: string, note: string | null) => {
    const key = `${url}|${note ?? ''}`;
    if (seen.has(key)) return;
    seen.add(key);
    out.push(compact({ url, note }));
  };
  for (const o of foreignOf(n, `popolo:${popoloClass}`))
    for (const s of Array.isArray(o.sources) ? (o.sources as Obj[]) : []) if (typeof s.url === 'string') add(s.url, typeof s.note === 'string' ? s.note : null);
  for (const c of n.citations) {
    const notes = [
      ...c.quotes.map((q) => `"${q}"`),
      ...c.records.filter((r) => !/^(popolo:|ftm$|sourceUrl$)/.test(r.field)).map((r) => `${r.field}: ${r.value}`),
    ];
    if (!c.records.some((r) => r.field.startsWith('popolo:')) || notes.length) add(citationUrl(c), [c.title, ...notes].join(' — '));
    else add(citationUrl(c), c.title);
    for (const r of c.records) if (r.field === 'sourceUrl') add(r.value, null);
  }
  return out;
}

function otherNames(node: Obj, extra: string[] = []): Obj[] {
  const names = ((node.otherNames as string[] | undefined) ?? []).map(decodeOtherName);
  const out = names.map((o) => compact({ name: o.name, lang: o.lang, start_date: o.startDate, end_date: o.endDate, note: o.note }));
  const known = new Set(names.map((o) => o.name));
  for (const a of [...((node.aliases as string[] | undefined) ?? []), ...extra]) {
    if (known.has(a)) continue;
    out.push({ name: a });
    known.add(a);
  }
  return out;
}

/** The model's identifiers, then those of the imported objects the model could not hold as "scheme:value" (a value with spaces). */
function identifiers(n: ExportNode, popoloClass: string): Obj[] {
  const node = n.node;
  const ids = [...((node.identifiers as string[] | undefined) ?? [])];
  if (node.wikidataId && !ids.includes(`wikidata:${String(node.wikidataId)}`)) ids.push(`wikidata:${String(node.wikidataId)}`);
  const out: Obj[] = ids.map((x) => ({ scheme: x.slice(0, x.indexOf(':')), identifier: x.slice(x.indexOf(':') + 1) }));
  const seen = new Set(ids.map((x) => x.toLowerCase()));
  const keyOf = (x: Obj) =>
    `${String(x.scheme)
      .toLowerCase()
      .replace(/[^a-z0-9_-]+/g, '_')}:${String(x.identifier).trim()}`.toLowerCase();
  for (const o of foreignOf(n, `popolo:${popoloClass}`))
    for (const x of Array.isArray(o.identifiers) ? (o.identifiers as Obj[]) : []) {
      if (seen.has(keyOf(x))) continue;
      seen.add(keyOf(x));
      out.push(x);
    }
  return out;
}

const CONVERT: Record<string, { section: string; popolo: string; toPopolo: (n: ExportNode) => Obj }> = {
  Person: {
    section: 'persons',
    popolo: 'person',
    toPopolo: (n) => ({
      ...extras(n, 'person', 'persons'),
      id: n.node.id,
      name: n.node.name,
      family_name: n.node.familyName,
      given_name: n.node.givenName,
      gender: n.node.gender,
      birth_date: n.node.birthDate,
      death_date: n.node.deathDate,
      other_names: otherNames(n.node),
      identifiers: identifiers(n, 'person'),
      sources: sources(n, 'person'),
    }),
  },
  Organization: {
    section: 'organizations',
    popolo: 'organization',
    toPopolo: (n) => {
      const imported = foreignOf(n, 'popolo:organization').find((o) => typeof o.classification === 'string');
      return {
        ...extras(n, 'organization', 'organizations'),
        id: n.node.id,
        name: n.node.name,
        classification: (imported?.classification as string | undefined) ?? n.node.classification,
        other_names: [
          ...otherNames(n.node),
          ...(n.node.nameEn ? [{ name: n.node.nameEn, lang: 'en' }] : []),
          ...((n.node.abbreviations as string[]) ?? []).map((a) => ({ name: a, note: 'abbreviation' })),
        ],
        identifiers: identifiers(n, 'organization'),
        parent_id: n.parents[0],
        sources: sources(n, 'organization'),
      };
    },
  },
  Area: {
    section: 'areas',
    popolo: 'area',
    toPopolo: (n) => ({
      ...extras(n, 'area', 'areas'),
      id: n.node.id,
      name: n.node.name,
      type: n.node.classification,
      other_names: otherNames(n.node),
      identifiers: identifiers(n, 'area'),
      parent_id: n.parents[0],
      sources: sources(n, 'area'),
    }),
  },
  Position: {
    section: 'posts',
    popolo: 'post',
    toPopolo: (n) => ({
      ...extras(n, 'post', 'posts'),
      id: n.node.id,
      label: n.node.label ?? n.node.role,
      role: n.node.role,
      organization_id: n.refs.organization?.id,
      area_id: n.refs.area?.id,
      sources: sources(n, 'post'),
    }),
  },
  Event: {
    section: 'events',
    popolo: 'event',
    toPopolo: (n) => {
      const imported = foreignOf(n, 'popolo:event').find((o) => typeof o.classification === 'string');
      return {
        ...extras(n, 'event', 'events'),
        id: n.node.id,
        name: n.node.name,
        classification: (imported?.classification as string | undefined) ?? POPOLO_CLASS[n.node.classification as string] ?? n.node.classification,
        start_date: n.node.startDate,
        end_date: n.node.endDate,
        organization_id: n.refs.organization?.id,
        identifiers: identifiers(n, 'event'),
        sources: sources(n, 'event'),
      };
    },
  },
  Membership: {
    section: 'memberships',
    popolo: 'membership',
    toPopolo: (n) => {
      const member = n.refs.member;
      return {
        ...extras(n, 'membership', 'memberships'),
        id: n.node.id,
        ...(member?.label === 'Person' ? { person_id: member.id } : { member: member ? { '@type': 'Organization', id: member.id } : null }),
        organization_id: n.refs.organization?.id,
        role: n.node.roleText ?? n.node.role,
        start_date: n.node.startDate,
        end_date: n.node.endDate,
        on_behalf_of_id: n.refs.onBehalfOf?.id,
        area_id: n.refs.area?.id,
        legislative_period_id: n.refs.legislativePeriod?.id,
        sources: sources(n, 'membership'),
      };
    },
  },
  Occupancy: {
    section: 'memberships',
    popolo: 'membership',
    toPopolo: (n) => ({
      ...extras(n, 'membership', 'memberships'),
      id: n.node.id,
      person_id: n.refs.holder?.id,
      post_id: n.refs.position?.id,
      role: n.refs.position?.name,
      start_date: n.node.startDate,
      end_date: n.node.endDate,
      sources: sources(n, 'membership'),
    }),
  },
};

/** An occupancy's organisation is its post's: read with the post (one lookup per page). */
async function withPostOrganizations(db: Database, page: ExportNode[]): Promise<Map<string, string>> {
  const posts = [...new Set(page.map((n) => n.refs.position?.id).filter((x): x is string => !!x))];
  const rows = await db.read('MATCH (p:Position)-[:ORGANIZATION]->(o:Organization) WHERE p.id IN $ids RETURN p.id AS post, o.id AS org', { ids: posts });
  return new Map(rows.map((r) => [r.post as string, r.org as string]));
}

/** The Popolo document, as text chunks (one per page of objects). */
export async function* popoloExport(db: Database, scope: ExportScope = {}): AsyncGenerator<string> {
  const { ids } = await scopeIds(db, scope);
  yield `{"meta":${JSON.stringify({ generator: 'officials-graph', exported: new Date().toISOString().slice(0, 10), ...(scope.root ? { root: scope.root, depth: scope.depth ?? 1 } : {}) })}`;
  const sections = ['persons', 'organizations', 'areas', 'posts', 'events', 'memberships'];
  for (const section of sections) {
    yield `,${JSON.stringify(section)}:[`;
    let first = true;
    for (const [typeName, c] of Object.entries(CONVERT)) {
      if (c.section !== section) continue;
      for await (const page of exportNodes(db, typeName, ids)) {
        const orgOfPost = typeName === 'Occupancy' ? await withPostOrganizations(db, page) : null;
        const objects = page.map((n) => {
          const o = compact(c.toPopolo(n));
          if (orgOfPost && n.refs.position) o.organization_id = orgOfPost.get(n.refs.position.id);
          return compact(o);
        });
        if (!objects.length) continue;
        yield `${first ? '' : ','}${objects.map((o) => JSON.stringify(o)).join(',')}`;
        first = false;
      }
    }
    yield ']';
  }
  yield '}\n';
}
