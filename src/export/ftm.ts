// The graph (or a neighbourhood) as FollowTheMoney entities, one JSON object a line, streamed.
// Person → Person; Organization → its imported schema, else Company / Organization / PublicBody by
// classification (part_of → parent); Position → Position (organization, subnationalArea); Occupancy →
// Occupancy (holder, post, status); Membership → Membership; Event → Event; each Source → a Document
// that entities cite as `proof`. Every fact keeps its sources: sourceUrl (each source's URL), publisher,
// and the quotes or record values as description. An entity imported from FtM keeps its id and gets
// back every property the model does not hold; the records kept as a source's foreignRecords
// (Sanction, Ownership, Address…) are given back as they came. See docs/interchange.md.
import type { Database } from '../db/database';
import { Citation, exportNodes, ExportNode, foreignRecords } from '../graph/export';
import { model } from '../model/model';
import { decodeOtherName } from '../model/other-names';
import { citationUrl, ExportScope, foreignOf, quotesOf, recordValuesOf, scopeIds, urlsOf } from './citations';

type Props = Record<string, string[]>;
interface FtmEntity {
  id: string;
  schema: string;
  properties: Props;
  [key: string]: unknown;
}

/** FtM ids are [0-9a-zA-Z.-]: an entity imported from FtM keeps its id (ftm:<id>); others get theirs with "/" as ".". */
export function ftmId(graphId: string, identifiers: string[] = []): string {
  const own = identifiers.find((x) => x.startsWith('ftm:'));
  return own ? own.slice(4) : graphId.replace(/\//g, '.').replace(/[^0-9a-zA-Z.-]/g, '-');
}
const documentId = (sourceId: string) => ftmId(sourceId);

const PUBLIC_BODY = new Set([
  'government',
  'ministry',
  'court',
  'procuracy',
  'inspectorate',
  'audit_office',
  'army',
  'police',
  'military_unit',
  'command',
  'general_department',
  'department',
  'committee',
  'legislature',
  'people_committee',
  'people_council',
  'province',
  'office',
  'party_body',
  'party_committee',
  'academy',
]);

/** Values of the model (non-empty strings), merged into the imported properties (union, the imported first). */
function merge(props: Props, add: Record<string, unknown>): Props {
  for (const [k, v] of Object.entries(add)) {
    const values = (Array.isArray(v) ? v : [v]).filter((x) => x !== null && x !== undefined && x !== '').map(String);
    if (!values.length) continue;
    props[k] = [...new Set([...(props[k] ?? []), ...values])];
  }
  return props;
}

/** The FtM entity this node was imported from (its first), if any. */
const imported = (n: ExportNode) => foreignOf(n, 'ftm')[0] as FtmEntity | undefined;

function base(n: ExportNode, schema: string): FtmEntity {
  const from = imported(n);
  const props: Props = {};
  for (const f of foreignOf(n, 'ftm'))
    for (const [k, v] of Object.entries((f.properties as Props | undefined) ?? {})) props[k] = [...new Set([...(props[k] ?? []), ...v])];
  return { id: from?.id ?? ftmId(n.node.id, (n.node.identifiers as string[] | undefined) ?? []), schema: from?.schema ?? schema, properties: props };
}

/** Provenance of an entity (Thing): proof documents, sourceUrl, publisher. */
function thingSources(n: ExportNode): Record<string, unknown> {
  return { proof: n.citations.map((c) => documentId(c.sourceId)), sourceUrl: urlsOf(n), publisher: n.citations.map((c) => c.publisher) };
}
/** Provenance of a fact (Interval has no proof): sourceUrl, publisher, and the quotes and record values as description. */
function factSources(n: ExportNode): Record<string, unknown> {
  return {
    sourceUrl: urlsOf(n),
    publisher: n.citations.map((c) => c.publisher),
    description: [...quotesOf(n), ...recordValuesOf(n)],
    summary: n.node.note,
    retrievedAt: n.citations.map((c) => (c.kind === 'article' ? null : c.date)),
  };
}
const refId = (n: ExportNode, field: string) => (n.refs[field] ? ftmId(n.refs[field].id, n.refs[field].identifiers) : null);
const names = (node: Record<string, unknown>) => ((node.otherNames as string[] | undefined) ?? []).map((t) => decodeOtherName(t).name);

const CONVERT: Record<string, (n: ExportNode) => FtmEntity> = {
  Person: (n) => {
    const e = base(n, 'Person');
    const nameSet = new Set([n.node.name as string, ...(e.properties.name ?? [])]);
    merge(e.properties, {
      name: n.node.name,
      alias: [...((n.node.aliases as string[]) ?? []), ...names(n.node)].filter((a) => !nameSet.has(a)),
      firstName: n.node.givenName,
      lastName: n.node.familyName,
      birthDate: n.node.birthDate,
      deathDate: n.node.deathDate,
      gender: n.node.gender,
      wikidataId: n.node.wikidataId,
      ...thingSources(n),
    });
    return e;
  },
  Organization: (n) => {
    const cls = n.node.classification as string;
    const e = base(n, cls === 'company' || cls === 'state_enterprise' ? 'Company' : PUBLIC_BODY.has(cls) ? 'PublicBody' : 'Organization');
    const nameSet = new Set([n.node.name as string, ...(e.properties.name ?? [])]);
    merge(e.properties, {
      name: n.node.name,
      alias: [
        ...((n.node.aliases as string[]) ?? []),
        ...names(n.node),
        ...((n.node.abbreviations as string[]) ?? []),
        ...(n.node.nameEn ? [String(n.node.nameEn)] : []),
      ].filter((a) => !nameSet.has(a)),
      wikidataId: n.node.wikidataId,
      parent: n.parents.map((p) => ftmId(p)),
      ...thingSources(n),
    });
    return e;
  },
  Position: (n) => {
    const e = base(n, 'Position');
    merge(e.properties, { name: n.node.label ?? n.node.role, organization: refId(n, 'organization'), subnationalArea: n.refs.area?.name, ...thingSources(n) });
    return e;
  },
  Event: (n) => {
    const e = base(n, 'Event');
    merge(e.properties, {
      name: n.node.name,
      startDate: n.node.startDate,
      endDate: n.node.endDate,
      location: n.node.place,
      organizer: refId(n, 'organization'),
      ...thingSources(n),
    });
    return e;
  },
  Occupancy: (n) => {
    const e = base(n, 'Occupancy');
    merge(e.properties, {
      holder: refId(n, 'holder'),
      post: refId(n, 'position'),
      startDate: n.node.startDate,
      endDate: n.node.endDate,
      status: n.node.status,
      ...factSources(n),
    });
    return e;
  },
  Membership: (n) => {
    const e = base(n, 'Membership');
    merge(e.properties, {
      member: refId(n, 'member'),
      organization: refId(n, 'organization'),
      role: n.node.roleText ?? n.node.role,
      startDate: n.node.startDate,
      endDate: n.node.endDate,
      ...factSources(n),
    });
    return e;
  },
};

/** A source as an FtM Document (what entities cite as proof). */
function documentOf(c: Citation): FtmEntity {
  return {
    id: documentId(c.sourceId),
    schema: 'Document',
    properties: merge({}, { title: c.title, sourceUrl: citationUrl(c), publisher: c.publisher, date: c.date }),
  };
}

/** The FtM entities, as text chunks of JSON lines (one per page). */
export async function* ftmExport(db: Database, scope: ExportScope = {}): AsyncGenerator<string> {
  const { ids, sources } = await scopeIds(db, scope);
  const documents = new Set<string>();
  // the model's order: entities before the facts that point at them
  for (const type of [...model.entityTypes, ...model.factTypes]) {
    const convert = CONVERT[type.name];
    if (!convert) continue;
    for await (const page of exportNodes(db, type.name, ids)) {
      const lines: string[] = [];
      for (const n of page) {
        for (const c of n.citations)
          if (!documents.has(c.sourceId)) {
            documents.add(c.sourceId);
            lines.push(JSON.stringify(documentOf(c)));
          }
        lines.push(JSON.stringify(convert(n)));
      }
      if (lines.length) yield `${lines.join('\n')}\n`;
    }
  }
  for await (const records of foreignRecords(db, sources)) if (records.length) yield `${records.join('\n')}\n`;
}
