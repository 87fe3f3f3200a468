// Findings (src/extract/extract.ts) as a facts file (docs/facts-format.md): one entry per entity,
// ids made as the seeds make them, one fact per distinct claim with every quote that states it.
// A quote is always a slice of the article, so the ingest check (verbatim quotes) holds by construction.
import { slug } from '../text/fold';
import { normalizeName } from '../text/normalize';
import type { ExtractOptions, Findings } from './extract';
import type { PostFinding } from './statements';
import { OrgRef, postLabel } from './titles';
import { quote } from './tokens';

type Row = Record<string, unknown>;

/** A facts file as plain data (src/model/facts-file.ts validates it on ingest). */
export interface FactsDocument {
  source: Row;
  persons: Row[];
  organizations: Row[];
  positions: Row[];
  ranks: Row[];
  events: Row[];
  awards: Row[];
  occupancies: Row[];
  rankHoldings: Row[];
  participations: Row[];
  conferrals: Row[];
  subordinations: Row[];
}

const MAX_QUOTES = 4;

export function personId(key: string): string {
  return `person/${slug(key)}`;
}

/** "organization/bo-tu-phap"; a body named after its parent sits under it: "organization/bo-tu-phap/ban-can-su-dang". */
export function organizationId(org: OrgRef): string {
  if (org.parent && org.name.endsWith(` ${org.parent.name}`)) {
    const own = org.name.slice(0, -org.parent.name.length - 1);
    return `${organizationId(org.parent)}/${slug(own)}`;
  }
  return `organization/${slug(org.name)}`;
}

export function positionId(post: PostFinding['post']): string {
  return `position/${organizationId(post.org!).replace(/^organization\//, '')}/${slug(post.role.canonical)}`;
}

const CLASSIFICATIONS = new Set([
  'government',
  'ministry',
  'court',
  'procuracy',
  'inspectorate',
  'audit_office',
  'army',
  'police',
  'military_unit',
  'command',
  'general_department',
  'department',
  'party_body',
  'party_committee',
  'committee',
  'emulation_bloc',
  'office',
  'media',
  'other',
]);

class Builder {
  readonly doc: FactsDocument;
  private readonly byId = new Map<string, Row>();

  constructor(
    private readonly f: Findings,
    readonly sourceId: string,
  ) {
    this.doc = {
      source: {},
      persons: [],
      organizations: [],
      positions: [],
      ranks: [],
      events: [],
      awards: [],
      occupancies: [],
      rankHoldings: [],
      participations: [],
      conferrals: [],
      subordinations: [],
    };
  }

  q(a: number, b: number): string {
    return quote(this.f.text, this.f.tokens, a, b);
  }

  /** Adds an entity once; later calls add mentions. */
  entity(section: keyof FactsDocument, row: Row, mention?: string): Row {
    const id = row.id as string;
    let existing = this.byId.get(id);
    if (!existing) {
      existing = { ...row, ...(section === 'positions' || section === 'ranks' ? {} : { mentions: [] }) };
      this.byId.set(id, existing);
      (this.doc[section] as Row[]).push(existing);
    }
    const mentions = existing.mentions as string[] | undefined;
    if (mention && mentions && !mentions.includes(mention) && mentions.length < MAX_QUOTES) mentions.push(mention);
    return existing;
  }

  /** Adds a fact, or merges its evidence into the same claim (same key) made before. */
  fact(section: keyof FactsDocument, key: string, row: Row, evidence: string): Row {
    const id = `${section}:${key}`;
    let existing = this.byId.get(id);
    if (!existing) {
      existing = { ...row, evidence: [] };
      this.byId.set(id, existing);
      (this.doc[section] as Row[]).push(existing);
    }
    const list = existing.evidence as Array<{ quote: string }>;
    if (!list.some((e) => e.quote === evidence) && list.length < MAX_QUOTES) list.push({ quote: evidence });
    return existing;
  }

  organization(org: OrgRef, mention: string): string {
    const id = organizationId(org);
    const classification = CLASSIFICATIONS.has(org.classification) ? org.classification : 'other';
    const aliases = normalizeName(org.written) !== normalizeName(org.name) && !org.written.includes(',') ? [normalizeName(org.written)] : [];
    const row = this.entity(
      'organizations',
      { id, name: org.name, nameEn: org.nameEn ?? null, abbreviations: org.abbreviations, aliases, classification },
      mention,
    );
    for (const a of aliases) if (!(row.aliases as string[]).includes(a)) (row.aliases as string[]).push(a);
    if (org.parent) {
      const parentId = this.organization(org.parent, mention);
      const relation = org.partyBody ? 'party_body_of' : 'part_of';
      this.fact(
        'subordinations',
        `${id}|${parentId}|${relation}`,
        { child: id, parent: parentId, relation, confidence: 'high', inferred: false, note: 'Stated by the name itself.' },
        mention,
      );
    }
    return id;
  }
}

