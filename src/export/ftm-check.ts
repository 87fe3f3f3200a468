// Checks FtM entities against the FollowTheMoney model as its maintainers publish it
// (@alephdata/followthemoney's defaultModel): every schema exists and is not abstract, every
// property belongs to the schema, values are lists of strings, entity-typed values name an entity of
// the same export, dates are ISO dates, and an Occupancy has a holder and a post, a Membership a member
// and an organization. Used by the tests and by whoever wants to check an export.
import { ftmSchema } from '../model/ftm-model';

export interface FtmProblem {
  line: number;
  id: string;
  schema: string;
  property?: string;
  message: string;
}

const DATE = /^\d{4}(-\d{2}(-\d{2}(T[\d:.]+(Z|[+-]\d{2}:?\d{2})?)?)?)?$/;
const REQUIRED: Record<string, string[]> = { Occupancy: ['holder', 'post'], Membership: ['member', 'organization'], Position: ['name'] };

/** The problems of FtM JSON lines (empty when all is valid). */
export function checkFtm(text: string): FtmProblem[] {
  const problems: FtmProblem[] = [];
  const entities: Array<{ line: number; e: { id: string; schema: string; properties: Record<string, unknown> } }> = [];
  text.split('\n').forEach((raw, i) => {
    if (!raw.trim()) return;
    try {
      entities.push({ line: i + 1, e: JSON.parse(raw) as (typeof entities)[number]['e'] });
    } catch (error) {
      problems.push({ line: i + 1, id: '?', schema: '?', message: `not JSON: ${(error as Error).message}` });
    }
  });
  const ids = new Set(entities.map(({ e }) => e.id));
  for (const { line, e } of entities) {
    const at = { line, id: String(e.id), schema: String(e.schema) };
    if (typeof e.id !== 'string' || !/^[0-9a-zA-Z]([0-9a-zA-Z.-]*[0-9a-zA-Z])?$/.test(e.id)) problems.push({ ...at, message: 'id: expected [0-9a-zA-Z.-]' });
    const schema = ftmSchema(e.schema);
    if (!schema) {
      problems.push({ ...at, message: `unknown schema ${e.schema}` });
      continue;
    }
    if (schema.abstract) problems.push({ ...at, message: `schema ${e.schema} is abstract` });
    for (const p of REQUIRED[schema.name] ?? [])
      if (!Array.isArray(e.properties?.[p]) || !(e.properties[p] as unknown[]).length) problems.push({ ...at, property: p, message: 'required' });
    for (const [name, values] of Object.entries(e.properties ?? {})) {
      if (!schema.hasProperty(name)) {
        problems.push({ ...at, property: name, message: `not a property of ${e.schema}` });
        continue;
      }
      if (!Array.isArray(values) || values.some((v) => typeof v !== 'string')) {
        problems.push({ ...at, property: name, message: 'expected a list of strings' });
        continue;
      }
      const type = schema.getProperty(name).type;
      for (const v of values as string[]) {
        if (type.name === 'entity' && !ids.has(v)) problems.push({ ...at, property: name, message: `refers to ${v}, not in the export` });
        if (type.name === 'date' && !DATE.test(v)) problems.push({ ...at, property: name, message: `not an ISO date: ${v}` });
      }
    }
  }
  return problems;
}
