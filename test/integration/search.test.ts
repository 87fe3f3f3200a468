// Search against the real full-text index: table-driven, over the seed article and the invented
// namesakes world (test/fixtures). Diacritics, tone placement, NFD input, abbreviations, typos,
// prefixes, post titles, namesakes and syllables English stop-word lists would drop.
import path from 'node:path';
import type { Database } from '../../src/db/database';
import { ingestFile } from '../../src/ingest/ingest';
import { search } from '../../src/graph/search';
import { cleanTestData, openTestDb } from '../support/db';

const FIXTURE = path.resolve(__dirname, '../fixtures/facts/zz-test-namesakes.yaml');
let db: Database;

beforeAll(async () => {
  db = await openTestDb();
  await cleanTestData(db);
  await ingestFile(db, FIXTURE, { actor: 'test' });
  await db.schema('CALL db.awaitIndexes(60)');
});
afterAll(async () => {
  await cleanTestData(db);
  await db.close();
});

const TINH = 'person/nguyen-thanh-tinh';
const TANDTC = 'organization/toa-an-nhan-dan-toi-cao';
const KTNN = 'organization/kiem-toan-nha-nuoc';
const BCA = 'organization/bo-cong-an';
const AN_BTC = 'person/zz-test-nguyen-van-an';
const AN_BK = 'person/zz-test-nguyen-van-an-bac-kan';

type Case = [query: string, expect: { first?: string; includes?: string[]; excludes?: string[]; none?: true; types?: string[] }];

const cases: Case[] = [
  // diacritics and case
  ['nguyen thanh tinh', { first: TINH }],
  ['Nguyễn Thanh Tịnh', { first: TINH }],
  ['NGUYEN THANH TINH', { first: TINH }],
  ['Nguyễn Thanh Tịnh'.normalize('NFD'), { first: TINH }],
  ['nguyễn thanh tinh', { first: TINH }],
  ['Tịnh', { includes: [TINH] }],
  ['dang cong huan', { first: 'person/dang-cong-huan' }],
  ['Đặng Công Huẩn', { first: 'person/dang-cong-huan' }],
  ['ĐẶNG', { includes: ['person/dang-cong-huan'] }],
  // old and new tone placement
  ['Toà án nhân dân tối cao', { first: TANDTC }],
  ['Tòa án nhân dân tối cao', { first: TANDTC }],
  ['Toà án nhân dân tối cao'.normalize('NFD'), { first: TANDTC }],
  ['Trần Thị Thuỷ', { first: 'person/zz-test-tran-thi-thuy' }],
  ['Trần Thị Thủy', { first: 'person/zz-test-tran-thi-thuy' }],
  ['tran thi thuy', { first: 'person/zz-test-tran-thi-thuy' }],
  ['Đảng uỷ Viện Kiểm sát', { includes: ['organization/vien-kiem-sat-nhan-dan-toi-cao/dang-uy'] }],
  // abbreviations
  ['TANDTC', { first: TANDTC }],
  ['tandtc', { first: TANDTC }],
  ['VKSNDTC', { first: 'organization/vien-kiem-sat-nhan-dan-toi-cao' }],
  ['BCA', { first: BCA }],
  ['KTNN', { first: KTNN }],
  ['BQP', { first: 'organization/bo-quoc-phong' }],
  // English names
  ["Supreme People's Court", { first: TANDTC }],
  ['state audit office', { first: KTNN }],
  ['ministry of justice', { first: 'organization/bo-tu-phap' }],
  // typos and prefixes
  ['Kiếm toán nhà nước', { first: KTNN }],
  ['kiem toam nha nuoc', { includes: [KTNN] }],
  ['nguyen thanh tihn', { includes: [TINH] }],
  ['Nguyễn Th', { includes: [TINH, 'person/nguyen-tuan-anh'].slice(0, 1) }],
  ['nguy', { includes: [TINH, 'person/nguyen-duy-ngoc'] }],
  ['bo cong', { first: BCA }],
  ['kiem to', { includes: [KTNN] }],
  // post titles find the people who hold them
  ['thu truong bo tu phap', { first: TINH }],
  ['Thứ trưởng Bộ Công an', { first: 'person/nguyen-duy-ngoc' }],
  ['deputy minister of justice', { first: TINH }],
  ['pho chanh an', { includes: ['person/pham-quoc-hung', AN_BK] }],
  ['tong kiem toan', { includes: ['person/ngo-van-tuan', 'person/nguyen-tuan-anh'] }],
  // namesakes stay apart, each described by its post
  ['Nguyễn Văn An', { includes: [AN_BTC, AN_BK] }],
  ['nguyen van an thu truong', { first: AN_BTC, excludes: [AN_BK] }],
  ['nguyen van an bac kan', { first: AN_BK, excludes: [AN_BTC] }],
  // syllables that English stop-word lists would drop
  ['An', { includes: [AN_BTC, AN_BK] }],
  ['Lê Thế Tô', { first: 'person/zz-test-le-the-to' }],
  ['the to', { first: 'person/zz-test-le-the-to' }],
  ['Bế Văn Ôn', { first: 'person/zz-test-be-van-on' }],
  ['be van on', { first: 'person/zz-test-be-van-on' }],
  ['Đỗ Quang Thế', { first: 'person/zz-test-do-quang-the' }],
  // events
  ['hoi nghi tong ket thi dua', { first: 'event/2024-04-10-hoi-nghi-tong-ket-thi-dua-khoi-noi-chinh' }],
  // type filter
  ['tu phap', { types: ['Organization'], includes: ['organization/bo-tu-phap'], excludes: [TINH] }],
  ['tu phap', { types: ['Person'], includes: [TINH], excludes: ['organization/bo-tu-phap'] }],
  // nothing, and nothing that reaches Lucene's syntax
  ['xyzzyqwv', { none: true }],
  ['"', { none: true }],
  ['*:* OR a~', { excludes: [] }],
  ['title:x AND (y', { excludes: [] }],
];

it('has at least 40 cases', () => expect(cases.length).toBeGreaterThanOrEqual(40));

it.each(cases)('%j', async (query, expected) => {
  const hits = await search(db, query, 20, expected.types);
  const ids = hits.map((h) => h.node.id);
  if (expected.none) expect(ids).toEqual([]);
  if (expected.first) expect(ids[0]).toBe(expected.first);
  for (const id of expected.includes ?? []) expect(ids).toContain(id);
  for (const id of expected.excludes ?? []) expect(ids).not.toContain(id);
  if (expected.types) for (const h of hits) expect(expected.types).toContain(h.node.__typename);
});

it('ranks an exact full-name match first and marks it', async () => {
  const [first] = await search(db, 'Bộ Công an', 5);
  expect(first?.node.id).toBe(BCA);
  expect(first?.exact).toBe(true);
});
