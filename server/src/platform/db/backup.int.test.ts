import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql } from 'drizzle-orm';
import { afterAll, describe, expect, it } from 'vitest';
import { BackupError, backupEmbedded, restoreEmbedded } from './backup';
import { openDatabase, queryRows } from './database';
import { migrate } from './migrate';

const work = mkdtempSync(join(tmpdir(), 'kp-backup-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

describe('backup and restore of the embedded database (operator guide §7)', () => {
  it('a restored backup holds the data and the applied migrations', async () => {
    const original = join(work, 'pgdata');
    const db = await openDatabase({ kind: 'pglite', dataDir: original });
    await migrate(db);
    await db.owner.execute(sql`insert into organisations (id, tenant_id, kind, partner_type, code, name)
      values ('10000000-0000-4000-8000-000000000001', '00000000-0000-4000-8000-000000000001', 'partner', 'other', 'backup-check', 'Backup check')`);
    await db.close();

    const archive = join(work, 'backup.tar.gz');
    expect(await backupEmbedded(original, archive)).toBeGreaterThan(1000);
    const restoredDir = join(work, 'restored', 'pgdata');
    await restoreEmbedded(archive, restoredDir);

    const restored = await openDatabase({ kind: 'pglite', dataDir: restoredDir });
    try {
      expect(await migrate(restored)).toEqual([]);
      const rows = await queryRows<{ name: string }>(restored.owner, sql`select name from organisations where code = 'backup-check'`);
      expect(rows).toEqual([{ name: 'Backup check' }]);
    } finally {
      await restored.close();
    }
  });

  it('never restores over existing data, and says so', async () => {
    await expect(restoreEmbedded(join(work, 'backup.tar.gz'), join(work, 'pgdata'))).rejects.toThrow(BackupError);
    await expect(restoreEmbedded(join(work, 'missing.tar.gz'), join(work, 'elsewhere'))).rejects.toThrow(/No backup file/);
  });
});

describe.runIf(Boolean(process.env.DATABASE_URL))('backup and restore on PostgreSQL with pg_dump and pg_restore (operator guide §7)', () => {
  it('a dump restored into a new database holds the data, the migrations and the row-level security', async () => {
    const { execFileSync } = await import('node:child_process');
    const { createTestDatabase } = await import('../../testing/test-database');
    const source = await createTestDatabase();
    const target = await createTestDatabase();
    const dump = join(work, 'kruispunt.dump');
    try {
      await source.db.owner.execute(sql`insert into organisations (id, tenant_id, kind, partner_type, code, name)
        values ('10000000-0000-4000-8000-000000000002', '00000000-0000-4000-8000-000000000001', 'partner', 'other', 'pg-backup-check', 'PG backup check')`);
      execFileSync('pg_dump', ['-Fc', '-f', dump, '-d', source.db.url!]);
      // The target was migrated by the helper: restore replaces its objects, as into a fresh database.
      execFileSync('pg_restore', ['--clean', '--if-exists', '--no-owner', '-d', target.db.url!, dump], { stdio: 'pipe' });
      const rows = await queryRows<{ name: string }>(target.db.owner, sql`select name from organisations where code = 'pg-backup-check'`);
      expect(rows).toEqual([{ name: 'PG backup check' }]);
      expect(await migrate(target.db)).toEqual([]);
      const policies = await queryRows<{ n: number }>(target.db.owner, sql`select count(*)::int as n from pg_policies where policyname = 'tenant_isolation'`);
      expect(policies[0]!.n).toBeGreaterThanOrEqual(10);
    } finally {
      await source.drop();
      await target.drop();
    }
  });
});
