// One organisation per real body, whatever the spelling (pure): the names infoboxes use for the
// state's and the Party's central bodies, the spelling variants folded away, abbreviations expanded,
// the parent a name states ("Văn phòng Bộ Công an" is the Office of the Ministry of Public Security;
// "Cục X, Bộ Công an" a department of it; "Ủy ban nhân dân tỉnh Hòa Bình" the province's executive).
// A name that says nothing specific ("Ủy ban nhân dân" alone) is not an organisation: the caller
// leaves the post out and reports it.
import { normalizeName } from '../../text/normalize';
import { fold, slug } from '../../text/fold';
import { Classification, KNOWN } from './known-bodies';

/** The centrally governed cities: their Thành ủy is a provincial party committee. */
const CENTRAL_CITIES = new Set(['ha noi', 'ho chi minh', 'hai phong', 'da nang', 'can tho', 'hue']);

/** Abbreviations infoboxes use inside names, expanded before matching. */
const EXPANSIONS: Array<[RegExp, string]> = [
  [/\bUBND\b/g, 'Ủy ban nhân dân'],
  [/\bHĐND\b/g, 'Hội đồng nhân dân'],
  [/\bMTTQ\b/g, 'Mặt trận Tổ quốc'],
  [/\bQĐND\b/g, 'Quân đội nhân dân'],
  [/\bCAND\b/g, 'Công an nhân dân'],
  [/\bBCH\b/g, 'Ban Chấp hành'],
  [/\bTP\.?\s*HCM\b|\bTp\.?\s*HCM\b|\bTP\.\s*Hồ Chí Minh\b|\bTp\.\s*Hồ Chí Minh\b/g, 'Thành phố Hồ Chí Minh'],
  [/\bTƯ(?![\p{L}\p{N}])|\bT\.Ư(?![\p{L}\p{N}])|\bTW\b/gu, 'Trung ương'],
  [/\bTp\.?\s+|\bTP\.?\s+/g, 'thành phố '],
  [/\s*[–—-]\s*/g, ' – '],
  [/\s+lần\s+\d+$/u, ''],
];

/** A name as written, with abbreviations expanded, "(Việt Nam)" and a trailing " Việt Nam" of a state body removed. */
export function cleanOrgName(raw: string): string {
  let name = normalizeName(raw);
  for (const [re, to] of EXPANSIONS) name = name.replace(re, to);
  name = name
    .replace(/\s*\((?:Việt Nam|nước Cộng hòa xã hội chủ nghĩa Việt Nam)\)\s*/g, ' ')
    .replace(/\s+(?:nước\s+)?Cộng hòa xã hội chủ nghĩa Việt Nam$/u, '')
    .replace(/^(?:cơ quan\s+)?/iu, (m) => m)
    .trim();
  if (/^(Bộ|Tòa án|Viện [Kk]iểm sát|Văn phòng|Kiểm toán|Thanh tra|Ủy ban|Ban|Cục|Tổng cục|Học viện) /u.test(name) && !/nhân dân Việt Nam$/u.test(name))
    name = name.replace(/\s+Việt Nam$/u, '');
  return name
    .replace(/\s+/g, ' ')
    .replace(/[\s,;:.]+$/u, '')
    .trim();
}

/** Folding for comparison: spelling, case and the en-dash/hyphen of "Thi đua – Khen thưởng" ignored. */
export const orgKey = (name: string) =>
  fold(cleanOrgName(name))
    .replace(/[^a-z0-9]+/g, ' ')
    .trim();

