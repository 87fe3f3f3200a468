import fs from 'node:fs';
import { InfoboxImporter, InfoboxRecord } from './src/import/wikipedia/infobox';
import { OrganizationCatalogue } from './src/import/wikipedia/organizations';
import { planFromText } from './src/ingest/ingest';
const records = JSON.parse(fs.readFileSync('/work/shared/data/wikipedia/political-net/politicians_data.json', 'utf8')) as InfoboxRecord[];
const cat = new OrganizationCatalogue();
const imp = new InfoboxImporter(records, cat);
let ok = 0, bad = 0, skipped: Record<string, number> = {}, posts = 0, unresolved = 0, undated = 0, occ = 0;
const problems: string[] = [];
const unres: string[] = [];
for (const r of records) {
  const { facts, report } = imp.read(r);
  if (!facts) { skipped[report.skipped!] = (skipped[report.skipped!] ?? 0) + 1; continue; }
  posts += report.posts; unresolved += report.unresolved.length; undated += report.undated.length;
  unres.push(...report.unresolved.map((u) => u.value.replace(/\n/g, ' ').slice(0, 150)));
  occ += (facts.occupancies as unknown[]).length;
  try { planFromText(JSON.stringify(facts), `wiki#${r.id}`, () => ''); ok++; } catch (e) { bad++; problems.push(`${r.id}: ${(e as Error).message.slice(0, 400)}`); }
}
console.log({ ok, bad, skipped, posts, unresolved, undated, occ, orgs: cat.entries.size });
console.log(problems.slice(0, 8).join('\n'));
fs.writeFileSync('/tmp/scratch/unresolved.txt', unres.join('\n'));
fs.writeFileSync('/tmp/scratch/orgs.txt', [...cat.entries.values()].map((o) => `${o.id}\t${o.name}\t${o.classification}\t${o.parent?.id ?? ''}`).sort().join('\n'));
