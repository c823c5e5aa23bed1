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
