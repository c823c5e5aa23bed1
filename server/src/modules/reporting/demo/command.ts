/**
 * `npm run demo` (`npm run kruispunt -- population …`): parses the options, writes the demo
 * population and prints what it wrote, the refused commands (there should be none) and the
 * calibration of the last full year against the published figures.
 */
import { parseArgs } from 'node:util';
import type { Database } from '../../../platform/db/database';
import { calibrationMarkdown, calibrationTable } from './calibration';
import { SCALES, type ScaleName } from './model';
import { DemoRefused, generateDemoPopulation } from './population';
import { DEMO_USERS } from './staff';

const BANNER = '*** DEMO DATA — fictitious persons and history, never for a real database ***';

/** Runs the command; the exit code. */
export async function populationCommand(db: Database, args: string[]): Promise<number> {
  const { values } = parseArgs({
    args,
    options: { scale: { type: 'string' }, years: { type: 'string' }, seed: { type: 'string' }, 'as-of': { type: 'string' }, force: { type: 'boolean' } },
  });
  const scaleName = values.scale ?? 'small';
  const scale = scaleName in SCALES ? SCALES[scaleName as ScaleName] : Number(scaleName);
  const years = values.years === undefined ? (scale >= 0.5 ? 10 : 3) : Number(values.years);
  const seed = values.seed === undefined ? 20240601 : Number(values.seed);
  if (!Number.isFinite(scale) || scale <= 0) return fail(`--scale must be small, flanders or a positive fraction, got ${scaleName}`);
  if (!Number.isInteger(seed)) return fail(`--seed must be a whole number, got ${values.seed}`);
  if (values['as-of'] && !/^\d{4}-\d{2}-\d{2}$/.test(values['as-of'])) return fail('--as-of must be a date, YYYY-MM-DD');
  if (db.kind === 'pglite' && scale > 0.1 && !values.force) {
    return fail('this scale is for PostgreSQL (set DATABASE_URL); the embedded database takes the small one (--force to try anyway)');
  }
  const out = (line: string) => process.stdout.write(`${line}\n`);
  out(BANNER);
  out(`Generating the demo population: scale ${scale}, ${years} full years and this year so far, seed ${seed}, on ${db.kind === 'pglite' ? 'the embedded database' : 'PostgreSQL'}…`);
  try {
    const summary = await generateDemoPopulation(db, {
      scale,
      years,
      seed,
      ...(values['as-of'] ? { asOf: values['as-of'] } : {}),
      force: values.force ?? false,
      password: process.env.KRUISPUNT_NEW_PASSWORD ?? '',
      log: (message) => out(`  ${message}`),
    });
    out('');
    out(`DEMO DATA written from ${summary.from} to ${summary.asOf} in ${summary.seconds.toFixed(1)} s: ${summary.persons.toLocaleString('en-US')} persons, ${summary.dossiers.toLocaleString('en-US')} dossiers (${summary.openDossiers.toLocaleString('en-US')} open), ${(summary.rows.journal_entries ?? 0).toLocaleString('en-US')} journal entries, ${(summary.rows.interpreting_requests ?? 0).toLocaleString('en-US')} interpreter requests; fingerprint ${summary.fingerprint}.`);
    out(`Refused commands: ${summary.refused}${summary.refused ? ` — a fault of the generator: ${summary.refusalExamples.join('; ')}` : ''}`);
    out(`MO waiting list today: ${summary.moWaiting.waiting.toLocaleString('en-US')}, of whom ${summary.moWaiting.overSixMonths.toLocaleString('en-US')} for more than six months.`);
    const year = Number(summary.asOf.slice(0, 4)) - 1;
    if (year >= Number(summary.from.slice(0, 4))) {
      out('');
      out(`Calibration of ${year} against the published figures (2023 and 2022 where published, scaled):`);
      out(calibrationMarkdown(await calibrationTable(db, year, scale), year, scale));
    }
    out('');
    out(`Sign in at the web app as ${Object.values(DEMO_USERS).map((u) => u.email).join(', ')} with the password in KRUISPUNT_NEW_PASSWORD.`);
    out(BANNER);
    return summary.refused ? 1 : 0;
  } catch (error) {
    if (error instanceof DemoRefused) return fail(error.message);
    throw error;
  }
}

function fail(message: string): number {
  process.stderr.write(`demo population: ${message}\n`);
  return 2;
}
