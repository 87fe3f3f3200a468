// One vi.wikipedia infobox record (political-net's politicians_data.json) → a facts file (pure):
// the person (keyed by the page id, kept as the identifier viwiki:<id>), each post of each
// `officeN` slot with its term as the page states it, the parent links the organisations' names
// state, the Party Central Committee terms, the rank (undated, seen at the dump), and predecessor /
// successor where they are other pages of the same file. Every fact cites the raw values it was read
// from ({field, value}); a post whose dates cannot be read keeps them unknown.
import { slug } from '../../text/fold';
import { normalizeName } from '../../text/normalize';
import { parseOffice, Post } from './offices';
import { OrganizationCatalogue, OrgEntry } from './organizations';
import { parseLifeDate, parseWikiDate, plain, wikiLinks } from './wikitext';

export interface InfoboxRecord {
  title: string;
  id: string;
  template: string;
  infobox: Record<string, string>;
}

/** Where the records come from: the facts' sources say it. */
export interface DumpInfo {
  /** When the pages were read: their "nay" (current) is as of this date. */
  retrievedAt: string;
  dataset: string;
  licence: string;
}

export const POLITICAL_NET: DumpInfo = {
  retrievedAt: '2025-10',
  dataset: 'vi.wikipedia infoboxes of Party Central Committee members (datmieu204/political-net @ 368ab41, data/processed/infobox)',
  licence: 'CC BY-SA 4.0',
};

/** The Party Congresses that elected each Central Committee (the month the committee was elected). */
export const CONGRESSES: Record<string, { start: string; next: string | null }> = {
  II: { start: '1951-02', next: '1960-09' },
  III: { start: '1960-09', next: '1976-12' },
  IV: { start: '1976-12', next: '1982-03' },
  V: { start: '1982-03', next: '1986-12' },
  VI: { start: '1986-12', next: '1991-06' },
  VII: { start: '1991-06', next: '1996-06' },
  VIII: { start: '1996-06', next: '2001-04' },
  IX: { start: '2001-04', next: '2006-04' },
  X: { start: '2006-04', next: '2011-01' },
  XI: { start: '2011-01', next: '2016-01' },
  XII: { start: '2016-01', next: '2021-01' },
  XIII: { start: '2021-01', next: null },
};

/** General and field officer ranks (grade as in docs/facts-format.md), army and navy names. */
const RANKS: Array<{ re: RegExp; id: string; name: string; nameEn: string; grade: number }> = [
  { re: /đại tướng/u, id: 'rank/dai-tuong', name: 'Đại tướng', nameEn: 'General', grade: 4 },
  { re: /thượng tướng/u, id: 'rank/thuong-tuong', name: 'Thượng tướng', nameEn: 'Colonel General', grade: 3 },
  { re: /trung tướng/u, id: 'rank/trung-tuong', name: 'Trung tướng', nameEn: 'Lieutenant General', grade: 2 },
  { re: /thiếu tướng/u, id: 'rank/thieu-tuong', name: 'Thiếu tướng', nameEn: 'Major General', grade: 1 },
  { re: /chuẩn đô đốc/u, id: 'rank/chuan-do-doc', name: 'Chuẩn Đô đốc', nameEn: 'Rear Admiral', grade: 1 },
  { re: /phó đô đốc/u, id: 'rank/pho-do-doc', name: 'Phó Đô đốc', nameEn: 'Vice Admiral', grade: 2 },
  { re: /đô đốc/u, id: 'rank/do-doc', name: 'Đô đốc', nameEn: 'Admiral', grade: 3 },
  { re: /đại tá/u, id: 'rank/dai-ta', name: 'Đại tá', nameEn: 'Senior Colonel', grade: 0 },
  { re: /thượng tá/u, id: 'rank/thuong-ta', name: 'Thượng tá', nameEn: 'Colonel', grade: -1 },
  { re: /trung tá/u, id: 'rank/trung-ta', name: 'Trung tá', nameEn: 'Lieutenant Colonel', grade: -2 },
  { re: /thiếu tá/u, id: 'rank/thieu-ta', name: 'Thiếu tá', nameEn: 'Major', grade: -3 },
];

/** Why a record is left out (officials of the modern state only). */
export type SkipReason = 'died before 1945' | 'not an official (businessman)' | 'no name';

/** What was read from one record, for the summary. */
export interface RecordReport {
  pageId: string;
  title: string;
  skipped: SkipReason | null;
  posts: number;
  /** Posts whose organisation names no one body ("Ủy ban nhân dân" alone), with their slot. */
  unresolved: Array<{ field: string; value: string }>;
  /** Term dates that could not be read (kept unknown). */
  undated: Array<{ field: string; value: string }>;
}

type Entry = Record<string, unknown>;

/** The person's name: the title without its disambiguator ("Lê Văn Minh (trung tướng)"). */
export function personName(record: InfoboxRecord): string {
  return normalizeName(record.title.replace(/\s*\([^)]*\)\s*$/u, ''));
}

const titleSlug = (record: InfoboxRecord) => slug(normalizeName(record.title));
export const sourceIdOf = (pageId: string) => `source/viwiki-${pageId}`;

