// The time rules (src/model/time.ts), table by table: what is STATED, what is only PRESUMED, and
// what ends a presumption. Specs are the model's own (schema/model.yaml).
import { model } from '../../src/model/model';
import { basisAt, deriveTime, overlaps, statedInterval, TimeInput } from '../../src/model/time';

const occupancy = model.types.Occupancy!.time!;
const rank = model.types.RankHolding!.time!;
const participation = model.types.Participation!.time!;
const conferral = model.types.Conferral!.time!;
const subordination = model.types.Subordination!.time!;

const fact = (f: Partial<TimeInput> & { id?: string }): TimeInput => ({ id: 'f', sightings: [], ...f });
const seen = (date: string, status: string | null = 'current') => ({ date, status });

describe('statedInterval', () => {
  it.each([
    ['a current post seen once', fact({ status: 'current', sightings: [seen('2024-04-10')] }), ['2024-04-10', '2024-04-10']],
    ['stated start and end', fact({ start: '2016-04-09', end: '2024-05-22', sightings: [seen('2025-01-01', 'ended')] }), ['2016-04-09', '2024-05-22']],
    ['partial dates name their whole month or year', fact({ start: '2010-06', end: '2012' }), ['2010-06-01', '2012-12-31']],
    ['a start, then a source that saw it current', fact({ start: '2018', sightings: [seen('2024-04-10')] }), ['2018-01-01', '2024-04-10']],
    ['two sources that saw it current', fact({ sightings: [seen('2024-04-10'), seen('2023-02')] }), ['2023-02-01', '2024-04-10']],
    ['a post already ended at the source: nothing stated', fact({ sightings: [seen('2024-04-10', 'ended')] }), null],
    ['ended, with a start only: the start', fact({ start: '2015-03', sightings: [seen('2024-04-10', 'ended')] }), ['2015-03-01', '2015-03-31']],
    ['no date at all', fact({ sightings: [{ date: null, status: 'current' }] }), null],
    ['a later source reporting a past end', fact({ end: '1998', sightings: [seen('2024-05-01', null)] }), ['1998-01-01', '1998-12-31']],
  ])('lasting: %s', (_, input, expected) => {
    expect(statedInterval(occupancy, input)).toEqual(expected);
  });

  it.each([
    ['its own date', fact({ date: '2024-04-10', eventStart: '2024-04-09', sightings: [seen('2024-04-12')] }), ['2024-04-10', '2024-04-10']],
    ['its event dates', fact({ eventStart: '2024-04-09', eventEnd: '2024-04-11', sightings: [seen('2024-04-12')] }), ['2024-04-09', '2024-04-11']],
    ['else its source date', fact({ sightings: [seen('2024-04-12')] }), ['2024-04-12', '2024-04-12']],
  ])('instant: %s', (_, input, expected) => {
    expect(statedInterval(conferral, input)).toEqual(expected);
    expect(statedInterval(participation, { ...input, date: null, eventStart: input.eventStart ?? input.date })).toBeTruthy();
  });
});

describe('deriveTime', () => {
  it('carries a post seen current forward a term and back two years, as PRESUMED', () => {
    const t = deriveTime(occupancy, [fact({ status: 'current', sightings: [seen('2024-04-10')] })]).get('f')!;
    expect(t).toEqual({ statedFrom: '2024-04-10', statedTo: '2024-04-10', validFrom: '2022-04-10', validTo: '2029-04-10', lastSeen: '2024-04-10' });
    expect(basisAt(t, '2024-04-10')).toBe('stated');
    expect(basisAt(t, '2024-04')).toBe('stated');
    expect(basisAt(t, '2025-04-10')).toBe('presumed');
    expect(basisAt(t, '2023')).toBe('presumed');
    expect(basisAt(t, '2030')).toBeNull();
    expect(basisAt(t, '2019')).toBeNull();
  });

  it('presumes nothing past a stated end, nor before a stated start', () => {
    const t = deriveTime(occupancy, [fact({ start: '2016-04-09', end: '2024-05-22', sightings: [seen('2025-06-01', 'ended')] })]).get('f')!;
    expect([t.validFrom, t.validTo]).toEqual(['2016-04-09', '2024-05-22']);
    expect(basisAt(t, '2024-06')).toBeNull();
  });

  it('stops at a later source that saw the post ended', () => {
    const t = deriveTime(occupancy, [fact({ sightings: [seen('2024-04-10'), seen('2025-03-01', 'ended')] })]).get('f')!;
    expect(t.validTo).toBe('2025-02-28');
    expect(t.lastSeen).toBe('2025-03-01');
  });

  it('stops where someone else takes a single-holder post, and starts after the one before left', () => {
    const facts = [
      fact({ id: 'before', slot: 'a|post', exclusive: 'post', start: '2016', end: '2021-04-05' }),
      fact({ id: 'seen', slot: 'b|post', exclusive: 'post', sightings: [seen('2022-06-01')] }),
      fact({ id: 'next', slot: 'c|post', exclusive: 'post', start: '2024-05-22', sightings: [seen('2025-01-01')] }),
    ];
    const t = deriveTime(occupancy, facts);
    expect(t.get('seen')).toMatchObject({ validFrom: '2021-04-06', validTo: '2024-05-21' });
    // a post with many holders (exclusive null): others do not end it
    const many = deriveTime(
      occupancy,
      facts.map((f) => ({ ...f, exclusive: null })),
    );
    expect(many.get('seen')).toMatchObject({ validFrom: '2020-06-01', validTo: '2027-06-01' });
  });

  it('ends a rank when the next rank begins, and never carries a rank back', () => {
    const t = deriveTime(rank, [
      fact({ id: 'lt-gen', slot: 'person', sightings: [seen('2024-04-10')] }),
      fact({ id: 'col-gen', slot: 'person', sightings: [seen('2025-10-01')] }),
    ]);
    expect(t.get('lt-gen')).toMatchObject({ validFrom: '2024-04-10', validTo: '2025-09-30' });
    expect(t.get('col-gen')).toMatchObject({ validFrom: '2025-10-01', validTo: '2030-10-01' });
  });

  it('never presumes an instant', () => {
    const t = deriveTime(participation, [fact({ eventStart: '2024-04-10', sightings: [seen('2024-04-10')] })]).get('f')!;
    expect([t.validFrom, t.validTo]).toEqual(['2024-04-10', '2024-04-10']);
    expect(basisAt(t, '2024-04-11')).toBeNull();
  });

  it('carries a parent link without limit (presume: null)', () => {
    const t = deriveTime(subordination, [fact({ sightings: [seen('2024-04-10')] })]).get('f')!;
    expect([t.validFrom, t.validTo]).toEqual([null, null]);
    expect(basisAt(t, '1990')).toBe('presumed');
  });

  it('knows nothing of a fact with no date at all', () => {
    const t = deriveTime(occupancy, [fact({ sightings: [{ date: null }] })]).get('f')!;
    expect(t).toEqual({ statedFrom: null, statedTo: null, validFrom: null, validTo: null, lastSeen: null });
    expect(basisAt(t, '2024')).toBeNull();
  });
});

describe('overlaps', () => {
  it.each([
    ['2024-04-10', '2024-04-10', '2024', true],
    ['2024-04-10', '2024-04-10', '2024-05', false],
    [null, '2000-01-01', '1999', true],
    ['2000-01-01', null, '2100', true],
    ['2000-01-01', null, '1999-12', false],
  ])('[%s, %s] overlaps %s: %s', (from, to, at, expected) => {
    expect(overlaps(from as string | null, to as string | null, at as string)).toBe(expected);
  });
});
