// Entity resolution decisions, without I/O: strong evidence matches, anything else stays apart.
import { Candidates, decide, Resolution, unifyByIdentifier } from '../../src/ingest/match';
import type { Plan } from '../../src/model/facts-file';

const base: Candidates = { localId: 'person/nguyen-van-a', sameSource: null, byIdentifier: [], byName: [], idTaken: false, freeId: 'person/nguyen-van-a-2' };

describe('decide', () => {
  it('matches the same entry of the same source on reload', () => {
    expect(decide({ ...base, sameSource: 'person/nguyen-van-a', idTaken: true }, new Set())).toMatchObject({
      id: 'person/nguyen-van-a',
      reason: 'same-source',
    });
  });
  it('matches one person with the same identifier', () => {
    expect(decide({ ...base, byIdentifier: ['person/x'] }, new Set())).toMatchObject({ id: 'person/x', reason: 'identifier' });
  });
  it('does not match on an ambiguous identifier', () => {
    expect(decide({ ...base, byIdentifier: ['person/x', 'person/y'] }, new Set()).reason).toBe('new');
  });
  it('matches a namesake only when they share a post or organisation', () => {
    const byName = [{ id: 'person/nguyen-van-a', ties: ['position/btc/thu-truong', 'organization/btc'] }];
    expect(decide({ ...base, byName, idTaken: true }, new Set(['organization/btc']))).toMatchObject({ id: 'person/nguyen-van-a', reason: 'name-and-tie' });
    expect(decide({ ...base, byName, idTaken: true }, new Set(['organization/bo-y-te']))).toEqual({
      localId: 'person/nguyen-van-a',
      id: 'person/nguyen-van-a-2',
      reason: 'new-namesake',
      namesakes: ['person/nguyen-van-a'],
    });
  });
  it('keeps the file id for a new person when it is free', () => {
    expect(decide(base, new Set())).toEqual({ localId: 'person/nguyen-van-a', id: 'person/nguyen-van-a', reason: 'new' });
  });
  it('does not guess between two namesakes that both share a tie', () => {
    const byName = [
      { id: 'person/a', ties: ['organization/btc'] },
      { id: 'person/b', ties: ['organization/btc'] },
    ];
    expect(decide({ ...base, byName }, new Set(['organization/btc'])).reason).toBe('new-namesake');
  });
});

describe('unifyByIdentifier', () => {
  it('makes the people of one batch that share an identifier one person, with the strongest decision', () => {
    const plan = (persons: Array<Record<string, unknown>>) => ({ sections: { persons } }) as unknown as Plan;
    const page = plan([{ id: 'person/ngo-van-tuan', identifiers: ['viwiki:19498354'] }]);
    const other = plan([
      { id: 'person/tran-sy-thanh', identifiers: ['viwiki:1'] },
      { id: 'person/ngo-van-tuan', identifiers: ['viwiki:19498354'] },
    ]);
    const resolutions: Resolution[][] = [
      [{ localId: 'person/ngo-van-tuan', id: 'person/ngo-van-tuan', reason: 'name-and-tie' }],
      [
        { localId: 'person/tran-sy-thanh', id: 'person/tran-sy-thanh', reason: 'new' },
        { localId: 'person/ngo-van-tuan', id: 'person/ngo-van-tuan-2', reason: 'new-namesake', namesakes: ['person/ngo-van-tuan'] },
      ],
    ];
    unifyByIdentifier([page, other], resolutions);
    expect(resolutions[1]).toEqual([
      { localId: 'person/tran-sy-thanh', id: 'person/tran-sy-thanh', reason: 'new' },
      { localId: 'person/ngo-van-tuan', id: 'person/ngo-van-tuan', reason: 'identifier' },
    ]);
    expect(resolutions[0]![0]!.id).toBe('person/ngo-van-tuan');
  });
});