/** The facts file of an article's findings. `textFile`: where the article is, relative to the facts file. */
export function toFactsFile(f: Findings, options: ExtractOptions & { textFile: string }): FactsDocument {
  const published = options.published ?? null;
  const sourceId = `source/${[published, slug(f.title).split('-').slice(0, 8).join('-')].filter(Boolean).join('-') || 'article'}`;
  const b = new Builder(f, sourceId);
  const publisher = options.publisher ?? f.byline.publisher;
  b.doc.source = {
    id: sourceId,
    title: f.title,
    kind: 'article',
    author: f.byline.author,
    publisher: publisher ?? null,
    publisherInferred: !options.publisher && !!f.byline.publisher,
    publishedAt: published,
    url: options.url ?? null,
    language: 'vi',
    textFile: options.textFile,
    note: `Extracted by npm run extract (rule grammar, schema/extract/vocabulary.yaml): candidate facts for an editor to review.${
      !options.publisher && f.byline.publisher ? ` The publisher is read from the byline or a "Theo …" line ("${f.byline.publisher}").` : ''
    }`,
  };

  const persons = new Set<string>();
  for (const p of f.persons) {
    const words = normalizeName(p.name).split(' ');
    const row = b.entity('persons', { id: personId(p.key), name: normalizeName(p.name), familyName: words[0], givenName: words.at(-1), aliases: [] });
    for (const m of p.mentions) {
      const mention = b.q(m.from, m.to);
      const mentions = row.mentions as string[];
      if (!mentions.includes(mention) && mentions.length < MAX_QUOTES) mentions.push(mention);
    }
    persons.add(p.key);
  }

  // posts: one occupancy per person and post; a stated "nguyên"/"từng" ends it, an appointment dates it
  const forces = new Map<string, 'army' | 'police'>();
  for (const p of f.posts) {
    if (!p.post.org || !persons.has(p.person)) continue;
    const quoteText = b.q(p.from, p.to);
    const orgId = b.organization(p.post.org, quoteText);
    const id = positionId(p.post);
    const deputy = /^(phó|ủy viên|thành viên|đại biểu)/iu.test(p.post.role.canonical);
    const orgName = p.post.org.nameEn;
    b.entity('positions', {
      id,
      role: p.post.role.canonical,
      roleEn: p.post.role.en,
      organization: orgId,
      label: postLabel(p.post),
      labelEn: orgName ? `${p.post.role.en}, ${orgName}` : null,
      party: p.post.role.party === true || !!p.post.org.partyBody,
      singleHolder: p.post.role.single === true && !deputy,
    });
    if (p.post.org.force) forces.set(p.person, forces.get(p.person) ?? p.post.org.force);
    const holder = personId(p.person);
    const notes = [p.note, p.appointed ? `Appointed${p.appointed.by ? ` by ${p.appointed.by}` : ''} (as the text says).` : null].filter(Boolean);
    const row = b.fact(
      'occupancies',
      `${holder}|${id}`,
      {
        holder,
        position: id,
        startDate: null,
        endDate: null,
        status: p.status,
        confidence: p.post.inferred ? 'medium' : 'high',
        inferred: p.post.inferred === true,
        note: null,
      },
      quoteText,
    );
    if (p.startDate && !row.startDate) row.startDate = p.startDate;
    // what the text says last wins over unknown; a stated end ("nguyên", "từng") over a presumed current
    if (row.status === 'unknown' || (p.status === 'ended' && !p.appointed)) row.status = p.status;
    if (notes.length)
      row.note = [row.note, ...notes]
        .filter(Boolean)
        .filter((n, k, all) => all.indexOf(n) === k)
        .join(' ');
    if (p.post.inferred !== true && row.inferred === true && !p.post.note) Object.assign(row, { inferred: false, confidence: 'high' });
  }

  for (const r of f.ranks) {
    if (!persons.has(r.person)) continue;
    const rankId = `rank/${slug(r.rank.name)}`;
    b.entity('ranks', { id: rankId, name: r.rank.name, nameEn: r.rank.nameEn, grade: r.rank.grade });
    const holder = personId(r.person);
    const force = r.rank.navy ? 'army' : forces.get(r.person);
    const notes = [
      force ? (r.rank.navy ? null : `The force is read from the person's post.`) : 'The force is not stated; army assumed (the text names no police post).',
      r.promotion
        ? `Promotion${r.promotion.from ? ` from ${r.promotion.from.name}` : ''} to ${r.rank.name}${r.promotion.by ? `, decided by ${r.promotion.by}` : ''} (as the text says).`
        : null,
    ].filter(Boolean);
    const row = b.fact(
      'rankHoldings',
      `${holder}|${rankId}`,
      { holder, rank: rankId, force: force ?? 'army', since: null, confidence: force ? 'high' : 'medium', inferred: !force, note: notes.join(' ') || null },
      b.q(r.from, r.to),
    );
    if (r.since && !row.since) row.since = r.since;
    if (r.promotion && !(row.note as string | null)?.includes('Promotion')) row.note = [row.note, notes.at(-1)].filter(Boolean).join(' ');
  }

  if (f.event) {
    const e = f.event;
    const eventId = `event/${[e.date, slug(e.name).split('-').slice(0, 8).join('-')].filter(Boolean).join('-')}`;
    b.entity(
      'events',
      { id: eventId, name: e.name, classification: e.classification, startDate: e.date, endDate: e.date, place: null, status: 'held' },
      b.q(e.from, e.to),
    );
    if (e.dateNote) b.doc.source.note = `${b.doc.source.note as string} The event's date: ${e.dateNote}`;
    for (const p of f.participations) {
      if (!persons.has(p.person)) continue;
      const participant = personId(p.person);
      b.fact(
        'participations',
        `${participant}|${p.role}`,
        { event: eventId, participant, role: p.role, roleText: p.roleText, confidence: 'high', inferred: false },
        b.q(p.from, p.to),
      );
    }
  }

  for (const a of f.awards) {
    const awardId = `award/${slug(a.award.name)}`;
    const quoteText = b.q(a.from, a.to);
    b.entity('awards', { id: awardId, name: a.award.name, classification: a.award.classification }, quoteText);
    const recipient =
      'person' in a.recipient ? (persons.has(a.recipient.person) ? personId(a.recipient.person) : null) : b.organization(a.recipient.org, quoteText);
    if (!recipient) continue;
    b.fact(
      'conferrals',
      `${awardId}|${recipient}|${a.status}`,
      { award: awardId, recipient, status: a.status, date: a.date ?? null, confidence: 'high', inferred: false },
      quoteText,
    );
  }
  return b.doc;
}
