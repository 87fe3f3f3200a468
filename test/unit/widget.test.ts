// The widget's pure parts: its trusted documents (queries only, valid against the schema), the
// canonical URL of a read, the attributes it parses, and the HTTP validators of its answers.
import { buildASTSchema, concatAST, Kind, parse, validate, type OperationDefinitionNode } from 'graphql';
import type { Request } from 'express';
import { loadTypeDefs } from '../../src/graphql/schema';
import { etagOf, notModified } from '../../src/server/http-cache';
import { routeLabel } from '../../src/server/metrics';
import { AnswerCache, type Answer } from '../../src/server/widget-cache';
import { WIDGET_DOCUMENTS } from '../../src/widget/documents';
import { entityHref, safeHref } from '../../src/widget/element/links';
import { parseBoundedInt, parseHeight, parseTies, WidgetInputError } from '../../src/widget/element/ties';
import { canonicalJson, WIDGET_OPERATIONS, widgetQueryUrl } from '../../src/widget/protocol';

describe('the widget documents', () => {
  const schema = buildASTSchema(concatAST(loadTypeDefs()));

  it.each(WIDGET_OPERATIONS.map((name) => [name]))('%s is one query of that name, valid against the schema', (name) => {
    const doc = parse(WIDGET_DOCUMENTS[name]);
    const ops = doc.definitions.filter((d): d is OperationDefinitionNode => d.kind === Kind.OPERATION_DEFINITION);
    expect(ops.map((o) => [o.operation, o.name?.value])).toEqual([['query', name]]);
    expect(validate(schema, doc).map((e) => e.message)).toEqual([]);
  });
});

describe('a read’s URL', () => {
  it('is the same for the same variables in any order, undefined left out', () => {
    expect(canonicalJson({ b: 1, a: { d: [2, { z: 1, y: 2 }], c: undefined } })).toBe('{"a":{"d":[2,{"y":2,"z":1}]},"b":1}');
    const a = widgetQueryUrl('https://api.example/', 'WidgetNeighbourhood', { id: 'x', depth: 1, ties: { includeProposed: false, at: '2024' } });
    const b = widgetQueryUrl('https://api.example', 'WidgetNeighbourhood', { ties: { at: '2024', includeProposed: false }, depth: 1, id: 'x' });
    expect(a).toBe(b);
    expect(a).toBe(
      `https://api.example/widget/v1/query/WidgetNeighbourhood?variables=${encodeURIComponent('{"depth":1,"id":"x","ties":{"at":"2024","includeProposed":false}}')}`,
    );
  });
});

describe('the attributes', () => {
  it('turn `ties` and `at` into a TieFilter', () => {
    expect(parseTies(null, null)).toBeNull();
    expect(parseTies('  ', '')).toBeNull();
    expect(parseTies('no-proposed no-inferred', null)).toEqual({ includeProposed: false, includeInferred: false });
    expect(parseTies('Occupancy, conferral occupancy min-confidence=medium', '2024-04')).toEqual({
      kinds: ['OCCUPANCY', 'CONFERRAL'],
      minConfidence: 'MEDIUM',
      at: '2024-04',
    });
    expect(parseTies('stated rank-holding', '2024-04-10')).toEqual({ presumed: false, kinds: ['RANK_HOLDING'], at: '2024-04-10' });
  });

  it('refuse what they do not know, saying what they take', () => {
    expect(() => parseTies('no-proposals', null)).toThrow(
      new WidgetInputError(
        'ties="no-proposals": "no-proposals" is not a word it takes (no-proposed, no-inferred, stated, occupancy, rank-holding, participation, conferral, membership, subordination, min-confidence=high|medium|low).',
      ),
    );
    expect(() => parseTies('min-confidence=sure', null)).toThrow(/"min-confidence=sure" is not a word/);
    expect(() => parseTies(null, '10/04/2024')).toThrow('at="10/04/2024": expected a date YYYY, YYYY-MM or YYYY-MM-DD.');
    expect(() => parseTies('stated', null)).toThrow(/needs an at=/);
  });

  it('bound depth and per-hop, and read height as a CSS length', () => {
    expect(parseBoundedInt('depth', null, 1, 3, 1)).toBe(1);
    expect(parseBoundedInt('depth', '2', 1, 3, 1)).toBe(2);
    expect(() => parseBoundedInt('depth', '4', 1, 3, 1)).toThrow('depth="4": expected a whole number from 1 to 3.');
    expect(() => parseBoundedInt('per-hop', '1.5', 1, 200, 50)).toThrow(/per-hop="1.5"/);
    expect(parseHeight(null)).toBe('480px');
    expect(parseHeight('520')).toBe('520px');
    expect(parseHeight('60vh')).toBe('60vh');
    expect(() => parseHeight('100px; color: red')).toThrow(/expected a CSS length/);
  });
});

