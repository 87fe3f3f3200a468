// The title grammar: a *post* is a role ("Thứ trưởng") and the organisation after it ("Bộ Tư
// pháp"), perhaps preceded by "nguyên" (former); a *rank* is one of the ranks of the vocabulary.
// Organisations are read as a known name (with its short forms right after a minister's role), or a
// head word ("Cục", "Quân khu", "Tỉnh ủy") and the words that may continue a name, up to a stop
// word, a punctuation mark, another role or a person's name.
import { canonicalSpelling } from '../text/normalize';
import { fold } from '../text/fold';
import { longestAt, Token } from './tokens';
import { exactPhrase, Phrase, Vocabulary } from './vocabulary';

export type Role = Vocabulary['roles'][number];
export type RankEntry = Vocabulary['ranks'][number];

export interface OrgRef {
  /** Canonical name: abbreviations expanded, one spelling. */
  name: string;
  /** As written. */
  written: string;
  classification: string;
  force?: 'army' | 'police';
  nameEn?: string;
  abbreviations: string[];
  /** A known organisation named inside this one's name ("Vụ Tổ chức cán bộ Bộ GTVT" → Bộ Giao thông vận tải). */
  parent?: OrgRef;
  /** party_body_of rather than part_of. */
  partyBody?: boolean;
  /** The name lacks what it belongs to ("Tỉnh ủy", "Ban cán sự Đảng"): taken from the next post. */
  incomplete?: 'place' | 'body';
}

export interface PostMatch {
  role: Role;
  org: OrgRef | null;
  /** Token indexes: [start, end). start includes "nguyên". */
  start: number;
  end: number;
  former: boolean;
  /** Why the organisation is not as written (read from the next post, the usual shorthand…). */
  note?: string;
  inferred?: boolean;
}

export interface RankMatch {
  rank: RankEntry;
  start: number;
  end: number;
}

/** Phrases of the vocabulary, folded once. */
export class Grammar {
  readonly roles: Phrase[];
  readonly roleOf: Role[];
  readonly ranks: Phrase[];
  readonly rankOf: RankEntry[];
  readonly known: Phrase[];
  readonly knownOf: Array<{ org: Vocabulary['organizations'][number]; short: boolean }>;
  /** The known names without the short ones (and where each is in `known`). */
  readonly knownLong: Phrase[];
  readonly knownLongIndex: number[];
  readonly heads: Phrase[];
  readonly headOf: Vocabulary['organizationHeads'];
  readonly shortAfter: Set<string>;
  readonly abbreviations: Map<string, string>;
  readonly personPlaces: Set<string>;

  constructor(readonly v: Vocabulary) {
    this.roles = v.roles.flatMap((r) => r.words.map(exactPhrase));
    this.roleOf = v.roles.flatMap((r) => r.words.map(() => r));
    this.ranks = v.ranks.map((r) => exactPhrase(r.name));
    this.rankOf = v.ranks;
    this.known = [];
    this.knownOf = [];
    for (const org of v.organizations) {
      const add = (n: string, short: boolean) => {
        this.known.push(exactPhrase(n));
        this.knownOf.push({ org, short });
      };
      for (const n of [...org.names, ...(org.abbreviations ?? [])]) add(n, false);
      for (const n of org.short ?? []) add(n, true);
    }
    this.knownLong = this.known.filter((_, k) => !this.knownOf[k]!.short);
    this.knownLongIndex = this.known.map((_, k) => k).filter((k) => !this.knownOf[k]!.short);
    this.heads = v.organizationHeads.flatMap((h) => h.words.map(exactPhrase));
    this.headOf = v.organizationHeads.flatMap((h) => h.words.map(() => h));
    this.shortAfter = new Set(v.shortNamesAfter.map(fold));
    this.abbreviations = new Map(Object.entries(v.abbreviations).map(([k, w]) => [fold(k), w]));
    this.personPlaces = new Set(v.personPlaces.map(fold));
  }

