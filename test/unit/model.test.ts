// The graph model (schema/model.yaml) and the API contract (schema/*.graphql) agree: every type,
// property, reference, incoming list and enum value is in both, with the same names and types.
import { buildASTSchema, concatAST, GraphQLEnumType, GraphQLObjectType, GraphQLSchema } from 'graphql';
import { loadTypeDefs } from '../../src/graphql/schema';
import { readMigrations } from '../../src/db/migrations';
import { model } from '../../src/model/model';

const schema: GraphQLSchema = buildASTSchema(concatAST(loadTypeDefs()));

function objectType(name: string): GraphQLObjectType {
  const type = schema.getType(name);
  if (!(type instanceof GraphQLObjectType)) throw new Error(`SDL has no object type ${name}`);
  return type;
}

describe.each(Object.entries(model.types))('%s', (typeName, type) => {
  const gqlType = objectType(typeName);
  const fields = gqlType.getFields();

  it('implements Node (and Fact for facts)', () => {
    const interfaces = gqlType.getInterfaces().map((i) => i.name);
    expect(interfaces).toContain('Node');
    if (type.kind === 'fact') expect(interfaces).toContain('Fact');
    else expect(interfaces).not.toContain('Fact');
  });

  it('has every stored property with the same type', () => {
    const props = { ...type.properties, ...(type.kind === 'fact' ? model.factProperties : {}) };
    for (const [name, gqlTypeName] of Object.entries(props)) {
      expect([name, String(fields[name]?.type)]).toEqual([name, gqlTypeName]);
    }
  });

  it('has every reference, non-null unless optional', () => {
    for (const [name, ref] of Object.entries(type.references ?? {})) {
      expect([name, String(fields[name]?.type)]).toEqual([name, ref.optional ? ref.type : `${ref.type}!`]);
    }
  });

  it('has every incoming list as a list of the pointing type', () => {
    for (const [name, inc] of Object.entries(type.incoming ?? {})) {
      expect([name, String(fields[name]?.type)]).toEqual([name, `[${inc.from}!]!`]);
    }
  });

  it('has no SDL field the model does not account for', () => {
    const known = new Set([
      'id',
      ...Object.keys(type.properties),
      ...Object.keys(type.references ?? {}),
      ...Object.keys(type.incoming ?? {}),
      ...(type.computed ?? []),
      ...(type.kind === 'fact' ? [...Object.keys(model.factProperties), ...model.factComputed] : []),
    ]);
    expect(Object.keys(fields).filter((f) => !known.has(f))).toEqual([]);
  });

  it('has a uniqueness constraint on its id in the migrations', () => {
    const statements = readMigrations().flatMap((m) => m.statements);
    expect(statements.some((s) => s.includes(`FOR (n:${typeName}) REQUIRE n.id IS UNIQUE`))).toBe(true);
  });
});

describe('enums', () => {
  it.each(Object.entries(model.enums))('%s has the model values in upper case', (name, values) => {
    const type = schema.getType(name);
    expect(type).toBeInstanceOf(GraphQLEnumType);
    expect((type as GraphQLEnumType).getValues().map((v) => v.name).sort()).toEqual(values.map((v) => v.toUpperCase()).sort());
  });
});

describe('documentation', () => {
  it('every type, field and enum value has a description', () => {
    const missing: string[] = [];
    for (const type of Object.values(schema.getTypeMap())) {
      if (type.name.startsWith('__') || ['String', 'Int', 'Float', 'Boolean', 'ID'].includes(type.name)) continue;
      if (!type.description) missing.push(type.name);
      if ('getFields' in type) {
        for (const field of Object.values(type.getFields())) {
          if (!field.description) missing.push(`${type.name}.${field.name}`);
        }
      }
      if (type instanceof GraphQLEnumType) {
        for (const v of type.getValues()) if (!v.description) missing.push(`${type.name}.${v.name}`);
      }
    }
    expect(missing).toEqual([]);
  });
});