/** Generic names: alone they name no one body (every province has an Ủy ban nhân dân). */
const GENERIC = new Set(
  [
    'Ủy ban nhân dân',
    'Hội đồng nhân dân',
    'Ủy ban nhân dân tỉnh',
    'Hội đồng nhân dân tỉnh',
    'Ủy ban nhân dân thành phố',
    'Hội đồng nhân dân thành phố',
    'Tỉnh ủy',
    'Thành ủy',
    'Đảng ủy',
    'Ban cán sự Đảng',
    'Đảng đoàn',
    'Ban Thường vụ',
    'Văn phòng',
    'Công an tỉnh',
    'Tòa án nhân dân tỉnh',
    'Viện kiểm sát nhân dân tỉnh',
    'Ban Thường vụ Tỉnh ủy',
    'Thường trực',
    'Bộ',
    'Ban',
    'Cục',
    'Vụ',
    'Quân khu',
  ].map((n) => orgKey(n)),
);

export function isGeneric(name: string): boolean {
  const key = orgKey(name);
  return key === '' || GENERIC.has(key);
}

/** Unit words: a name starting so, followed by a known body's name, is that body's unit. */
const UNIT =
  /^(Văn phòng|Ban cán sự Đảng|Đảng ủy|Đảng đoàn|Ban Thường vụ|Thường trực|Tổng cục|Cục|Vụ|Ban|Thanh tra|Học viện|Viện|Trường|Bộ Tư lệnh|Bộ Chỉ huy Quân sự|Bộ Chỉ huy|Cơ quan|Ủy ban|Hội đồng|Công an|Tòa án nhân dân|Viện [Kk]iểm sát nhân dân|Sở|Báo|Tạp chí|Trung tâm)\s+(.+)$/u;

/** An organisation the import writes, with the parent link its name states. */
export interface OrgEntry {
  id: string;
  name: string;
  nameEn: string | null;
  abbreviations: string[];
  aliases: string[];
  classification: Classification;
  party: boolean;
  parent: { id: string; relation: 'part_of' | 'party_body_of' } | null;
}

function classify(name: string): Classification {
  const n = name;
  if (/^(Tỉnh ủy|Thành ủy|Huyện ủy|Quận ủy|Thị ủy|Đảng ủy|Ban Thường vụ|Ban Chấp hành)/iu.test(n)) return 'party_committee';
  if (/^(Ban|Ủy ban Kiểm tra|Văn phòng) .*(Tỉnh ủy|Thành ủy)/iu.test(n)) return 'party_body';
  if (/^(Ban cán sự Đảng|Đảng đoàn)/u.test(n)) return 'party_body';
  if (/^Ủy ban nhân dân/u.test(n)) return 'people_committee';
  if (/^Hội đồng nhân dân/u.test(n)) return 'people_council';
  if (/^(Tỉnh|Thành phố) /u.test(n)) return 'province';
  if (/^Bộ Tư lệnh/u.test(n)) return 'command';
  if (/^(Quân khu|Quân đoàn|Sư đoàn|Binh đoàn|Quân chủng|Binh chủng|Bộ đội|Bộ Chỉ huy)/u.test(n)) return 'military_unit';
  if (/^Tổng cục/u.test(n)) return 'general_department';
  if (/^Công an/u.test(n)) return 'police';
  if (/^(Cục|Vụ|Sở|Phòng)\s/u.test(n)) return 'department';
  if (/^Bộ\s/u.test(n)) return 'ministry';
  if (/^Tòa án/u.test(n)) return 'court';
  if (/^Viện [Kk]iểm sát/u.test(n)) return 'procuracy';
  if (/^Thanh tra/u.test(n)) return 'inspectorate';
  if (/^Văn phòng/u.test(n)) return 'office';
  if (/^(Báo|Tạp chí|Đài|Thông tấn xã|Trung tâm Thông tin)/u.test(n)) return 'media';
  if (/^(Học viện|Đại học|Trường|Viện)/u.test(n)) return 'academy';
  if (/^(Tập đoàn|Tổng công ty|Ngân hàng|Công ty)/u.test(n)) return 'state_enterprise';
  if (/^(Ủy ban|Ban|Hội đồng)/u.test(n)) return 'committee';
  if (/^(Mặt trận|Hội |Đoàn |Tổng Liên đoàn|Liên hiệp)/u.test(n)) return 'mass_organization';
  return 'other';
}

