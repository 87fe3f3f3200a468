// Reading vi.wikipedia infoboxes (pure): dates with their precision, chained posts, one organisation
// per body, and a record read whole — on values copied from the political-net file.
import { InfoboxImporter } from '../../src/import/wikipedia/infobox';
import { parseOffice } from '../../src/import/wikipedia/offices';
import { OrganizationCatalogue } from '../../src/import/wikipedia/organizations';
import { parseLifeDate, parseWikiDate, plain } from '../../src/import/wikipedia/wikitext';

describe('dates as editors write them', () => {
  it.each([
    ['[[21 tháng 10]] năm [[2022]]', '2022-10-21'],
    ['23 tháng 1 năm 2025', '2025-01-23'],
    ['[[25 tháng 7]] năm [[2022]]<br/>{{số năm theo năm và ngày|2020|10|2|2022|7|25}}', '2022-07-25'],
    ['tháng 6 năm 2010', '2010-06'],
    ['6/2010', '2010-06'],
    ['21/10/2022', '2022-10-21'],
    ['năm 2012', '2012'],
    ['2012', '2012'],
  ])('%s → %s', (raw, date) => expect(parseWikiDate(raw)).toEqual({ date, current: false }));

  it('reads "nay" and "đương nhiệm" as current, with no date', () => {
    expect(parseWikiDate('nay<br/>{{số năm theo năm và ngày|2022|10|21}}')).toEqual({ date: null, current: true });
    expect(parseWikiDate("''đương nhiệm''")).toEqual({ date: null, current: true });
  });

  it('keeps what it cannot read unknown, never a guess (no 31 February, no day 45)', () => {
    expect(parseWikiDate('31 tháng 2 năm 2020').date).toBeNull();
    expect(parseWikiDate('khoảng cuối thập niên')).toEqual({ date: null, current: false });
    expect(parseWikiDate(undefined)).toEqual({ date: null, current: false });
  });

  it('reads birth and death templates', () => {
    expect(parseLifeDate('{{ngày sinh và tuổi|1957|7|10}}')).toBe('1957-07-10');
    expect(parseLifeDate('{{năm sinh và tuổi|1964}}')).toBe('1964');
  });
});

describe('markup to text', () => {
  it('drops images and templates, keeps what links show', () => {
    expect(plain('[[Tập tin:Coat of arms of Vietnam.svg|22px]]<br>[[Tổng Kiểm toán Nhà nước (Việt Nam)|Tổng Kiểm toán Nhà nước]]')).toBe(
      'Tổng Kiểm toán Nhà nước',
    );
    expect(plain('{{QH|Thượng tướng công an}}')).toBe('Thượng tướng công an');
  });
});

