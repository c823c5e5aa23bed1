/**
 * The demo population on the test database (PGlite, or PostgreSQL with DATABASE_URL): every command
 * accepted by the rules and by the API's schemas, the same seed giving the same data, every dossier's
 * stored state what its journal replays to, derived columns as deriveDossier computes them, and the
 * regional shares of the published figures.
 */
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { queryRows } from '../../../platform/db/database';
import { createTestDatabase, type TestDatabase } from '../../../testing/test-database';
import type { DossierCommand, SignUpCommand } from '../../trajectory/dossier/commands';
import { decide, openDossier, type DecisionContext } from '../../trajectory/dossier/decide';
import type { DossierState } from '../../trajectory/dossier/state';
import { clientProfiles, deriveDossier } from '../../trajectory/trajectory.service';
import { generatedFigures } from './calibration';
import { DemoRefused, generateDemoPopulation, type DemoPopulationSummary } from './population';
import { DEMO_REGIONS, PUBLISHED, total } from './published';

const PASSWORD = 'demo-password-for-tests';
const MAIN = { scale: 0.03, years: 1, seed: 7, asOf: '2025-06-30', password: PASSWORD, validate: true };
const TINY = { scale: 0.01, years: 0, seed: 11, asOf: '2025-04-30', password: PASSWORD };

let main: TestDatabase;
let summary: DemoPopulationSummary;

beforeAll(async () => {
  main = await createTestDatabase();
  summary = await generateDemoPopulation(main.db, MAIN);
}, 300_000);

afterAll(async () => {
  await main?.drop();
});

interface JournalRow {
  dossier_id: string;
  entry_type: string;
  payload: { command?: Record<string, unknown>; certificateNumber?: string; infringementId?: string };
}

/** JSON with the keys of every object sorted: jsonb does not keep the order in which keys were written. */
function canonical(value: unknown): string {
  return JSON.stringify(value, (_key, v: unknown) =>
    v && typeof v === 'object' && !Array.isArray(v) ? Object.fromEntries(Object.entries(v as Record<string, unknown>).sort(([a], [b]) => a.localeCompare(b))) : v,
  );
}

/** Replays a dossier's journal through openDossier and decide, with the ids and numbers the journal recorded. */
function replay(entries: readonly JournalRow[], stored: DossierState, birthDate: string | null): DossierState {
  const periodIds = stored.periods.map((p) => p.id);
  let state: DossierState | null = null;
  for (const entry of entries) {
    const command = entry.payload.command!;
    const date = command.date as string;
    if (entry.entry_type === 'dossier.signed-up') {
      state = openDossier(command as SignUpCommand, { today: date }).state;
      // signUp() makes the case worker who signs up the dossier's case worker; it is not in the command.
      state.caseWorkerId = stored.caseWorkerId;
      continue;
    }
    const context: DecisionContext = {
      today: date,
      person: { birthDate },
      profiles: clientProfiles(),
      newId: () => (entry.entry_type === 'dossier.infringement-recorded' ? entry.payload.infringementId! : periodIds.shift()!),
      certificateNumber: () => entry.payload.certificateNumber!,
    };
    state = decide(state!, command as DossierCommand, context).state;
  }
  return state!;
}

