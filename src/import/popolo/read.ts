// A Popolo document (http://www.popoloproject.com/specs/: persons, organizations, posts, memberships,
// events, areas) → one facts file (pure). Each Popolo class maps onto the model's type
// (docs/interchange.md): Person → Person, Organization → Organization (parent_id → Subordination),
// Post → Position, Membership with a post → Occupancy, without → Membership (on_behalf_of, area,
// legislative_period kept), Event → Event, Area → Area. Every entry cites its whole Popolo object
// ({field: "popolo:<class>", value: its JSON}), so what the model does not hold (contact_details,
// links, images…) is kept with the source and given back by the export.
import { normalizeName } from '../../text/normalize';
import { slug } from '../../text/fold';
import { model } from '../../model/model';
import { encodeOtherName } from '../../model/other-names';
import { DatasetFacts, identifier, InputProblem, isoDate, recordEvidence, scopedId, shortHash } from '../dataset';

type Obj = Record<string, unknown>;

export interface PopoloDocument {
  persons?: Obj[];
  organizations?: Obj[];
  posts?: Obj[];
  memberships?: Obj[];
  events?: Obj[];
  areas?: Obj[];
  meta?: Obj;
}

export interface PopoloOptions {
  /** Scopes the ids of organisations, posts, events and areas (a file's own ids are not global). */
  dataset: string;
  /** The scheme the file's person ids are kept under (EveryPolitician's ids are global: everypolitician). */
  idScheme: string;
  /** Where each object was read (a CSV line); default "persons[3] (id …)". */
  originOf?: (kind: string, index: number, obj: Obj) => string;
}

/** Popolo's classifications spelt as the model's enum values (a "general election" is an election). */
const ORG_CLASSES: Record<string, string> = {
  'political party': 'party',
  parliament: 'legislature',
  chamber: 'legislature',
  'unicameral legislature': 'legislature',
};
const EVENT_CLASSES: Record<string, string> = {
  'general election': 'election',
  'by-election': 'election',
  'legislative period': 'legislative_period',
  term: 'legislative_period',
};
const ROLES: Record<string, string> = {
  member: 'member',
  head: 'head',
  chair: 'head',
  leader: 'head',
  'deputy head': 'deputy_head',
  'deputy chair': 'deputy_head',
};

const str = (v: unknown): string | null => (typeof v === 'string' && v.trim() ? v.trim() : null);
const list = (v: unknown): Obj[] => (Array.isArray(v) ? (v.filter((x) => x && typeof x === 'object') as Obj[]) : []);

export function readPopolo(doc: PopoloDocument, source: Obj, options: PopoloOptions, problems: InputProblem[]): DatasetFacts {
  const reader = new PopoloReader(source, options, problems);
  // in this order: each class refers only to those read before it (an area's or an organisation's parent, read in a second pass)
  reader.areas(list(doc.areas));
  reader.organizations(list(doc.organizations));
  reader.events(list(doc.events));
  reader.persons(list(doc.persons));
  reader.posts(list(doc.posts));
  reader.memberships(list(doc.memberships));
  return reader.facts;
}

/** One document's reading: the facts so far, the graph ids given to the file's own ids, the problems found. */
class PopoloReader {
  readonly facts: DatasetFacts;
  private readonly ids = {
    persons: new Map<string, string>(),
    organizations: new Map<string, string>(),
    posts: new Map<string, string>(),
    events: new Map<string, string>(),
    areas: new Map<string, string>(),
  };

  constructor(
    source: Obj,
    private readonly options: PopoloOptions,
    private readonly problems: InputProblem[],
  ) {
    this.facts = new DatasetFacts(source);
  }