const PARTY = /^(Tỉnh ủy|Thành ủy|Huyện ủy|Quận ủy|Thị ủy|Đảng ủy|Ban cán sự Đảng|Đảng đoàn|Ban Thường vụ|Chi bộ)/iu;

const capital = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);

/**
 * Resolves organisation names to entries: the known central bodies, the graph's organisations (the
 * seed's, by name, alias or abbreviation), provinces and their institutions, and units of a body.
 */
export class OrganizationCatalogue {
  private readonly byKey = new Map<string, OrgEntry>();
  readonly entries = new Map<string, OrgEntry>();

  /** `existing`: the graph's organisations by folded name, alias and abbreviation (orgKey) → id. */
  constructor(private readonly existing: Map<string, string> = new Map()) {
    for (const k of KNOWN) {
      const entry: OrgEntry = {
        id: k.id,
        name: k.name,
        nameEn: k.nameEn,
        abbreviations: k.abbreviations ?? [],
        aliases: k.aliases ?? [],
        classification: k.classification,
        party: k.party ?? false,
        parent: k.parent ? { id: k.parent, relation: k.relation ?? 'part_of' } : null,
      };
      for (const n of [k.name, ...(k.aliases ?? []), ...(k.abbreviations ?? [])]) this.byKey.set(orgKey(n), entry);
    }
  }

  private remember(entry: OrgEntry): OrgEntry {
    const known = this.entries.get(entry.id);
    if (known) return known;
    this.entries.set(entry.id, entry);
    return entry;
  }

