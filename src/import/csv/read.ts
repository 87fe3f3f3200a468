// A CSV file with a column mapping (YAML) → a Popolo document → one facts file. The mapping says,
// for each Popolo object a row gives (person, organization, on_behalf_of, area, legislative_period,
// post, membership), which column fills which Popolo field, or a constant ({value: "term/{term}"},
// with {column} placeholders). Rows that give the same person id are one person with several
// memberships. See mappings/everypolitician-term.yaml (EveryPolitician's per-term CSV) and
// docs/interchange.md.
import { parse as parseCsv } from 'csv-parse/sync';
import { parse as parseYaml } from 'yaml';
import { z } from 'zod';
import { DatasetFacts, InputError, InputProblem } from '../dataset';
import { readPopolo } from '../popolo/read';

type Obj = Record<string, unknown>;

/** A field's value: a column's name, or a constant with {column} placeholders. */
const cell = z.union([z.string().min(1), z.object({ value: z.string() }).strict()]);
const objectMapping = z.record(z.string().regex(/^[a-z_]+$/), z.union([cell, z.record(z.string().regex(/^[a-z][a-z0-9_-]*$/), cell)]));

const mappingSchema = z
  .object({
    dataset: z.object({ title: z.string().optional(), url: z.string().url().optional(), idScheme: z.string().optional() }).strict().default({}),
    person: objectMapping,
    organization: objectMapping.optional(),
    on_behalf_of: objectMapping.optional(),
    area: objectMapping.optional(),
    legislative_period: objectMapping.optional(),
    post: objectMapping.optional(),
    membership: objectMapping.default({}),
  })
  .strict();
export type CsvMapping = z.infer<typeof mappingSchema>;

/** Fields whose mapping is {scheme: cell}: Popolo identifiers. */
const IDENTIFIERS = 'identifiers';

function readMapping(text: string): CsvMapping {
  let raw: unknown;
  try {
    raw = parseYaml(text);
  } catch (error) {
    throw new InputError('(mapping)', [{ record: '(mapping)', field: '(yaml)', message: (error as Error).message.split('\n')[0] ?? 'invalid YAML' }]);
  }
  const parsed = mappingSchema.safeParse(raw);
  if (!parsed.success)
    throw new InputError(
      '(mapping)',
      parsed.error.issues.map((i) => ({ record: '(mapping)', field: i.path.join('.') || '(mapping)', message: i.message })),
    );
  return parsed.data;
}

/** Every column the mapping names, with where it names it. */
function columnsOf(mapping: CsvMapping): Array<{ column: string; at: string }> {
  const out: Array<{ column: string; at: string }> = [];
  const visit = (c: unknown, at: string) => {
    if (typeof c === 'string') out.push({ column: c, at });
    else if (c && typeof c === 'object' && 'value' in c)
      for (const m of String((c as { value: string }).value).matchAll(/\{([^}]+)\}/g)) out.push({ column: m[1]!, at });
    else if (c && typeof c === 'object') for (const [k, v] of Object.entries(c)) visit(v, `${at}.${k}`);
  };
  for (const [object, fields] of Object.entries(mapping))
    if (object !== 'dataset' && fields) for (const [f, c] of Object.entries(fields)) visit(c, `${object}.${f}`);
  return out;
}

function valueOf(c: z.infer<typeof cell>, row: Record<string, string>): string | null {
  const v = typeof c === 'string' ? row[c] : c.value.replace(/\{([^}]+)\}/g, (_, col: string) => row[col] ?? '');
  return v && v.trim() ? v.trim() : null;
}

/** One Popolo object of a row, or null when the mapping gives it no id and no name. */
function objectOf(fields: CsvMapping['person'] | undefined, row: Record<string, string>, always = false): Obj | null {
  if (!fields) return null;
  const o: Obj = {};
  for (const [field, c] of Object.entries(fields)) {
    if (field === IDENTIFIERS && typeof c === 'object' && !('value' in c)) {
      const ids = Object.entries(c)
        .map(([scheme, v]) => ({ scheme, identifier: valueOf(v as z.infer<typeof cell>, row) }))
        .filter((x) => x.identifier);
      if (ids.length) o.identifiers = ids;
      continue;
    }
    const v = valueOf(c as z.infer<typeof cell>, row);
    if (v !== null) o[field] = v;
  }
  return always || o.id || o.name || o.label ? o : null;
}

export function readCsv(
  text: string,
  mappingText: string,
  sourceOf: (meta: { url?: string | null; title?: string | null }) => Obj,
  dataset: string,
  problems: InputProblem[],
): DatasetFacts {
  const mapping = readMapping(mappingText);
  let rows: Array<{ record: Record<string, string>; info: { lines: number } }>;
  try {
    rows = parseCsv(text, { columns: true, info: true, skip_empty_lines: true, bom: true, trim: false }) as typeof rows;
  } catch (error) {
    throw new InputError('(csv)', [{ record: '(file)', field: '(csv)', message: (error as Error).message }]);
  }
  const header = new Set(Object.keys(rows[0]?.record ?? {}));
  const missing = columnsOf(mapping).filter((c) => rows.length && !header.has(c.column));
  if (missing.length)
    throw new InputError(
      '(mapping)',
      missing.map((m) => ({ record: '(mapping)', field: m.at, message: `no column "${m.column}" in the CSV header` })),
    );

  // Rows → one Popolo document; each object remembers the first line that gave it.
  const doc = { persons: [] as Obj[], organizations: [] as Obj[], areas: [] as Obj[], events: [] as Obj[], posts: [] as Obj[], memberships: [] as Obj[] };
  const lineOf = new Map<Obj, number>();
  const seen = new Map<string, Obj>();
  const once = (kind: keyof typeof doc, o: Obj | null, line: number): Obj | null => {
    if (!o) return null;
    o.id ??= o.name ?? o.label;
    const key = `${kind}|${String(o.id)}`;
    const known = seen.get(key);
    if (known) return known;
    seen.set(key, o);
    doc[kind].push(o);
    lineOf.set(o, line);
    return o;
  };
  for (const { record: row, info } of rows) {
    const line = info.lines;
    const person = once('persons', objectOf(mapping.person, row), line);
    if (!person) {
      problems.push({ record: `line ${line}`, field: 'person', message: 'the row gives no person (no id or name in the mapped columns)' });
      continue;
    }
    const org = once('organizations', objectOf(mapping.organization, row), line);
    const party = once('organizations', objectOf(mapping.on_behalf_of, row), line);
    const area = once('areas', objectOf(mapping.area, row), line);
    const period = once('events', objectOf(mapping.legislative_period, row), line);
    if (period && org) period.organization_id ??= org.id;
    const post = once('posts', objectOf(mapping.post, row), line);
    if (post && org) post.organization_id ??= org.id;
    const m: Obj = { ...objectOf(mapping.membership, row, true), person_id: person.id };
    delete m.id;
    if (org) m.organization_id = org.id;
    if (party) m.on_behalf_of_id = party.id;
    if (area) m.area_id = area.id;
    if (period) m.legislative_period_id = period.id;
    if (post) m.post_id = post.id;
    doc.memberships.push(m);
    lineOf.set(m, line);
  }
  const source = sourceOf({ url: mapping.dataset.url ?? null, title: mapping.dataset.title ?? null });
  return readPopolo(
    doc,
    source,
    { dataset, idScheme: mapping.dataset.idScheme ?? 'everypolitician', originOf: (kind, i, o) => `line ${lineOf.get(o) ?? '?'} (${kind.replace(/s$/, '')})` },
    problems,
  );
}
