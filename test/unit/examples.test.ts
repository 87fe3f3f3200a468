// The example queries GraphiQL opens with (src/ui/graphiql/examples.ts) and the ones docs/queries.md
// explains: each must be a valid operation against the SDL in schema/, with variables that fit it,
// and the doc must carry every example verbatim.
import fs from 'node:fs';
import path from 'node:path';
import { buildASTSchema, concatAST, GraphQLSchema, Kind, OperationDefinitionNode, parse, validate } from 'graphql';
import { getVariableValues } from 'graphql/execution/values';
import { loadTypeDefs } from '../../src/graphql/schema';
import { DEFAULT_EXAMPLE, EXAMPLES, exampleVariables } from '../../src/ui/graphiql/examples';

const DOC = path.resolve(__dirname, '../../docs/queries.md');

let schema: GraphQLSchema;
beforeAll(() => {
  schema = buildASTSchema(concatAST(loadTypeDefs()));
});

/** The one operation of a document (examples hold one each, plus fragments). */
function operationOf(query: string): OperationDefinitionNode {
  const ops = parse(query).definitions.filter((d): d is OperationDefinitionNode => d.kind === Kind.OPERATION_DEFINITION);
  expect(ops).toHaveLength(1);
  return ops[0]!;
}

/** The ```graphql blocks of a markdown file. */
function graphqlBlocks(markdown: string): string[] {
  return [...markdown.matchAll(/```graphql\n([\s\S]*?)```/g)].map((m) => m[1]!);
}

describe('GraphiQL examples', () => {
  it('has examples, the default one first', () => {
    expect(EXAMPLES.length).toBeGreaterThanOrEqual(7);
    expect(DEFAULT_EXAMPLE).toBe(EXAMPLES[0]);
  });

  it.each(EXAMPLES.map((e) => [e.title, e] as const))('%s: validates against the schema', (_title, example) => {
    const errors = validate(schema, parse(example.query));
    expect(errors.map((e) => e.message)).toEqual([]);
  });

  it.each(EXAMPLES.map((e) => [e.title, e] as const))('%s: its variables fit the operation', (_title, example) => {
    const op = operationOf(example.query);
    const result = getVariableValues(schema, op.variableDefinitions ?? [], example.variables ?? {});
    expect(result.errors?.map((e) => e.message) ?? []).toEqual([]);
    // No stray variables either: each given one is declared.
    const declared = new Set((op.variableDefinitions ?? []).map((v) => v.variable.name.value));
    for (const name of Object.keys(example.variables ?? {})) expect(declared).toContain(name);
    // The variables editor gets valid JSON (or nothing).
    const json = exampleVariables(example);
    if (json !== null) expect(JSON.parse(json)).toEqual(example.variables);
  });

  it("names every operation, uniquely (the names become the tabs' titles)", () => {
    const names = EXAMPLES.map((e) => operationOf(e.query).name?.value);
    expect(names.every(Boolean)).toBe(true);
    expect(new Set(names).size).toBe(names.length);
    expect(new Set(EXAMPLES.map((e) => e.title)).size).toBe(EXAMPLES.length);
  });

  it('opens each query with the question it answers, as a comment', () => {
    for (const example of EXAMPLES) expect(example.query).toMatch(/^# \S/);
  });
});

describe('docs/queries.md', () => {
  const markdown = fs.readFileSync(DOC, 'utf8');

  it('shows every example query verbatim', () => {
    const blocks = graphqlBlocks(markdown);
    for (const example of EXAMPLES) expect(blocks).toContain(example.query);
  });

  it('shows the variables of every example', () => {
    const blocks = [...markdown.matchAll(/```json\n([\s\S]*?)```/g)].map((m) => JSON.parse(m[1]!) as unknown);
    for (const example of EXAMPLES) if (example.variables) expect(blocks).toContainEqual(example.variables);
  });

  it('has only queries that validate against the schema', () => {
    const blocks = graphqlBlocks(markdown);
    expect(blocks.length).toBeGreaterThanOrEqual(EXAMPLES.length);
    for (const block of blocks) {
      const errors = validate(schema, parse(block));
      expect({ block, errors: errors.map((e) => e.message) }).toEqual({ block, errors: [] });
    }
  });
});
