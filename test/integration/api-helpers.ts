// Shared by the api-*.test.ts files: the seed facts file and article as the tests' source of truth,
// well-known ids, and small helpers to read GraphQL responses. Not a test file itself.
import fs from 'node:fs';
import path from 'node:path';
import { parse } from 'yaml';
import type { Database } from '../../src/db/database';
import { TEST_MARK } from '../support/db';
import { RunningServer, startTestServer } from '../support/server';

const ROOT = path.resolve(__dirname, '../..');
export const SEED_FACTS_FILE = path.join(ROOT, 'seeds/facts/2024-04-10-khoi-thi-dua-noi-chinh.yaml');
export const SEED_TEXT_FILE = path.join(ROOT, 'seeds/sources/2024-04-10-khoi-thi-dua-noi-chinh.txt');

/** The seed facts file as parsed YAML (loosely typed: the tests read only a few fields). */
export interface SeedFacts {
  source: { id: string; title: string; author: string; publishedAt: string };
  persons: Array<{ id: string; name: string }>;
  organizations: Array<{ id: string; name: string; classification: string }>;
  positions: Array<{ id: string; role: string; organization: string; labelEn?: string }>;
  events: Array<{ id: string; name: string; startDate: string | null }>;
  awards: Array<{ id: string; name: string }>;
  occupancies: Array<{ holder: string; position: string }>;
  participations: Array<{ event: string; participant: string; role: string }>;
  conferrals: Array<{ award: string; recipient: string; status: string }>;
  memberships: Array<{ member: string; organization: string; role: string }>;
  subordinations: Array<{ child: string; parent: string; relation: string; inferred: boolean }>;
}

export const seed = parse(fs.readFileSync(SEED_FACTS_FILE, 'utf8')) as SeedFacts;
/** The article as the repository holds it (the database stores it NFC-normalised). */
export const articleText = fs.readFileSync(SEED_TEXT_FILE, 'utf8').normalize('NFC');

export const SOURCE_ID = 'source/2024-04-10-khoi-thi-dua-noi-chinh';
export const CONFERENCE_ID = 'event/2024-04-10-hoi-nghi-tong-ket-thi-dua-khoi-noi-chinh';
export const CALL_1948_ID = 'event/1948-06-11-loi-keu-goi-thi-dua-ai-quoc';
export const BLOC_ID = 'organization/khoi-thi-dua-cac-bo-nganh-noi-chinh-trung-uong';
export const TINH_ID = 'person/nguyen-thanh-tinh';

/** The ten officials the article names besides Hồ Chí Minh, by id and name as written. */
export const NAMED_OFFICIALS: ReadonlyArray<[string, string]> = [
  ['person/nguyen-duy-ngoc', 'Nguyễn Duy Ngọc'],
  ['person/nguyen-thanh-tinh', 'Nguyễn Thanh Tịnh'],
  ['person/pham-quoc-hung', 'Phạm Quốc Hưng'],
  ['person/nguyen-hai-tram', 'Nguyễn Hải Trâm'],
  ['person/dang-cong-huan', 'Đặng Công Huẩn'],
  ['person/le-quang-minh', 'Lê Quang Minh'],
  ['person/pham-hai-trung', 'Phạm Hải Trung'],
  ['person/pham-huy-giang', 'Phạm Huy Giang'],
  ['person/ngo-van-tuan', 'Ngô Văn Tuấn'],
  ['person/nguyen-tuan-anh', 'Nguyễn Tuấn Anh'],
];

/**
 * The database is shared: other test files add nodes (ids carrying TEST_MARK), and some leave people
 * behind (namesakes "<seed id>-N" from entity resolution). Assertions about "exactly these" compare
 * against the seed, and drop test-marked ids first.
 */
export const notTest = (id: string) => !id.includes(TEST_MARK);

export const seedPersonIds = new Set(seed.persons.map((p) => p.id));

/**
 * The real server over `db`, with the query-cost limit (MAX_QUERY_COST, src/graphql/limits) lifted:
 * these tests ask deliberately wide questions (every fact of the seed, with its sources) to check
 * data and batching; the limits have tests of their own.
 */
export const API_TEST_ENV = { MAX_QUERY_COST: '100000000' };

export function startApiServer(db: Database): Promise<RunningServer> {
  return startTestServer(db, API_TEST_ENV);
}

export interface GqlResponse {
  status: number;
  body: any;
}

/** The response's data; fails the test (showing the errors) when the response carries errors. */
export function dataOf(res: GqlResponse): any {
  expect(res.body.errors).toBeUndefined();
  expect(res.body.data).toBeTruthy();
  return res.body.data;
}

/** The response's first error; fails the test when there is none. */
export function firstError(res: GqlResponse): { message: string; extensions?: Record<string, unknown> } {
  expect(Array.isArray(res.body.errors)).toBe(true);
  expect(res.body.errors.length).toBeGreaterThan(0);
  return res.body.errors[0];
}

/** Fields shared by every Fact, for selection sets. */
export const FACT_FIELDS = 'id confidence inferred note validFrom validTo sources { quote quotes source { id } }';
