import { int, paramTypes } from '../../src/db/values';

describe('paramTypes (the plan cache key besides the text)', () => {
  it('names each parameter with its Cypher type, in name order', () => {
    expect(paramTypes({ b: 'x', a: int(3), c: 2.5, d: null, e: undefined, f: true })).toBe('a:int,b:string,c:float,d:null,e:null,f:boolean');
  });
  it('tells lists by their items and maps apart', () => {
    expect(paramTypes({ l: ['a', 'b'], m: { k: 1 }, n: [] })).toBe('l:[string],m:map,n:[]');
    expect(paramTypes({ l: ['a', null] })).toBe('l:[null|string]');
  });
  it('differs where a value changes type, not where it changes value', () => {
    expect(paramTypes({ at: '2020' })).toBe(paramTypes({ at: '1990-05' }));
    expect(paramTypes({ at: '2020' })).not.toBe(paramTypes({ at: null }));
    expect(paramTypes({ n: int(1) })).not.toBe(paramTypes({ n: 1 }));
  });
});
