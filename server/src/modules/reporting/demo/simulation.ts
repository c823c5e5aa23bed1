/**
 * The demo population's clock: day by day from the first of January of the first year to the
 * as-of date, newcomers arrive month by month (sign-ups, temporary protection, people who only come
 * for Dutch) in the published regional volumes, the planners form MO courses every Monday, and
 * whatever the agenda holds for the day happens. Month by month the rows go to the database while
 * the next month is generated, so memory holds the people still in a trajectory, not the history.
 */
import { Rng } from '../../../platform/rng';
import { Agenda, dayOf, isoOf, weekdayOf, workingDayFrom, yearOf, type Day } from './calendar';
import { CertificateNumbers, DossierBook, Refusals } from './dossiers';
import { Nt2Desk } from './dutch';
import { drawTraits } from './intake';
import { InterpretingYears } from './interpreting';
import { MONTH_WEIGHTS, nt2OnlyArrivals, regionalFigure, temporaryProtectionNt2Only, temporaryProtectionSignUps } from './model';
import { MoPlanner } from './orientation';
import { PeopleFactory } from './people';
import { DEMO_REGIONS, type DemoRegion } from './published';
import { RowSink } from './rows';
import { Staff, type DemoLogin, type DemoUserKey } from './staff';
import { registerPerson, Trajectories } from './trajectory';
import type { Client, World } from './world';
import type { DemoWriter } from './writer';

export const AGII_TENANT = '00000000-0000-4000-8000-000000000001';
const AGENCY = { code: 'agii', name: 'Agentschap Integratie en Inburgering' };
/** Rows buffered before they are written, whatever the month. */
const FLUSH_ROWS = 60_000;

export interface SimulationOptions {
  scale: number;
  /** Full calendar years before the as-of year; the as-of year runs to the as-of date. */
  years: number;
  seed: number;
  asOf: string;
  /** Parse every command with the API schemas (slower; the tests do). */
  validate: boolean;
  log: (message: string) => void;
}

export interface SimulationResult {
  from: string;
  asOf: string;
  refusals: Refusals;
  mo: { waiting: number; overSixMonths: number };
  openDossiers: number;
  generationSeconds: number;
}

export async function simulate(writer: DemoWriter, demoUsers: Record<DemoUserKey, DemoLogin>, o: SimulationOptions): Promise<SimulationResult> {
  const from = `${Number(o.asOf.slice(0, 4)) - o.years}-01-01`;
  const start = dayOf(from);
  const asOf = dayOf(o.asOf);
  const rng = new Rng(o.seed);
  const ids = new Rng(o.seed ^ 0x1d5eed);
  const clock = new Rng(o.seed ^ 0xc10c);
  const sink = new RowSink();
  const refusals = new Refusals();
  const certificateNumbers = new CertificateNumbers(AGENCY.code);
  const recordedAt = (date: string) => `${date}T${String(clock.int(6, 15)).padStart(2, '0')}:${String(clock.int(0, 59)).padStart(2, '0')}:00.000Z`;
  const book = new DossierBook({ sink, ids, agencyName: AGENCY.name, certificateNumbers, refusals, recordedAt, validate: o.validate });
  const world: World = {
    rng,
    ids,
    agenda: new Agenda(),
    today: start,
    asOf,
    scale: o.scale,
    tenantId: AGII_TENANT,
    sink,
    book,
    staff: new Staff(ids, sink, AGII_TENANT, o.scale, demoUsers, `${from}T08:00:00.000Z`),
    people: new PeopleFactory(new Rng(o.seed ^ 0x9e0913), () => ids.uuid(), o.seed, o.scale),
    recordedAt,
  };
  const trajectories = new Trajectories(world);
  const mo = new MoPlanner(world, trajectories);
  const nt2 = new Nt2Desk(world, trajectories);
  trajectories.mo = mo;
  trajectories.nt2 = nt2;
  const interpreting = new InterpretingYears(new Rng(o.seed ^ 0x57f), sink, o.scale, `${from}T08:00:00.000Z`);
  await writer.write(sink.drain());
  await writer.interpretingRegister(interpreting.interpreters, new Date(`${from}T08:00:00Z`));

  let generationMs = 0;
  let writing: Promise<void> = Promise.resolve();
  const flush = async (day: Day) => {
    book.writeOpened(isoOf(day));
    const tables = sink.drain();
    // The previous month's rows are being written while this month was generated; one batch in flight.
    await writing;
    writing = writer.write(tables);
  };

  let slice = performance.now();
  let breathed = slice;
  for (let day = start; day <= asOf; day++) {
    world.today = day;
    const date = isoOf(day);
    if (day === start || date.endsWith('-01-01')) {
      nt2.planYear(yearOf(day));
      const year = yearOf(day);
      const yearEnd = Math.min(dayOf(`${year + 1}-01-01`), asOf + 35);
      const { requests, assignments } = interpreting.year(year, day * 86_400_000, yearEnd * 86_400_000, (asOf + 1) * 86_400_000 - 1, o.scale);
      await writing;
      writing = writer.interpretingYear(interpreting.interpreters, requests, assignments);
    }
    if (day === start || date.endsWith('-01')) planArrivals(world, trajectories, nt2, day);
    if (weekdayOf(day) === 1) mo.weekly();
    for (let run = world.agenda.takeDue(day); run; run = world.agenda.takeDue(day)) {
      run();
      // Every few milliseconds the writes in flight get their turn: their round trips do not wait for a whole day's work.
      if (performance.now() - breathed > 4) {
        await new Promise<void>((resolve) => setImmediate(resolve));
        breathed = performance.now();
      }
    }
    // A month, or enough rows to keep the memory they take bounded at any scale.
    if (isoOf(day + 1).endsWith('-01') || day === asOf || sink.pending >= FLUSH_ROWS) {
      generationMs += performance.now() - slice;
      await flush(day);
      slice = performance.now();
      if (date.endsWith('-12-31') || day === asOf) o.log(`${date}: ${trajectories.openClients.size.toLocaleString('en-US')} open dossiers, ${sink.counts.get('persons')?.toLocaleString('en-US') ?? 0} persons so far, ${refusals.total} refused commands`);
    }
  }
  world.today = asOf;
  const openDossiers = trajectories.openClients.size;
  for (const client of trajectories.openClients) book.finish(client.dossier!, o.asOf);
  mo.finish();
  nt2.finish();
  const waiting = mo.waiting();
  generationMs += performance.now() - slice;
  await flush(asOf);
  await writing;
  await writer.certificateCounters(certificateNumbers.last);
  return { from, asOf: o.asOf, refusals, mo: waiting, openDossiers, generationSeconds: generationMs / 1000 };
}

