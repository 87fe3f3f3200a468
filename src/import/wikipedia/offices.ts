// An infobox `officeN` value → the posts it names (pure). One slot often chains several posts
// ("Phó Bí thư Tỉnh ủy, Chủ tịch UBND tỉnh Hà Giang"; "Bí thư Đảng ủy, Chính ủy Quân khu 7") and
// qualifies an organisation by its parents ("Cục trưởng Cục X, Tổng cục Y, Bộ Công an"). Each post
// is a role ("Bí thư") and an organisation's name ("Tỉnh ủy Hà Giang"), read from the text the page
// shows (link labels), never from the link targets, which are often generic.
import { plainLines } from './wikitext';

/** A role as written, with its English name and whether one person holds it at a time. */
interface RoleSpec {
  vi: string;
  en: string;
  single: boolean;
  /** The organisation word the role's name carries ("Chánh Văn phòng" heads a "Văn phòng"). */
  unit?: string;
}

const R = (vi: string, en: string, single = false, unit?: string): RoleSpec => ({ vi, en, single, unit });

/** Roles, matched longest first at the start of a post. */
const ROLES: RoleSpec[] = [
  R('Phó Bí thư Thường trực', 'Standing Deputy Secretary', true),
  R('Phó Bí thư', 'Deputy Secretary'),
  R('Bí thư', 'Secretary', true),
  R('Phó Chủ tịch Thường trực', 'Standing Vice Chair', true),
  R('Phó Chủ tịch', 'Vice Chair'),
  R('Chủ tịch', 'Chair', true),
  R('Thứ trưởng Thường trực', 'Standing Deputy Minister', true),
  R('Thứ trưởng', 'Deputy Minister'),
  R('Bộ trưởng', 'Minister', true),
  R('Phó Trưởng ban Thường trực', 'Standing Deputy Head', true, 'Ban'),
  R('Phó Trưởng ban', 'Deputy Head', false, 'Ban'),
  R('Trưởng ban', 'Head', true, 'Ban'),
  R('Phó Chánh Văn phòng', 'Deputy Chief of Office', false, 'Văn phòng'),
  R('Chánh Văn phòng', 'Chief of Office', true, 'Văn phòng'),
  R('Phó Chánh Thanh tra', 'Deputy Chief Inspector', false, 'Thanh tra'),
  R('Chánh Thanh tra', 'Chief Inspector', true, 'Thanh tra'),
  R('Phó Chủ nhiệm Thường trực', 'Standing Deputy Chair', true),
  R('Phó Chủ nhiệm', 'Deputy Chair'),
  R('Chủ nhiệm', 'Chair', true),
  R('Phó Tổng cục trưởng', 'Deputy Director General', false, 'Tổng cục'),
  R('Tổng cục trưởng', 'Director General', true, 'Tổng cục'),
  R('Phó Cục trưởng', 'Deputy Director', false, 'Cục'),
  R('Cục trưởng', 'Director', true, 'Cục'),
  R('Phó Vụ trưởng', 'Deputy Director', false, 'Vụ'),
  R('Vụ trưởng', 'Director', true, 'Vụ'),
  R('Phó Tổng Giám đốc', 'Deputy Director General'),
  R('Tổng Giám đốc', 'Director General', true),
  R('Phó Giám đốc', 'Deputy Director'),
  R('Giám đốc', 'Director', true),
  R('Phó Tư lệnh', 'Deputy Commander'),
  R('Tư lệnh', 'Commander', true),
  R('Phó Chính ủy', 'Deputy Political Commissar'),
  R('Chính ủy', 'Political Commissar', true),
  R('Phó Chánh án', 'Deputy Chief Justice'),
  R('Chánh án', 'Chief Justice', true),
  R('Phó Viện trưởng', 'Deputy Director'),
  R('Viện trưởng', 'Director', true),
  R('Phó Hiệu trưởng', 'Vice Rector'),
  R('Hiệu trưởng', 'Rector', true),
  R('Phó Tổng Biên tập', 'Deputy Editor-in-Chief'),
  R('Tổng Biên tập', 'Editor-in-Chief', true),
  R('Phó Thống đốc', 'Deputy Governor'),
  R('Thống đốc', 'Governor', true),
  R('Phó Thủ trưởng', 'Deputy Head'),
  R('Thủ trưởng', 'Head', true),
  R('Phó Trưởng đoàn', 'Deputy Head of Delegation', false, 'Đoàn'),
  R('Trưởng đoàn', 'Head of Delegation', true, 'Đoàn'),
  R('Phó Tham mưu trưởng', 'Deputy Chief of Staff'),
  R('Tham mưu trưởng', 'Chief of Staff', true),
  R('Đại sứ', 'Ambassador', true),
  R('Người phát ngôn', 'Spokesperson'),
  R('Ủy viên dự khuyết', 'Alternate Member'),
  R('Ủy viên Thường trực', 'Standing Member'),
  R('Ủy viên', 'Member'),
  R('Thành viên', 'Member'),
  R('Phó Trưởng', 'Deputy Head'),
  R('Trưởng', 'Head', true),
];