  areas(areas: Obj[]): void {
    const entries = new Map<string, Record<string, unknown>>();
    areas.forEach((a, i) => {
      const named = this.named('areas', 'area', i, a, str(a.name), 'name');
      if (!named) return;
      const { record, name, id } = named;
      const entry = this.facts.add(
        'areas',
        {
          id,
          name,
          aliases: [],
          otherNames: this.otherNames(record, a),
          classification: str(a.type),
          ...identifiers(a, null),
          mentions: recordEvidence('popolo:area', a, sourceUrls(a)),
        },
        record,
      );
      if (str(a.id)) entries.set(String(a.id), entry);
    });
    // parent_id may name an area listed later: linked once all are read
    areas.forEach((a, i) => {
      const parent = str(a.parent_id);
      const entry = str(a.id) ? entries.get(String(a.id)) : undefined;
      if (!parent || !entry) return;
      if (!this.ids.areas.has(parent)) return this.bad(this.where('areas', i, a), 'parent_id', `no area ${parent} in the file`);
      entry.parent = this.ids.areas.get(parent);
    });
  }

  organizations(organizations: Obj[]): void {
    organizations.forEach((o, i) => {
      const named = this.named('organizations', 'organization', i, o, str(o.name), 'name');
      if (!named) return;
      const { record, name, id } = named;
      const classification = classify(o.classification, ORG_CLASSES, MODEL_ORG_CLASSES);
      this.facts.add(
        'organizations',
        {
          id,
          name,
          abbreviations: [],
          aliases: [],
          otherNames: this.otherNames(record, o),
          classification,
          ...identifiers(o, null),
          mentions: recordEvidence('popolo:organization', o, sourceUrls(o)),
        },
        record,
      );
    });
    // parent_id may name an organisation listed later: linked once all are read
    organizations.forEach((o, i) => {
      const parent = str(o.parent_id);
      const child = str(o.id) && this.ids.organizations.get(String(o.id));
      if (!parent || !child) return;
      if (!this.ids.organizations.has(parent)) return this.bad(this.where('organizations', i, o), 'parent_id', `no organization ${parent} in the file`);
      this.facts.add(
        'subordinations',
        { child, parent: this.ids.organizations.get(parent), relation: 'part_of', evidence: recordEvidence('popolo:organization', o) },
        this.where('organizations', i, o),
        `${child}>${parent}`,
      );
    });
  }

  events(events: Obj[]): void {
    events.forEach((e, i) => {
      const named = this.named('events', 'event', i, e, str(e.name), 'name');
      if (!named) return;
      const { record, name, id } = named;
      this.facts.add(
        'events',
        {
          id,
          name,
          classification: classify(e.classification, EVENT_CLASSES, MODEL_EVENT_CLASSES),
          startDate: this.date(record, e, 'start_date'),
          endDate: this.date(record, e, 'end_date'),
          organization: this.ref(record, 'organizations', 'organization_id', e),
          identifiers: identifiers(e, null).identifiers,
          mentions: recordEvidence('popolo:event', e, sourceUrls(e)),
        },
        record,
      );
    });
  }

  /**
   * Person ids: the slug of the name, and where two people of the file share it, their own id's hash
   * too (namesakes stay apart; entity resolution then matches each by its identifiers first).
   */
  persons(persons: Obj[]): void {
    const slugCount = new Map<string, number>();
    for (const p of persons) if (str(p.name)) slugCount.set(slug(normalizeName(String(p.name))), (slugCount.get(slug(normalizeName(String(p.name)))) ?? 0) + 1);
    persons.forEach((p, i) => {
      const record = this.where('persons', i, p);
      const name = str(p.name);
      if (!name) return this.bad(record, 'name', 'a person needs a name');
      const own = str(p.id);
      const s = slug(normalizeName(name)) || shortHash(name);
      let id = own && /^person\/[a-z0-9]+(?:[-/][a-z0-9]+)*$/.test(own) ? own : `person/${s}`;
      if (id === `person/${s}` && (slugCount.get(s) ?? 0) > 1) id = `person/${s}-${shortHash(`${this.options.dataset}|${own ?? i}`)}`;
      if (own) this.ids.persons.set(own, id);
      const gender = str(p.gender)?.toLowerCase();
      const ownId = own && !own.startsWith('person/') ? identifier(this.options.idScheme, own) : null;
      this.facts.add(
        'persons',
        {
          id,
          name,
          familyName: str(p.family_name),
          givenName: str(p.given_name),
          aliases: [],
          otherNames: this.otherNames(record, p),
          gender: gender === 'male' || gender === 'female' ? gender : null,
          birthDate: this.date(record, p, 'birth_date'),
          deathDate: this.date(record, p, 'death_date'),
          ...identifiers(p, ownId),
          mentions: recordEvidence('popolo:person', p, sourceUrls(p)),
        },
        record,
      );
    });
  }

