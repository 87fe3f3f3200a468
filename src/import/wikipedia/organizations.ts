// One organisation per real body, whatever the spelling (pure): the names infoboxes use for the
// state's and the Party's central bodies, the spelling variants folded away, abbreviations expanded,
// the parent a name states ("Văn phòng Bộ Công an" is the Office of the Ministry of Public Security;
// "Cục X, Bộ Công an" a department of it; "Ủy ban nhân dân tỉnh Hòa Bình" the province's executive).
// A name that says nothing specific ("Ủy ban nhân dân" alone) is not an organisation: the caller
// leaves the post out and reports it.
import { normalizeName } from '../../text/normalize';
import { fold, slug } from '../../text/fold';

export type Classification =
  | 'government'
  | 'ministry'
  | 'court'
  | 'procuracy'
  | 'inspectorate'
  | 'audit_office'
  | 'army'
  | 'police'
  | 'military_unit'
  | 'command'
  | 'general_department'
  | 'department'
  | 'party_body'
  | 'party_committee'
  | 'committee'
  | 'office'
  | 'media'
  | 'legislature'
  | 'people_committee'
  | 'people_council'
  | 'province'
  | 'state_enterprise'
  | 'academy'
  | 'mass_organization'
  | 'other';

/** A known body: the seed's id where the seed has it, so both sources name one organisation. */
interface Known {
  id: string;
  name: string;
  nameEn: string;
  abbreviations?: string[];
  aliases?: string[];
  classification: Classification;
  parent?: string;
  relation?: 'part_of' | 'party_body_of';
  party?: boolean;
}

const K = (id: string, name: string, nameEn: string, classification: Classification, more: Partial<Known> = {}): Known => ({
  id: `organization/${id}`,
  name,
  nameEn,
  classification,
  ...more,
  parent: more.parent ? `organization/${more.parent}` : undefined,
});

