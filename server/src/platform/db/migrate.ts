import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Database } from './database';

export const MIGRATIONS_DIR = join(dirname(fileURLToPath(import.meta.url)), '../../../migrations');

export interface MigrationFile {
  name: string;
  checksum: string;
  script: string;
}

export function readMigrations(dir = MIGRATIONS_DIR): MigrationFile[] {
  return readdirSync(dir)
    .filter((f) => /^\d{4}_[a-z0-9_-]+\.sql$/.test(f))
    .sort()
    .map((name) => {
      const script = readFileSync(join(dir, name), 'utf8');
      return { name, script, checksum: createHash('sha256').update(script).digest('hex') };
    });
}

export class MigrationError extends Error {}

const MIGRATION_LOCK = 7468230911;

/**
 * Applies the committed, ordered SQL migrations that are not applied yet, each in its own
 * transaction, under an advisory lock so that two instances starting together do not race.
 * A changed checksum of an applied migration stops the start: released migrations are forward-only.
 */
export async function migrate(db: Database, dir = MIGRATIONS_DIR): Promise<string[]> {
  const files = readMigrations(dir);
  return db.onOneConnection(async (query) => {
    await query(`create table if not exists kruispunt_migrations (
      name text primary key, checksum text not null, applied_at timestamptz not null default now())`);
    await query(`select pg_advisory_lock(${MIGRATION_LOCK})`);
    try {
      const applied = new Map(
        ((await query('select name, checksum from kruispunt_migrations')).rows as { name: string; checksum: string }[]).map(
          (r) => [r.name, r.checksum],
        ),
      );
      const done: string[] = [];
      for (const file of files) {
        const known = applied.get(file.name);
        if (known) {
          if (known !== file.checksum) {
            throw new MigrationError(`Migration ${file.name} was changed after it was applied; add a new migration instead.`);
          }
          continue;
        }
        await query('begin');
        try {
          await query(`${file.script}\n;`);
          await query('insert into kruispunt_migrations(name, checksum) values ($1, $2)', [file.name, file.checksum]);
          await query('commit');
        } catch (error) {
          await query('rollback');
          throw new MigrationError(`Migration ${file.name} failed: ${(error as Error).message}`);
        }
        done.push(file.name);
      }
      return done;
    } finally {
      await query(`select pg_advisory_unlock(${MIGRATION_LOCK})`);
    }
  });
}