  posts(posts: Obj[]): void {
    posts.forEach((p, i) => {
      const named = this.named('posts', 'position', i, p, str(p.label) ?? str(p.role), 'label');
      if (!named) return;
      const { record, name: label, id } = named;
      this.facts.add(
        'positions',
        {
          id,
          role: str(p.role) ?? label,
          label,
          organization: this.ref(record, 'organizations', 'organization_id', p),
          area: this.ref(record, 'areas', 'area_id', p),
          mentions: recordEvidence('popolo:post', p, sourceUrls(p)),
        },
        record,
      );
    });
  }

  /** A membership with a post is an Occupancy; without, a Membership (its member a person, or an organisation). */
  memberships(memberships: Obj[]): void {
    memberships.forEach((m, i) => {
      const record = this.where('memberships', i, m);
      // the member: a person (person_id), or an organisation (member: {"@type": "Organization", id}, as this project exports it)
      const member = m.member && typeof m.member === 'object' ? (m.member as Obj) : null;
      const orgMember = !str(m.person_id) && member && str(member.id) ? (this.ids.organizations.get(String(member.id)) ?? null) : null;
      if (member && !str(m.person_id) && !orgMember) return this.bad(record, 'member', `no organization ${String(member.id)} in the file`);
      const holder = orgMember ?? this.ref(record, 'persons', 'person_id', m);
      if (!holder) return str(m.person_id) ? undefined : this.bad(record, 'person_id', 'a membership needs a person_id or a member');
      const startDate = this.date(record, m, 'start_date');
      const endDate = this.date(record, m, 'end_date');
      const evidence = recordEvidence('popolo:membership', m, sourceUrls(m));
      const post = this.ref(record, 'posts', 'post_id', m);
      if (post && !orgMember) {
        const status = endDate ? 'ended' : 'unknown';
        this.facts.add('occupancies', { holder, position: post, startDate, endDate, status, evidence }, record, `${holder}|${post}|${startDate ?? ''}`);
        return;
      }
      const organization = this.ref(record, 'organizations', 'organization_id', m);
      if (!organization) return str(m.organization_id) ? undefined : this.bad(record, 'organization_id', 'a membership needs an organization_id or a post_id');
      const roleText = str(m.role) ?? str(m.label);
      const membership = {
        member: holder,
        organization,
        role: ROLES[(roleText ?? 'member').toLowerCase()] ?? 'member',
        roleText,
        startDate,
        endDate,
        onBehalfOf: this.ref(record, 'organizations', 'on_behalf_of_id', m),
        area: this.ref(record, 'areas', 'area_id', m),
        legislativePeriod: this.ref(record, 'events', 'legislative_period_id', m),
        evidence,
      };
      const key = [holder, organization, membership.role, startDate, membership.legislativePeriod, membership.onBehalfOf, membership.area].join('|');
      this.facts.add('memberships', membership, record, key);
    });
  }