describe('the validators', () => {
  const req = (ifNoneMatch?: string) => ({ headers: ifNoneMatch === undefined ? {} : { 'if-none-match': ifNoneMatch } }) as unknown as Request;

  it('tag a body by its content', () => {
    expect(etagOf('{"a":1}')).toBe(etagOf(Buffer.from('{"a":1}')));
    expect(etagOf('{"a":1}')).not.toBe(etagOf('{"a":2}'));
  });

  it('match If-None-Match weakly, in a list, or *', () => {
    const tag = etagOf('x');
    expect(notModified(req(), tag)).toBe(false);
    expect(notModified(req(tag), tag)).toBe(true);
    expect(notModified(req(tag.replace(/^W\//, '')), tag)).toBe(true);
    expect(notModified(req(`"other", ${tag}`), tag)).toBe(true);
    expect(notModified(req('*'), tag)).toBe(true);
    expect(notModified(req('"other"'), tag)).toBe(false);
  });
});

describe('the metrics', () => {
  it('give the widget routes series of their own, one for all its reads', () => {
    expect(routeLabel('/widget/v1/officials-graph.js')).toBe('/widget/v1/officials-graph.js');
    expect(routeLabel('/widget/demo')).toBe('/widget/demo');
    expect(routeLabel('/widget/v1/query/WidgetNeighbourhood')).toBe('/widget/v1/query');
    expect(routeLabel('/widget/v1/query/Anything-a-scanner-sends')).toBe('/widget/v1/query');
  });
});

describe('the links', () => {
  it('follow only http(s) URLs', () => {
    expect(safeHref('https://vi.wikipedia.org/?curid=808289')).toBe('https://vi.wikipedia.org/?curid=808289');
    expect(safeHref('javascript:alert(1)')).toBeNull();
    expect(safeHref('data:text/html,x')).toBeNull();
    expect(safeHref('not a url')).toBeNull();
    expect(safeHref(null)).toBeNull();
  });

  it("go back to an entity through the page's template, else the API's page for it", () => {
    const fallback = { endpoint: 'https://api.example', demoPath: '/widget/demo', lang: 'en' };
    expect(entityHref('person/a b', 'https://news.example/officials/{id}', fallback)).toBe('https://news.example/officials/person%2Fa%20b');
    expect(entityHref('person/x', 'javascript:go("{id}")', fallback)).toBeNull();
    expect(entityHref('person/x', null, fallback)).toBe('https://api.example/widget/demo?id=person%2Fx&lang=en');
  });
});

describe("the API's cache of answers", () => {
  const answer = (bytes: number): Answer => ({ status: 200, body: Buffer.alloc(bytes), gzipped: null, etag: 'W/"x"', cacheControl: 'public' });

  it('keeps an answer for its TTL, with its age', () => {
    let now = 0;
    const cache = new AnswerCache(60_000, 10_000, () => now);
    cache.set('a', answer(10));
    now = 2_500;
    expect(cache.get('a')?.ageSeconds).toBe(2);
    now = 60_000;
    expect(cache.get('a')).toBeNull();
    expect(cache.size).toEqual({ entries: 0, bytes: 0 });
  });

  it('stays within its bytes, the least recently used out first, and never keeps what is too big', () => {
    const cache = new AnswerCache(60_000, 3_000, () => 0);
    cache.set('a', answer(1_000));
    cache.set('b', answer(1_000));
    cache.get('a'); // a is now the most recently used
    cache.set('c', answer(1_000));
    expect(cache.get('b')).toBeNull();
    expect(cache.get('a')).not.toBeNull();
    expect(cache.get('c')).not.toBeNull();
    cache.set('huge', answer(5_000));
    expect(cache.get('huge')).toBeNull();
    expect(cache.size.bytes).toBeLessThanOrEqual(3_000);
  });
});
