// Stage 2 of ingestion: validate a parsed facts file as a whole and turn it into a Plan — names
// normalised, search keys folded, fact ids derived, every quote checked against the source text.
// Any problem rejects the whole file with messages naming the file, the entry and the field.
import type { z } from 'zod';
import { slug } from '../text/fold';
import { normalizeName } from '../text/normalize';
import { FactsFile, factsFileSchema } from './facts-schema';

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

export const FACT_SECTIONS = ['occupancies', 'rankHoldings', 'participations', 'conferrals', 'memberships', 'subordinations'] as const;
export type FactSection = (typeof FACT_SECTIONS)[number];
export const ENTITY_SECTIONS = ['persons', 'organizations', 'positions', 'ranks', 'events', 'awards'] as const;

/** Fact label per section, and the fields whose ids make up a derived fact id. */
export const FACT_KINDS: Record<FactSection, { label: string; key: string[] }> = {
  occupancies: { label: 'Occupancy', key: ['holder', 'position', 'startDate'] },
  rankHoldings: { label: 'RankHolding', key: ['holder', 'rank', 'since'] },
  participations: { label: 'Participation', key: ['event', 'participant', 'role'] },
  conferrals: { label: 'Conferral', key: ['award', 'recipient', 'status', 'date'] },
  memberships: { label: 'Membership', key: ['member', 'organization', 'role', 'startDate'] },
  subordinations: { label: 'Subordination', key: ['child', 'parent', 'relation'] },
};

/** Reference fields of facts and positions, with the id prefixes they accept. */
const REFERENCES: Record<string, string[]> = {
  holder: ['person'], position: ['position'], rank: ['rank'], event: ['event'], participant: ['person', 'organization'],
  onBehalfOf: ['organization'], award: ['award'], recipient: ['person', 'organization'], decidedAt: ['event'],
  grantor: ['organization'], member: ['person', 'organization'], organization: ['organization'], child: ['organization'],
  parent: ['organization'],
};

export type Plan = FactsFile & { file: string; sourceText: string };

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
    return { file, entry: String(section ?? '(file)'), field: [index, ...rest].filter((p) => p !== undefined).join('.') || '(entry)', message: issue.message };
  });
}

/** The id a fact gets when the file gives none: label + the slugs of its key fields. */
export function deriveFactId(section: FactSection, fact: Record<string, unknown>): string {
  const parts = FACT_KINDS[section].key
    .map((k) => fact[k])
    .filter((v): v is string => typeof v === 'string' && v !== '')
    .map((v) => v.replace(/^[a-z-]+\//, '').replace(/\//g, '.'));
  return `${slug(FACT_KINDS[section].label.replace(/([a-z])([A-Z])/g, '$1-$2'))}/${parts.join('/')}`.replace(/[^a-z0-9/.-]/g, '-');
}

/** Validates `input` (parsed YAML) against the format and the source text. Throws FactsFileError. */
export function validateFacts(file: string, input: unknown, readText: (textFile: string) => string): Plan {
  const parsed = factsFileSchema.safeParse(input);
  if (!parsed.success) throw new FactsFileError(zodProblems(file, parsed.error, input));
  const facts = parsed.data;
  const problems: Problem[] = [];
  const add = (entry: string, field: string, message: string) => problems.push({ file, entry, field, message });

  let sourceText = '';
  try {
    sourceText = readText(facts.source.textFile).normalize('NFC');
  } catch (error) {
    add('source', 'textFile', `cannot read ${facts.source.textFile}: ${(error as Error).message}`);
  }
  const checkQuote = (entry: string, field: string, quote: string) => {
    if (sourceText && !sourceText.includes(quote.normalize('NFC'))) add(entry, field, `quote not found verbatim in the source text: "${quote.slice(0, 80)}"`);
  };

  // Entities: unique ids, quotes in the text, canonical names.
  const ids = new Set<string>([facts.source.id]);
  for (const section of ENTITY_SECTIONS) {
    (facts[section] as Array<Record<string, unknown>>).forEach((item, i) => {
      const entry = entryName(section, i, item);
      const itemId = item.id as string;
      if (ids.has(itemId)) add(entry, 'id', `duplicate id ${itemId}`);
      ids.add(itemId);
      ((item.mentions as string[] | undefined) ?? []).forEach((q, j) => checkQuote(entry, `mentions[${j}]`, q));
    });
  }
  for (const p of facts.persons) {
    p.name = normalizeName(p.name);
    p.aliases = [...new Set(p.aliases.map(normalizeName))].filter((a) => a !== p.name);
  }
  for (const o of facts.organizations) {
    const original = o.name;
    o.name = normalizeName(o.name);
    o.aliases = [...new Set([original.normalize('NFC'), ...o.aliases.map((a) => a.normalize('NFC'))])].filter((a) => a !== o.name);
  }

  // Positions and facts: references resolve to ids of the right type.
  const checkRefs = (entry: string, item: Record<string, unknown>) => {
    for (const [field, prefixes] of Object.entries(REFERENCES)) {
      const ref = item[field];
      if (typeof ref !== 'string') continue;
      if (!prefixes.includes(ref.split('/')[0] ?? '')) add(entry, field, `expected a ${prefixes.join(' or ')} id, got ${ref}`);
      else if (!ids.has(ref)) add(entry, field, `unknown id ${ref} (not defined in this file)`);
    }
  };
  facts.positions.forEach((p, i) => checkRefs(entryName('positions', i, p), p));

  const factIds = new Set<string>();
  for (const section of FACT_SECTIONS) {
    (facts[section] as Array<Record<string, unknown>>).forEach((fact, i) => {
      const entry = entryName(section, i, fact);
      checkRefs(entry, fact);
      (fact.evidence as Array<{ quote: string }>).forEach((e, j) => checkQuote(entry, `evidence[${j}].quote`, e.quote));
      fact.id ??= deriveFactId(section, fact);
      if (factIds.has(fact.id as string) || ids.has(fact.id as string)) add(entry, 'id', `duplicate fact id ${fact.id as string} (give the entry an explicit id)`);
      factIds.add(fact.id as string);
      const start = (fact.startDate ?? null) as string | null;
      const end = (fact.endDate ?? null) as string | null;
      if (start && end && start.slice(0, end.length) > end) add(entry, 'endDate', `ends (${end}) before it starts (${start})`);
    });
  }
  if (problems.length) throw new FactsFileError(problems);
  return { ...facts, file, sourceText };
}