  roleAt(tokens: Token[], i: number): { role: Role; end: number } | null {
    const m = longestAt(tokens, i, this.roles, true);
    if (!m) return null;
    // a rank that starts like a role ("Thượng tướng" is no "Thủ tướng", but "Phó Đô đốc" is no "Phó …")
    const rank = this.rankAt(tokens, i);
    if (rank && rank.end >= m.end) return null;
    return { role: this.roleOf[m.index]!, end: m.end };
  }

  rankAt(tokens: Token[], i: number): RankMatch | null {
    const m = longestAt(tokens, i, this.ranks, true);
    if (!m) return null;
    const rank = this.rankOf[m.index]!;
    // "Chuẩn Đô đốc Hải quân": the service is part of the rank's name as written
    const end = rank.navy && tokens[m.end]?.f === 'hai' && tokens[m.end + 1]?.f === 'quan' ? m.end + 2 : m.end;
    return { rank, start: i, end };
  }

  /** Where a role (with "nguyên" or "tân" before it) ends right at `at`: its first token, or null. */
  rolesEndingAt(tokens: Token[], at: number): number | null {
    for (let k = Math.max(0, at - 6); k < at; k++) {
      const r = this.roleAt(tokens, k);
      if (r && r.end === at) return ['nguyen', 'tan'].includes(tokens[k - 1]?.f ?? '') && !tokens[k - 1]!.cap ? k - 1 : k;
    }
    return null;
  }

  isStop(tokens: Token[], i: number): boolean {
    return longestAt(tokens, i, this.v.phrases.stops, true) !== null;
  }

  /** A place (with "tỉnh" / "thành phố" / "TP" before it or not) at i: its name and the index after it. */
  placeAt(tokens: Token[], i: number): { name: string; end: number; prefixed: boolean } | null {
    let j = i;
    const prefixed = ['tinh', 'tp'].includes(tokens[j]?.f ?? '') || (tokens[j]?.f === 'thanh' && tokens[j + 1]?.f === 'pho');
    if (prefixed) j += tokens[j]!.f === 'thanh' ? 2 : 1;
    if (tokens[j]?.text === '.') j++; // "TP. Hà Nội"
    const m = longestAt(tokens, j, this.v.phrases.places);
    if (!m || !tokens[j]!.cap) return null;
    const name = canonicalSpelling(
      tokens
        .slice(j, m.end)
        .map((t) => t.text)
        .join(' '),
    );
    if (!prefixed && this.personPlaces.has(fold(name))) return null;
    // "Hà Nội" is a place; "Hà Công Tuấn" is not
    if (tokens[m.end]?.cap && tokens[m.end]?.word && tokens[m.end]?.line === tokens[j]!.line && !this.v.sets.family.has(tokens[m.end]!.w)) return null;
    return { name, end: m.end, prefixed };
  }

  /** A known organisation at i (short names only right after one of shortNamesAfter). */
  knownAt(tokens: Token[], i: number, after: Role | null): { org: OrgRef; end: number } | null {
    const shortOk = !!after && this.shortAfter.has(fold(after.canonical));
    const best = longestAt(tokens, i, shortOk ? this.known : this.knownLong, true);
    if (!best) return null;
    const index = shortOk ? best.index : this.knownLongIndex[best.index]!;
    const { end } = best;
    const { org, short } = this.knownOf[index]!;
    // a short name followed by a place is that place's body ("Công an Hà Nội")
    if (short && this.placeAt(tokens, end)) return null;
    return { org: this.fromKnown(org, this.written(tokens, i, end)), end };
  }

  fromKnown(org: Vocabulary['organizations'][number], written: string): OrgRef {
    return { name: org.names[0]!, written, classification: org.classification, force: org.force, nameEn: org.en, abbreviations: org.abbreviations ?? [] };
  }

  /** The known organisation with this canonical name, if any. */
  knownNamed(name: string): Vocabulary['organizations'][number] | undefined {
    const key = fold(name);
    return this.v.organizations.find((o) => o.names.some((n) => fold(this.expand(n)) === key));
  }

