// The `ties` and `at` attributes of <officials-graph> → the API's TieFilter. Pure (no DOM): the unit
// tests run it in Node. A word the widget does not know is an error that names it and lists the
// words it takes — never silently ignored, since a page that meant to hide proposals must not show them.

export type TieKind = 'OCCUPANCY' | 'RANK_HOLDING' | 'PARTICIPATION' | 'CONFERRAL' | 'MEMBERSHIP' | 'SUBORDINATION';
export type Confidence = 'HIGH' | 'MEDIUM' | 'LOW';

export interface TieFilter {
  kinds?: TieKind[];
  at?: string;
  presumed?: boolean;
  includeInferred?: boolean;
  includeProposed?: boolean;
  minConfidence?: Confidence;
}

const KINDS: Record<string, TieKind> = {
  occupancy: 'OCCUPANCY',
  'rank-holding': 'RANK_HOLDING',
  participation: 'PARTICIPATION',
  conferral: 'CONFERRAL',
  membership: 'MEMBERSHIP',
  subordination: 'SUBORDINATION',
};
const CONFIDENCE: Record<string, Confidence> = { high: 'HIGH', medium: 'MEDIUM', low: 'LOW' };
/** Every word `ties` takes, for the error message and the docs (docs/widget.md). */
export const TIE_WORDS = ['no-proposed', 'no-inferred', 'stated', ...Object.keys(KINDS), 'min-confidence=high|medium|low'];

export class WidgetInputError extends Error {}

const DATE = /^\d{4}(-(0[1-9]|1[0-2])(-(0[1-9]|[12]\d|3[01]))?)?$/;

/** The filter the attributes ask for, or null for every tie. */
export function parseTies(ties: string | null, at: string | null): TieFilter | null {
  const filter: TieFilter = {};
  const kinds: TieKind[] = [];
  for (const word of (ties ?? '')
    .toLowerCase()
    .split(/[\s,]+/)
    .filter(Boolean)) {
    const [name, value] = word.split('=', 2) as [string, string | undefined];
    if (word === 'no-proposed') filter.includeProposed = false;
    else if (word === 'no-inferred') filter.includeInferred = false;
    else if (word === 'stated') filter.presumed = false;
    else if (KINDS[word]) kinds.push(KINDS[word]);
    else if (name === 'min-confidence' && value && CONFIDENCE[value]) filter.minConfidence = CONFIDENCE[value];
    else throw new WidgetInputError(`ties="${ties}": "${word}" is not a word it takes (${TIE_WORDS.join(', ')}).`);
  }
  if (kinds.length) filter.kinds = [...new Set(kinds)];
  const date = at?.trim();
  if (date) {
    if (!DATE.test(date)) throw new WidgetInputError(`at="${at}": expected a date YYYY, YYYY-MM or YYYY-MM-DD.`);
    filter.at = date;
  }
  if (filter.presumed === false && !filter.at) throw new WidgetInputError('ties="stated" needs an at="…" date: it keeps the ties stated to hold on that date.');
  return Object.keys(filter).length ? filter : null;
}

/** `depth` (1–3) and `per-hop` (1–200) as integers within the API's bounds; absent: the default. */
export function parseBoundedInt(name: string, raw: string | null, min: number, max: number, fallback: number): number {
  if (raw === null || raw.trim() === '') return fallback;
  const n = Number(raw);
  if (!Number.isInteger(n) || n < min || n > max) throw new WidgetInputError(`${name}="${raw}": expected a whole number from ${min} to ${max}.`);
  return n;
}

/** `height`: a CSS length (480, 480px, 60vh, 30rem); absent: 480px. */
export function parseHeight(raw: string | null): string {
  const v = raw?.trim();
  if (!v) return '480px';
  if (/^\d+(\.\d+)?$/.test(v)) return `${v}px`;
  if (/^\d+(\.\d+)?(px|em|rem|vh|svh|dvh)$/.test(v)) return v;
  throw new WidgetInputError(`height="${raw}": expected a CSS length such as 480px, 60vh or 30rem.`);
}
