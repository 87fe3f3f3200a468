import { readMigrations, splitStatements } from '../../src/graph/migrations';

describe('migrations', () => {
  it('splits a script into statements, dropping comment lines', () => {
    expect(splitStatements('// c\nCREATE A;\nCREATE B\n  X;\n')).toEqual(['CREATE A', 'CREATE B\n  X']);
  });

  it('reads schema/migrations in order, numbered without gaps, every statement idempotent', () => {
    const migrations = readMigrations();
    expect(migrations.length).toBeGreaterThan(0);
    migrations.forEach((m, i) => expect(m.version).toBe(i + 1));
    for (const m of migrations) {
      for (const s of m.statements) expect(s).toMatch(/IF (NOT )?EXISTS|^CALL db\.awaitIndexes|^MERGE /);
    }
  });
});
