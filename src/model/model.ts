// The graph model (schema/model.yaml, plus any SCHEMA_EXTENSIONS), validated at load and turned into
// the vocabulary every layer reads: types with their properties, references (with the relationship
// type each is stored as), reverse lists, facts-file sections, id keys, time rules and edge labels.
// Nothing else in the code lists types, sections or relationships by hand.
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { parse } from 'yaml';
import type { z } from 'zod';
import { SCHEMA_DIRS } from '../paths';
import { FORMATS, fileSchema, propertySpec, type EdgeSpec, type Label, type RawModel, type TimeSpec } from './model-file';

export type { EdgeSpec, Label, TimeSpec };

/** A property with its GraphQL type taken apart. */
export interface Property {
  name: string;
  /** The GraphQL type as written, e.g. "String!", "[String!]!", "OccupancyStatus!". */
  graphql: string;
  /** The named type: String, Int, Boolean, Date, or an enum's name. */
  base: string;
  list: boolean;
  required: boolean;
  enum?: string;
  default?: string | boolean | number;
  format?: (typeof FORMATS)[number];
}

export interface Reference {
  field: string;
  /** The declared type: a type or a union. */
  type: string;
  /** The concrete types it may point to (a union's members). */
  targets: string[];
  /** The relationship type it is stored as: the field in UPPER_SNAKE. */
  rel: string;
  optional: boolean;
  reverse?: string;
}

/** A list on a type of the nodes pointing at it (the reverse of a reference). */
export interface Incoming {
  field: string;
  from: string;
  /** The reference field on `from` this reverses. */
  via: string;
  rel: string;
}

export interface TypeModel {
  name: string;
  kind: 'entity' | 'fact';
  /** Facts-file section; undefined for Source (the file's `source:` header). */
  section?: string;
  /** Entities: id prefix. Facts: the prefix of derived ids (RankHolding → rank-holding). */
  idPrefix: string;
  /** Facts: fields of a derived id. */
  key: string[];
  /** Entities: the name properties search reads, the main name first. */
  names: string[];
  properties: Record<string, Property>;
  references: Record<string, Reference>;
  incoming: Record<string, Incoming>;
  computed: string[];
  time?: TimeSpec;
  edge?: EdgeSpec;
}

export interface Model {
  types: Record<string, TypeModel>;
  unions: Record<string, string[]>;
  factProperties: Record<string, Property>;
  factDerived: Record<string, Property>;
  factComputed: string[];
  enums: Record<string, string[]>;
  /** Entity types with a facts-file section, in model order. */
  entityTypes: TypeModel[];
  /** Fact types, in model order. */
  factTypes: TypeModel[];
  /** Every relationship type a reference is stored as. */
  relationships: string[];
  /** SHA-256 of the model files: a facts file is written again when the model that derives its facts changes. */
  digest: string;
}

export class ModelError extends Error {
  constructor(file: string, problems: string[]) {
    super(`Invalid model (${file}):\n${problems.map((p) => `  ${p}`).join('\n')}`);
    this.name = 'ModelError';
  }
}

/** holder → HOLDER, decidedAt → DECIDED_AT, onBehalfOf → ON_BEHALF_OF. */
export const relOf = (field: string) => field.replace(/([a-z0-9])([A-Z])/g, '$1_$2').toUpperCase();

const SCALARS = new Set(['String', 'Int', 'Boolean', 'Date', 'Float', 'ID']);

function property(name: string, spec: z.infer<typeof propertySpec>, enums: Record<string, string[]>, where: string, problems: string[]): Property {
  const { type, default: dflt, format } = typeof spec === 'string' ? { type: spec, default: undefined, format: undefined } : spec;
  const list = type.startsWith('[');
  const base = type.replace(/[[\]!]/g, '');
  const isEnum = !SCALARS.has(base);
  if (isEnum && !enums[base]) problems.push(`${where}.${name}: unknown type ${base} (not a scalar or an enum of the model)`);
  if (isEnum && typeof dflt === 'string' && !enums[base]?.includes(dflt)) problems.push(`${where}.${name}: default ${dflt} is not a value of ${base}`);
  return { name, graphql: type, base, list, required: type.endsWith('!'), enum: isEnum ? base : undefined, default: dflt, format };
}

