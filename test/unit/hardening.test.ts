// The pieces that bound hostile input before it costs anything: suggestion stripping without a
// regular expression, message truncation, and the nesting scans (linear, iterative).
import { MAX_MESSAGE_CHARS, truncated, withoutSuggestion } from '../../src/graphql/format-error';
import { documentNesting, valueNesting } from '../../src/graphql/limits/nesting';

describe('withoutSuggestion', () => {
  it.each([
    [
      'Value "NAME_ASCC" does not exist in "PersonOrder" enum. Did you mean the enum value "NAME_ASC"?',
      'Value "NAME_ASCC" does not exist in "PersonOrder" enum.',
    ],
    ['Cannot query field "nmae" on type "Person". Did you mean "name", "aliases", or "givenName"?', 'Cannot query field "nmae" on type "Person".'],
    ['A message without one.', 'A message without one.'],
    ['Did you mean it? not at the end', 'Did you mean it? not at the end'],
  ])('%s', (message, expected) => {
    expect(withoutSuggestion(message)).toBe(expected);
  });

  it('takes linear time on client text full of "Did you mean"', () => {
    const hostile = `Unknown operation named "${'Did you mean'.repeat(7500)}"?`;
    const plain = `Unknown operation named "${'x'.repeat(hostile.length - 27)}"?`;
    const time = (m: string) => {
      const t = performance.now();
      for (let i = 0; i < 20; i++) withoutSuggestion(m);
      return performance.now() - t;
    };
    time(plain);
    expect(time(hostile)).toBeLessThan(Math.max(50, 20 * time(plain)));
  });
});

it('truncates long messages and says by how much', () => {
  const long = 'x'.repeat(MAX_MESSAGE_CHARS + 1234);
  expect(truncated(long)).toBe(`${'x'.repeat(MAX_MESSAGE_CHARS)}… (1234 more characters)`);
  expect(truncated('short')).toBe('short');
});

describe('nesting', () => {
  it.each([
    ['{ a }', 1],
    ['{ a(x: [[1]]) { b } }', 4],
    ['{ a(x: "[[[[[[") }', 2],
    ['{ a(x: """ {{{{ """) }', 2],
    ['# {{{{{\n{ a }', 1],
    ['{ a(x: "\\" [[[") }', 2],
  ])('document %s nests %d deep', (doc, depth) => {
    expect(documentNesting(doc)).toBe(depth);
  });

  it('counts 99,000 unclosed brackets in one pass', () => {
    expect(documentNesting(`{ a(x: ${'['.repeat(99000)}`)).toBe(99002);
  });

  it('measures values without recursion, and stops early', () => {
    let deep: unknown = '2024';
    for (let i = 0; i < 45000; i++) deep = [deep];
    expect(valueNesting(deep, 64)).toBe(65);
    expect(valueNesting({ a: [1, { b: [] }] })).toBe(4);
    expect(valueNesting('x')).toBe(0);
  });
});
