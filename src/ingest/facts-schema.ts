// The facts file format (docs/facts-format.md) as a zod schema: the shape of every entry. Checks that
// need the whole file (references, quotes in the text, unique ids) live in validate.ts.
import { z } from 'zod';
import { isPartialDate } from '../model/dates';
import { enumValues } from '../model/model';

const date = z
  .union([z.string(), z.number()])
  .transform((v) => String(v))
  .refine((v) => isPartialDate(v), 'expected an ISO date: YYYY, YYYY-MM or YYYY-MM-DD (a real day)');
const optionalDate = date.nullish().transform((v) => v ?? null);
const text = z.string().trim().min(1, 'must not be empty');
const optionalText = z.string().trim().nullish().transform((v) => (v ? v : null));
const id = (prefix: string) =>
  z.string().regex(new RegExp(`^${prefix}/[a-z0-9]+(?:[-/][a-z0-9]+)*$`), `expected an id "${prefix}/<slug>" (lower-case a-z, 0-9, "-" and "/")`);
const anyId = z.string().regex(/^[a-z-]+\/[a-z0-9]+(?:[-/][a-z0-9]+)*$/, 'expected an id "<type>/<slug>"');
const agentId = z.string().regex(/^(person|organization)\/[a-z0-9]+(?:[-/][a-z0-9]+)*$/, 'expected a person/… or organization/… id');
const quotes = z.array(text).default([]);

export const CONFIDENCE = enumValues('Confidence');
export const evidence = z.object({ quote: text }).strict();

/** Fields every fact has: evidence (≥1 quote), confidence, inferred, note, optional explicit id. */
const factBase = {
  id: anyId.optional(),
  evidence: z.array(evidence).min(1, 'a fact needs at least one quote of evidence'),
  confidence: z.enum(CONFIDENCE).default('high'),
  inferred: z.boolean().default(false),
  note: optionalText,
};

export const ORGANIZATION_CLASSIFICATIONS = enumValues('OrganizationClassification');
export const PARTICIPATION_ROLES = enumValues('ParticipationRole');
export const MEMBERSHIP_ROLES = enumValues('MembershipRole');

export const sourceSchema = z
  .object({
    id: id('source'),
    title: text,
    author: optionalText,
    publisher: optionalText,
    publisherInferred: z.boolean().default(false),
    publishedAt: optionalDate,
    url: z.string().url().nullish().transform((v) => v ?? null),
    language: z.string().regex(/^[a-z]{2,3}$/, 'expected an ISO 639 language code such as vi'),
    textFile: text,
    note: optionalText,
  })
  .strict();

export const personSchema = z
  .object({
    id: id('person'),
    name: text,
    familyName: optionalText,
    givenName: optionalText,
    aliases: z.array(text).default([]),
    gender: z.enum(enumValues('Gender')).nullish().transform((v) => v ?? null),
    birthDate: optionalDate,
    wikidataId: z.string().regex(/^Q[1-9]\d*$/, 'expected a Wikidata item id such as Q42').nullish().transform((v) => v ?? null),
    mentions: quotes,
  })
  .strict();

export const organizationSchema = z
  .object({
    id: id('organization'),
    name: text,
    nameEn: optionalText,
    abbreviations: z.array(text).default([]),
    aliases: z.array(text).default([]),
    classification: z.enum(ORGANIZATION_CLASSIFICATIONS),
    wikidataId: z.string().regex(/^Q[1-9]\d*$/, 'expected a Wikidata item id such as Q42').nullish().transform((v) => v ?? null),
    mentions: quotes,
  })
  .strict();

export const positionSchema = z
  .object({
    id: id('position'),
    role: text,
    roleEn: optionalText,
    organization: id('organization'),
    label: optionalText,
    labelEn: optionalText,
    party: z.boolean().default(false),
  })
  .strict();

export const rankSchema = z
  .object({ id: id('rank'), name: text, nameEn: optionalText, grade: z.number().int() })
  .strict();

export const eventSchema = z
  .object({
    id: id('event'),
    name: text,
    nameEn: optionalText,
    classification: z.enum(enumValues('EventClassification')),
    startDate: optionalDate,
    endDate: optionalDate,
    place: optionalText,
    status: z.enum(enumValues('EventStatus')).default('held'),
    mentions: quotes,
  })
  .strict();

export const awardSchema = z
  .object({
    id: id('award'),
    name: text,
    nameEn: optionalText,
    classification: z.enum(enumValues('AwardClassification')),
    mentions: quotes,
  })
  .strict();

export const occupancySchema = z
  .object({
    ...factBase,
    holder: id('person'),
    position: id('position'),
    startDate: optionalDate,
    endDate: optionalDate,
    status: z.enum(enumValues('OccupancyStatus')).default('unknown'),
  })
  .strict();

export const rankHoldingSchema = z
  .object({ ...factBase, holder: id('person'), rank: id('rank'), force: z.enum(enumValues('Force')), since: optionalDate })
  .strict();

export const participationSchema = z
  .object({
    ...factBase,
    event: id('event'),
    participant: agentId,
    role: z.enum(PARTICIPATION_ROLES),
    roleText: optionalText,
    onBehalfOf: id('organization').nullish().transform((v) => v ?? null),
  })
  .strict();

export const conferralSchema = z
  .object({
    ...factBase,
    award: id('award'),
    recipient: agentId,
    status: z.enum(enumValues('ConferralStatus')),
    date: optionalDate,
    decidedAt: id('event').nullish().transform((v) => v ?? null),
    grantor: id('organization').nullish().transform((v) => v ?? null),
  })
  .strict();

export const membershipSchema = z
  .object({
    ...factBase,
    member: agentId,
    organization: id('organization'),
    role: z.enum(MEMBERSHIP_ROLES),
    roleText: optionalText,
    startDate: optionalDate,
    endDate: optionalDate,
    decidedAt: id('event').nullish().transform((v) => v ?? null),
  })
  .strict();

export const subordinationSchema = z
  .object({ ...factBase, child: id('organization'), parent: id('organization'), relation: z.enum(enumValues('SubordinationRelation')).default('part_of') })
  .strict();

export const factsFileSchema = z
  .object({
    source: sourceSchema,
    persons: z.array(personSchema).default([]),
    organizations: z.array(organizationSchema).default([]),
    positions: z.array(positionSchema).default([]),
    ranks: z.array(rankSchema).default([]),
    events: z.array(eventSchema).default([]),
    awards: z.array(awardSchema).default([]),
    occupancies: z.array(occupancySchema).default([]),
    rankHoldings: z.array(rankHoldingSchema).default([]),
    participations: z.array(participationSchema).default([]),
    conferrals: z.array(conferralSchema).default([]),
    memberships: z.array(membershipSchema).default([]),
    subordinations: z.array(subordinationSchema).default([]),
  })
  .strict();

export type FactsFile = z.infer<typeof factsFileSchema>;