/** The central bodies infoboxes name most, with their English names and abbreviations. */
export const KNOWN: Known[] = [
  K('dang-cong-san-viet-nam', 'Đảng Cộng sản Việt Nam', 'Communist Party of Vietnam', 'party_body', { abbreviations: ['ĐCSVN', 'CPV'], party: true }),
  K('ban-chap-hanh-trung-uong-dang', 'Ban Chấp hành Trung ương Đảng', 'Central Committee of the Communist Party of Vietnam', 'party_committee', {
    abbreviations: ['BCH TW'],
    aliases: ['Ban Chấp hành Trung ương Đảng Cộng sản Việt Nam', 'Trung ương Đảng', 'Ban Chấp hành Trung ương', 'Trung ương Đảng Cộng sản Việt Nam'],
    party: true,
  }),
  K('bo-chinh-tri', 'Bộ Chính trị', 'Politburo of the Communist Party of Vietnam', 'party_committee', {
    aliases: [
      'Bộ Chính trị Ban Chấp hành Trung ương Đảng Cộng sản Việt Nam',
      'Bộ Chính trị Đảng Cộng sản Việt Nam',
      'Bộ Chính trị Ban Chấp hành Trung ương Đảng',
    ],
    parent: 'ban-chap-hanh-trung-uong-dang',
    party: true,
  }),
  K('ban-bi-thu-trung-uong-dang', 'Ban Bí thư Trung ương Đảng', 'Secretariat of the Communist Party of Vietnam', 'party_committee', {
    aliases: [
      'Ban Bí thư',
      'Ban Bí thư Ban Chấp hành Trung ương Đảng Cộng sản Việt Nam',
      'Ban Bí thư Trung ương Đảng Cộng sản Việt Nam',
      'Ban Bí thư Trung ương',
    ],
    parent: 'ban-chap-hanh-trung-uong-dang',
    party: true,
  }),
  K('uy-ban-kiem-tra-trung-uong', 'Ủy ban Kiểm tra Trung ương', 'Central Inspection Commission of the Communist Party of Vietnam', 'party_body', {
    aliases: ['Ủy ban Kiểm tra Trung ương Đảng', 'Ủy ban Kiểm tra Trung ương Đảng Cộng sản Việt Nam'],
    abbreviations: ['UBKTTW'],
    parent: 'ban-chap-hanh-trung-uong-dang',
    party: true,
  }),
  K('van-phong-trung-uong-dang', 'Văn phòng Trung ương Đảng', 'Office of the Party Central Committee', 'office', {
    aliases: ['Văn phòng Trung ương Đảng Cộng sản Việt Nam', 'Văn phòng Trung ương'],
    parent: 'ban-chap-hanh-trung-uong-dang',
    party: true,
  }),
  ...(
    [
      ['ban-to-chuc-trung-uong', 'Ban Tổ chức Trung ương', 'Central Organisation Commission'],
      ['ban-tuyen-giao-trung-uong', 'Ban Tuyên giáo Trung ương', 'Central Propaganda and Education Commission'],
      ['ban-tuyen-giao-va-dan-van-trung-uong', 'Ban Tuyên giáo và Dân vận Trung ương', 'Central Propaganda, Education and Mass Mobilisation Commission'],
      ['ban-dan-van-trung-uong', 'Ban Dân vận Trung ương', 'Central Mass Mobilisation Commission'],
      ['ban-noi-chinh-trung-uong', 'Ban Nội chính Trung ương', 'Central Internal Affairs Commission'],
      ['ban-kinh-te-trung-uong', 'Ban Kinh tế Trung ương', 'Central Economic Commission'],
      ['ban-doi-ngoai-trung-uong', 'Ban Đối ngoại Trung ương', 'Central External Relations Commission'],
      ['ban-chinh-sach-chien-luoc-trung-uong', 'Ban Chính sách, chiến lược Trung ương', 'Central Policy and Strategy Commission'],
      ['hoi-dong-ly-luan-trung-uong', 'Hội đồng Lý luận Trung ương', 'Central Theoretical Council'],
      ['quan-uy-trung-uong', 'Quân ủy Trung ương', 'Central Military Commission'],
      ['dang-uy-cong-an-trung-uong', 'Đảng ủy Công an Trung ương', 'Central Public Security Party Committee'],
    ] as const
  ).map(([id, name, en]) =>
    K(id, name, en, 'party_body', {
      aliases: [`${name} Đảng`, `${name} Đảng Cộng sản Việt Nam`, name.replace('Trung ương', 'Trung ương Đảng')],
      parent: 'ban-chap-hanh-trung-uong-dang',
      party: true,
    }),
  ),
  K('cong-hoa-xa-hoi-chu-nghia-viet-nam', 'Cộng hòa xã hội chủ nghĩa Việt Nam', 'Socialist Republic of Vietnam', 'other', {
    aliases: ['Nhà nước Cộng hòa xã hội chủ nghĩa Việt Nam', 'nước Cộng hòa xã hội chủ nghĩa Việt Nam', 'Nhà nước'],
    abbreviations: ['CHXHCNVN'],
  }),
  K('viet-nam-dan-chu-cong-hoa', 'Việt Nam Dân chủ Cộng hòa', 'Democratic Republic of Vietnam', 'other', {
    abbreviations: ['VNDCCH'],
    aliases: ['nước Việt Nam Dân chủ Cộng hòa'],
  }),
  K('chinh-phu', 'Chính phủ', 'Government of Vietnam', 'government', { aliases: ['Chính phủ Việt Nam', 'Chính phủ nước Cộng hòa xã hội chủ nghĩa Việt Nam'] }),
  K('van-phong-chinh-phu', 'Văn phòng Chính phủ', 'Office of the Government', 'office', { parent: 'chinh-phu' }),
  K('quoc-hoi', 'Quốc hội', 'National Assembly of Vietnam', 'legislature', {
    aliases: ['Quốc hội Việt Nam', 'Quốc hội nước Cộng hòa xã hội chủ nghĩa Việt Nam'],
  }),
  K('uy-ban-thuong-vu-quoc-hoi', 'Ủy ban Thường vụ Quốc hội', 'Standing Committee of the National Assembly', 'legislature', {
    parent: 'quoc-hoi',
    abbreviations: ['UBTVQH'],
  }),
  K('van-phong-quoc-hoi', 'Văn phòng Quốc hội', 'Office of the National Assembly', 'office', { parent: 'quoc-hoi' }),
  K('hoi-dong-dan-toc', 'Hội đồng Dân tộc', 'Ethnic Council of the National Assembly', 'legislature', {
    parent: 'quoc-hoi',
    aliases: ['Hội đồng Dân tộc của Quốc hội'],
  }),
  K('van-phong-chu-tich-nuoc', 'Văn phòng Chủ tịch nước', 'Office of the President', 'office', { abbreviations: ['VPCTN'] }),
  K('toa-an-nhan-dan-toi-cao', 'Tòa án nhân dân tối cao', "Supreme People's Court", 'court', { abbreviations: ['TANDTC'] }),
  K('vien-kiem-sat-nhan-dan-toi-cao', 'Viện Kiểm sát nhân dân tối cao', "Supreme People's Procuracy", 'procuracy', { abbreviations: ['VKSNDTC'] }),
  K('kiem-toan-nha-nuoc', 'Kiểm toán nhà nước', 'State Audit Office of Vietnam', 'audit_office', { abbreviations: ['KTNN', 'SAV'] }),
  K('thanh-tra-chinh-phu', 'Thanh tra Chính phủ', 'Government Inspectorate', 'inspectorate', { abbreviations: ['TTCP'], parent: 'chinh-phu' }),
  K('ngan-hang-nha-nuoc-viet-nam', 'Ngân hàng Nhà nước Việt Nam', 'State Bank of Vietnam', 'ministry', {
    aliases: ['Ngân hàng Nhà nước'],
    abbreviations: ['NHNN'],
    parent: 'chinh-phu',
  }),
  K('uy-ban-dan-toc', 'Ủy ban Dân tộc', 'Committee for Ethnic Minority Affairs', 'ministry', { parent: 'chinh-phu' }),
  ...(
    [
      ['bo-cong-an', 'Bộ Công an', 'Ministry of Public Security', ['BCA']],
      ['bo-quoc-phong', 'Bộ Quốc phòng', 'Ministry of National Defence', ['BQP']],
      ['bo-tu-phap', 'Bộ Tư pháp', 'Ministry of Justice', ['BTP']],
      ['bo-noi-vu', 'Bộ Nội vụ', 'Ministry of Home Affairs', ['BNV']],
      ['bo-ngoai-giao', 'Bộ Ngoại giao', 'Ministry of Foreign Affairs', ['BNG']],
      ['bo-tai-chinh', 'Bộ Tài chính', 'Ministry of Finance', ['BTC']],
      ['bo-ke-hoach-va-dau-tu', 'Bộ Kế hoạch và Đầu tư', 'Ministry of Planning and Investment', ['BKHĐT']],
      ['bo-cong-thuong', 'Bộ Công Thương', 'Ministry of Industry and Trade', ['BCT']],
      ['bo-nong-nghiep-va-phat-trien-nong-thon', 'Bộ Nông nghiệp và Phát triển nông thôn', 'Ministry of Agriculture and Rural Development', []],
      ['bo-nong-nghiep-va-moi-truong', 'Bộ Nông nghiệp và Môi trường', 'Ministry of Agriculture and Environment', []],
      ['bo-giao-thong-van-tai', 'Bộ Giao thông vận tải', 'Ministry of Transport', ['BGTVT']],
      ['bo-xay-dung', 'Bộ Xây dựng', 'Ministry of Construction', ['BXD']],
      ['bo-tai-nguyen-va-moi-truong', 'Bộ Tài nguyên và Môi trường', 'Ministry of Natural Resources and Environment', ['BTNMT']],
      ['bo-thong-tin-va-truyen-thong', 'Bộ Thông tin và Truyền thông', 'Ministry of Information and Communications', ['BTTTT']],
      ['bo-lao-dong-thuong-binh-va-xa-hoi', 'Bộ Lao động – Thương binh và Xã hội', 'Ministry of Labour, Invalids and Social Affairs', ['BLĐTBXH']],
      ['bo-van-hoa-the-thao-va-du-lich', 'Bộ Văn hóa, Thể thao và Du lịch', 'Ministry of Culture, Sports and Tourism', ['BVHTTDL']],
      ['bo-khoa-hoc-va-cong-nghe', 'Bộ Khoa học và Công nghệ', 'Ministry of Science and Technology', ['BKHCN']],
      ['bo-giao-duc-va-dao-tao', 'Bộ Giáo dục và Đào tạo', 'Ministry of Education and Training', ['BGDĐT']],
      ['bo-y-te', 'Bộ Y tế', 'Ministry of Health', ['BYT']],
      ['bo-dan-toc-va-ton-giao', 'Bộ Dân tộc và Tôn giáo', 'Ministry of Ethnic and Religious Affairs', []],
    ] as const
  ).map(([id, name, en, abbreviations]) => K(id, name, en, 'ministry', { abbreviations: [...abbreviations], parent: 'chinh-phu' })),
  K('quan-doi-nhan-dan-viet-nam', 'Quân đội nhân dân Việt Nam', "Vietnam People's Army", 'army', {
    abbreviations: ['QĐND', 'QĐNDVN'],
    aliases: ['Quân đội nhân dân'],
  }),
  K('cong-an-nhan-dan-viet-nam', 'Công an nhân dân Việt Nam', "People's Public Security of Vietnam", 'police', {
    abbreviations: ['CAND'],
    aliases: ['Công an nhân dân'],
  }),
  K(
    'tong-cuc-chinh-tri-quan-doi-nhan-dan-viet-nam',
    'Tổng cục Chính trị Quân đội nhân dân Việt Nam',
    "General Department of Politics of the Vietnam People's Army",
    'general_department',
    {
      abbreviations: ['TCCT'],
      aliases: ['Tổng cục Chính trị', 'Tổng cục Chính trị Quân đội nhân dân'],
      parent: 'bo-quoc-phong',
    },
  ),
  K(
    'bo-tong-tham-muu-quan-doi-nhan-dan-viet-nam',
    'Bộ Tổng Tham mưu Quân đội nhân dân Việt Nam',
    "General Staff of the Vietnam People's Army",
    'general_department',
    {
      aliases: ['Bộ Tổng Tham mưu', 'Bộ Tổng tham mưu Quân đội nhân dân Việt Nam'],
      parent: 'bo-quoc-phong',
    },
  ),
  K('mat-tran-to-quoc-viet-nam', 'Mặt trận Tổ quốc Việt Nam', 'Vietnam Fatherland Front', 'mass_organization', {
    abbreviations: ['MTTQVN'],
    aliases: ['Ủy ban Trung ương Mặt trận Tổ quốc Việt Nam', 'Mặt trận Tổ quốc'],
  }),
  K('tong-lien-doan-lao-dong-viet-nam', 'Tổng Liên đoàn Lao động Việt Nam', 'Vietnam General Confederation of Labour', 'mass_organization', {
    abbreviations: ['TLĐLĐVN'],
  }),
  K('doan-thanh-nien-cong-san-ho-chi-minh', 'Đoàn Thanh niên Cộng sản Hồ Chí Minh', 'Ho Chi Minh Communist Youth Union', 'mass_organization', {
    aliases: ['Trung ương Đoàn Thanh niên Cộng sản Hồ Chí Minh', 'Trung ương Đoàn', 'Ban Chấp hành Trung ương Đoàn Thanh niên Cộng sản Hồ Chí Minh'],
  }),
  K('hoi-lien-hiep-phu-nu-viet-nam', 'Hội Liên hiệp Phụ nữ Việt Nam', "Vietnam Women's Union", 'mass_organization', {
    aliases: ['Trung ương Hội Liên hiệp Phụ nữ Việt Nam'],
  }),
  K('hoi-nong-dan-viet-nam', 'Hội Nông dân Việt Nam', "Vietnam Farmers' Union", 'mass_organization', { aliases: ['Trung ương Hội Nông dân Việt Nam'] }),
  K('hoi-cuu-chien-binh-viet-nam', 'Hội Cựu chiến binh Việt Nam', "Vietnam Veterans' Association", 'mass_organization', {
    aliases: ['Trung ương Hội Cựu chiến binh Việt Nam'],
  }),
];

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
