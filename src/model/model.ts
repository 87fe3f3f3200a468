// The graph model (schema/model.yaml), loaded once: types, their properties, references (out-going
// relationships), incoming lists and enums. The ingestion schema, the resolvers and the model test
// all read it, so the vocabulary is defined in one place.
import fs from 'node:fs';
import path from 'node:path';
import { parse } from 'yaml';
import { PROJECT_ROOT } from '../localdb/paths';

export interface Reference {
  type: string;
  rel: string;
  optional?: boolean;
}
export interface Incoming {
  from: string;
  rel: string;
}
export interface TypeModel {
  kind: 'entity' | 'fact';
  properties: Record<string, string>;
  references?: Record<string, Reference>;
  incoming?: Record<string, Incoming>;
  computed?: string[];
}
export interface Model {
  types: Record<string, TypeModel>;
  factProperties: Record<string, string>;
  factComputed: string[];
  enums: Record<string, string[]>;
}

export const MODEL_FILE = path.join(PROJECT_ROOT, 'schema', 'model.yaml');

export const model: Model = parse(fs.readFileSync(MODEL_FILE, 'utf8')) as Model;

/** The model's enum values (stored lower case) as a non-empty tuple, for zod. */
export function enumValues(name: string): [string, ...string[]] {
  const values = model.enums[name];
  if (!values?.length) throw new Error(`schema/model.yaml has no enum ${name}`);
  return values as [string, ...string[]];
}
