// The graph model (schema/model.yaml) is the one vocabulary: it is validated at load, it and the
// API contract (schema/*.graphql) agree — every type, property, reference, reverse list and enum
// value is in both, with the same names and types — and the facts-file sections, id keys, time
// rules and edge labels it declares hold together.
import { buildASTSchema, concatAST, GraphQLEnumType, GraphQLObjectType, GraphQLSchema, GraphQLUnionType } from 'graphql';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { loadTypeDefs } from '../../src/graphql/schema';
import { readMigrations } from '../../src/graph/migrations';
import { edgeLabel, loadModel, model, ModelError, relOf } from '../../src/model/model';
import { PROJECT_ROOT } from '../../src/paths';

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
    const props = { ...type.properties, ...(type.kind === 'fact' ? { ...model.factProperties, ...model.factDerived } : {}) };
    for (const [name, p] of Object.entries(props)) {
      expect([name, String(fields[name]?.type)]).toEqual([name, p.graphql]);
    }
  });

  it('has every reference, non-null unless optional, stored as the field in UPPER_SNAKE', () => {
    for (const [name, ref] of Object.entries(type.references)) {
      expect([name, String(fields[name]?.type)]).toEqual([name, ref.optional ? ref.type : `${ref.type}!`]);
      expect(ref.rel).toBe(relOf(name));
    }
  });

  it('has every reverse list as a list of the pointing type', () => {
    for (const [name, inc] of Object.entries(type.incoming)) {
      expect([name, String(fields[name]?.type)]).toEqual([name, `[${inc.from}!]!`]);
      expect(model.types[inc.from]!.references[inc.via]!.reverse).toBe(name);
    }
  });

  it('has no SDL field the model does not account for', () => {
    const known = new Set([
      'id',
      ...Object.keys(type.properties),
      ...Object.keys(type.references),
      ...Object.keys(type.incoming),
      ...type.computed,
      ...(type.kind === 'fact' ? [...Object.keys(model.factProperties), ...Object.keys(model.factDerived), ...model.factComputed] : []),
    ]);
    expect(Object.keys(fields).filter((f) => !known.has(f))).toEqual([]);
  });

  it('has a uniqueness constraint on its id in the migrations', () => {
    const statements = readMigrations().flatMap((m) => m.statements);
    expect(statements.some((s) => s.includes(`FOR (n:${typeName}) REQUIRE n.id IS UNIQUE`))).toBe(true);
  });

  if (type.kind === 'fact') {
    it('declares a section, an id key, a time rule and an edge', () => {
      expect(type.section).toMatch(/^[a-z][A-Za-z]+s$/);
      expect(type.key.length).toBeGreaterThan(0);
      expect(type.time).toBeDefined();
      expect(type.edge).toBeDefined();
      expect(type.references[type.edge!.source]).toBeDefined();
      expect(type.references[type.edge!.target]).toBeDefined();
      expect(edgeLabel(type, {})?.vi).toBeTruthy();
      expect(edgeLabel(type, {})?.en).toBeTruthy();
    });
  } else if (type.section) {
    it('declares a section, an id prefix and its names', () => {
      expect(type.idPrefix).toMatch(/^[a-z]+$/);
      expect(type.names.length).toBeGreaterThan(0);
    });
  }
});

describe('edges', () => {
  it('labels a proposal apart from an award, in both languages', () => {
    const conferral = model.types.Conferral!;
    expect(edgeLabel(conferral, { status: 'proposed' })).toEqual({ vi: 'được đề nghị tặng', en: 'proposed for' });
    expect(edgeLabel(conferral, { status: 'conferred' })).toEqual({ vi: 'được tặng', en: 'awarded' });
    expect(edgeLabel(model.types.Participation!, { role: 'attendee' })?.en).toBe('attended');
  });
});

describe('unions', () => {
  it.each(Object.entries(model.unions))('%s has the same members in the SDL', (name, members) => {
    const type = schema.getType(name);
    expect(type).toBeInstanceOf(GraphQLUnionType);
    expect(
      (type as GraphQLUnionType)
        .getTypes()
        .map((t) => t.name)
        .sort(),
    ).toEqual([...members].sort());
  });
});

describe('enums', () => {
  it.each(Object.entries(model.enums))('%s has the model values in upper case', (name, values) => {
    const type = schema.getType(name);
    expect(type).toBeInstanceOf(GraphQLEnumType);
    expect(
      (type as GraphQLEnumType)
        .getValues()
        .map((v) => v.name)
        .sort(),
    ).toEqual(values.map((v) => v.toUpperCase()).sort());
  });
});

describe('validation at load', () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'model-'));
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));
  const broken = (edit: (text: string) => string) => {
    fs.writeFileSync(path.join(dir, 'model.yaml'), edit(fs.readFileSync(path.join(PROJECT_ROOT, 'schema', 'model.yaml'), 'utf8')));
    return () => loadModel([dir]);
  };

  it('loads the project model', () => {
    expect(() => loadModel()).not.toThrow();
  });
  it('names a reference to an unknown type', () => {
    expect(broken((t) => t.replace('holder: { type: Person, reverse: occupancies }', 'holder: { type: Persn, reverse: occupancies }'))).toThrow(
      /types\.Occupancy\.references\.holder: unknown type Persn/,
    );
  });
  it('names a time field that is not a property', () => {
    expect(
      broken((t) => t.replace('start: startDate\n      end: endDate\n      status: status', 'start: beganOn\n      end: endDate\n      status: status')),
    ).toThrow(/types\.Occupancy\.time: beganOn is not a property/);
  });
  it('names two reverse lists of one name on a type', () => {
    expect(broken((t) => t.replace('rank: { type: Rank, reverse: holders }', 'rank: { type: Position, reverse: holders }'))).toThrow(
      /reverse holders already exists on Position/,
    );
  });
  it('names an unknown key', () => {
    expect(broken((t) => t.replace('kind: fact\n    section: occupancies', 'kind: fact\n    sektion: occupancies'))).toThrow(ModelError);
  });
  it('names an edge label for a value the enum does not have', () => {
    expect(broken((t) => t.replace('proposed: { vi: được đề nghị tặng', 'propsed: { vi: được đề nghị tặng'))).toThrow(
      /propsed is not a value of ConferralStatus/,
    );
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
