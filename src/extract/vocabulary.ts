// The extractor's vocabulary (schema/extract/vocabulary.yaml) read and checked once: every phrase
// folded into words (src/text/fold.ts), so that matching ignores case, tone placement and đ.
import fs from 'node:fs';
import path from 'node:path';
import { parse } from 'yaml';
import { z } from 'zod';
import { AppError, ErrorCode } from '../errors';
import { PROJECT_ROOT } from '../paths';
import { fold } from '../text/fold';
import { canonicalSpelling } from '../text/normalize';

const words = z.array(z.string().min(1)).min(1);
const schema = z
  .object({
    honorifics: words,
    familyNames: words,
    places: words,
    cities: words,
    personPlaces: words,
    shortNamesAfter: words,
    ranks: z.array(z.object({ name: z.string(), nameEn: z.string(), grade: z.number().int(), navy: z.boolean().optional() }).strict()),
    roles: z.array(
      z
        .object({
          words,
          canonical: z.string(),
          en: z.string(),
          party: z.boolean().optional(),
          single: z.boolean().optional(),
          alone: z.string().optional(),
          label: z.string().optional(),
          body: z.string().optional(),
          default: z.string().optional(),
          unit: z.string().optional(),
        })
        .strict(),
    ),
    organizations: z.array(
      z
        .object({
          names: words,
          short: z.array(z.string()).optional(),
          abbreviations: z.array(z.string()).optional(),
          en: z.string(),
          classification: z.string(),
          force: z.enum(['army', 'police']).optional(),
        })
        .strict(),
    ),
    organizationHeads: z.array(z.object({ words, classification: z.string(), force: z.enum(['army', 'police']).optional() }).strict()),
    organizationWords: words,
    stopWords: words,
    awardHeads: z.array(z.object({ words, classification: z.string() }).strict()),
    participation: z.array(z.object({ words, role: z.string() }).strict()),
    events: z.array(z.object({ words, classification: z.string() }).strict()),
    abbreviations: z.record(z.string(), z.string()),
  })
  .strict();

export type VocabularyFile = z.infer<typeof schema>;
/** A phrase as folded words ("Thứ trưởng" → ["thu", "truong"]). */
export type Phrase = string[];

export interface Vocabulary extends VocabularyFile {
  /** Folded single words. */
  sets: {
    honorifics: Set<string>;
    /** lower case, marks kept: "vũ" is a family name, "vụ" is not */ family: Set<string>;
    places: Set<string>;
    cities: Set<string>;
    /** lower case, marks kept */ orgWords: Set<string>;
  };
  phrases: { honorifics: Phrase[]; stops: Phrase[]; places: Phrase[] };
}

export const phrase = (text: string): Phrase => fold(text).split(/[\s]+/u).filter(Boolean);
/** A phrase as lower-case words with their marks ("thì" stays apart from "thi"): for stop words and honorifics. */
export const exactPhrase = (text: string): Phrase => canonicalSpelling(text).toLowerCase().split(/[\s]+/u).filter(Boolean);

export const VOCABULARY_FILE = path.join(PROJECT_ROOT, 'schema', 'extract', 'vocabulary.yaml');

/** Reads and checks a vocabulary file; a problem names the file and the field. */
export function loadVocabulary(file = VOCABULARY_FILE): Vocabulary {
  let raw: unknown;
  try {
    raw = parse(fs.readFileSync(file, 'utf8'));
  } catch (error) {
    throw new AppError(ErrorCode.INTERNAL_SERVER_ERROR, `${file}: cannot read the extractor's vocabulary: ${(error as Error).message}`);
  }
  const parsed = schema.safeParse(raw);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    throw new AppError(ErrorCode.INTERNAL_SERVER_ERROR, `${file}: ${issue.path.join('.')}: ${issue.message}`);
  }
  const v = parsed.data;
  const set = (list: string[]) => new Set(list.map(fold));
  return {
    ...v,
    sets: {
      honorifics: new Set(v.honorifics.map((h) => canonicalSpelling(h).toLowerCase())),
      family: new Set(v.familyNames.map((h) => canonicalSpelling(h).toLowerCase())),
      places: set(v.places),
      cities: set(v.cities),
      orgWords: new Set(v.organizationWords.map((h) => canonicalSpelling(h).toLowerCase())),
    },
    phrases: { honorifics: v.honorifics.map(exactPhrase), stops: v.stopWords.map(exactPhrase), places: v.places.map(phrase) },
  };
}

let cached: Vocabulary | undefined;
/** The project's vocabulary, read once. */
export function vocabulary(): Vocabulary {
  return (cached ??= loadVocabulary());
}