  /**
   * An object of `kind` named `name` (its `field`): where it was read and its graph id, its own id
   * mapped to that id for the references read later; null, and a problem, when it has no name.
   */
  private named(kind: 'areas' | 'organizations' | 'events' | 'posts', prefix: string, i: number, o: Obj, name: string | null, field: string) {
    const record = this.where(kind, i, o);
    if (!name) {
      const what = { areas: 'an area', organizations: 'an organization', events: 'an event', posts: 'a post' }[kind];
      this.bad(record, field, field === 'name' ? `${what} needs a name` : `${what} needs a label or a role`);
      return null;
    }
    const id = this.entityId(prefix, name, o);
    if (str(o.id)) this.ids[kind].set(String(o.id), id);
    return { record, name, id };
  }

  /** Where an object was read: the caller's origin (a CSV line), else "persons[3] (id …)". */
  private where(kind: string, i: number, o: Obj): string {
    return this.options.originOf?.(kind, i, o) ?? `${kind}[${i}]${str(o.id) ? ` (id ${String(o.id)})` : ''}`;
  }

  private bad(record: string, field: string, message: string): void {
    this.problems.push({ record, field, message });
  }

  private date(record: string, o: Obj, field: string): string | null {
    const d = isoDate(o[field]);
    if (d === undefined) this.bad(record, field, `expected a date (YYYY, YYYY-MM or YYYY-MM-DD), got ${JSON.stringify(o[field])}`);
    return d ?? null;
  }

  private otherNames(record: string, o: Obj): string[] {
    return list(o.other_names)
      .filter((n) => str(n.name))
      .map((n) =>
        encodeOtherName({
          name: String(n.name).trim(),
          lang: str(n.lang),
          startDate: this.date(record, n, 'start_date'),
          endDate: this.date(record, n, 'end_date'),
          note: str(n.note),
        }),
      );
  }

  /** An id the graph gave (a file this project exported) is kept as it is; any other is scoped. */
  private entityId(prefix: string, name: string, o: Obj): string {
    const own = str(o.id);
    if (own && new RegExp(`^${prefix}/[a-z0-9]+(?:[-/][a-z0-9]+)*$`).test(own)) return own;
    return scopedId(prefix, name, this.options.dataset, own ?? name);
  }

  /** The graph id of the object of `kind` that field `field` names (read before), or null — a problem when it names none. */
  private ref(record: string, kind: keyof PopoloReader['ids'], field: string, o: Obj): string | null {
    const v = str(o[field]);
    if (!v) return null;
    const id = this.ids[kind].get(v);
    if (!id) this.bad(record, field, `no ${kind.replace(/s$/, '')} ${v} in the file`);
    return id ?? null;
  }
}

/** A Popolo classification as the model's enum value: Popolo's own spelling (`table`), the model's (spaces as _), else other. */
function classify(value: unknown, table: Record<string, string>, modelValues: Set<string>): string {
  const cls = (str(value) ?? '').toLowerCase();
  const underscored = cls.replace(/\s+/g, '_');
  return table[cls] ?? (modelValues.has(underscored) ? underscored : 'other');
}

const sourceUrls = (o: Obj) =>
  list(o.sources)
    .map((s) => str(s.url))
    .filter((u): u is string => !!u);

/** identifiers [{scheme, identifier}] → "scheme:value"; a Wikidata one is also the wikidataId. */
function identifiers(o: Obj, own: string | null): { identifiers: string[]; wikidataId: string | null } {
  const out = list(o.identifiers)
    .map((x) => identifier(String(x.scheme ?? ''), x.identifier))
    .filter((x): x is string => !!x);
  if (own) out.unshift(own);
  const wikidata = out.map((x) => /^wikidata:(Q[1-9]\d*)$/.exec(x)?.[1]).find(Boolean) ?? null;
  return { identifiers: [...new Set(out)], wikidataId: wikidata };
}

// The model's enum values, for classifications Popolo spells the same way (ministry, committee…).
const MODEL_ORG_CLASSES = new Set(model.enums.OrganizationClassification);
const MODEL_EVENT_CLASSES = new Set(model.enums.EventClassification);