/** Merges the model files of the schema folders (extensions add types, unions and enums). */
function readRaw(dirs: string[]): { raw: RawModel; file: string; digest: string } {
  const files = dirs.map((d) => path.join(d, 'model.yaml')).filter((f, i) => i === 0 || fs.existsSync(f));
  const hash = crypto.createHash('sha256');
  const merged: RawModel = { types: {}, unions: {}, factProperties: {}, factDerived: {}, factComputed: [], enums: {} };
  for (const file of files) {
    const textOfFile = fs.readFileSync(file, 'utf8');
    hash.update(textOfFile);
    const parsed = fileSchema.safeParse(parse(textOfFile));
    if (!parsed.success)
      throw new ModelError(
        file,
        parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`),
      );
    const m = parsed.data;
    for (const key of ['types', 'unions', 'enums'] as const) {
      for (const name of Object.keys(m[key])) if (name in merged[key]) throw new ModelError(file, [`${key}.${name}: already defined by an earlier model file`]);
      Object.assign(merged[key], m[key]);
    }
    Object.assign(merged.factProperties, m.factProperties);
    Object.assign(merged.factDerived, m.factDerived);
    merged.factComputed.push(...m.factComputed.filter((c) => !merged.factComputed.includes(c)));
  }
  return { raw: merged, file: files.join(', '), digest: hash.digest('hex') };
}

/** Builds and checks the model from the schema folders. Throws ModelError naming each problem. */
export function loadModel(dirs: string[] = SCHEMA_DIRS): Model {
  const { raw, file, digest } = readRaw(dirs);
  const problems: string[] = [];
  const concrete = (t: string) => raw.unions[t] ?? (raw.types[t] ? [t] : []);
  const types: Record<string, TypeModel> = {};
  for (const [name, t] of Object.entries(raw.types)) {
    const where = `types.${name}`;
    if (t.kind === 'entity' && !t.id) problems.push(`${where}: an entity needs an id prefix (id:)`);
    if (t.kind === 'fact' && (!t.section || !t.key)) problems.push(`${where}: a fact needs a section and a key`);
    if (t.kind === 'fact' && !t.time) problems.push(`${where}: a fact needs a time rule (time:)`);
    const properties = Object.fromEntries(Object.entries(t.properties).map(([p, spec]) => [p, property(p, spec, raw.enums, where, problems)]));
    const references: Record<string, Reference> = {};
    for (const [field, r] of Object.entries(t.references)) {
      const targets = concrete(r.type);
      if (!targets.length) problems.push(`${where}.references.${field}: unknown type ${r.type}`);
      if (field in properties) problems.push(`${where}.references.${field}: also a property`);
      references[field] = { field, type: r.type, targets, rel: relOf(field), optional: r.optional, reverse: r.reverse };
    }
    const fields = new Set([...Object.keys(properties), ...Object.keys(references)]);
    for (const k of t.key ?? []) if (!fields.has(k)) problems.push(`${where}.key: ${k} is not a property or reference`);
    for (const n of t.names ?? []) if (properties[n]?.base !== 'String') problems.push(`${where}.names: ${n} is not a String property`);
    if (t.time) {
      const tm = t.time;
      for (const f of [tm.start, tm.end, tm.status, tm.date].filter(Boolean) as string[]) {
        if (!(f in properties)) problems.push(`${where}.time: ${f} is not a property`);
      }
      for (const f of [tm.event, tm.exclusive?.reference].filter(Boolean) as string[]) {
        if (!(f in references)) problems.push(`${where}.time: ${f} is not a reference`);
      }
      for (const f of tm.slot) if (!fields.has(f)) problems.push(`${where}.time.slot: ${f} is not a property or reference`);
      if (tm.kind === 'instant' && (tm.presume || tm.start || tm.end))
        problems.push(`${where}.time: an instant has a date (date/event), no start, end or presumption`);
      if (tm.exclusive) {
        const target = raw.types[references[tm.exclusive.reference]?.type ?? ''];
        if (!target || !(tm.exclusive.when in target.properties))
          problems.push(`${where}.time.exclusive: ${tm.exclusive.when} is not a property of the referenced type`);
      }
    }
    if (t.edge) {
      const e = t.edge;
      for (const f of [e.source, e.target]) if (!(f in references)) problems.push(`${where}.edge: ${f} is not a reference`);
      for (const f of Object.keys(e.also)) if (!(f in references)) problems.push(`${where}.edge.also: ${f} is not a reference`);
      if (e.labelBy) {
        const prop = properties[e.labelBy.property];
        if (!prop?.enum) problems.push(`${where}.edge.labelBy: ${e.labelBy.property} is not an enum property`);
        else
          for (const v of Object.keys(e.labelBy.values))
            if (!raw.enums[prop.enum]?.includes(v)) problems.push(`${where}.edge.labelBy: ${v} is not a value of ${prop.enum}`);
      }
    }
    types[name] = {
      name,
      kind: t.kind,
      section: t.section,
      idPrefix: t.id ?? name.replace(/([a-z])([A-Z])/g, '$1-$2').toLowerCase(),
      key: t.key ?? [],
      names: t.names ?? [],
      properties,
      references,
      incoming: {},
      computed: t.computed,
      time: t.time,
      edge: t.edge,
    };
  }
  // Reverse lists: each declared once, on the reference; they land on every concrete target type.
  for (const type of Object.values(types)) {
    for (const ref of Object.values(type.references)) {
      if (!ref.reverse) continue;
      for (const target of ref.targets) {
        const t = types[target];
        if (!t) continue;
        if (ref.reverse in t.incoming || ref.reverse in t.properties || ref.reverse in t.references) {
          problems.push(`types.${type.name}.references.${ref.field}: reverse ${ref.reverse} already exists on ${target}`);
        }
        t.incoming[ref.reverse] = { field: ref.reverse, from: type.name, via: ref.field, rel: ref.rel };
      }
    }
  }
  const sections = Object.values(types)
    .map((t) => t.section)
    .filter(Boolean);
  if (new Set(sections).size !== sections.length) problems.push('two types share a section');
  const prefixes = Object.values(types).map((t) => t.idPrefix);
  if (new Set(prefixes).size !== prefixes.length) problems.push('two types share an id prefix');
  const factProperties = Object.fromEntries(Object.entries(raw.factProperties).map(([p, s]) => [p, property(p, s, raw.enums, 'factProperties', problems)]));
  const factDerived = Object.fromEntries(Object.entries(raw.factDerived).map(([p, s]) => [p, property(p, s, raw.enums, 'factDerived', problems)]));
  if (problems.length) throw new ModelError(file, problems);
  const all = Object.values(types);
  return {
    types,
    unions: raw.unions,
    factProperties,
    factDerived,
    factComputed: raw.factComputed,
    enums: raw.enums,
    entityTypes: all.filter((t) => t.kind === 'entity' && t.section),
    factTypes: all.filter((t) => t.kind === 'fact'),
    relationships: [...new Set(all.flatMap((t) => Object.values(t.references).map((r) => r.rel)))].sort(),
    digest,
  };
}

/** The project's model, loaded once. */
export const model: Model = loadModel();

/** The model's enum values (stored lower case) as a non-empty tuple, for zod. */
export function enumValues(name: string): [string, ...string[]] {
  const values = model.enums[name];
  if (!values?.length) throw new Error(`the model has no enum ${name}`);
  return values as [string, ...string[]];
}

/** The type an id names, by its prefix (person/… → Person); undefined for an unknown prefix. */
export function typeOfId(id: string): TypeModel | undefined {
  const prefix = id.split('/')[0];
  return Object.values(model.types).find((t) => t.idPrefix === prefix);
}

/** The edge label of a fact (by its labelBy property's value when declared). */
export function edgeLabel(type: TypeModel, fact: Record<string, unknown>): Label | undefined {
  const edge = type.edge;
  if (!edge) return undefined;
  const by = edge.labelBy ? edge.labelBy.values[String(fact[edge.labelBy.property])] : undefined;
  return by ?? edge.label;
}
