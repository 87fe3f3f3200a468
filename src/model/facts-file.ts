// The facts file (docs/facts-format.md) as types and a zod schema, both made from the model: one
// section per type, each property, reference and fact field as model.yaml declares it. Checks that
// need the whole file (references, quotes in the text, unique ids) are in src/ingest/validate.ts.
import { z } from 'zod';
import { slug } from '../text/fold';
import { isPartialDate } from './dates';
import { otherNameText } from './other-names';
import { Model, model as projectModel, Property, Reference, TypeModel } from './model';

/** One entry of a section, after parsing: its fields by name. */
export type Entry = Record<string, unknown> & { id: string };

/** Evidence for a fact: a verbatim quote of an article, or a value read from a record. */
export type Evidence = { quote: string } | { field: string | null; value: string };

/** A parsed facts file: the source, and each section's entries. */
export interface FactsFile {
  source: Entry & { textFile: string | null; publishedAt: string | null; retrievedAt: string | null; kind: string; title: string };
  sections: Record<string, Entry[]>;
}

/** A validated facts file, ready to write: names normalised, fact ids set, the source's text read. */
export type Plan = FactsFile & { file: string; sourceText: string | null };

const text = z.string().trim().min(1, 'must not be empty');
const optionalText = z
  .string()
  .trim()
  .nullish()
  .transform((v) => (v ? v : null));
const date = z
  .union([z.string(), z.number()])
  .transform((v) => String(v))
  .refine((v) => isPartialDate(v), 'expected an ISO date: YYYY, YYYY-MM or YYYY-MM-DD (a real day)');
const SLUG = '[a-z0-9]+(?:[-/][a-z0-9]+)*';
const idOf = (prefixes: string[]) =>
  z
    .string()
    .regex(new RegExp(`^(?:${prefixes.join('|')})/${SLUG}$`), `expected ${prefixes.map((p) => `a ${p}/… id`).join(' or ')} (lower-case a-z, 0-9, "-" and "/")`);
const anyId = z.string().regex(new RegExp(`^[a-z-]+/${SLUG}$`), 'expected an id "<type>/<slug>"');

const FORMATS = {
  wikidata: z.string().regex(/^Q[1-9]\d*$/, 'expected a Wikidata item id such as Q42'),
  url: z.string().url('expected a URL'),
  language: z.string().regex(/^[a-z]{2,3}$/, 'expected an ISO 639 language code such as vi'),
  // scheme:value — viwiki:19498354 (a vi.wikipedia page id), wikidata:Q42, everypolitician:…, ftm:…
  identifier: z.string().regex(/^[a-z][a-z0-9_-]*:\S+$/, 'expected "scheme:value", e.g. viwiki:19498354 (a vi.wikipedia page id) or wikidata:Q42'),
  otherName: otherNameText,
};

export const quoteEvidence = z.object({ quote: text }).strict();
export const recordEvidence = z.object({ field: optionalText, value: text }).strict();
const evidence = z.union([quoteEvidence, recordEvidence], { message: 'expected {quote: …} (an article) or {field: …, value: …} (a record)' });
/** Where an entity is seen: quotes, or record values. */
const mention = z.union([text, recordEvidence]);

function scalar(p: Property, m: Model): z.ZodType {
  if (p.format) return FORMATS[p.format];
  if (p.enum) return z.enum(m.enums[p.enum] as [string, ...string[]]);
  switch (p.base) {
    case 'Date':
      return date;
    case 'Int':
      return z.number().int();
    case 'Float':
      return z.number();
    case 'Boolean':
      return z.boolean();
    default:
      return text;
  }
}

/** The zod schema of one property, with its default and nullability. */
function propertySchema(p: Property, m: Model): z.ZodType {
  if (p.list) return z.array(scalar(p, m)).default([]);
  const base = scalar(p, m);
  if (p.default !== undefined) return (base as z.ZodType<unknown>).default(p.default);
  if (p.required) return base;
  if (p.base === 'String' && !p.format) return optionalText;
  return base.nullish().transform((v) => v ?? null);
}

