/**
 * Demo population benchmark (issue 7, "Measured in bench/"): generating the population of the
 * whole AgII area (server/src/modules/reporting/demo, the generator behind `npm run demo`) into a
 * fresh database — on PostgreSQL at the scale of Flanders (ten full years and the as-of year so far,
 * about 450,000 persons), on PGlite at the small demo scale — with the throughput (persons/s, rows/s
 * in all and per table), the wall time, the peak memory of this process, the refused commands
 * (must be none) and the calibration of 2023 against the published figures.
 *
 *   BENCH_SUITE=demo-population npm run bench        (or: npx tsx bench/demo-population.ts)
 *
 * Per table, "write s" is the time its statements took from being sent to being answered. The
 * journal and the other tables go over two connections at once, and the next month is generated
 * while a month is written, so these times overlap each other and the generation.
 *
 * Environment (all optional):
 *   BENCH_ONLY=pglite|postgres            default both (PostgreSQL at the Flanders scale, PGlite small)
 *   BENCH_DATABASE_URL                    server (default postgres://root@127.0.0.1:5432/test); the database
 *                                         kruispunt_bench_demo is (re)created there and dropped at the end
 *   BENCH_DEMO_SCALE=flanders             PostgreSQL: flanders | small | a fraction of Flanders
 *   BENCH_DEMO_PGLITE_SCALE=small         PGlite
 *   BENCH_DEMO_YEARS=10                   full years before the as-of year (PGlite: BENCH_DEMO_PGLITE_YEARS=3)
 *   BENCH_DEMO_AS_OF=2026-06-30           the last day generated (fixed, so runs compare)
 *   BENCH_SEED=20240601
 *   BENCH_WRITE_RESULTS=1                 0 = do not update bench/RESULTS.md
 */
import { env } from 'node:process';
import { calibrationMarkdown, calibrationTable } from '../server/src/modules/reporting/demo/calibration';
import { SCALES, type ScaleName } from '../server/src/modules/reporting/demo/model';
import { generateDemoPopulation } from '../server/src/modules/reporting/demo/population';
import { numberEnv } from './env';
import { isMain, machineNote, measureResources, openSuiteDatabase, runDirectly, runSuite, suiteSection, type BenchKind, type Log, type RegisterCleanup, type SuiteRunOptions } from './support';

const DB_NAME = 'kruispunt_bench_demo';
const PASSWORD = 'bench demo password, long enough';

function scaleOf(name: string): number {
  const scale = name in SCALES ? SCALES[name as ScaleName] : Number(name);
  if (!(scale > 0)) throw new Error(`the demo scale must be small, flanders or a positive fraction, got ${JSON.stringify(name)}`);
  return scale;
}

const int = (n: number) => Math.round(n).toLocaleString('en-US');