const startsWithRole = (text: string): RoleSpec | null => {
  const lower = text.toLowerCase();
  for (const r of ROLES) {
    const vi = r.vi.toLowerCase();
    if (lower.startsWith(vi) && (lower.length === vi.length || /[\s,]/.test(lower[vi.length]!))) return r;
  }
  return null;
};

/** A post as the slot names it. */
export interface Post {
  role: string;
  roleEn: string;
  single: boolean;
  /** The organisation's names, the most specific first ("Cục X", "Tổng cục Y", "Bộ Công an"). */
  organization: string[];
  /** Party Central Committee / Politburo terms named ("XI", "XII"). */
  terms: string[];
  /** The post's text (the plain text of the slot it came from). */
  text: string;
}

/** Whole titles that carry their organisation implicitly ("Thủ tướng" heads the Government). */
const TITLES: Array<{ re: RegExp; role: string; roleEn: string; org: string; single: boolean }> = [
  { re: /^Tổng Bí thư(?![\p{L}\p{N}])/u, role: 'Tổng Bí thư', roleEn: 'General Secretary', org: 'Ban Chấp hành Trung ương Đảng', single: true },
  {
    re: /^Thường trực Ban Bí thư(?![\p{L}\p{N}])/u,
    role: 'Thường trực Ban Bí thư',
    roleEn: 'Standing Member of the Secretariat',
    org: 'Ban Bí thư Trung ương Đảng',
    single: true,
  },
  {
    re: /^Bí thư Trung ương Đảng(?![\p{L}\p{N}])/u,
    role: 'Bí thư Trung ương Đảng',
    roleEn: 'Member of the Secretariat',
    org: 'Ban Bí thư Trung ương Đảng',
    single: false,
  },
  { re: /^Phó Chủ tịch nước(?![\p{L}\p{N}])/u, role: 'Phó Chủ tịch nước', roleEn: 'Vice President', org: 'Cộng hòa xã hội chủ nghĩa Việt Nam', single: true },
  { re: /^Chủ tịch nước(?![\p{L}\p{N}])/u, role: 'Chủ tịch nước', roleEn: 'President', org: 'Cộng hòa xã hội chủ nghĩa Việt Nam', single: true },
  { re: /^Phó Thủ tướng(?![\p{L}\p{N}])/u, role: 'Phó Thủ tướng', roleEn: 'Deputy Prime Minister', org: 'Chính phủ', single: false },
  { re: /^Thủ tướng(?![\p{L}\p{N}])/u, role: 'Thủ tướng', roleEn: 'Prime Minister', org: 'Chính phủ', single: true },
  { re: /^Phó Chủ tịch Quốc hội(?![\p{L}\p{N}])/u, role: 'Phó Chủ tịch', roleEn: 'Vice Chair', org: 'Quốc hội', single: false },
  { re: /^Chủ tịch Quốc hội(?![\p{L}\p{N}])/u, role: 'Chủ tịch', roleEn: 'Chair', org: 'Quốc hội', single: true },
  { re: /^Đại biểu Quốc hội(?![\p{L}\p{N}])/u, role: 'Đại biểu Quốc hội', roleEn: 'Member of the National Assembly', org: 'Quốc hội', single: false },
  { re: /^Phó Tổng Kiểm toán(?![\p{L}\p{N}])/u, role: 'Phó Tổng Kiểm toán', roleEn: 'Deputy State Auditor General', org: 'Kiểm toán nhà nước', single: false },
  { re: /^Tổng Kiểm toán(?![\p{L}\p{N}])/u, role: 'Tổng Kiểm toán', roleEn: 'State Auditor General', org: 'Kiểm toán nhà nước', single: true },
  { re: /^Phó Tổng Thanh tra(?![\p{L}\p{N}])/u, role: 'Phó Tổng Thanh tra', roleEn: 'Deputy Inspector General', org: 'Thanh tra Chính phủ', single: false },
  { re: /^Tổng Thanh tra(?![\p{L}\p{N}])/u, role: 'Tổng Thanh tra', roleEn: 'Inspector General', org: 'Thanh tra Chính phủ', single: true },
  {
    re: /^Phó Tổng [Tt]ham mưu trưởng(?![\p{L}\p{N}])/u,
    role: 'Phó Tổng Tham mưu trưởng',
    roleEn: 'Deputy Chief of the General Staff',
    org: 'Bộ Tổng Tham mưu Quân đội nhân dân Việt Nam',
    single: false,
  },
  {
    re: /^Tổng [Tt]ham mưu trưởng(?![\p{L}\p{N}])/u,
    role: 'Tổng Tham mưu trưởng',
    roleEn: 'Chief of the General Staff',
    org: 'Bộ Tổng Tham mưu Quân đội nhân dân Việt Nam',
    single: true,
  },
];