describe('demo population', () => {
  it('plays every command without a refusal, also through the API schemas', () => {
    expect(summary.refusalExamples).toEqual([]);
    expect(summary.refused).toBe(0);
    expect(summary.persons).toBeGreaterThan(1000);
    expect(summary.dossiers).toBeGreaterThan(500);
  });

  it('refuses a database that already holds persons', async () => {
    await expect(generateDemoPopulation(main.db, MAIN)).rejects.toBeInstanceOf(DemoRefused);
  });

  it('stores in every dossier the state its journal replays to', async () => {
    const dossiers = await queryRows<{ id: string; state: DossierState; birth_date: string | null }>(
      main.db.owner,
      sql`select d.id, d.state, to_char(p.birth_date, 'YYYY-MM-DD') as birth_date from dossiers d join persons p on p.id = d.person_id`,
    );
    const journal = await queryRows<JournalRow>(
      main.db.owner,
      sql`select dossier_id, entry_type, payload from journal_entries where entry_type like 'dossier.%' and payload ? 'command' order by id`,
    );
    const byDossier = new Map<string, JournalRow[]>();
    for (const entry of journal) byDossier.set(entry.dossier_id, [...(byDossier.get(entry.dossier_id) ?? []), entry]);
    const different = dossiers.filter((d) => canonical(replay(byDossier.get(d.id)!, d.state, d.birth_date)) !== canonical(d.state));
    expect(different.map((d) => d.id)).toEqual([]);
  });

  it('keeps the journal’s digest for the figures as a rebuild from the journal makes it (ADR 0017)', async () => {
    // The triggers filled dossier_milestones and person_regions while the population was written;
    // the rebuild functions recompute both from the journal alone. They must agree row for row.
    const snapshot = async () => ({
      milestones: await queryRows(main.db.owner, sql`select * from dossier_milestones order by tenant_id, dossier_id`),
      regions: await queryRows(main.db.owner, sql`select * from person_regions order by tenant_id, person_id, entry_id`),
    });
    const kept = await snapshot();
    expect(kept.milestones.length).toBe(summary.dossiers);
    expect(kept.regions.length).toBeGreaterThanOrEqual(summary.persons);
    await main.db.owner.execute(sql`select dossier_milestones_rebuild()`);
    await main.db.owner.execute(sql`select person_regions_rebuild()`);
    expect(canonical(await snapshot())).toBe(canonical(kept));
  });

  it('stores the derived columns as deriveDossier computes them on the day they were computed', async () => {
    const rows = await queryRows<{ id: string; state: DossierState; pillars: unknown; follow_up: unknown; next_due_on: string | null; urgency: number; computed_on: string }>(
      main.db.owner,
      sql`select id, state, pillars, follow_up, to_char(next_due_on, 'YYYY-MM-DD') as next_due_on, urgency, to_char(computed_on, 'YYYY-MM-DD') as computed_on from dossiers`,
    );
    const wrong = rows.filter((r) => {
      const derived = deriveDossier(r.state, r.computed_on);
      return canonical([derived.pillars, derived.followUp, derived.nextDueOn, derived.urgency]) !== canonical([r.pillars, r.follow_up, r.next_due_on, r.urgency]);
    });
    expect(wrong.map((r) => r.id)).toEqual([]);
  });

  it('spreads sign-ups and first contracts over the regions as the 2023 figures do', async () => {
    const figures = await generatedFigures(main.db, 2024);
    for (const [name, published] of [['signUps', PUBLISHED[2023].signUps], ['firstContracts', PUBLISHED[2023].firstContracts]] as const) {
      const generated = figures[name];
      const all = DEMO_REGIONS.reduce((n, r) => n + (generated[r] ?? 0), 0);
      for (const region of DEMO_REGIONS) {
        // Within 5 percentage points: a few hundred dossiers a year at this scale.
        expect(Math.abs((generated[region] ?? 0) / all - published[region] / total(published)), `${name} ${region}`).toBeLessThan(0.05);
      }
    }
    expect(DEMO_REGIONS.reduce((n, r) => n + (figures.signUps[r] ?? 0), 0)).toBeGreaterThan(total(PUBLISHED[2023].signUps) * MAIN.scale * 0.85);
  });

  it('gives the same data for the same seed, and other data for another seed', async () => {
    const runs: DemoPopulationSummary[] = [];
    for (const seed of [TINY.seed, TINY.seed, TINY.seed + 1]) {
      const db = await createTestDatabase();
      try {
        runs.push(await generateDemoPopulation(db.db, { ...TINY, seed }));
      } finally {
        await db.drop();
      }
    }
    expect(runs[1]!.fingerprint).toBe(runs[0]!.fingerprint);
    expect(runs[1]!.rows).toEqual(runs[0]!.rows);
    expect(runs[2]!.fingerprint).not.toBe(runs[0]!.fingerprint);
  }, 180_000);
});
