// The shape of schema/model.yaml, as a zod schema: what each key may hold. src/model/model.ts reads
// the file through it and then checks what needs the whole model (types that exist, fields that do).
import { z } from 'zod';

const NAME = /^[A-Z][A-Za-z]*$/;
const FIELD = /^[a-z][A-Za-z]*$/;
export const FORMATS = ['wikidata', 'url', 'language', 'identifier', 'otherName'] as const;

const typeRef = z.string().regex(/^\[?[A-Z][A-Za-z]*!?\]?!?$/, 'a GraphQL type such as String!, [String!]! or an enum name');
export const propertySpec = z.union([
  typeRef,
  z.object({ type: typeRef, default: z.union([z.string(), z.boolean(), z.number()]).optional(), format: z.enum(FORMATS).optional() }).strict(),
]);
export const label = z.object({ vi: z.string().min(1), en: z.string().min(1) }).strict();
const years = z.number().int().min(0).nullable();

export const typeSchema = z
  .object({
    kind: z.enum(['entity', 'fact']),
    section: z.string().regex(FIELD).optional(),
    id: z
      .string()
      .regex(/^[a-z]+(-[a-z]+)*$/)
      .optional(),
    key: z.array(z.string().regex(FIELD)).min(1).optional(),
    names: z.array(z.string().regex(FIELD)).min(1).optional(),
    properties: z.record(z.string().regex(FIELD), propertySpec).default({}),
    references: z
      .record(
        z.string().regex(FIELD),
        z.object({ type: z.string().regex(NAME), optional: z.boolean().default(false), reverse: z.string().regex(FIELD).optional() }).strict(),
      )
      .default({}),
    computed: z.array(z.string().regex(FIELD)).default([]),
    time: z
      .object({
        kind: z.enum(['lasting', 'instant']),
        start: z.string().regex(FIELD).optional(),
        end: z.string().regex(FIELD).optional(),
        status: z.string().regex(FIELD).optional(),
        date: z.string().regex(FIELD).optional(),
        event: z.string().regex(FIELD).optional(),
        presume: z.object({ forward: years, back: years }).strict().optional(),
        slot: z.array(z.string().regex(FIELD)).default([]),
        exclusive: z
          .object({ reference: z.string().regex(FIELD), when: z.string().regex(FIELD) })
          .strict()
          .optional(),
      })
      .strict()
      .optional(),
    edge: z
      .object({
        source: z.string().regex(FIELD),
        target: z.string().regex(FIELD),
        label,
        labelBy: z
          .object({ property: z.string().regex(FIELD), values: z.record(z.string(), label) })
          .strict()
          .optional(),
        // the fact's other references, each drawn as a further edge from `source` (a conferral's
        // decidedAt: "tại"/"at"); one without a label here is drawn with its field name
        also: z.record(z.string().regex(FIELD), label).default({}),
      })
      .strict()
      .optional(),
  })
  .strict();

export const fileSchema = z
  .object({
    types: z.record(z.string().regex(NAME), typeSchema),
    unions: z.record(z.string().regex(NAME), z.array(z.string().regex(NAME)).min(1)).default({}),
    factProperties: z.record(z.string().regex(FIELD), propertySpec).default({}),
    factDerived: z.record(z.string().regex(FIELD), typeRef).default({}),
    factComputed: z.array(z.string().regex(FIELD)).default([]),
    enums: z.record(z.string().regex(NAME), z.array(z.string().regex(/^[a-z][a-z0-9_]*$/)).min(1)).default({}),
  })
  .strict();

export type RawModel = z.infer<typeof fileSchema>;
export type RawType = z.infer<typeof typeSchema>;
export type TimeSpec = NonNullable<RawType['time']>;
export type EdgeSpec = NonNullable<RawType['edge']>;
export type Label = z.infer<typeof label>;
