import { parseArgs } from 'node:util';
import { createAgencyAdministrator } from './modules/access/administration.service';
import { ConfigError, loadConfig } from './platform/config';
import { openDatabase } from './platform/db/database';
import { migrate } from './platform/db/migrate';
import { AppError } from './platform/errors';

const USAGE = `Usage:
  npm run kruispunt -- migrate
  npm run kruispunt -- create-admin --agency <agii|atlas|in-gent|bon> --email <e-mail> --name "<display name>"
      (the password is read from KRUISPUNT_NEW_PASSWORD, at least 12 characters)
Uses the same DATABASE_URL / KRUISPUNT_DATA_DIR as the server; stop an embedded-database server first.`;

function fail(message: string): never {
  process.stderr.write(`${message}\n`);
  process.exit(2);
}

const [command, ...rest] = process.argv.slice(2);
if (!command || !['migrate', 'create-admin'].includes(command)) fail(USAGE);
let config;
try {
  config = loadConfig();
} catch (error) {
  if (error instanceof ConfigError) fail(error.message);
  throw error;
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
