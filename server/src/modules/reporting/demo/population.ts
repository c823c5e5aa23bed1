/**
 * DEMO DATA — the demo population's door: a seeded, repeatable, synthetic but realistic history of
 * the AgII agency (Flanders outside Antwerp and Ghent, and Brussels through Bon, as its published
 * tables count them) written into an empty database, with three demo users to sign in as. Refuses a
 * database that already holds persons unless forced: it must never mix with real data.
 */
import type { Database } from '../../../platform/db/database';
import { Rng } from '../../../platform/rng';
import { hashPassword } from '../../access/credentials';
import { belgianDate } from '../../trajectory/trajectory.service';
import { SCALES, type ScaleName } from './model';
import { AGII_TENANT, simulate } from './simulation';
import { DEMO_USERS, type DemoLogin, type DemoUserKey } from './staff';
import { analyze, countPersons, DemoWriter, existingUsers } from './writer';

export interface DemoPopulationOptions {
  scale: ScaleName | number;
  /** Full calendar years before the as-of year (the as-of year runs to the as-of date). */
  years: number;
  seed: number;
  /** The last day generated; default today in Belgium. */
  asOf?: string;
  /** Write into a database that already has persons. */
  force?: boolean;
  /** Password of the three demo users (new ones; existing demo users keep theirs). */
  password: string;
  /** Check every command against the API's schemas first (slower; for tests). */
  validate?: boolean;
  log?: (message: string) => void;
}

export interface DemoPopulationSummary {
  scale: number;
  from: string;
  asOf: string;
  seed: number;
  /** Rows written per table. */
  rows: Record<string, number>;
  /** Seconds spent writing per table. */
  writeSeconds: Record<string, number>;
  persons: number;
  dossiers: number;
  openDossiers: number;
  refused: number;
  refusals: Record<string, number>;
  refusalExamples: string[];
  moWaiting: { waiting: number; overSixMonths: number };
  generationSeconds: number;
  seconds: number;
  fingerprint: string;
  users: Record<DemoUserKey, string>;
}

export class DemoRefused extends Error {}

export async function generateDemoPopulation(db: Database, options: DemoPopulationOptions): Promise<DemoPopulationSummary> {
  const started = performance.now();
  const log = options.log ?? (() => undefined);
  const scale = typeof options.scale === 'number' ? options.scale : SCALES[options.scale];
  if (!(scale > 0)) throw new DemoRefused(`scale must be small, flanders or a positive number, got ${String(options.scale)}`);
  if (!Number.isInteger(options.years) || options.years < 0 || options.years > 12) throw new DemoRefused('years must be a whole number from 0 to 12 (the rules start in 2013)');
  const persons = await countPersons(db);
  if (persons > 0 && !options.force) throw new DemoRefused(`the database already holds ${persons.toLocaleString('en-US')} persons; DEMO DATA is only written into an empty database (--force to add it anyway)`);
  if (options.password.length < 12) throw new DemoRefused('the demo users need a password of at least 12 characters (KRUISPUNT_NEW_PASSWORD)');

  const logins = await demoLogins(db, options.seed, options.password);
  const writer = new DemoWriter(db, AGII_TENANT);
  const asOf = options.asOf ?? belgianDate(new Date());
  const result = await simulate(writer, logins, { scale, years: options.years, seed: options.seed, asOf, validate: options.validate ?? false, log });
  await analyze(db);
  return {
    scale,
    from: result.from,
    asOf,
    seed: options.seed,
    rows: Object.fromEntries(writer.written),
    writeSeconds: Object.fromEntries(writer.seconds),
    persons: writer.written.get('persons') ?? 0,
    dossiers: writer.written.get('dossiers') ?? 0,
    openDossiers: result.openDossiers,
    refused: result.refusals.total,
    refusals: Object.fromEntries(result.refusals.counts),
    refusalExamples: result.refusals.examples,
    moWaiting: result.mo,
    generationSeconds: result.generationSeconds,
    seconds: (performance.now() - started) / 1000,
    fingerprint: writer.fingerprint(),
    users: Object.fromEntries(Object.entries(logins).map(([key, login]) => [key, login.id])) as Record<DemoUserKey, string>,
  };
}

/** The demo users' ids: existing ones are reused (their password stays), new ones get seeded ids and the given password. */
async function demoLogins(db: Database, seed: number, password: string): Promise<Record<DemoUserKey, DemoLogin>> {
  const existing = await existingUsers(db.owner, Object.values(DEMO_USERS).map((u) => u.email));
  const ids = new Rng(seed ^ 0xdea0);
  const logins = {} as Record<DemoUserKey, DemoLogin>;
  for (const [key, user] of Object.entries(DEMO_USERS) as Array<[DemoUserKey, (typeof DEMO_USERS)[DemoUserKey]]>) {
    const id = ids.uuid();
    const found = existing.get(user.email);
    logins[key] = found ? { id: found, passwordHash: null } : { id, passwordHash: await hashPassword(password) };
  }
  return logins;
}
