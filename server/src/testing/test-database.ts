import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { openDatabase, type Database, type DatabaseOptions } from '../platform/db/database';
import { migrate } from '../platform/db/migrate';

export interface TestDatabase {
  db: Database;
  /** Closes the database and opens it again, as a restart of the platform would. */
  restart(): Promise<Database>;
  /** Closes it and, on PostgreSQL, drops the database. */
  drop(): Promise<void>;
}

/**
 * A fresh, migrated database for one test file: PGlite (in memory, or in `dataDir`) by default, or a
 * new database on the PostgreSQL server named by DATABASE_URL, so that no two tests share state.
 */
export async function createTestDatabase(options: { dataDir?: string } = {}): Promise<TestDatabase> {
  const base = process.env.DATABASE_URL;
  let name: string | null = null;
  let target: DatabaseOptions = { kind: 'pglite', dataDir: options.dataDir ?? null };
  if (base) {
    name = `kp_test_${process.pid}_${randomBytes(4).toString('hex')}`;
    const admin = new pg.Client({ connectionString: base });
    await admin.connect();
    await admin.query(`create database ${name}`);
    await admin.end();
    const url = new URL(base);
    url.pathname = `/${name}`;
    target = { kind: 'postgres', url: url.toString(), poolSize: 5 };
  }
  const handle: TestDatabase = {
    db: await openDatabase(target),
    async restart() {
      await handle.db.close();
      handle.db = await openDatabase(target);
      return handle.db;
    },
    async drop() {
      await handle.db.close();
      if (!base || !name) return;
      const client = new pg.Client({ connectionString: base });
      await client.connect();
      await client.query(`drop database if exists ${name} with (force)`);
      await client.end();
    },
  };
  await migrate(handle.db);
  return handle;
}