describe('an office slot → its posts', () => {
  const posts = (raw: string) => parseOffice(raw).posts.map((p) => [p.role, p.organization]);

  it('splits the role from the organisation', () => {
    expect(posts('[[Tập tin:x.svg|22px]] <br/>Bí thư [[Tỉnh ủy Hòa Bình]]')).toEqual([['Bí thư', ['Tỉnh ủy Hòa Bình']]]);
    expect(posts('[[Thứ trưởng Bộ Công an Việt Nam|Thứ trưởng Bộ Công an]]')).toEqual([['Thứ trưởng', ['Bộ Công an']]]);
  });

  it('reads a chain of posts in one slot, the province named once', () => {
    expect(posts('Phó Bí thư Tỉnh ủy, Chủ tịch UBND tỉnh Hà Giang')).toEqual([
      ['Phó Bí thư', ['Tỉnh ủy Hà Giang']],
      ['Chủ tịch', ['UBND tỉnh Hà Giang']],
    ]);
    expect(posts('[[Quân khu 7, Quân đội nhân dân Việt Nam|Bí thư Đảng ủy, Chính ủy Quân khu 7]]')).toEqual([
      ['Bí thư', ['Đảng ủy', 'Quân khu 7']],
      ['Chính ủy', ['Quân khu 7']],
    ]);
  });

  it('keeps the parents an organisation is qualified by, and commas inside a ministry’s name', () => {
    expect(posts('Cục trưởng Cục Thông tin liên lạc, Tổng cục Hậu cần - Kỹ thuật, Bộ Công an Việt Nam')).toEqual([
      ['Cục trưởng', ['Cục Thông tin liên lạc', 'Tổng cục Hậu cần - Kỹ thuật', 'Bộ Công an Việt Nam']],
    ]);
    expect(posts('Thứ trưởng Bộ Văn hóa, Thể thao và Du lịch')).toEqual([['Thứ trưởng', ['Bộ Văn hóa, Thể thao và Du lịch']]]);
  });

  it('knows the titles that carry their body, and the Central Committee terms', () => {
    expect(posts('[[Chánh Văn phòng Trung ương Đảng]]')).toEqual([['Chánh Văn phòng', ['Văn phòng Trung ương Đảng']]]);
    expect(posts('[[Thủ tướng Chính phủ Việt Nam|Thủ tướng Chính phủ]]')).toEqual([['Thủ tướng', ['Chính phủ']]]);
    const cc = parseOffice(
      'Ủy viên [[Ban Chấp hành Trung ương Đảng Cộng sản Việt Nam khóa XI|Trung ương Đảng khóa XI]], [[Ban Chấp hành Trung ương Đảng Cộng sản Việt Nam khóa XII|XII]]',
    ).posts;
    expect(cc.map((p) => [p.role, p.organization, p.terms])).toEqual([['Ủy viên', ['Trung ương Đảng'], ['XI', 'XII']]]);
  });
});

describe('one organisation per body', () => {
  it('folds spelling variants and a trailing "Việt Nam" into the known body', () => {
    const c = new OrganizationCatalogue();
    expect(c.resolve('Toà án nhân dân tối cao Việt Nam')?.id).toBe('organization/toa-an-nhan-dan-toi-cao');
    expect(c.resolve('Bộ Công an (Việt Nam)')?.id).toBe('organization/bo-cong-an');
    expect(c.resolve('Kiểm toán Nhà nước')?.id).toBe('organization/kiem-toan-nha-nuoc');
  });

  it('puts a province’s bodies under the province, and never makes one of a generic name', () => {
    const c = new OrganizationCatalogue();
    const ubnd = c.resolve('UBND tỉnh Hà Giang')!;
    expect(ubnd).toMatchObject({ id: 'organization/tinh-ha-giang/uy-ban-nhan-dan', name: 'Ủy ban nhân dân tỉnh Hà Giang', classification: 'people_committee' });
    expect(ubnd.parent).toEqual({ id: 'organization/tinh-ha-giang', relation: 'part_of' });
    expect(c.resolve('Tỉnh ủy Hà Giang')?.parent).toEqual({ id: 'organization/tinh-ha-giang', relation: 'party_body_of' });
    expect(c.resolve('Ủy ban nhân dân')).toBeNull();
    expect(c.resolve('Tỉnh ủy')).toBeNull();
  });

  it('makes a unit of the body its name ends with, under the graph’s id for it', () => {
    const c = new OrganizationCatalogue(new Map([['ban can su dang bo tu phap', 'organization/bo-tu-phap/ban-can-su-dang']]));
    expect(c.resolve('Ban cán sự Đảng Bộ Tư pháp')?.id).toBe('organization/bo-tu-phap/ban-can-su-dang');
    const office = c.resolve('Văn phòng Bộ Công an')!;
    expect(office).toMatchObject({ id: 'organization/bo-cong-an/van-phong', parent: { id: 'organization/bo-cong-an', relation: 'part_of' } });
  });
});