/** This month's newcomers per region, each on a working day of the month (stochastic rounding keeps small scales right on average). */
function planArrivals(world: World, trajectories: Trajectories, nt2: Nt2Desk, first: Day): void {
  const rng = world.rng;
  const date = isoOf(first);
  const year = Number(date.slice(0, 4));
  const month = Number(date.slice(5, 7));
  const monthsLeft = dayOf(`${year + (month === 12 ? 1 : 0)}-${String((month % 12) + 1).padStart(2, '0')}-01`) - first;
  const share = MONTH_WEIGHTS[month - 1]! / MONTH_WEIGHTS.reduce((a, b) => a + b, 0);
  // Temporary protection only from March 2022, its yearly numbers spread over the months it ran.
  const protectionShare = date < '2022-03-01' ? 0 : year === 2022 ? share / MONTH_WEIGHTS.slice(2).reduce((a, b) => a + b, 0) * MONTH_WEIGHTS.reduce((a, b) => a + b, 0) : share;
  const count = (perYear: number, monthShare: number) => {
    const expected = perYear * monthShare * world.scale;
    return Math.floor(expected) + (rng.chance(expected % 1) ? 1 : 0);
  };
  const on = (run: () => void) => world.agenda.plan(workingDayFrom(first + rng.int(0, monthsLeft - 1)), run);
  for (const region of DEMO_REGIONS) {
    const protectedSignUps = temporaryProtectionSignUps(year, region);
    const signUps = regionalFigure(year, (p) => p.signUps, region) - protectedSignUps;
    for (let n = count(signUps, share); n > 0; n--) on(() => trajectories.arrive(region, false));
    for (let n = count(protectedSignUps, protectionShare); n > 0; n--) on(() => trajectories.arrive(region, true));
    for (let n = count(nt2OnlyArrivals(year, region), share); n > 0; n--) on(() => nt2.newcomer(nt2Client(world, region, false)));
    for (let n = count(temporaryProtectionNt2Only(year, region), protectionShare); n > 0; n--) on(() => nt2.newcomer(nt2Client(world, region, true)));
  }
}

/** Someone without a trajectory who comes for Dutch: registered by an NT2 consultant. */
function nt2Client(world: World, region: DemoRegion, temporaryProtection: boolean): Client {
  const person = world.people.make({
    region,
    on: isoOf(world.today),
    ...(temporaryProtection ? { language: world.rng.chance(0.7) ? 'uk' : 'ru' } : {}),
  });
  const consultant = world.staff.take(world.staff.consultants, region);
  registerPerson(world, person, consultant);
  return { person, region, dossier: null, caseWorker: consultant, traits: drawTraits(world.rng, person, temporaryProtection), mo: {}, nt2: { conversations: 0, attempts: 0 } };
}
