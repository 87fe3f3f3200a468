// The extractor's evaluation: the hand-checked expected facts of test/fixtures/extract/*.yaml
// against what it extracts from the same articles (../shared/data/news/vietnews-dev, the seed),
// precision and recall per kind of fact, over the tuned and the held-out articles apart.
import fs from 'node:fs';
import path from 'node:path';
import { parse } from 'yaml';
import { z } from 'zod';
import { AppError, ErrorCode } from '../errors';
import { PROJECT_ROOT } from '../paths';
import { findFacts, Findings } from './extract';
import { awardKey, nameKey, postKey } from './keys';
import { postLabel } from './titles';

const list = z.array(z.string()).default([]);
const expectedSchema = z
  .object({
    article: z.string(),
    heldOut: z.boolean(),
    author: z.string().nullable(),
    authors: list,
    persons: z.array(z.object({ name: z.string(), posts: list, ranks: list, appointments: list, promotions: list, roles: list }).strict()),
    optional: list,
    traps: list,
    awards: z.array(z.object({ award: z.string(), recipient: z.string(), status: z.enum(['proposed', 'conferred']) }).strict()).default([]),
    events: z.array(z.object({ classification: z.string(), date: z.string().optional() }).strict()).default([]),
  })
  .strict();
export type Expected = z.infer<typeof expectedSchema>;

export const KINDS = ['persons', 'posts', 'ranks', 'appointments', 'promotions', 'awards', 'participations', 'events', 'authors'] as const;
export type Kind = (typeof KINDS)[number];

export interface Score {
  tp: number;
  fp: number;
  fn: number;
}
export type Scores = Record<Kind, Score> & { awardStatus: { right: number; total: number } };

export const FIXTURES_DIR = path.join(PROJECT_ROOT, 'test', 'fixtures', 'extract');
export const SHARED_DATA = process.env.DATA_DIR ?? path.resolve(PROJECT_ROOT, '..', 'shared', 'data');

export function loadExpected(dir = FIXTURES_DIR): Expected[] {
  return fs
    .readdirSync(dir)
    .filter((f) => f.endsWith('.yaml'))
    .sort()
    .map((f) => {
      const parsed = expectedSchema.safeParse(parse(fs.readFileSync(path.join(dir, f), 'utf8')));
      if (!parsed.success)
        throw new AppError(ErrorCode.BAD_USER_INPUT, `${path.join(dir, f)}: ${parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')}`);
      return parsed.data;
    });
}

/** The article's text and its publication date (the seed's is known; the corpus gives none). */
export function articleOf(id: string): { text: string; published: string | null; file: string } {
  const file =
    id === 'seed'
      ? path.join(PROJECT_ROOT, 'seeds', 'sources', '2024-04-10-khoi-thi-dua-noi-chinh.txt')
      : path.join(SHARED_DATA, 'news', 'vietnews-dev', `${id}.txt`);
  if (!fs.existsSync(file))
    throw new AppError(ErrorCode.NOT_FOUND, `article ${id}: ${file} not found (set DATA_DIR to the folder holding news/vietnews-dev)`);
  return { text: fs.readFileSync(file, 'utf8'), published: id === 'seed' ? '2024-04-10' : null, file };
}

/** Award (and recipient) → the statuses stated for it. */
function pairs(awards: Array<{ pair: string; status: string }>): Map<string, Set<string>> {
  const map = new Map<string, Set<string>>();
  for (const a of awards) map.set(a.pair, new Set([...(map.get(a.pair) ?? []), a.status]));
  return map;
}

const COMPATIBLE: Record<string, string> = { conference: 'meeting', ceremony: 'meeting', meeting: 'meeting', congress: 'congress', election: 'meeting' };

/** What was extracted, as comparable keys per kind. */
export function extractedKeys(f: Findings): Record<Exclude<Kind, 'events'>, Set<string>> & { events: string[]; awardPairs: Map<string, Set<string>> } {
  const k = (person: string, value: string) => `${nameKey(person)}|${value}`;
  const awards = f.awards.map((a) => ({
    pair: `${awardKey(a.award.name)}|${'person' in a.recipient ? nameKey(a.recipient.person) : postKey(a.recipient.org.name)}`,
    status: a.status,
  }));
  return {
    persons: new Set(f.persons.map((p) => nameKey(p.name))),
    posts: new Set(f.posts.filter((p) => p.post.org).map((p) => k(p.person, postKey(postLabel(p.post))))),
    ranks: new Set(f.ranks.map((r) => k(r.person, nameKey(r.rank.name)))),
    appointments: new Set(f.posts.filter((p) => p.appointed && p.post.org).map((p) => k(p.person, postKey(postLabel(p.post))))),
    promotions: new Set(f.ranks.filter((r) => r.promotion).map((r) => k(r.person, nameKey(r.rank.name)))),
    awards: new Set(awards.map((a) => `${a.pair}|${a.status}`)),
    awardPairs: pairs(awards),
    participations: new Set(f.participations.map((p) => k(p.person, p.role))),
    events: f.event ? [`${COMPATIBLE[f.event.classification] ?? 'other'}|${f.event.date ?? ''}`] : [],
    authors: new Set(
      (f.byline.author ?? '')
        .split(/\s+[-–]\s+|,\s*/)
        .filter(Boolean)
        .map(nameKey),
    ),
  };
}