const ROMAN = /\b(?:khóa|khoá|nhiệm kỳ)\s+((?:[IVXL]+)(?:\s*(?:,|và|-|–)\s*[IVXL]+)*)\b/u;

/** Notes in parentheses ("(lần 1)", "(Thường trực từ 04/2019)") and "khóa XI" are kept apart from the organisation's name. */
function splitNotes(text: string): { text: string; terms: string[] } {
  const terms: string[] = [];
  const m = ROMAN.exec(text);
  if (m) terms.push(...m[1]!.split(/\s*(?:,|và|-|–)\s*/u).filter(Boolean));
  const bare = text
    .replace(/^(?:nguyên|kiêm|quyền)\s+/iu, '')
    .replace(/\s*\(?(?:không\s+)?chuyên trách\)?\s*$/iu, '')
    .replace(/\([^()]*\)/gu, ' ')
    .replace(ROMAN, ' ')
    .replace(/\s*,\s*(?=[IVXL]+\b)[IVXL]+\b/gu, (x) => (terms.push(x.replace(/[\s,]/g, '')), ' '))
    .replace(/\s+/g, ' ')
    .trim();
  return { text: bare, terms };
}

/** Where a slot's segments are cut: at commas, semicolons and line breaks, unless the comma is inside a name ("Bộ Văn hóa, Thể thao và Du lịch"). */
function segments(lines: string[]): string[] {
  const out: string[] = [];
  for (const line of lines) {
    const parts = line.split(/\s*[,;]\s*/u);
    let current = '';
    for (const part of parts) {
      if (!current) current = part;
      else if (
        startsWithRole(part) ||
        TITLES.some((t) => t.re.test(part)) ||
        /^(Bộ|Tổng cục|Cục|Ban|Tỉnh ủy|Thành ủy|Đảng ủy|Quân khu|Quân đoàn|Ủy ban|Văn phòng|Tòa án|Viện|Học viện|Trường|Thành phố|tỉnh|Tỉnh|Công an|Quân đội|Đảng|Trung ương|Hội đồng|Mặt trận|Tập đoàn|Ngân hàng)(?![\p{L}\p{N}])/u.test(
          part,
        )
      ) {
        out.push(current);
        current = part;
      } else current = `${current}, ${part}`;
    }
    if (current) out.push(current);
  }
  return out.map((s) => s.trim()).filter(Boolean);
}

