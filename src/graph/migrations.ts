// Schema migrations: the Cypher files in schema/migrations/, applied in order of their number,
// each statement idempotent (IF NOT EXISTS). The applied versions are recorded as
// (:SchemaMigration {version, name, checksum, appliedAt}) nodes.
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { Database, int } from '../db/database';
import { SCHEMA_DIRS } from '../paths';

/** The migrations folder of schema/ and of each schema extension (SCHEMA_EXTENSIONS). */
export const MIGRATIONS_DIRS = SCHEMA_DIRS.map((d) => path.join(d, 'migrations'));

export interface Migration {
  version: number;
  name: string;
  checksum: string;
  statements: string[];
}

/** Splits a Cypher script into statements: `;` ends a statement; `//` comment lines are dropped. */
export function splitStatements(script: string): string[] {
  return script
    .split('\n')
    .filter((line) => !line.trim().startsWith('//'))
    .join('\n')
    .split(/;\s*(?:\n|$)/)
    .map((s) => s.trim())
    .filter(Boolean);
}

/**
 * Reads the migrations folders; file names are NNNN-name.cypher. schema/migrations/ is numbered 0001,
 * 0002, … without gaps; an extension's follow in order (any numbers above the ones before them).
 */
export function readMigrations(dirs: string | string[] = MIGRATIONS_DIRS): Migration[] {
  const list = typeof dirs === 'string' ? [dirs] : dirs;
  const [base, ...extensions] = list.map((dir) => readDir(dir));
  (base ?? []).forEach((m, i) => {
    if (m.version !== i + 1) throw new Error(`Migration ${m.name}: expected version ${i + 1} (migrations are numbered 0001, 0002, … without gaps)`);
  });
  const all = [...(base ?? []), ...extensions.flat()];
  all.forEach((m, i) => {
    if (i > 0 && m.version <= all[i - 1]!.version)
      throw new Error(`Migration ${m.name}: its version must be above ${all[i - 1]!.version} (of ${all[i - 1]!.name})`);
  });
  return all;
}

function readDir(dir: string): Migration[] {
  if (!fs.existsSync(dir)) return [];
  const files = fs
    .readdirSync(dir)
    .filter((f) => /^\d{4}-[\w-]+\.cypher$/.test(f))
    .sort();
  return files.map((file) => {
    const script = fs.readFileSync(path.join(dir, file), 'utf8');
    return {
      version: Number(file.slice(0, 4)),
      name: file.replace(/\.cypher$/, ''),
      checksum: crypto.createHash('sha256').update(script).digest('hex'),
      statements: splitStatements(script),
    };
  });
}

/** Applies every migration not yet recorded; returns the database's schema version afterwards. */
export async function migrate(db: Database, migrations = readMigrations()): Promise<{ version: number; applied: string[] }> {
  // The constraint on SchemaMigration is itself part of 0001; the bookkeeping query works without it.
  // Start-up work, not a public request: the maintenance timeout, not the public read timeout.
  const rows = await db.read('MATCH (m:SchemaMigration) RETURN m.version AS version ORDER BY version', {}, db.maintenanceTimeoutMs);
  const done = new Set(rows.map((r) => Number(r.version)));
  const applied: string[] = [];
  for (const migration of migrations) {
    if (done.has(migration.version)) continue;
    for (const statement of migration.statements) await db.schema(statement);
    await db.schema('CALL db.awaitIndexes(300)');
    await db.write(
      (tx) =>
        tx.run(
          `MERGE (m:SchemaMigration {version: $version})
         ON CREATE SET m.appliedAt = datetime()
         SET m.name = $name, m.checksum = $checksum`,
          { version: int(migration.version), name: migration.name, checksum: migration.checksum },
        ),
      db.maintenanceTimeoutMs,
    );
    applied.push(migration.name);
  }
  return { version: migrations[migrations.length - 1]?.version ?? 0, applied };
}

/** The highest migration version recorded in the database (0 when none). */
export async function schemaVersion(db: Database): Promise<number> {
  const rows = await db.read('MATCH (m:SchemaMigration) RETURN max(m.version) AS version');
  return Number(rows[0]?.version ?? 0);
}
