// Adding a fact type touches model.yaml, the SDL and a migration only. The fixture
// test/fixtures/schema-extension/ holds exactly those three for a made-up type, Education; loaded
// as a schema extension, it is validated, ingested, derived in time and served — with no line of
// src/ naming it. The shared database is not migrated with it (its constraint would stay behind):
// the extension's migration is checked as a file, the rest runs for real.
import type { Database } from '../../src/db/database';
import type { RunningServer } from '../support/server';

const EXTENSION = 'test/fixtures/schema-extension';
const before = process.env.SCHEMA_EXTENSIONS;
// Test files run one after another in one process (--runInBand), each with its own module registry:
// the modules below are loaded with the extension; the next file loads its own without it.
process.env.SCHEMA_EXTENSIONS = EXTENSION;
/* eslint-disable @typescript-eslint/no-require-imports */
const { model } = require('../../src/model/model') as typeof import('../../src/model/model');
const { planFromText, ingestPlan } = require('../../src/ingest/ingest') as typeof import('../../src/ingest/ingest');
const { readMigrations, MIGRATIONS_DIRS, migrate } = require('../../src/graph/migrations') as typeof import('../../src/graph/migrations');
const { cleanTestData, testConfig } = require('../support/db') as typeof import('../support/db');
const { createDatabase } = require('../../src/bootstrap') as typeof import('../../src/bootstrap');
const { startTestServer } = require('../support/server') as typeof import('../support/server');
/* eslint-enable @typescript-eslint/no-require-imports */

const TEXT = 'Đồng chí Phan Văn Thử tốt nghiệp Học viện Thử nghiệm năm 1998, nhận bằng Cử nhân Luật.';
const FACTS = `
source:
  id: source/zz-test-extension
  title: Một bài thử
  publishedAt: "2024-05-01"
  language: vi
  textFile: zz-test-extension.txt
persons:
  - id: person/zz-test-ext-phan-van-thu
    name: Phan Văn Thử
    mentions: ["Phan Văn Thử"]
organizations:
  - id: organization/zz-test-hoc-vien-thu-nghiem
    name: Học viện Thử nghiệm
    classification: other
educations:
  - student: person/zz-test-ext-phan-van-thu
    school: organization/zz-test-hoc-vien-thu-nghiem
    degree: Cử nhân Luật
    endDate: "1998"
    evidence:
      - quote: "tốt nghiệp Học viện Thử nghiệm năm 1998, nhận bằng Cử nhân Luật"
`;

let db: Database;
let server: RunningServer;

beforeAll(async () => {
  db = createDatabase(testConfig());
  // The project's own migrations only; the extension's stays a file (see above).
  await migrate(db, readMigrations(MIGRATIONS_DIRS.slice(0, 1)));
  await cleanTestData(db);
  server = await startTestServer(db);
});
afterAll(async () => {
  await cleanTestData(db);
  await server?.close();
  await db?.close();
  if (before === undefined) delete process.env.SCHEMA_EXTENSIONS;
  else process.env.SCHEMA_EXTENSIONS = before;
});

it('reads the new type from the extension: section, reverse lists, edge', () => {
  const education = model.types.Education!;
  expect(education.section).toBe('educations');
  expect(model.types.Person!.incoming.educations).toMatchObject({ from: 'Education', via: 'student', rel: 'STUDENT' });
  expect(model.types.Organization!.incoming.alumni).toMatchObject({ from: 'Education', via: 'school', rel: 'SCHOOL' });
  expect(education.edge?.label).toEqual({ vi: 'học tại', en: 'studied at' });
});

it('has its migration, after the project’s own', () => {
  const migrations = readMigrations();
  const last = migrations[migrations.length - 1]!;
  expect(last.name).toBe('0100-education');
  expect(last.statements).toEqual(['CREATE CONSTRAINT education_id IF NOT EXISTS FOR (n:Education) REQUIRE n.id IS UNIQUE']);
});

it('rejects a bad entry of the new section with the entry and field named', () => {
  const bad = FACTS.replace('school: organization/zz-test-hoc-vien-thu-nghiem', 'school: person/zz-test-ext-phan-van-thu');
  expect(() => planFromText(bad, 'ext.yaml', () => TEXT)).toThrow(/ext\.yaml: educations\[0\]: school: expected a organization\/… id/);
});

it('ingests, derives its time and serves it through the API', async () => {
  const { digest, plan } = planFromText(FACTS, 'ext.yaml', () => TEXT);
  const summary = await ingestPlan(db, plan, digest, { actor: 'test', timeoutMs: db.maintenanceTimeoutMs });
  expect(summary).toMatchObject({ changed: true, facts: 1 });
  const res = await server.gql(`{
    person(id: "person/zz-test-ext-phan-van-thu") {
      educations { id degree school { name alumni { student { id } } } statedFrom statedTo basis(at: "1998") later: basis(at: "2000") sources { quote } }
    }
  }`);
  expect(res.body.errors).toBeUndefined();
  expect(res.body.data.person.educations).toEqual([
    {
      id: 'education/zz-test-ext-phan-van-thu/zz-test-hoc-vien-thu-nghiem',
      degree: 'Cử nhân Luật',
      school: { name: 'Học viện Thử nghiệm', alumni: [{ student: { id: 'person/zz-test-ext-phan-van-thu' } }] },
      statedFrom: '1998-01-01',
      statedTo: '1998-12-31',
      basis: 'STATED',
      later: null,
      sources: [{ quote: 'tốt nghiệp Học viện Thử nghiệm năm 1998, nhận bằng Cử nhân Luật' }],
    },
  ]);
  // ingesting the same content again writes nothing
  expect((await ingestPlan(db, plan, digest, { actor: 'test' })).changed).toBe(false);
});