function referenceSchema(r: Reference, m: Model): z.ZodType {
  const id = idOf(r.targets.map((t) => m.types[t]!.idPrefix));
  return r.optional ? id.nullish().transform((v) => v ?? null) : id;
}

function fieldsOf(type: TypeModel, m: Model): Record<string, z.ZodType> {
  const shape: Record<string, z.ZodType> = {};
  for (const p of Object.values(type.properties)) shape[p.name] = propertySchema(p, m);
  for (const r of Object.values(type.references)) shape[r.field] = referenceSchema(r, m);
  return shape;
}

/** The zod schema of one entry of `type`'s section. */
export function entrySchema(type: TypeModel, m: Model = projectModel): z.ZodType {
  if (type.kind === 'entity') {
    return z.object({ id: idOf([type.idPrefix]), ...fieldsOf(type, m), mentions: z.array(mention).default([]) }).strict();
  }
  const base: Record<string, z.ZodType> = {
    id: anyId.optional(),
    evidence: z.array(evidence).min(1, 'a fact needs at least one piece of evidence (a quote or a record value)'),
  };
  for (const p of Object.values(m.factProperties)) base[p.name] = propertySchema(p, m);
  // An inferred fact defaults to MEDIUM, a stated one to HIGH (src/ingest/validate.ts decides).
  base.confidence = z.enum(m.enums.Confidence as [string, ...string[]]).optional();
  return z.object({ ...base, ...fieldsOf(type, m) }).strict();
}

/** The zod schema of the file's `source:` header. */
export function sourceSchema(m: Model = projectModel): z.ZodType {
  const type = m.types.Source!;
  return z.object({ id: idOf([type.idPrefix]), ...fieldsOf(type, m), textFile: optionalText }).strict();
}

/** The zod schema of a whole facts file: `source` and one list per section, as the model declares. */
const schemas = new WeakMap<Model, z.ZodType>();

/** The schema of a whole facts file (built once per model: an import validates thousands of records). */
export function factsFileSchema(m: Model = projectModel): z.ZodType {
  const known = schemas.get(m);
  if (known) return known;
  const shape: Record<string, z.ZodType> = { source: sourceSchema(m) };
  for (const type of [...m.entityTypes, ...m.factTypes]) shape[type.section!] = z.array(entrySchema(type, m)).default([]);
  const schema = z.object(shape).strict();
  schemas.set(m, schema);
  return schema;
}

/** The type of each section. */
export function sectionTypes(m: Model = projectModel): Array<{ section: string; type: TypeModel }> {
  return [...m.entityTypes, ...m.factTypes].map((type) => ({ section: type.section!, type }));
}

/** The id a fact gets when the file gives none: its type's prefix and the slugs of its key fields. */
export function deriveFactId(type: TypeModel, fact: Record<string, unknown>): string {
  const parts = type.key
    .map((k) => fact[k])
    .filter((v): v is string => typeof v === 'string' && v !== '')
    .map((v) => v.replace(/^[a-z-]+\//, '').replace(/\//g, '.'));
  return `${slug(type.idPrefix)}/${parts.join('/')}`.replace(/[^a-z0-9/.-]/g, '-');
}

/** The quotes among a list of evidence or mentions. */
export function quotesOf(items: unknown[]): string[] {
  return items.flatMap((e) => (typeof e === 'string' ? [e] : e && typeof e === 'object' && 'quote' in e ? [String((e as { quote: string }).quote)] : []));
}

/** The record values among a list of evidence or mentions. */
export function recordsOf(items: unknown[]): Array<{ field: string | null; value: string }> {
  return items.flatMap((e) => (e && typeof e === 'object' && 'value' in e ? [e as { field: string | null; value: string }] : []));
}
