// The label rules of src/server/metrics.ts: every label value comes from a bounded set.
import { createMetrics, errorCodeLabel, MAX_OPERATION_NAMES, operationNames, routeLabel } from '../../src/server/metrics';

describe('operation name labels', () => {
  it('keeps valid names, buckets anonymous and unknown operations', () => {
    const label = operationNames();
    expect(label('PeopleList', false)).toBe('PeopleList');
    expect(label('_x9', false)).toBe('_x9');
    expect(label(undefined, true)).toBe('anonymous');
    expect(label(null, false)).toBe('unknown');
    expect(label('', false)).toBe('unknown');
  });

  it('counts odd names, over-long names and our bucket names as "other"', () => {
    const label = operationNames();
    for (const name of ['9lives', 'a-b', 'a b', 'é', 'x'.repeat(65), 'other', 'anonymous', 'unknown', 'x\u0000']) expect(label(name, false)).toBe('other');
    expect(label('x'.repeat(64), false)).toBe('x'.repeat(64));
  });

  it(`gives at most ${MAX_OPERATION_NAMES} distinct names a series of their own`, () => {
    const label = operationNames();
    const labels = new Set(Array.from({ length: MAX_OPERATION_NAMES + 50 }, (_, i) => label(`Op${i}`, false)));
    expect(labels.size).toBe(MAX_OPERATION_NAMES + 1);
    expect(labels.has('other')).toBe(true);
    expect(label('Op0', false)).toBe('Op0'); // a known name keeps its series
    expect(label(`Op${MAX_OPERATION_NAMES}`, false)).toBe('other');
  });
});

describe('route, code labels', () => {
  it('maps paths to known routes or "other"', () => {
    expect(routeLabel('/graphql')).toBe('/graphql');
    expect(routeLabel('/graphql/')).toBe('/graphql');
    expect(routeLabel('/metrics')).toBe('/metrics');
    expect(routeLabel('/graphiql/assets/app-1234.js')).toBe('/graphiql/assets');
    expect(routeLabel('/wp-admin/x.php')).toBe('other');
    expect(routeLabel('/graphql/../etc')).toBe('other');
  });

  it('keeps known error codes and buckets the rest', () => {
    expect(errorCodeLabel('QUERY_TOO_DEEP')).toBe('QUERY_TOO_DEEP');
    expect(errorCodeLabel('GRAPHQL_PARSE_FAILED')).toBe('GRAPHQL_PARSE_FAILED');
    expect(errorCodeLabel('SOMETHING_ELSE')).toBe('OTHER');
    expect(errorCodeLabel(42)).toBe('OTHER');
    expect(errorCodeLabel(undefined)).toBe('NONE');
  });
});

it('uses a registry of its own per instance, with Node process metrics', async () => {
  const a = createMetrics();
  const b = createMetrics();
  expect(a.registry).not.toBe(b.registry);
  const text = await a.registry.metrics();
  expect(text).toContain('process_cpu_user_seconds_total');
  expect(text).toContain('# TYPE graphql_operations_total counter');
  expect(text).toContain('graphql_errors_total{code="QUERY_TOO_EXPENSIVE"} 0');
  a.close();
  b.close();
});
