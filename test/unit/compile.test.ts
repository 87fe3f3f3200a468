// The read compiler covers the whole schema: every field of every model type either compiles into
// the statement or is one of the few left to the loaders on purpose (UNCOMPILED, each with a reason).
// A field added to the model or the SDL without a translation fails here, not silently in production
// (where it would send the whole root field back to the loaders).
import { GraphQLObjectType, parse, type FieldNode, type OperationDefinitionNode, getNamedType, isLeafType, isNonNullType } from 'graphql';
import { Builder, projection, UNCOMPILED } from '../../src/graphql/compile/project';
import { buildExecutableSchema } from '../../src/graphql/schema';
import { model } from '../../src/model/model';

const schema = buildExecutableSchema();

/** `{ node(id: "x") { ... on T { field(required args) { __typename } } } }`, as the field node of `node`. */
function selecting(type: string, field: string): FieldNode {
  const def = (schema.getType(type) as GraphQLObjectType).getFields()[field]!;
  const args = def.args
    .filter((a) => isNonNullType(a.type) && a.defaultValue === undefined)
    .map((a) => `${a.name}: "2024-01-01"`)
    .join(', ');
  const sub = isLeafType(getNamedType(def.type)) ? '' : '{ __typename }';
  const doc = parse(`{ node(id: "x") { ... on ${type} { ${field}${args ? `(${args})` : ''} ${sub} } } }`);
  const op = doc.definitions[0] as OperationDefinitionNode;
  return op.selectionSet.selections[0] as FieldNode;
}

const fields = Object.keys(model.types).flatMap((type) =>
  Object.keys((schema.getType(type) as GraphQLObjectType).getFields()).map((field) => [type, field] as const),
);

it('lists every field of the model types', () => {
  expect(fields.length).toBeGreaterThan(100);
  expect(fields).toContainEqual(['Person', 'occupancies']);
});

it.each(fields)('%s.%s compiles or is left to the loaders on purpose', (type, field) => {
  const b = new Builder({ schema, fragments: {}, variables: {}, conditional: false });
  const cypher = projection(b, 'n', schema.getType('Node')!, [selecting(type, field)], 'node');
  expect(cypher).toContain('__typename');
  // a field left to the loaders says why
  if (`${type}.${field}` in UNCOMPILED) expect(UNCOMPILED[`${type}.${field}`]).toMatch(/\w+ \w+ \w+/);
});
