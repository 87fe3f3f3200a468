import { dateHi, dateLo, isPartialDate } from '../../src/model/dates';

describe('partial dates', () => {
  it.each([
    ['2024', '2024-01-01', '2024-12-31'],
    ['2024-02', '2024-02-01', '2024-02-29'],
    ['2023-02', '2023-02-01', '2023-02-28'],
    ['2024-04-10', '2024-04-10', '2024-04-10'],
  ])('%s covers %s … %s', (value, lo, hi) => {
    expect(dateLo(value)).toBe(lo);
    expect(dateHi(value)).toBe(hi);
  });

  it.each(['2024', '2024-04', '2024-04-10', '2024-02-29'])('accepts %s', (v) => expect(isPartialDate(v)).toBe(true));
  it.each(['24', '2024-13', '2024-04-32', '2024/04/10', '2024-4', '2024-02-30', '2023-02-29', '2024-04-31'])('rejects %s', (v) =>
    expect(isPartialDate(v)).toBe(false),
  );
});