const SLOT = /^office(\d*)$/;

export class InfoboxImporter {
  /** Page title → record, for predecessor/successor links to other pages of the file. */
  private readonly byTitle = new Map<string, InfoboxRecord>();

  /** Title slugs that two pages share once diacritics are folded ("Nguyễn Văn Thao" and "Nguyễn Văn Thảo"). */
  private readonly sharedSlugs = new Set<string>();

  constructor(
    records: InfoboxRecord[],
    private readonly catalogue: OrganizationCatalogue,
    private readonly dump: DumpInfo = POLITICAL_NET,
  ) {
    const seen = new Set<string>();
    for (const r of records) {
      this.byTitle.set(normalizeName(r.title), r);
      const s = titleSlug(r);
      if (seen.has(s)) this.sharedSlugs.add(s);
      seen.add(s);
    }
  }

  /**
   * A page's person id: its title's slug, with the page id appended when another page's title folds to
   * the same slug — two people are never given one id (entity resolution would take them for one).
   */
  personIdOf(record: InfoboxRecord): string {
    const s = titleSlug(record);
    return `person/${this.sharedSlugs.has(s) ? `${s}-${record.id}` : s}`;
  }

  /** Why a record is left out (not an official of the modern state), or null. */
  skipReason(record: InfoboxRecord): SkipReason | null {
    if (!personName(record)) return 'no name';
    const death = parseLifeDate(record.infobox.death_date);
    if (death && death < '1945-09') return 'died before 1945';
    const occupation = plain(record.infobox.occupation ?? '').toLowerCase();
    if (/doanh nhân/u.test(occupation) && !/chính trị/u.test(occupation)) return 'not an official (businessman)';
    return null;
  }

