// FollowTheMoney entities, one JSON object a line ({id, schema, properties: {name: [values…]}}) →
// one facts file (pure). The schemata the model has types for map onto them (docs/interchange.md):
// Person → Person; Organization and its descendants (PublicBody, Company…) → Organization;
// Position → Position; Occupancy → Occupancy (holder, post); Membership → Membership; Event → Event.
// Every entry cites its whole FtM line ({field: "ftm", value: the JSON}) and each sourceUrl, so
// properties the model does not hold (an older model's unknown "abbreviation" too) are kept with the
// source and given back by the export. Lines of any other schema — known to FtM (Sanction, Ownership,
// Address…) or not — are kept verbatim in the Source's foreignRecords. Nothing is dropped.
import { slug } from '../../text/fold';
import { normalizeName } from '../../text/normalize';
import { DatasetFacts, identifier, InputProblem, isoDate, recordEvidence, scopedId, shortHash } from '../dataset';
import { ftmSchema } from '../../model/ftm-model';

type Obj = Record<string, unknown>;
export interface FtmEntity {
  id: string;
  schema: string;
  properties: Record<string, unknown[]>;
  [key: string]: unknown;
}

/** The model type an FtM schema maps to (by FtM's inheritance), or null: kept as a foreign record. */
export function mappedType(schema: string): 'Person' | 'Organization' | 'Position' | 'Occupancy' | 'Membership' | 'Event' | null {
  const s = ftmSchema(schema);
  if (!s) return null;
  for (const t of ['Person', 'Occupancy', 'Membership', 'Position', 'Event'] as const) if (s.isA(t)) return t;
  return s.isA('Organization') ? 'Organization' : null;
}

const STATUS: Record<string, string> = { current: 'current', ended: 'ended', unknown: 'unknown' };

