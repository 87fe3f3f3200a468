// How long the unpaginated lists really are: for each reverse list of the model (Person.occupancies,
// Organization.members, …), each fact's sources and each entity's mentions, the 99th percentile of
// its length over the graph. The query cost limit (src/graphql/limits/fan-out.ts) multiplies by
// these instead of a flat guess, so that honest nested queries pass and deep fan-outs still do not.
// Refreshed at start and every few minutes; until the first answer the flat size applies.
import type { Database } from '../db/database';
import { model } from '../model/model';
import { cypherName } from './nodes';

interface Measure {
  key: string;
  cypher: string;
}

/** One query per list: COUNT subqueries over the label, the percentile taken by Neo4j. */
function measures(): Measure[] {
  const out: Measure[] = [];
  const p99 = (label: string, count: string) => `MATCH (e:${cypherName(label)}) WITH ${count} AS n RETURN percentileDisc(n, 0.99) AS p99`;
  for (const type of Object.values(model.types)) {
    for (const inc of Object.values(type.incoming)) {
      out.push({ key: `${type.name}.${inc.field}`, cypher: p99(type.name, `COUNT { (e)<-[:${cypherName(inc.rel)}]-(:${cypherName(inc.from)}) }`) });
    }
    if (type.kind === 'fact') out.push({ key: `${type.name}.sources`, cypher: p99(type.name, 'COUNT { (e)-[:SOURCED_FROM]->() }') });
    else if (type.computed.includes('mentions')) out.push({ key: `${type.name}.mentions`, cypher: p99(type.name, 'COUNT { (e)-[:MENTIONED_IN]->() }') });
  }
  out.push({ key: 'Evidence.records', cypher: 'MATCH ()-[r:SOURCED_FROM]->() RETURN percentileDisc(size(coalesce(r.values, [])), 0.99) AS p99' });
  return out;
}

export class ListSizes {
  private sizes: ReadonlyMap<string, number> = new Map();
  private timer: NodeJS.Timeout | undefined;

  constructor(private readonly db: Database) {}

  /** The latest sizes, by "Type.field" (empty until the first refresh answered). */
  get current(): ReadonlyMap<string, number> {
    return this.sizes;
  }

  /** Measures every list (each at least 1). A failure keeps the sizes it had. */
  async refresh(): Promise<void> {
    const next = new Map<string, number>();
    for (const m of measures()) {
      const [row] = await this.db.read(m.cypher, {}, this.db.maintenanceTimeoutMs);
      next.set(m.key, Math.max(1, Math.ceil(Number(row?.p99 ?? 0))));
    }
    // Event.sources is Event.mentions under the API contract's other name.
    if (next.has('Event.mentions')) next.set('Event.sources', next.get('Event.mentions')!);
    this.sizes = next;
  }

  /** Refreshes now (awaited up to `firstWaitMs`) and then every `everyMs`; stop() ends it. */
  async start(everyMs: number, firstWaitMs: number): Promise<void> {
    const first = this.refresh().catch(() => undefined);
    await Promise.race([first, new Promise((r) => setTimeout(r, firstWaitMs).unref())]);
    this.timer = setInterval(() => void this.refresh().catch(() => undefined), everyMs);
    this.timer.unref();
  }

  stop(): void {
    if (this.timer) clearInterval(this.timer);
  }
}