function expectedKeys(e: Expected): Record<Exclude<Kind, 'events'>, Set<string>> & { events: string[]; awardPairs: Map<string, Set<string>> } {
  const each = (pick: (p: Expected['persons'][number]) => string[], key: (v: string) => string) =>
    new Set(e.persons.flatMap((p) => pick(p).map((v) => `${nameKey(p.name)}|${key(v)}`)));
  const awards = e.awards.map((a) => ({
    pair: `${awardKey(a.award)}|${e.persons.some((p) => nameKey(p.name) === nameKey(a.recipient)) ? nameKey(a.recipient) : postKey(a.recipient)}`,
    status: a.status,
  }));
  return {
    persons: new Set(e.persons.map((p) => nameKey(p.name))),
    posts: each((p) => p.posts, postKey),
    ranks: each((p) => p.ranks, nameKey),
    appointments: each((p) => p.appointments, postKey),
    promotions: each((p) => p.promotions, nameKey),
    awards: new Set(awards.map((a) => `${a.pair}|${a.status}`)),
    awardPairs: pairs(awards),
    participations: each(
      (p) => p.roles,
      (r) => r,
    ),
    events: e.events.map((ev) => `${COMPATIBLE[ev.classification] ?? 'other'}|${ev.date ?? ''}`),
    authors: new Set((e.authors.length ? e.authors : e.author ? [e.author] : []).map(nameKey)),
  };
}

export function emptyScores(): Scores {
  const s = Object.fromEntries(KINDS.map((k) => [k, { tp: 0, fp: 0, fn: 0 }])) as Record<Kind, Score>;
  return { ...s, awardStatus: { right: 0, total: 0 } };
}

/** Scores one article; facts about `optional` people count neither way. Mistakes are listed for the report. */
export function scoreArticle(e: Expected, f: Findings, into: Scores = emptyScores()): { scores: Scores; mistakes: string[] } {
  const got = extractedKeys(f);
  const want = expectedKeys(e);
  const optional = new Set(e.optional.map(nameKey));
  const mistakes: string[] = [];
  for (const kind of KINDS) {
    const g = kind === 'events' ? got.events : [...got[kind]];
    const w = kind === 'events' ? [...want.events] : [...want[kind]];
    const left = [...w];
    for (const item of g) {
      if (optional.has(item.split('|')[0]!)) continue;
      const at = left.indexOf(item);
      if (at >= 0) {
        into[kind].tp++;
        left.splice(at, 1);
      } else if (kind === 'events' && left.some((x) => x.split('|')[0] === item.split('|')[0] && !x.split('|')[1])) {
        into[kind].tp++;
        left.splice(
          left.findIndex((x) => x.split('|')[0] === item.split('|')[0]),
          1,
        );
      } else {
        into[kind].fp++;
        mistakes.push(`${e.article}: extra ${kind}: ${item}`);
      }
    }
    for (const item of left) {
      into[kind].fn++;
      mistakes.push(`${e.article}: missed ${kind}: ${item}`);
    }
  }
  for (const [pair, statuses] of got.awardPairs) {
    const expected = want.awardPairs.get(pair);
    if (expected === undefined) continue;
    for (const status of statuses) {
      into.awardStatus.total++;
      if (expected.has(status)) into.awardStatus.right++;
      else mistakes.push(`${e.article}: wrong award status: ${pair} is ${[...expected].join('/')}, extracted ${status}`);
    }
  }
  return { scores: into, mistakes };
}

export interface Evaluation {
  tuned: Scores;
  heldOut: Scores;
  articles: { tuned: number; heldOut: number };
  mistakes: string[];
}

export function evaluate(expected = loadExpected()): Evaluation {
  const result: Evaluation = { tuned: emptyScores(), heldOut: emptyScores(), articles: { tuned: 0, heldOut: 0 }, mistakes: [] };
  for (const e of expected) {
    const { text, published } = articleOf(e.article);
    const findings = findFacts(text, { published });
    const { mistakes } = scoreArticle(e, findings, e.heldOut ? result.heldOut : result.tuned);
    result.articles[e.heldOut ? 'heldOut' : 'tuned']++;
    result.mistakes.push(...mistakes.map((m) => (e.heldOut ? `[held out] ${m}` : m)));
  }
  return result;
}

export const precision = (s: Score) => (s.tp + s.fp ? s.tp / (s.tp + s.fp) : 1);
export const recall = (s: Score) => (s.tp + s.fn ? s.tp / (s.tp + s.fn) : 1);

const pct = (x: number) => `${(100 * x).toFixed(1).padStart(5)}%`;

/** The table `npm run eval:extract` prints. */
export function formatEvaluation(ev: Evaluation): string {
  const rows = [
    `${'kind'.padEnd(16)} | tuned (${ev.articles.tuned} articles)       | held out (${ev.articles.heldOut} articles)`,
    `${''.padEnd(16)} | precision recall  tp/fp/fn | precision recall  tp/fp/fn`,
  ];
  for (const kind of KINDS) {
    const cell = (s: Score) => `${pct(precision(s))}  ${pct(recall(s))} ${`${s.tp}/${s.fp}/${s.fn}`.padStart(9)}`;
    rows.push(`${kind.padEnd(16)} | ${cell(ev.tuned[kind])} | ${cell(ev.heldOut[kind])}`);
  }
  const status = (s: Scores['awardStatus']) => `${s.right}/${s.total} right`;
  rows.push(`${'award status'.padEnd(16)} | ${status(ev.tuned.awardStatus).padEnd(26)} | ${status(ev.heldOut.awardStatus)}`);
  return rows.join('\n');
}