  /** Tokens a..b-1 as written (with the text's spacing, any white space as one space). */
  written(tokens: Token[], a: number, b: number): string {
    let out = '';
    for (let k = a; k < b; k++) out += (k > a && tokens[k]!.start > tokens[k - 1]!.end ? ' ' : '') + tokens[k]!.text;
    return out;
  }

  /** Abbreviations expanded word by word, one spelling: "UBND TP Hà Nội" → "Ủy ban nhân dân thành phố Hà Nội". */
  expand(text: string): string {
    return canonicalSpelling(
      text
        .split(/\s+/)
        .map((w) => this.abbreviations.get(fold(w)) ?? w)
        .join(' '),
    );
  }

  /** Is a person's name (family name and 1–3 more capitalised words, not a place) starting at i? */
  nameStartsAt(tokens: Token[], i: number): boolean {
    const t = tokens[i];
    if (!t?.cap || !t.word || !this.v.sets.family.has(t.w)) return false;
    let j = i + 1;
    while (tokens[j]?.cap && tokens[j]!.word && tokens[j]!.line === t.line && j - i < 5) j++;
    if (j - i < 2 || j - i > 4) return false;
    return !this.v.sets.places.has(
      fold(
        tokens
          .slice(i, j)
          .map((x) => x.text)
          .join(' '),
      ),
    );
  }

  /** An organisation at i (after `after`, a role, when there is one). */
  orgAt(tokens: Token[], i: number, after: Role | null): { org: OrgRef; end: number } | null {
    const known = this.knownAt(tokens, i, after);
    const head = longestAt(tokens, i, this.heads, true);
    if (known && (!head || known.end >= head.end)) return this.extendKnown(tokens, known, after);
    if (!head) return null;
    const line = tokens[i]!.line;
    let j = head.end;
    let parent: OrgRef | undefined;
    while (j < tokens.length && tokens[j]!.line === line) {
      const t = tokens[j]!;
      if (!t.word) {
        if ((t.text === '-' || t.text === '–') && tokens[j + 1]?.cap && tokens[j + 1]!.line === line) {
          j += 2;
          continue;
        }
        break;
      }
      if (this.isStop(tokens, j) || this.roleAt(tokens, j) || this.rankAt(tokens, j)) break;
      if (!t.cap && this.v.sets.honorifics.has(t.w)) break;
      if (t.cap) {
        if (this.nameStartsAt(tokens, j)) break;
        const inner = this.knownAt(tokens, j, null);
        if (inner && j > head.end) {
          parent = inner.org;
          j = inner.end;
          continue;
        }
        j++;
        continue;
      }
      // "và" joins two words of one name ("Nông nghiệp và Phát triển nông thôn"), not a name and a number or a person
      const n = tokens[j + 1];
      if (t.w === 'và' && !(n?.word && ((n.cap && !this.nameStartsAt(tokens, j + 1)) || this.v.sets.orgWords.has(n.w)) && !this.orgAt(tokens, j + 1, null)))
        break;
      if (/^\d/.test(t.text) || this.v.sets.orgWords.has(t.w)) {
        j++;
        continue;
      }
      break;
    }
    while (j > head.end && ['va', 'cac', 've', 'cua', 'tinh', 'tp'].includes(tokens[j - 1]!.f)) j--;
    const h = this.headOf[head.index]!;
    const written = this.written(tokens, i, j);
    const words = j - head.end;
    const headName = fold(
      tokens
        .slice(i, head.end)
        .map((t) => t.text)
        .join(' '),
    );
    const partyBody = /^(ban can su dang|dang uy|tinh uy|thanh uy|huyen uy|quan uy)$/.test(headName);
    // a head alone names nothing, except bodies that belong to the next post's organisation
    if (words === 0) {
      const incomplete = partyBody
        ? /^(tinh uy|thanh uy)$/.test(headName)
          ? 'place'
          : 'body'
        : /^(uy ban nhan dan|ubnd|hdnd|hoi dong nhan dan)$/.test(headName)
          ? 'place'
          : null;
      const endsWithProvinceWord = ['tinh', 'tp'].includes(tokens[head.end]?.f ?? '') || (tokens[head.end]?.f === 'thanh' && tokens[head.end + 1]?.f === 'pho');
      if (!incomplete) return null;
      const end = endsWithProvinceWord ? head.end + (tokens[head.end]!.f === 'thanh' ? 2 : 1) : head.end;
      return {
        org: {
          name: this.expand(written),
          written: this.written(tokens, i, end),
          classification: h.classification,
          force: h.force,
          abbreviations: [],
          incomplete,
          partyBody,
        },
        end,
      };
    }
    let name = this.expand(written);
    // one name for a province's bodies: "Thành ủy TP Hải Phòng" = "Thành ủy Hải Phòng"; "UBND Hà Nội" = "Ủy ban nhân dân thành phố Hà Nội"
    const place = this.placeAt(tokens, head.end);
    if (place && place.end === j) {
      const city = this.v.sets.cities.has(fold(place.name));
      if (/^(tinh uy|thanh uy)$/.test(headName)) name = `${headName === 'thanh uy' || city ? 'Thành ủy' : 'Tỉnh ủy'} ${place.name}`;
      else if (/^(uy ban nhan dan|ubnd|hoi dong nhan dan|hdnd|cong an)$/.test(headName))
        name = `${this.expand(
          tokens
            .slice(i, head.end)
            .map((t) => t.text)
            .join(' '),
        )} ${city ? 'thành phố' : 'tỉnh'} ${place.name}`;
    }
    name = name.charAt(0).toUpperCase() + name.slice(1);
    const named = this.knownNamed(name);
    if (named) return { org: this.fromKnown(named, written), end: j };
    return { org: { name, written, classification: h.classification, force: h.force ?? parent?.force, abbreviations: [], parent, partyBody }, end: j };
  }

