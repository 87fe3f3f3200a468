// The tie filter's parameters and the walks' argument and timeout errors (src/graph/ties.ts), without a database.
import { AppError, ErrorCode } from '../../src/errors';
import { boundedRead, checkRange, isProposal, TIE_KIND_OF, TIE_KINDS, TIE_OK, tieOkFor, tieParams } from '../../src/graph/ties';
import { model } from '../../src/model/model';

describe('tieParams', () => {
  it('keeps everything by default', () => {
    expect(tieParams(null)).toMatchObject({ tKinds: null, tInferred: true, tProposed: true, tConfidences: null, atLo: null, atHi: null, presumed: true });
  });

  it('maps kinds to the model labels, a minimum confidence to the values it admits, a partial date to its span', () => {
    const p = tieParams({
      kinds: ['OCCUPANCY', 'RANK_HOLDING'],
      minConfidence: 'medium',
      at: '2024-02',
      presumed: false,
      includeInferred: false,
      includeProposed: false,
    });
    expect(p).toMatchObject({
      tKinds: ['Occupancy', 'RankHolding'],
      tConfidences: ['high', 'medium'],
      atLo: '2024-02-01',
      atHi: '2024-02-29',
      presumed: false,
      tInferred: false,
      tProposed: false,
    });
    expect(tieParams({ minConfidence: 'HIGH' }).tConfidences).toEqual(['high']);
  });

  it('has one TieKind per fact type of the model, both ways', () => {
    expect(Object.values(TIE_KINDS).sort()).toEqual(model.factTypes.map((t) => t.name).sort());
    for (const [kind, type] of Object.entries(TIE_KINDS)) expect(TIE_KIND_OF[type]).toBe(kind);
  });

  it('knows a proposal by the model’s "proposed" value, and nothing else as one', () => {
    expect(isProposal({ id: 'c', __typename: 'Conferral', status: 'proposed' })).toBe(true);
    expect(isProposal({ id: 'c', __typename: 'Conferral', status: 'conferred' })).toBe(false);
    expect(isProposal({ id: 'o', __typename: 'Occupancy', status: 'current' })).toBe(false);
  });
});

describe('tieOkFor', () => {
  it('is true for the default filter: no property of a fact is read to keep it', () => {
    expect(tieOkFor('f', tieParams(null))).toBe('true');
    expect(tieOkFor('f', tieParams({ presumed: false }))).toBe('true'); // presumed matters only with a date
  });

  it('has exactly the clauses the filter makes active, each reading its parameter', () => {
    const only = (filter: Parameters<typeof tieParams>[0]) => tieOkFor('f', tieParams(filter));
    expect(only({ kinds: ['OCCUPANCY'] })).toBe('(any(l IN labels(f) WHERE l IN $tKinds))');
    expect(only({ includeInferred: false })).toBe('(NOT coalesce(f.inferred, false))');
    expect(only({ includeProposed: false })).toMatch(/^\(NOT \(.*\$tProposalValue.*\)\)$/);
    expect(only({ minConfidence: 'medium' })).toBe('(f.confidence IN $tConfidences)');
    expect(only({ at: '2024' })).toMatch(/\$atLo.*\$presumed.*\$atHi/s);
    const all = only({ kinds: ['OCCUPANCY'], includeInferred: false, includeProposed: false, minConfidence: 'high', at: '2024-02' });
    // every clause of the full test, none dropped when all are active
    for (const clause of ['$tKinds', 'f.inferred', '$tProposalValue', '$tConfidences', '$atLo']) {
      expect(all).toContain(clause);
      expect(TIE_OK('f')).toContain(clause);
    }
  });
});

describe('guard rails', () => {
  it('names the argument and its bounds', () => {
    expect(() => checkRange('perHop', 201, 1, 200)).toThrow('perHop: must be between 1 and 200, got 201');
    const thrown = (() => {
      try {
        checkRange('depth', 0, 1, 3);
      } catch (e) {
        return e as AppError;
      }
      return null;
    })();
    expect(thrown?.extensions).toEqual({ code: ErrorCode.BAD_USER_INPUT, argument: 'depth', min: 1, max: 3 });
    expect(() => checkRange('depth', 1.5, 1, 3)).toThrow(AppError);
  });

  it('turns a read timeout into a clear QUERY_TIMEOUT saying what to narrow, and lets other errors through', async () => {
    const timeout = new AppError(ErrorCode.QUERY_TIMEOUT, 'The query took too long.');
    await expect(boundedRead('neighbourhood: a hop', 'ask for a smaller depth', () => Promise.reject(timeout))).rejects.toMatchObject({
      code: ErrorCode.QUERY_TIMEOUT,
      message: 'neighbourhood: a hop took longer than the read timeout; ask for a smaller depth.',
    });
    const other = new AppError(ErrorCode.SERVICE_UNAVAILABLE, 'The database is unavailable; try again shortly.');
    await expect(boundedRead('x', 'y', () => Promise.reject(other))).rejects.toBe(other);
    await expect(boundedRead('x', 'y', () => Promise.resolve(42))).resolves.toBe(42);
  });
});
