// A name with its language and dates (Popolo other_name: name, lang, start_date, end_date, note),
// stored as one JSON text per name in a `[String!]!` property so that each source's names are kept
// as its claim and settled like any list (the union of every source's names).
import { z } from 'zod';
import { isPartialDate } from './dates';

export interface OtherName {
  name: string;
  lang?: string | null;
  startDate?: string | null;
  endDate?: string | null;
  note?: string | null;
}

const date = z.string().refine(isPartialDate, 'expected an ISO date: YYYY, YYYY-MM or YYYY-MM-DD');

export const otherNameSchema = z
  .object({
    name: z.string().trim().min(1, 'must not be empty'),
    // BCP 47 as Popolo writes it: en, zh, zh-hans, be-tarask
    lang: z
      .string()
      .regex(/^[a-z]{2,3}(-[A-Za-z0-9]{1,8})*$/, 'expected a language tag such as en or zh-hans')
      .nullish(),
    startDate: date.nullish(),
    endDate: date.nullish(),
    note: z.string().nullish(),
  })
  .strict();

/** The stored text of an other name: JSON with its keys in one order and without empty fields, so equal names dedupe. */
export function encodeOtherName(n: OtherName): string {
  const out: Record<string, string> = { name: n.name };
  for (const k of ['lang', 'startDate', 'endDate', 'note'] as const) if (n[k]) out[k] = n[k];
  return JSON.stringify(out);
}

/** Parses a stored other name (the format checked it on the way in). */
export function decodeOtherName(text: string): OtherName {
  return JSON.parse(text) as OtherName;
}

/** zod check of a stored other name's text. */
export const otherNameText = z.string().refine((v) => {
  try {
    return otherNameSchema.safeParse(JSON.parse(v)).success;
  } catch {
    return false;
  }
}, 'expected the JSON text of {name, lang?, startDate?, endDate?, note?} (an other name)');