  /** The entry for a name (and, for a unit, its parent), or null when the name is generic or empty. */
  resolve(rawName: string, parentHint: OrgEntry | null = null): OrgEntry | null {
    const name = capital(cleanOrgName(rawName));
    if (!parentHint && isGeneric(name)) return null;
    const key = orgKey(name);
    const known = this.byKey.get(key);
    if (known) return this.withParents(known);
    const existing = this.existing.get(key);
    if (existing && !parentHint) return this.remember(this.plain(existing, name, null));

    // a province's party committee: Tỉnh ủy X / Thành ủy X (a centrally governed city)
    const committee = /^(Tỉnh ủy|Thành ủy)\s+(.+)$/iu.exec(name);
    if (committee) {
      committee[1] = capital(committee[1]!.toLowerCase());
      const place = committee[2]!.replace(/^(tỉnh|thành phố)\s+/iu, '');
      const province =
        committee[1] === 'Tỉnh ủy' || CENTRAL_CITIES.has(fold(place).replace(/^thanh pho /, ''))
          ? this.province(committee[1] === 'Tỉnh ủy' ? 'Tỉnh' : 'Thành phố', place)
          : null;
      return this.remember({
        ...this.plain(`organization/${slug(`${committee[1]} ${place}`)}`, `${committee[1]} ${place}`, null),
        party: true,
        parent: province ? { id: province.id, relation: 'party_body_of' } : null,
      });
    }
    // a province's institutions: Ủy ban nhân dân tỉnh X, Hội đồng nhân dân thành phố X, Công an tỉnh X…
    const local =
      /^(Ủy ban nhân dân|Hội đồng nhân dân|Công an|Tòa án nhân dân|Viện [Kk]iểm sát nhân dân|Bộ Chỉ huy Quân sự|Ủy ban Mặt trận Tổ quốc(?: Việt Nam)?|Ban Thường vụ Tỉnh ủy)\s+(tỉnh|thành phố)\s+(.+)$/iu.exec(
        name,
      );
    if (local) {
      const place = local[3]!;
      const isProvince = local[2]!.toLowerCase() === 'tỉnh' || CENTRAL_CITIES.has(fold(place));
      if (!isProvince) return this.remember(this.plain(`organization/${slug(name)}`, name, null));
      const province = this.province(local[2]!.toLowerCase() === 'tỉnh' ? 'Tỉnh' : 'Thành phố', place);
      const unit = local[1]!;
      return this.remember({ ...this.plain(`${province.id}/${slug(unit)}`, name, null), parent: { id: province.id, relation: 'part_of' } });
    }
    // a unit of a body the name goes on to name ("Văn phòng Bộ Công an", "Ban cán sự Đảng Bộ Tư pháp",
    // "Ban Tổ chức Tỉnh ủy Thái Bình", "Vụ Tổ chức cán bộ Tòa án nhân dân tối cao")
    if (!parentHint) {
      const words = name.split(' ');
      for (let i = 2; i < words.length - 1; i++) {
        const rest = words.slice(i).join(' ');
        const k = orgKey(rest);
        const known = this.byKey.get(k);
        const found = this.existing.get(k);
        const parent = known
          ? this.withParents(known)
          : found
            ? this.remember(this.plain(found, capital(rest), null))
            : /^(Tỉnh ủy|Thành ủy)\s/iu.test(rest)
              ? this.resolve(rest)
              : null;
        if (!parent || !UNIT.test(name)) continue;
        const relation = PARTY.test(name) ? 'party_body_of' : 'part_of';
        return this.remember({ ...this.plain(`${parent.id}/${slug(words.slice(0, i).join(' '))}`, name, null), parent: { id: parent.id, relation } });
      }
    }
    const unit = UNIT.exec(name);
    if (unit && !parentHint) {
      const rest = unit[2]!;
      const known = this.byKey.get(orgKey(rest));
      const found = this.existing.get(orgKey(rest));
      const parent = known
        ? this.withParents(known)
        : found
          ? this.remember(this.plain(found, capital(rest), null))
          : /^(Tỉnh ủy|Thành ủy|Bộ |Ủy ban nhân dân|Hội đồng nhân dân|Quân khu|Quân đoàn|Tổng cục|Học viện|Đại học)/u.test(rest)
            ? this.resolve(rest)
            : null;
      if (parent) {
        const p = parent;
        const relation = PARTY.test(name) ? 'party_body_of' : 'part_of';
        return this.remember({ ...this.plain(`${p.id}/${slug(unit[1]!)}`, name, null), parent: { id: p.id, relation } });
      }
    }
    if (parentHint) {
      // a generic unit of a named body is that body's ("Đảng ủy" of Quân khu 7 → "Đảng ủy Quân khu 7")
      if (isGeneric(name)) return this.resolve(`${name} ${parentHint.name}`);
      const id = `${parentHint.id}/${slug(name)}`;
      const found = this.existing.get(key);
      const relation = PARTY.test(name) ? 'party_body_of' : 'part_of';
      return this.remember({ ...this.plain(found && found.startsWith(parentHint.id + '/') ? found : id, name, null), parent: { id: parentHint.id, relation } });
    }
    return this.remember(this.plain(`organization/${slug(name)}`, name, null));
  }

  private province(kind: 'Tỉnh' | 'Thành phố', place: string): OrgEntry {
    const name = `${kind} ${capital(place)}`;
    return this.remember({ ...this.plain(`organization/${slug(name)}`, name, null), classification: 'province' });
  }

  private plain(id: string, name: string, parent: OrgEntry['parent']): OrgEntry {
    return { id, name, nameEn: null, abbreviations: [], aliases: [], classification: classify(name), party: PARTY.test(name), parent };
  }

  private withParents(entry: OrgEntry): OrgEntry {
    if (entry.parent) {
      const parent = KNOWN.find((k) => k.id === entry.parent!.id);
      if (parent) this.withParents(this.byKey.get(orgKey(parent.name))!);
    }
    return this.remember(entry);
  }

  /** An entry's chain of parents (itself first). */
  chain(entry: OrgEntry): OrgEntry[] {
    const out = [entry];
    let p = entry.parent;
    while (p && out.length < 10) {
      const next = this.entries.get(p.id);
      if (!next) break;
      out.push(next);
      p = next.parent;
    }
    return out;
  }
}
