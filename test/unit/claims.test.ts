// Several sources, one node: how their claims settle (src/model/claims.ts), and when a fact of a file
// is the same holding as one already in the graph (src/ingest/match.ts decideFacts).
import { decideFacts } from '../../src/ingest/match';
import { settleClaims, settleReferences } from '../../src/model/claims';
import type { Plan } from '../../src/model/facts-file';
import { model } from '../../src/model/model';

const person = model.types.Person!.properties;
const occupancy = { ...model.types.Occupancy!.properties, ...model.factProperties };
const position = model.types.Position!.properties;

describe('settling claims', () => {
  it('takes a given value over none, and the most recent source’s where they differ', () => {
    const out = settleClaims(
      person,
      [
        { sourceId: 'source/wiki', date: '2025-10', props: { name: 'Nguyễn Duy Ngọc', birthDate: '1964', familyName: null } },
        { sourceId: 'source/article', date: '2024-04-10', props: { name: 'Nguyễn Duy Ngọc', familyName: 'Nguyễn', birthDate: null } },
      ],
      false,
    );
    expect(out).toMatchObject({ name: 'Nguyễn Duy Ngọc', birthDate: '1964', familyName: 'Nguyễn' });
  });

  it('unions lists and does not let a default undo a stated value', () => {
    const out = settleClaims(
      position,
      [
        { sourceId: 'source/a', date: '2024', props: { role: 'Tư lệnh', singleHolder: true, party: false } },
        { sourceId: 'source/b', date: '2025', props: { role: 'Tư lệnh', singleHolder: false, party: false } },
      ],
      false,
    );
    expect(out.singleHolder).toBe(true);
    const names = settleClaims(
      person,
      [
        { sourceId: 'source/a', date: '2024', props: { name: 'X', aliases: ['A'], identifiers: [] } },
        { sourceId: 'source/b', date: '2025', props: { name: 'X', aliases: ['B', 'A'], identifiers: ['viwiki:1'] } },
      ],
      false,
    );
    expect(names.aliases).toEqual(['B', 'A']);
    expect(names.identifiers).toEqual(['viwiki:1']);
  });

  it('on facts: the highest confidence, inferred only when every source infers it, every note kept', () => {
    const out = settleClaims(
      occupancy,
      [
        { sourceId: 'source/a', date: '2024', props: { confidence: 'medium', inferred: true, note: 'inferred from the post' } },
        { sourceId: 'source/b', date: '2025', props: { confidence: 'high', inferred: false, note: null, startDate: '2019-08-15', status: 'ended' } },
      ],
      true,
    );
    expect(out).toMatchObject({ confidence: 'high', inferred: false, note: 'inferred from the post', startDate: '2019-08-15', status: 'ended' });
  });

  it('does not depend on the order the sources were loaded in', () => {
    const a = { sourceId: 'source/a', date: '2025', props: { name: 'Tòa án' } };
    const b = { sourceId: 'source/b', date: '2025', props: { name: 'Toà án' } };
    expect(settleClaims(person, [a, b], false)).toEqual(settleClaims(person, [b, a], false));
    expect(settleReferences(['predecessor'], [{ ...a, props: { predecessor: 'person/x' } }, b])).toEqual({ predecessor: 'person/x' });
    expect(settleReferences(['predecessor'], [b])).toEqual({});
  });
});

describe('the same holding from two sources', () => {
  const plan = (facts: Array<Record<string, unknown>>, published: string | null = null): Plan =>
    ({
      source: { id: 'source/x', publishedAt: published, retrievedAt: published ? null : '2025-10', kind: 'record', title: 'x', textFile: null },
      sections: { occupancies: facts.map((f) => ({ id: `occupancy/${String(f.startDate)}`, holder: 'person/a', position: 'position/p', ...f })) },
      file: 'x',
      sourceText: null,
    }) as unknown as Plan;

  it('takes the graph’s fact when the stated intervals overlap', () => {
    const p = plan([{ startDate: '2019-08-15', endDate: '2024-06-04', status: 'ended' }]);
    const renames = decideFacts(p, new Map([['occupancy/2019-08-15', [{ id: 'occupancy/seen-2024', statedFrom: '2024-04-10', statedTo: '2024-04-10' }]]]));
    expect(renames.get('occupancy/2019-08-15')).toBe('occupancy/seen-2024');
    expect(p.sections.occupancies![0]!.id).toBe('occupancy/seen-2024');
  });

  it('keeps two terms of one post apart, each to the holding it overlaps', () => {
    const p = plan([
      { startDate: '2010', endDate: '2015', status: 'ended' },
      { startDate: '2016', endDate: '2020', status: 'ended' },
    ]);
    const existing = [
      { id: 'occupancy/g1', statedFrom: '2011-01-01', statedTo: '2011-12-31' },
      { id: 'occupancy/g2', statedFrom: '2018-01-01', statedTo: '2018-12-31' },
    ];
    decideFacts(
      p,
      new Map([
        ['occupancy/2010', existing],
        ['occupancy/2016', existing],
      ]),
    );
    expect(p.sections.occupancies!.map((o) => o.id)).toEqual(['occupancy/g1', 'occupancy/g2']);
  });

  it('leaves a fact alone when nothing overlaps', () => {
    const p = plan([{ startDate: '2001', endDate: '2005', status: 'ended' }]);
    expect(decideFacts(p, new Map([['occupancy/2001', [{ id: 'occupancy/g', statedFrom: '2024-04-10', statedTo: '2024-04-10' }]]])).size).toBe(0);
  });
});