  /** The facts file of one record, or null (with the reason) when it is left out. */
  read(record: InfoboxRecord): { facts: Record<string, unknown> | null; report: RecordReport } {
    const box = record.infobox;
    const report: RecordReport = { pageId: record.id, title: record.title, skipped: null, posts: 0, unresolved: [], undated: [] };
    const skipped = this.skipReason(record);
    if (skipped) return { facts: null, report: { ...report, skipped } };
    const name = personName(record);
    const death = parseLifeDate(box.death_date);
    const slots = Object.keys(box).filter((k) => SLOT.test(k));

    const personId = this.personIdOf(record);
    const words = name.split(' ');
    const persons: Entry[] = [
      {
        id: personId,
        name,
        familyName: words.length > 1 ? words[0] : null,
        givenName: words.length > 1 ? words[words.length - 1] : null,
        aliases: [],
        birthDate: parseLifeDate(box.birth_date),
        deathDate: death,
        identifiers: [`viwiki:${record.id}`],
        mentions: [{ field: 'title', value: record.title }],
      },
    ];
    const organizations = new Map<string, Entry>();
    const positions = new Map<string, Entry>();
    const occupancies = new Map<string, Entry>();
    /** One holding per post and start: a post named twice (two slots) is one fact citing both. */
    const addOccupancy = (o: Entry) => {
      const key = `${o.position as string}|${(o.startDate as string | null) ?? ''}`;
      const known = occupancies.get(key);
      if (known) known.evidence = [...(known.evidence as unknown[]), ...(o.evidence as unknown[])];
      else occupancies.set(key, o);
    };
    const subordinations = new Map<string, Entry>();
    const ranks: Entry[] = [];
    const rankHoldings: Entry[] = [];
    const others = new Map<string, Entry>();

    const addOrg = (org: OrgEntry, field: string, value: string) => {
      for (const o of this.catalogue.chain(org)) {
        if (!organizations.has(o.id))
          organizations.set(o.id, {
            id: o.id,
            name: o.name,
            nameEn: o.nameEn,
            abbreviations: o.abbreviations,
            aliases: o.aliases,
            classification: o.classification,
            mentions: [{ field, value }],
          });
        if (o.parent && !subordinations.has(`${o.id}>${o.parent.id}`))
          subordinations.set(`${o.id}>${o.parent.id}`, {
            child: o.id,
            parent: o.parent.id,
            relation: o.parent.relation,
            evidence: [{ field, value }],
            // the name states the link (or the known structure of the state does): not inferred from a post
            confidence: 'high',
          });
      }
    };

    /** The organisation of a post: its names resolved from the outermost parent in. */
    const orgOf = (post: Post): OrgEntry | null => {
      let parent: OrgEntry | null = null;
      const names = [...post.organization].reverse();
      for (let i = 0; i < names.length; i++) {
        const next = this.catalogue.resolve(names[i]!, parent);
        if (!next) {
          if (i === names.length - 1) return null;
          continue;
        }
        parent = next;
      }
      return parent;
    };

    const personLink = (field: string): Entry | null => {
      const raw = box[field];
      if (!raw) return null;
      const link = wikiLinks(raw)[0];
      const other = link && this.byTitle.get(normalizeName(link.target));
      // another page of the file, and one the import keeps (a predecessor left out is not linked)
      if (!other || other.id === record.id || this.skipReason(other)) return null;
      const id = this.personIdOf(other);
      if (id === personId) return null;
      if (!others.has(id)) others.set(id, { id, name: personName(other), aliases: [], identifiers: [`viwiki:${other.id}`], mentions: [{ field, value: raw }] });
      return others.get(id)!;
    };

    for (const slot of slots) {
      const n = SLOT.exec(slot)![1]!;
      const raw = box[slot]!;
      const startField = `term_start${n}`;
      const endField = `term_end${n}`;
      const start = parseWikiDate(box[startField]);
      const end = parseWikiDate(box[endField]);
      if (box[startField] && !start.date) report.undated.push({ field: startField, value: box[startField]! });
      if (box[endField] && !end.date && !end.current) report.undated.push({ field: endField, value: box[endField]! });
      const { posts } = parseOffice(raw);
      const evidence = [{ field: slot, value: raw }, ...[startField, endField].filter((f) => box[f]).map((f) => ({ field: f, value: box[f]! }))];
      const status = end.current ? 'current' : end.date ? 'ended' : 'unknown';
      const single = posts.length === 1;
      const predecessor = single ? personLink(`predecessor${n}`) : null;
      const successor = single && !end.current ? personLink(`successor${n}`) : null;
      for (const post of posts) {
        const centralCommittee =
          post.organization.length === 1 && /^(Ban Chấp hành )?Trung ương Đảng|^Ban Chấp hành Trung ương|^Bộ Chính trị/u.test(post.organization[0]!);
        const org = orgOf(post);
        if (!org) {
          report.unresolved.push({ field: slot, value: raw });
          continue;
        }
        addOrg(org, slot, raw);
        const positionId = `position/${org.id.slice('organization/'.length)}/${slug(post.role)}`;
        if (!positions.has(positionId))
          positions.set(positionId, {
            id: positionId,
            role: post.role,
            roleEn: post.roleEn,
            organization: org.id,
            label: `${post.role} ${org.name}`,
            labelEn: org.nameEn ? `${post.roleEn} of the ${org.nameEn.replace(/^the /, '')}` : null,
            party: org.party || org.classification === 'party_committee' || org.classification === 'party_body',
            singleHolder: post.single,
            mentions: [{ field: slot, value: raw }],
          });
        report.posts++;
        // A Central Committee or Politburo slot naming several terms ("khóa XI, XII") is one holding
        // per term, dated by the congresses — inferred, as the slot's own dates span them all.
        const terms = centralCommittee && post.terms.length > 1 ? post.terms.filter((t) => CONGRESSES[t]) : [];
        if (terms.length > 1) {
          for (const term of terms) {
            const c = CONGRESSES[term]!;
            addOccupancy({
              holder: personId,
              position: positionId,
              startDate: c.start,
              endDate: c.next,
              status: c.next ? 'ended' : status,
              evidence,
              confidence: 'medium',
              inferred: true,
              note: `Term ${term}: the slot names terms ${terms.join(', ')}; each is dated by the congress that elected that Central Committee (${c.start}${c.next ? ` → ${c.next}` : ''}).`,
            });
          }
          continue;
        }
        addOccupancy({
          holder: personId,
          position: positionId,
          startDate: start.date,
          endDate: end.date,
          status,
          predecessor: predecessor?.id ?? null,
          successor: successor?.id ?? null,
          evidence,
          confidence: 'high',
          inferred: false,
          note: post.terms.length ? `Term (khóa) ${post.terms.join(', ')}.` : null,
        });
      }
    }

    const rankRaw = box.military_rank;
    if (rankRaw) {
      const text = plain(rankRaw).toLowerCase();
      const rank = RANKS.find((r) => r.re.test(text));
      if (rank) {
        const police = /công an/u.test(text) || /công an/iu.test(plain(box.branch ?? ''));
        ranks.push({ id: rank.id, name: rank.name, nameEn: rank.nameEn, grade: rank.grade, mentions: [{ field: 'military_rank', value: rankRaw }] });
        rankHoldings.push({
          holder: personId,
          rank: rank.id,
          force: police ? 'police' : 'army',
          since: null,
          evidence: [{ field: 'military_rank', value: rankRaw }, ...(box.branch ? [{ field: 'branch', value: box.branch }] : [])],
          confidence: 'high',
          inferred: false,
          note: 'The infobox gives the rank held (or last held) as of the page, undated.',
        });
      }
    }

    persons.push(...[...others.values()].filter((p) => p.id !== personId));
    const facts = {
      source: {
        id: sourceIdOf(record.id),
        title: `${record.title} — Wikipedia tiếng Việt`,
        kind: 'record',
        publisher: 'Wikipedia tiếng Việt',
        retrievedAt: this.dump.retrievedAt,
        url: `https://vi.wikipedia.org/?curid=${record.id}`,
        licence: this.dump.licence,
        dataset: this.dump.dataset,
        recordId: record.id,
        language: 'vi',
        note: `Infobox template "${record.template}".`,
      },
      persons,
      organizations: [...organizations.values()],
      positions: [...positions.values()],
      ranks,
      occupancies: [...occupancies.values()],
      rankHoldings,
      subordinations: [...subordinations.values()],
    };
    return { facts, report };
  }
}
