import { parseArgs } from 'node:util';
import { createAgencyAdministrator } from './modules/access/administration.service';
import { BackupError, backupEmbedded, restoreEmbedded } from './platform/db/backup';
import { ConfigError, loadConfig } from './platform/config';
import { openDatabase } from './platform/db/database';
import { migrate } from './platform/db/migrate';
import { AppError } from './platform/errors';

const USAGE = `Usage:
  npm run kruispunt -- migrate
  npm run kruispunt -- backup --to <file.tar.gz>        (embedded database; the server must be stopped)
  npm run kruispunt -- restore --from <file.tar.gz>     (into an empty data folder; the server must be stopped)
  npm run kruispunt -- create-admin --agency <agii|atlas|in-gent|bon> --email <e-mail> --name "<display name>"
      (the password is read from KRUISPUNT_NEW_PASSWORD, at least 12 characters)
  npm run kruispunt -- demo [--email <e-mail>]
      DEMO DATA: loads the trajectory scenarios as dossiers of AgII, signed in as a demo case worker
      (default demo.trajectbegeleider@kruispunt.test; password from KRUISPUNT_NEW_PASSWORD)
  npm run demo [-- --scale small|flanders|<fraction>] [--years N] [--seed N] [--as-of YYYY-MM-DD] [--force]
      (= npm run kruispunt -- population …) DEMO DATA: a synthetic population of AgII over N full years
      and this year so far: small (default; 3 years, a few thousand persons, embedded database) or
      flanders (--years 10, about 450,000 persons, PostgreSQL). Refuses a database with persons unless
      --force; demo users demo.manager@, demo.trajectbegeleider@ and demo.planner@kruispunt.test get
      the password in KRUISPUNT_NEW_PASSWORD
Uses the same DATABASE_URL / KRUISPUNT_DATA_DIR as the server; stop an embedded-database server first.`;

function fail(message: string): never {
  process.stderr.write(`${message}\n`);
  process.exit(2);
}

const [command, ...rest] = process.argv.slice(2);
if (!command || !['migrate', 'create-admin', 'backup', 'restore', 'demo', 'population'].includes(command)) fail(USAGE);
let config;
try {
  config = loadConfig();
} catch (error) {
  if (error instanceof ConfigError) fail(error.message);
  throw error;
}
if (command === 'backup' || command === 'restore') {
  if (config.database.kind !== 'pglite' || !config.database.dataDir) {
    fail('backup and restore are for the embedded database; on PostgreSQL use pg_dump -Fc and pg_restore (docs/operator-guide.md).');
  }
  const { values } = parseArgs({ args: rest, options: { to: { type: 'string' }, from: { type: 'string' } } });
  try {
    if (command === 'backup') {
      if (!values.to) fail('--to is missing: the archive file to write.');
      const bytes = await backupEmbedded(config.database.dataDir, values.to);
      process.stdout.write(`Backed up ${config.database.dataDir} to ${values.to} (${bytes} bytes).\n`);
    } else {
      if (!values.from) fail('--from is missing: the archive file to restore.');
      await restoreEmbedded(values.from, config.database.dataDir);
      process.stdout.write(`Restored ${values.from} into ${config.database.dataDir}. Start Kruispunt to apply newer migrations.\n`);
    }
  } catch (error) {
    if (error instanceof BackupError) fail(error.message);
    throw error;
  }
  process.exit(0);
}
const db = await openDatabase(config.database);
try {
  const applied = await migrate(db);
  process.stdout.write(applied.length ? `Applied migrations: ${applied.join(', ')}\n` : 'Database schema is up to date.\n');
  if (command === 'create-admin') {
    const { values } = parseArgs({ args: rest, options: { agency: { type: 'string' }, email: { type: 'string' }, name: { type: 'string' } } });
    const password = process.env.KRUISPUNT_NEW_PASSWORD ?? '';
    if (!values.agency) fail('--agency is missing (agii, atlas, in-gent or bon).');
    if (!values.email || !/^[^@\s]+@[^@\s]+\.[^@\s]+$/.test(values.email)) fail('--email is missing or not an e-mail address.');
    if (password.length < 12) fail('KRUISPUNT_NEW_PASSWORD must hold the new password, at least 12 characters.');
    const user = await createAgencyAdministrator({ db }, { agencyCode: values.agency, email: values.email, displayName: values.name ?? 'Administrator', password });
    process.stdout.write(`Administrator ${user.email} created in ${user.organisation.name}.\n`);
  }
  if (command === 'demo') {
    const { values } = parseArgs({ args: rest, options: { email: { type: 'string' } } });
    const password = process.env.KRUISPUNT_NEW_PASSWORD ?? '';
    if (password.length < 12) fail('KRUISPUNT_NEW_PASSWORD must hold the demo case worker’s password, at least 12 characters.');
    const email = values.email ?? 'demo.trajectbegeleider@kruispunt.test';
    const { loadDemoScenarios } = await import('./modules/trajectory/scenarios/demo');
    const result = await loadDemoScenarios(db, { email, password });
    process.stdout.write(`Demo data: ${result.loaded} scenarios replayed, ${result.dossiers} dossiers for AgII; sign in as ${email}.\n`);
    for (const f of result.failed) process.stderr.write(`  not loaded: ${f.file}: ${f.error}\n`);
    if (result.failed.length) process.exitCode = 1;
  }
  if (command === 'population') {
    const { populationCommand } = await import('./modules/reporting/demo/command');
    process.exitCode = await populationCommand(db, rest);
  }
} catch (error) {
  if (error instanceof AppError && error.options.fields?.length) {
    const f = error.options.fields[0]!;
    const messages: Record<string, string> = {
      'email-taken': '--email: a user with this e-mail address already exists.',
      'unknown-organisation': '--agency: no agency with that code (use agii, atlas, in-gent or bon).',
    };
    fail(messages[f.code] ?? `--${f.field}: ${f.code}`);
  }
  throw error;
} finally {
  await db.close();
}