export function readFtm(text: string, source: Obj, problems: InputProblem[]): DatasetFacts {
  const entities: Array<{ e: FtmEntity; line: number }> = [];
  const foreign: string[] = [];
  text.split('\n').forEach((raw, i) => {
    const line = i + 1;
    if (!raw.trim()) return;
    let e: FtmEntity;
    try {
      e = JSON.parse(raw) as FtmEntity;
    } catch (error) {
      problems.push({ record: `line ${line}`, field: '(json)', message: (error as Error).message });
      return;
    }
    if (!e || typeof e !== 'object' || typeof e.id !== 'string' || !e.id || typeof e.schema !== 'string') {
      problems.push({
        record: `line ${line}`,
        field: !e || typeof e.id !== 'string' || !e.id ? 'id' : 'schema',
        message: 'an FtM entity needs a string id and schema',
      });
      return;
    }
    if (e.properties !== undefined && (typeof e.properties !== 'object' || Array.isArray(e.properties))) {
      problems.push({ record: `line ${line} (${e.schema} ${e.id})`, field: 'properties', message: 'expected an object of property → list of values' });
      return;
    }
    e.properties ??= {};
    for (const [p, v] of Object.entries(e.properties)) {
      if (!Array.isArray(v)) problems.push({ record: `line ${line} (${e.schema} ${e.id})`, field: `properties.${p}`, message: 'expected a list of values' });
    }
    if (mappedType(e.schema)) entities.push({ e, line });
    else foreign.push(raw.trim());
  });

  const facts = new DatasetFacts({ ...source, foreignRecords: foreign });
  const values = (e: FtmEntity, p: string): string[] =>
    (e.properties[p] ?? []).filter((v) => typeof v === 'string' && v.trim()).map((v) => (v as string).trim());
  const first = (e: FtmEntity, p: string) => values(e, p)[0] ?? null;
  const where = (e: FtmEntity, line: number) => `line ${line} (${e.schema} ${e.id})`;
  const date = (e: FtmEntity, line: number, p: string): string | null => {
    const d = isoDate(first(e, p));
    if (d === undefined) problems.push({ record: where(e, line), field: `properties.${p}`, message: `expected a date, got ${JSON.stringify(first(e, p))}` });
    return d ?? null;
  };
  const cites = (e: FtmEntity) => recordEvidence('ftm', e, values(e, 'sourceUrl'));
  const ids = new Map<string, { id: string; type: string }>();

  // Person ids: the slug of the name; namesakes within the file are told apart by their FtM id.
  const persons = entities.filter(({ e }) => mappedType(e.schema) === 'Person');
  const slugCount = new Map<string, number>();
  for (const { e } of persons) {
    const s = slug(normalizeName(first(e, 'name') ?? ''));
    slugCount.set(s, (slugCount.get(s) ?? 0) + 1);
  }
  for (const { e, line } of entities) {
    const type = mappedType(e.schema)!;
    const name = first(e, 'name');
    const ownIds = [identifier('ftm', e.id), ...values(e, 'wikidataId').map((q) => identifier('wikidata', q))].filter((x): x is string => !!x);
    const wikidataId = values(e, 'wikidataId').find((q) => /^Q[1-9]\d*$/.test(q)) ?? null;
    const aliases = [...values(e, 'name').slice(1), ...values(e, 'alias')];
    if (type === 'Person' || type === 'Organization' || type === 'Event') {
      if (!name) {
        problems.push({ record: where(e, line), field: 'properties.name', message: `a ${e.schema} needs a name` });
        continue;
      }
    }
    if (type === 'Person') {
      const s = slug(normalizeName(name!)) || shortHash(name!);
      const id = `person/${s}${(slugCount.get(s) ?? 0) > 1 ? `-${shortHash(`ftm|${e.id}`)}` : ''}`;
      ids.set(e.id, { id, type });
      const gender = first(e, 'gender');
      facts.add(
        'persons',
        {
          id,
          name,
          givenName: first(e, 'firstName'),
          familyName: first(e, 'lastName'),
          aliases,
          gender: gender === 'male' || gender === 'female' ? gender : null,
          birthDate: date(e, line, 'birthDate'),
          deathDate: date(e, line, 'deathDate'),
          wikidataId,
          identifiers: ownIds,
          mentions: cites(e),
        },
        where(e, line),
      );
    } else if (type === 'Organization') {
      const id = scopedId('organization', name!, 'ftm', e.id);
      ids.set(e.id, { id, type });
      const classification = ftmSchema(e.schema)!.isA('Company') ? 'company' : 'other';
      facts.add('organizations', { id, name, aliases, abbreviations: [], classification, wikidataId, identifiers: ownIds, mentions: cites(e) }, where(e, line));
    } else if (type === 'Event') {
      const id = scopedId('event', name!, 'ftm', e.id);
      ids.set(e.id, { id, type });
      facts.add(
        'events',
        {
          id,
          name,
          classification: 'other',
          startDate: date(e, line, first(e, 'startDate') ? 'startDate' : 'date'),
          endDate: date(e, line, 'endDate'),
          place: first(e, 'location'),
          identifiers: ownIds,
          mentions: cites(e),
        },
        where(e, line),
      );
    } else if (type === 'Position') {
      const label = name ?? first(e, 'description');
      if (!label) {
        problems.push({ record: where(e, line), field: 'properties.name', message: 'a Position needs a name' });
        continue;
      }
      ids.set(e.id, { id: scopedId('position', label, 'ftm', e.id), type });
    }
  }
  const refTo = (e: FtmEntity, line: number, p: string, types: string[], required: boolean): string | null => {
    const target = first(e, p);
    if (!target) {
      if (required) problems.push({ record: where(e, line), field: `properties.${p}`, message: `an ${e.schema} needs a ${p}` });
      return null;
    }
    const known = ids.get(target);
    if (!known || !types.includes(known.type)) {
      // a dangling optional reference stays in the cited line; a required one is an error
      if (required)
        problems.push({ record: where(e, line), field: `properties.${p}`, message: `refers to ${target}, which is no ${types.join(' or ')} of the file` });
      return null;
    }
    return known.id;
  };
  for (const { e, line } of entities) {
    const type = mappedType(e.schema);
    if (type === 'Position') {
      const label = first(e, 'name') ?? first(e, 'description')!;
      facts.add(
        'positions',
        {
          id: ids.get(e.id)!.id,
          role: label,
          label,
          organization: refTo(e, line, 'organization', ['Organization'], false),
          identifiers: [identifier('ftm', e.id)].filter((x): x is string => !!x),
          mentions: cites(e),
        },
        where(e, line),
      );
    }
  }
  for (const { e, line } of entities) {
    const type = mappedType(e.schema);
    if (type === 'Occupancy') {
      const holder = refTo(e, line, 'holder', ['Person'], true);
      const position = refTo(e, line, 'post', ['Position'], true);
      if (!holder || !position) continue;
      const endDate = date(e, line, 'endDate');
      const status = STATUS[first(e, 'status') ?? ''] ?? (endDate ? 'ended' : 'unknown');
      facts.add(
        'occupancies',
        { id: scopedId('occupancy', '', 'ftm', e.id), holder, position, startDate: date(e, line, 'startDate'), endDate, status, evidence: cites(e) },
        where(e, line),
      );
    } else if (type === 'Membership') {
      const member = refTo(e, line, 'member', ['Person', 'Organization'], true);
      const organization = refTo(e, line, 'organization', ['Organization'], true);
      if (!member || !organization) continue;
      const roleText = first(e, 'role');
      facts.add(
        'memberships',
        {
          id: scopedId('membership', '', 'ftm', e.id),
          member,
          organization,
          role: 'member',
          roleText,
          startDate: date(e, line, 'startDate'),
          endDate: date(e, line, 'endDate'),
          evidence: cites(e),
        },
        where(e, line),
      );
    }
  }
  return facts;
}
