// Stage 2 of ingestion: validate a parsed facts file as a whole and turn it into a Plan — names
// normalised, fact ids derived, every quote checked against the source text. Any problem rejects
// the whole file with messages naming the file, the entry and the field. Every rule reads the model:
// sections, references and their accepted types, time fields.
import type { z } from 'zod';
import { deriveFactId, Entry, factsFileSchema, Plan, quotesOf, sectionTypes } from '../model/facts-file';
import { model } from '../model/model';
import { normalizeName } from '../text/normalize';

/** One problem in a facts file: where (file, entry, field) and what. */
export interface Problem {
  file: string;
  entry: string;
  field: string;
  message: string;
}

export class FactsFileError extends Error {
  constructor(readonly problems: Problem[]) {
    super(
      `Invalid facts file (${problems.length} problem${problems.length === 1 ? '' : 's'}):\n` +
        problems.map((p) => `  ${p.file}: ${p.entry}: ${p.field}: ${p.message}`).join('\n'),
    );
    this.name = 'FactsFileError';
  }
}

function entryName(section: string, index: number, item: unknown): string {
  const rec = item as Record<string, unknown> | undefined;
  const label = rec && typeof rec.id === 'string' ? ` (${rec.id})` : '';
  return `${section}[${index}]${label}`;
}

/** Turns zod issues into Problems: "persons[2] (person/x)" / "name". */
function zodProblems(file: string, error: z.ZodError, input: unknown): Problem[] {
  return error.issues.map((issue) => {
    const [section, index, ...rest] = issue.path;
    if (typeof section === 'string' && typeof index === 'number') {
      const item = (input as Record<string, unknown[]>)[section]?.[index];
      return { file, entry: entryName(section, index, item), field: rest.join('.') || '(entry)', message: issue.message };
    }
    return {
      file,
      entry: String(section ?? '(file)'),
      field: [index, ...rest].filter((p) => p !== undefined).join('.') || '(entry)',
      message: issue.message,
    };
  });
}

/** Canonical spelling of a name; the spelling as written is kept among the aliases. */
function normalizeNames(item: Entry): void {
  if (typeof item.name !== 'string') return;
  const original = item.name.normalize('NFC').replace(/\s+/gu, ' ').trim();
  item.name = normalizeName(item.name);
  if (Array.isArray(item.aliases)) {
    const aliases = [original, ...(item.aliases as string[]).map((a) => a.normalize('NFC'))];
    item.aliases = [...new Set(aliases)].filter((a) => a !== item.name);
  }
}

/**
 * Validates `input` (parsed YAML) against the format and the source text. `readText` reads the
 * source's textFile; a record source (Wikipedia infobox, a dataset row) has none. Throws FactsFileError.
 */
export function validateFacts(file: string, input: unknown, readText: (textFile: string) => string): Plan {
  const parsed = factsFileSchema().safeParse(input);
  if (!parsed.success) throw new FactsFileError(zodProblems(file, parsed.error, input));
  const data = parsed.data as Record<string, unknown>;
  const source = data.source as Plan['source'];
  const sections = Object.fromEntries(sectionTypes().map(({ section }) => [section, data[section] as Entry[]]));
  const problems: Problem[] = [];
  const add = (entry: string, field: string, message: string) => problems.push({ file, entry, field, message });

  let sourceText: string | null = null;
  if (source.textFile) {
    try {
      sourceText = readText(source.textFile).normalize('NFC');
    } catch (error) {
      add('source', 'textFile', `cannot read ${source.textFile}: ${(error as Error).message}`);
    }
  } else if (source.kind === 'article') {
    add('source', 'textFile', 'an article needs its text (textFile): quotes are checked against it');
  }
  const checkQuotes = (entry: string, field: string, items: unknown[]) => {
    items.forEach((item, j) => {
      const [quote] = quotesOf([item]);
      if (quote === undefined) return;
      const where = typeof item === 'string' ? `${field}[${j}]` : `${field}[${j}].quote`;
      if (sourceText === null) {
        if (source.textFile === null) add(entry, where, 'a quote needs the source text (textFile); cite a record as {field, value} instead');
      } else if (!sourceText.includes(quote.normalize('NFC'))) {
        add(entry, where, `quote not found verbatim in the source text: "${quote.slice(0, 80)}"`);
      }
    });
  };

  // Entities: unique ids, quotes in the text, canonical names.
  const ids = new Set<string>([source.id]);
  for (const type of model.entityTypes) {
    sections[type.section!]!.forEach((item, i) => {
      const entry = entryName(type.section!, i, item);
      if (ids.has(item.id)) add(entry, 'id', `duplicate id ${item.id}`);
      ids.add(item.id);
      checkQuotes(entry, 'mentions', (item.mentions as unknown[] | undefined) ?? []);
      normalizeNames(item);
    });
  }

  // References resolve to ids defined in the file (their type is checked by the schema).
  const checkRefs = (typeName: string, entry: string, item: Entry) => {
    for (const ref of Object.values(model.types[typeName]!.references)) {
      const value = item[ref.field];
      if (typeof value === 'string' && !ids.has(value)) add(entry, ref.field, `unknown id ${value} (not defined in this file)`);
    }
  };
  for (const type of model.entityTypes) sections[type.section!]!.forEach((item, i) => checkRefs(type.name, entryName(type.section!, i, item), item));

  const factIds = new Set<string>();
  for (const type of model.factTypes) {
    sections[type.section!]!.forEach((fact, i) => {
      const entry = entryName(type.section!, i, fact);
      checkRefs(type.name, entry, fact);
      checkQuotes(entry, 'evidence', fact.evidence as unknown[]);
      if (fact.inferred === true && fact.confidence === 'high') add(entry, 'confidence', 'an inferred fact is never HIGH confidence (use medium or low)');
      fact.confidence ??= fact.inferred === true ? 'medium' : 'high';
      fact.id ??= deriveFactId(type, fact);
      if (factIds.has(fact.id) || ids.has(fact.id)) add(entry, 'id', `duplicate fact id ${fact.id} (give the entry an explicit id)`);
      factIds.add(fact.id);
      const time = type.time;
      const start = time?.start ? ((fact[time.start] ?? null) as string | null) : null;
      const end = time?.end ? ((fact[time.end] ?? null) as string | null) : null;
      if (start && end && start.slice(0, end.length) > end) add(entry, time!.end!, `ends (${end}) before it starts (${start})`);
    });
  }
  if (problems.length) throw new FactsFileError(problems);
  return { source, sections, file, sourceText };
}
