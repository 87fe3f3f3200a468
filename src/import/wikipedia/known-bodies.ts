// The central state and Party bodies infoboxes name most (pure data): their names, English names,
// abbreviations, kinds and parents — with the seed's ids, so that both sources name one organisation.
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
export interface Known {
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
