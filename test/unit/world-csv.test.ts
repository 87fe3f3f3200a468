// The benchmark world's CSV files for Neo4j's importer (bench/world-build.ts): fields as the importer
// reads them, the same world as the Cypher writer's description, and what CSV cannot say (an empty
// list) handed back to be set after the import. That the imported store equals the Cypher-written
// one is checked by hand (BENCHMARKS.md): the importer replaces a whole store, never the test's.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parse } from 'csv-parse/sync';
import { csvField, writeWorldCsv } from '../../bench/world-build';
import { worldBatches } from '../../bench/world';

describe('the world as CSV', () => {
  let dir: string;
  beforeAll(() => (dir = fs.mkdtempSync(path.join(os.tmpdir(), 'world-csv-'))));
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('quotes strings (a quote doubled), joins lists with U+001F, leaves null empty', () => {
    expect(csvField('Nguyễn "Ba" Văn', 'x')).toBe('"Nguyễn ""Ba"" Văn"');
    expect(csvField(['a', 'b, c'], 'x')).toBe('"a\u001fb, c"');
    expect(csvField(false, 'x')).toBe('false');
    expect(csvField(null, 'x')).toBe('');
    expect(() => csvField('two\nlines', 'Person:Entity person/x name')).toThrow(/person\/x name.*line break/);
    expect(() => csvField(['a\u001fb'], 'x')).toThrow(/U\+001F/);
  });

  it('writes every node and relationship of the description, typed in each header', () => {
    const { files, emptyLists } = writeWorldCsv(dir, 40);
    const read = (file: string) => parse(fs.readFileSync(file, 'utf8'), { columns: true, relax_quotes: false }) as Array<Record<string, string>>;
    let nodes = 0;
    let rels = 0;
    for (const part of worldBatches(40)) {
      for (const list of part.nodes.values()) nodes += list.length;
      for (const list of part.rels.values()) rels += list.length;
    }
    expect(files.nodes.reduce((n, f) => n + read(f.file).length, 0)).toBe(nodes);
    expect(files.relationships.reduce((n, f) => n + read(f.file).length, 0)).toBe(rels);
    const people = files.nodes.find((f) => f.labels.join(':') === 'Person:Entity')!;
    const [first] = read(people.file);
    expect(first).toMatchObject({ id: 'person/bench-0', name: 'Nguyễn Văn An', 'searchKeys:string[]': 'nguyen van an', 'aliases:string[]': '' });
    const positions = read(files.nodes.find((f) => f.labels[0] === 'Position')!.file);
    expect(positions[0]).toMatchObject({ 'party:boolean': 'false' });
    // the importer's ids are integers, one per node across all the files; the relationships name them
    expect(files.idType).toBe('integer');
    const numberOf = new Map<string, string>();
    for (const f of files.nodes) for (const row of read(f.file)) numberOf.set(row.id!, row[':ID']!);
    expect(new Set(numberOf.values()).size).toBe(nodes);
    expect([...numberOf.values()].every((n) => /^\d+$/.test(n))).toBe(true);
    const sourced = files.relationships.filter((f) => f.type === 'SOURCED_FROM');
    expect(read(sourced[0]!.file)[0]).toMatchObject({
      ':START_ID': numberOf.get('occupancy/bench-0/now'),
      ':END_ID': numberOf.get('source/bench-0'),
      'quotes:string[]': 'generated: current',
    });
    // the lists CSV cannot store empty, handed back whole per label set
    expect(emptyLists).toEqual(
      expect.arrayContaining([
        { labels: 'Person:Entity', props: ['aliases', 'identifiers'] },
        { labels: 'Organization:Entity', props: ['abbreviations', 'aliases', 'identifiers'] },
      ]),
    );
  });
});