/** The posts a slot names, and the segments it could not read as a post or an organisation. */
export function parseOffice(raw: string): { posts: Post[]; text: string } {
  const lines = plainLines(raw);
  const text = lines.join(', ');
  const posts: Post[] = [];
  const notes = (s: string) => splitNotes(s);
  for (const segment of segments(lines)) {
    const { text: cut, terms } = notes(segment.replace(/^[–—-]\s*/u, '').replace(/^kiêm\s*/iu, ''));
    const seg = cut.replace(/^kiêm\s*/iu, '');
    if (!seg) continue;
    // a portfolio ("phụ trách Văn hóa – Xã hội") or a bare term ("XII") is not an organisation
    if (/^(phụ trách|chuyên trách|đặc trách|giúp việc|không chuyên trách)(?![\p{L}\p{N}])/iu.test(seg)) continue;
    if (/^[IVXL]+$/u.test(seg)) {
      posts[posts.length - 1]?.terms.push(seg);
      continue;
    }
    const title = TITLES.find((t) => new RegExp(t.re.source, 'iu').test(seg));
    if (title) {
      const rest = seg.replace(new RegExp(title.re.source, 'iu'), '').trim();
      const org = /^(Việt Nam Dân chủ Cộng hòa|nước Việt Nam Dân chủ Cộng hòa)/u.test(rest) ? 'Việt Nam Dân chủ Cộng hòa' : title.org;
      posts.push({ role: title.role, roleEn: title.roleEn, single: title.single, organization: [org], terms, text });
      continue;
    }
    const role = startsWithRole(seg);
    if (role) {
      let rest = seg.slice(role.vi.length).trim();
      let roleName = role.vi;
      if (/^thường trực(?![\p{L}\p{N}])/iu.test(rest) && !/Thường trực$/u.test(roleName)) {
        roleName = `${roleName} Thường trực`;
        rest = rest.replace(/^thường trực\s*/iu, '');
      }
      if (role.unit && rest && !rest.toLowerCase().startsWith(role.unit.toLowerCase())) rest = `${role.unit} ${rest}`;
      posts.push({
        role: roleName,
        roleEn: roleName.endsWith('Thường trực') && !role.en.startsWith('Standing') ? `Standing ${role.en}` : role.en,
        single: role.single,
        organization: rest ? [rest] : [],
        terms,
        text,
      });
      continue;
    }
    // not a post: the organisation the previous post's organisation belongs to ("…, Bộ Công an")
    const last = posts[posts.length - 1];
    if (last) last.organization.push(seg);
  }
  // "Bí thư Đảng ủy, Chính ủy Quân khu 7": a post whose organisation is only a generic word (or
  // none) is of the body the next (else the previous) post names.
  const GENERIC_HEAD =
    /^(Đảng ủy|Ban cán sự Đảng|Đảng đoàn|Ban Thường vụ|Ban Thường vụ Tỉnh ủy|Thường trực|Tỉnh ủy|Thành ủy|Ủy ban nhân dân(?: tỉnh| thành phố)?|Hội đồng nhân dân(?: tỉnh| thành phố)?|)$/iu;
  for (let i = 0; i < posts.length; i++) {
    const post = posts[i]!;
    const head = post.organization[0] ?? '';
    if (post.organization.length > 1 || !GENERIC_HEAD.test(head)) continue;
    const specific = (p: Post) => p !== post && p.organization.length > 0 && !GENERIC_HEAD.test(p.organization[0]!);
    const other = posts.slice(i + 1).find(specific) ?? posts.slice(0, i).reverse().find(specific);
    if (!other) continue;
    // a province's bodies share its name: "Phó Bí thư Tỉnh ủy, Chủ tịch UBND tỉnh Hà Giang"
    const place = /(?:^|\s)(tỉnh|thành phố|Tỉnh ủy|Thành ủy)\s+(.+)$/u.exec(other.organization[other.organization.length - 1]!);
    if (place && /^(Tỉnh ủy|Thành ủy|Ủy ban nhân dân|Hội đồng nhân dân|Ban Thường vụ Tỉnh ủy)/u.test(head)) {
      const kind = /^(tỉnh|Tỉnh ủy)$/u.test(place[1]!) ? 'tỉnh' : 'thành phố';
      const base = head.replace(/\s+(tỉnh|thành phố)$/u, '');
      post.organization = [/ủy$/u.test(base) ? `${kind === 'tỉnh' ? 'Tỉnh ủy' : 'Thành ủy'} ${place[2]}` : `${base} ${kind} ${place[2]}`];
      continue;
    }
    if (/^(Tỉnh ủy|Thành ủy|Ủy ban nhân dân|Hội đồng nhân dân)/u.test(head)) continue;
    post.organization = head ? [head, ...other.organization] : [...other.organization];
  }
  return { posts: posts.filter((p) => p.organization.length > 0 || p.terms.length > 0), text };
}