export async function runDemoPopulationBench(options: SuiteRunOptions): Promise<string> {
  const { kind, log } = options;
  const pgl = kind === 'pglite';
  const scaleName = pgl ? env.BENCH_DEMO_PGLITE_SCALE || 'small' : env.BENCH_DEMO_SCALE || 'flanders';
  const scale = scaleOf(scaleName);
  const years = pgl ? numberEnv('BENCH_DEMO_PGLITE_YEARS', 3) : numberEnv('BENCH_DEMO_YEARS', 10);
  const asOf = env.BENCH_DEMO_AS_OF || '2026-06-30';
  const seed = numberEnv('BENCH_SEED', 20240601);
  const baseUrl = env.BENCH_DATABASE_URL || 'postgres://root@127.0.0.1:5432/test';
  log(`== Demo population (${kind}): scale ${scaleName} (${scale}), ${years} full years to ${asOf}, seed ${seed} ==`);

  const { db, label, version } = await openSuiteDatabase({ kind, baseUrl, name: DB_NAME, log, onCleanup: options.onCleanup });
  const m = await measureResources(
    () => generateDemoPopulation(db, { scale, years, seed, asOf, password: PASSWORD, log: (message) => log(`  ${message}`) }),
    { postgresCpu: !pgl, gcFirst: true },
  );
  const s = m.value;
  const rows = Object.values(s.rows).reduce((a, b) => a + b, 0);
  log(`  ${int(s.persons)} persons, ${int(rows)} rows in ${m.seconds.toFixed(1)} s: ${int(s.persons / m.seconds)} persons/s, ${int(rows / m.seconds)} rows/s; peak RSS ${m.peakRssMb.toFixed(0)} MB, heap ${m.peakHeapMb.toFixed(0)} MB; refused ${s.refused}`);
  // 2023 when the population has run in for two years by then; else the last full year (against the 2023 figures).
  const calibrationYear = Number(s.from.slice(0, 4)) <= 2021 ? 2023 : Number(s.asOf.slice(0, 4)) - 1;
  const calibration = calibrationMarkdown(await calibrationTable(db, calibrationYear, scale), calibrationYear, scale);
  const size = pgl ? null : ((await db.rawQuery('select pg_size_pretty(pg_database_size(current_database())) as s')).rows[0] as { s: string }).s;

  const tables = Object.entries(s.rows).sort((a, b) => b[1] - a[1]);
  const table = [
    '| Rows of | Rows | Write s | Rows/s (write) |',
    '|---|---:|---:|---:|',
    `| **all, wall clock** | ${int(rows)} | ${m.seconds.toFixed(1)} | ${int(rows / m.seconds)} |`,
    ...tables.map(([t, n]) => {
      const seconds = s.writeSeconds[t] ?? 0;
      // Assignments go in the transaction of their requests; their time is booked there.
      return `| ${t} | ${int(n)} | ${t === 'interpreting_assignments' ? '(with the requests)' : seconds.toFixed(1)} | ${seconds > 0 ? int(n / seconds) : '–'} |`;
    }),
  ].join('\n');
  const verdict = [
    `Generated ${int(s.persons)} persons (${int(s.dossiers)} dossiers, ${int(s.rows.journal_entries ?? 0)} journal entries, ${int(s.rows.interpreting_requests ?? 0)} interpreter requests) from ${s.from} to ${s.asOf} in **${m.seconds.toFixed(0)} s**: **${int(s.persons / m.seconds)} persons/s**, **${int(rows / m.seconds)} rows/s**.`,
    `Memory of this process: peak RSS **${m.peakRssMb.toFixed(0)} MB**, peak heap used **${m.peakHeapMb.toFixed(0)} MB** (before: ${m.rssBeforeMb.toFixed(0)} / ${m.heapBeforeMb.toFixed(0)} MB). CPU s Node ${(m.cpuUserS + m.cpuSystemS).toFixed(0)}${m.pgCpuS === null ? '' : `, PostgreSQL ${m.pgCpuS.toFixed(0)}`}; the simulation itself ${s.generationSeconds.toFixed(0)} s of the wall time.`,
    `Refused commands: **${s.refused}**${s.refused ? ` (${s.refusalExamples.slice(0, 3).join('; ')})` : ''}. Fingerprint ${s.fingerprint}; ${int(s.openDossiers)} dossiers open on ${s.asOf}; MO waiting list ${int(s.moWaiting.waiting)}, of whom ${int(s.moWaiting.overSixMonths)} over six months.`,
  ].join('\n');
  const notes = [
    `- Database: ${label}; ${version}${size ? `; ${size} after the run` : ''}`,
    machineNote(),
    '- Per table, "write s" is the time its statements took from sending to answer: the journal and the other tables are written over two connections at once while the next month is generated, so the times overlap (their sum exceeds the wall clock) and include waiting for the generation to yield. Memory is sampled every 100 ms.',
    '',
    `Calibration of ${calibrationYear} (generated at scale ${scale}; the published figures are those of ${calibrationYear === 2022 ? 2022 : 2023}):`,
    '',
    calibration,
  ];
  return suiteSection(`Demo population (${kind})`, table, verdict, notes);
}

/** Entry point for run.ts (BENCH_SUITE=demo-population) and for running this file directly. */
export async function mainDemoPopulation(kinds: BenchKind[], log: Log, register: RegisterCleanup, drain: () => Promise<void>): Promise<void> {
  await runSuite('demo-population', runDemoPopulationBench, kinds, log, register, drain);
}

if (isMain(import.meta.url)) runDirectly(mainDemoPopulation, ['postgres', 'pglite']);