describe('a record read whole', () => {
  const record = {
    title: 'Nguyễn Văn Mẫu (chính khách)',
    id: '123',
    template: 'Thông tin viên chức',
    infobox: {
      birth_date: '{{ngày sinh và tuổi|1965|3|4}}',
      office: '[[Tập tin:x.svg|22px]]<br/>Bí thư [[Tỉnh ủy Hòa Bình]]',
      term_start: '[[2 tháng 10]] năm [[2020]]',
      term_end: 'nay',
      predecessor: '[[Bùi Văn Mẫu]]',
      office2: 'Ủy viên [[Ban Chấp hành Trung ương Đảng Cộng sản Việt Nam khóa XI|Trung ương Đảng khóa XI]], XII',
      term_start2: '2011',
      office3: 'Phó Chủ tịch [[Ủy ban nhân dân]]',
      term_start3: 'mùa xuân',
      military_rank: '{{QH|Thiếu tướng}}',
    },
  };
  const other = { title: 'Bùi Văn Mẫu', id: '456', template: 'x', infobox: {} };
  const { facts, report } = new InfoboxImporter([record, other], new OrganizationCatalogue()).read(record);
  const f = facts as any;

  it('names the person without the disambiguator, keyed by the page id, from a record source with a URL', () => {
    expect(f.persons[0]).toMatchObject({
      id: 'person/nguyen-van-mau-chinh-khach',
      name: 'Nguyễn Văn Mẫu',
      birthDate: '1965-03-04',
      identifiers: ['viwiki:123'],
    });
    expect(f.source).toMatchObject({
      id: 'source/viwiki-123',
      kind: 'record',
      url: 'https://vi.wikipedia.org/?curid=123',
      licence: 'CC BY-SA 4.0',
      recordId: '123',
    });
  });

  it('dates the post as the page states it, cites the raw values, links the predecessor page', () => {
    const secretary = f.occupancies.find((o: any) => o.position === 'position/tinh-uy-hoa-binh/bi-thu');
    expect(secretary).toMatchObject({ startDate: '2020-10-02', endDate: null, status: 'current', predecessor: 'person/bui-van-mau', inferred: false });
    expect(secretary.evidence).toEqual([
      { field: 'office', value: record.infobox.office },
      { field: 'term_start', value: record.infobox.term_start },
      { field: 'term_end', value: 'nay' },
    ]);
  });

  it('dates each Central Committee term by its congress, marked inferred', () => {
    const terms = f.occupancies.filter((o: any) => o.position === 'position/ban-chap-hanh-trung-uong-dang/uy-vien');
    expect(terms.map((o: any) => [o.startDate, o.endDate, o.inferred, o.confidence])).toEqual([
      ['2011-01', '2016-01', true, 'medium'],
      ['2016-01', '2021-01', true, 'medium'],
    ]);
  });

  it('reports a post of no identifiable body and an unreadable date, and keeps the rank undated', () => {
    expect(report.unresolved).toEqual([{ field: 'office3', value: 'Phó Chủ tịch [[Ủy ban nhân dân]]' }]);
    expect(report.undated).toEqual([{ field: 'term_start3', value: 'mùa xuân' }]);
    expect(f.rankHoldings).toEqual([expect.objectContaining({ rank: 'rank/thieu-tuong', force: 'army', since: null })]);
  });
});

describe('people whose titles fold alike', () => {
  it('are never given one id (Nguyễn Văn Thao and Nguyễn Văn Thảo are two people)', () => {
    const a = { title: 'Nguyễn Văn Thao', id: '3696803', template: 'x', infobox: { office: 'Bí thư [[Tỉnh ủy Hòa Bình]]' } };
    const b = { title: 'Nguyễn Văn Thảo', id: '19815652', template: 'x', infobox: { office: 'Bí thư [[Tỉnh ủy Hà Giang]]' } };
    const c = { title: 'Nguyễn Văn Một', id: '7', template: 'x', infobox: {} };
    const importer = new InfoboxImporter([a, b, c], new OrganizationCatalogue());
    expect([a, b, c].map((r) => importer.personIdOf(r))).toEqual([
      'person/nguyen-van-thao-3696803',
      'person/nguyen-van-thao-19815652',
      'person/nguyen-van-mot',
    ]);
    expect((importer.read(b).facts as any).persons[0].id).toBe('person/nguyen-van-thao-19815652');
  });
});