  /** "Quân khu 4", "Trung đoàn 923": a known unit head may be followed by its number; "Bộ Quốc phòng Việt Nam" by the country. */
  private extendKnown(tokens: Token[], known: { org: OrgRef; end: number }, _after: Role | null): { org: OrgRef; end: number } {
    const next = tokens[known.end];
    if (next?.f === 'viet' && tokens[known.end + 1]?.f === 'nam' && next.line === tokens[known.end - 1]!.line) return { org: known.org, end: known.end + 2 };
    return known;
  }

  /** A known organisation that starts inside the role's last words and runs past it ("Tổng [Kiểm toán Nhà nước]"). */
  overlapAt(tokens: Token[], roleStart: number, roleEnd: number): { org: OrgRef; end: number } | null {
    for (let k = Math.max(roleStart + 1, roleEnd - 3); k < roleEnd; k++) {
      const known = this.knownAt(tokens, k, null);
      if (known && known.end > roleEnd) return known;
    }
    return null;
  }

  /** A post at i: ["nguyên"] role [organisation]. */
  postAt(tokens: Token[], i: number): PostMatch | null {
    let j = i;
    // "nguyên" (former) folds as "Nguyễn" does: compare the written word
    const former = tokens[j]?.text.normalize('NFC').toLowerCase() === 'nguyên';
    if (former) j++;
    const r = this.roleAt(tokens, j);
    if (!r) return null;
    const { role } = r;
    let end = r.end;
    let org: OrgRef | null = null;
    let note: string | undefined;
    let inferred = false;
    if (role.alone !== undefined) {
      const known = this.knownNamed(role.alone);
      org = known ? this.fromKnown(known, role.alone) : { name: role.alone, written: role.alone, classification: 'other', abbreviations: [] };
      if (role.alone === 'Ban Chấp hành Trung ương Đảng') org = { ...org, written: this.written(tokens, j, r.end) };
    } else if (role.body) {
      const place = this.placeAt(tokens, end);
      const after = place ? null : this.orgAt(tokens, end, null);
      if (place) {
        const city = this.v.sets.cities.has(fold(place.name));
        const body = role.body === 'Tỉnh ủy' && city ? 'Thành ủy' : role.body;
        org = {
          name: `${body} ${place.name}`,
          written: this.written(tokens, j, place.end),
          classification: 'party_committee',
          abbreviations: [],
          partyBody: true,
        };
        end = place.end;
      } else if (after && !after.org.incomplete) {
        org = {
          name: `${role.body} ${after.org.name}`,
          written: this.written(tokens, j, after.end),
          classification: 'party_body',
          abbreviations: [],
          parent: after.org,
          partyBody: true,
        };
        end = after.end;
      } else {
        org = {
          name: role.body,
          written: this.written(tokens, j, r.end),
          classification: 'party_body',
          abbreviations: [],
          incomplete: role.body === 'Ban cán sự Đảng' ? 'body' : 'place',
          partyBody: true,
        };
      }
    } else if (role.unit && /^\d+$/.test(tokens[end]?.text ?? '')) {
      org = { name: `${role.unit} ${tokens[end]!.text}`, written: tokens[end]!.text, classification: 'military_unit', force: 'army', abbreviations: [] };
      end += 1;
    } else if (this.overlapAt(tokens, j, r.end)) {
      const o = this.overlapAt(tokens, j, r.end)!;
      org = o.org;
      end = o.end;
    } else {
      const parsed = this.orgAt(tokens, end, role);
      const place = parsed ? null : this.placeAt(tokens, end);
      if (parsed) {
        org = parsed.org;
        end = parsed.end;
      } else if (place && /^(pho )?bi thu/.test(fold(role.canonical))) {
        // "Bí thư Lạng Sơn", "Bí thư tỉnh Sóc Trăng": the province's party committee
        const city = this.v.sets.cities.has(fold(place.name));
        org = {
          name: `${city ? 'Thành ủy' : 'Tỉnh ủy'} ${place.name}`,
          written: this.written(tokens, end, place.end),
          classification: 'party_committee',
          abbreviations: [],
          partyBody: true,
        };
        end = place.end;
        note = 'The text names the province only; its party committee is meant.';
      } else if (place && /^(pho )?chu tich$/.test(fold(role.canonical))) {
        const city = this.v.sets.cities.has(fold(place.name));
        org = {
          name: `Ủy ban nhân dân ${city ? 'thành phố' : 'tỉnh'} ${place.name}`,
          written: this.written(tokens, end, place.end),
          classification: 'government',
          abbreviations: [],
        };
        end = place.end;
        note = "The text names the province only; its people's committee is meant.";
      } else if (role.default && !(tokens[end]?.cap && tokens[end]!.word && !this.nameStartsAt(tokens, end))) {
        const known = this.knownNamed(role.default)!;
        org = this.fromKnown(known, role.default);
        note = `The text gives the role only; ${role.default} is the one organisation that has it.`;
        inferred = true;
      }
    }
    return { role, org, start: i, end, former, note, inferred };
  }
}

/** A post's label: "Thứ trưởng Bộ Tư pháp"; a role that names its body ("Chủ tịch nước") as the vocabulary says. */
export function postLabel(post: { role: Role; org: OrgRef | null }): string {
  if (post.role.label) return post.role.label;
  const org = post.org?.name ?? '';
  // "Tổng Kiểm toán" + "Kiểm toán nhà nước" = "Tổng Kiểm toán nhà nước"
  const role = post.role.canonical.split(' ');
  const orgWords = org.split(' ');
  for (let k = Math.min(3, role.length - 1); k > 0; k--) {
    if (fold(role.slice(-k).join(' ')) === fold(orgWords.slice(0, k).join(' '))) return `${role.join(' ')} ${orgWords.slice(k).join(' ')}`;
  }
  if (/^(tinh uy vien|thanh uy vien)$/.test(fold(post.role.canonical))) return `${post.role.canonical} ${org.replace(/^(Tỉnh ủy|Thành ủy) /, '')}`;
  return `${post.role.canonical} ${org}`.trim();
}
