import { existsSync, mkdirSync, readdirSync } from 'node:fs';
import { dirname } from 'node:path';
import { readFile, writeFile } from 'node:fs/promises';
import { PGlite } from '@electric-sql/pglite';

/**
 * Backup and restore of the embedded database (PGlite keeps one process per data folder, so both run
 * with the server stopped). PostgreSQL has its own tools for this: pg_dump and pg_restore.
 */
export class BackupError extends Error {}

/** Writes the data folder as one gzip-compressed archive; returns its size in bytes. */
export async function backupEmbedded(dataDir: string, file: string): Promise<number> {
  if (!existsSync(dataDir)) throw new BackupError(`No embedded database at ${dataDir}.`);
  const db = await PGlite.create(dataDir);
  try {
    const archive = await db.dumpDataDir('gzip');
    const bytes = Buffer.from(await archive.arrayBuffer());
    await writeFile(file, bytes);
    return bytes.length;
  } finally {
    await db.close();
  }
}

/** Restores an archive into an empty or missing data folder; never over existing data. */
export async function restoreEmbedded(file: string, dataDir: string): Promise<void> {
  if (!existsSync(file)) throw new BackupError(`No backup file at ${file}.`);
  if (existsSync(dataDir) && readdirSync(dataDir).length > 0) {
    throw new BackupError(`${dataDir} is not empty: move it aside first, so that nothing is overwritten.`);
  }
  const archive = new Blob([await readFile(file)]);
  mkdirSync(dirname(dataDir), { recursive: true });
  const db = await PGlite.create(dataDir, { loadDataDir: archive });
  try {
    await db.query('select 1');
  } finally {
    await db.close();
  }
}
