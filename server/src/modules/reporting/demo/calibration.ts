/**
 * How the generated population compares with the published figures: the main yearly volumes of a
 * year counted straight from the tables (not through the reporting module, which is checked
 * against them separately), next to the published 2023 (or 2022) figure times the scale. For the
 * command's output, the bench and the tests.
 */
import { sql } from 'drizzle-orm';
import { queryRows, type Database } from '../../../platform/db/database';
import { moExemptionTestPassed, moTestOutcome } from '../../trajectory/rules/pillars';
import { ruleSetOn } from '../../trajectory/rules/rule-sets';
import { DEMO_REGIONS, DUTCH_TESTS_2023, NT2_CONVERSATIONS_2023, OBLIGATED_SHARE_2023, PUBLISHED, RUNNING_CONTRACTS_2024_02_21, total, type ByRegion, type DemoRegion, type PublishedYear } from './published';

export interface CalibrationRow {
  figure: string;
  published: number;
  /** Published times the scale: what the generator aims at. */
  expected: number;
  generated: number;
}

type Counts = Partial<Record<DemoRegion, number>>;

async function byRegion(db: Database, query: ReturnType<typeof sql>): Promise<Counts> {
  const rows = await queryRows<{ region: DemoRegion; n: number }>(db.owner, query);
  return Object.fromEntries(rows.map((r) => [r.region, r.n]));
}

const sum = (counts: Counts) => DEMO_REGIONS.reduce((s, r) => s + (counts[r] ?? 0), 0);

/** Generated counts of `year` per region for the regional figures, plus the totals-only ones. */
export async function generatedFigures(db: Database, year: number) {
  const from = `${year}-01-01`;
  const to = `${year + 1}-01-01`;
  const inYear = (column: ReturnType<typeof sql>) => sql`${column} >= ${from}::date and ${column} < ${to}::date`;
  const certificates = (kind: string) =>
    byRegion(db, sql`select p.region, count(*)::int as n from certificates c join persons p on p.id = c.person_id where c.kind = ${kind} and ${inYear(sql`c.issued_on`)} group by 1`);
  const journal = (type: string) =>
    byRegion(db, sql`select p.region, count(*)::int as n from journal_entries j join dossiers d on d.id = j.dossier_id join persons p on p.id = d.person_id
      where j.entry_type = ${type} and ${inYear(sql`j.effective_at`)} group by 1`);
  const tests = await queryRows<{ region: DemoRegion; kind: 'test' | 'exemption-test'; day: string; result: { core: { correct: number; total: number }; practical: { correct: number; total: number } } }>(
    db.owner,
    sql`select p.region, b.kind, to_char(s.starts_at at time zone 'Europe/Brussels', 'YYYY-MM-DD') as day, b.result
      from test_bookings b join test_slots s on s.id = b.slot_id join persons p on p.id = b.person_id where b.status = 'taken' and ${inYear(sql`s.starts_at`)}`,
  );
  const taken = (kind: string) => {
    const counts: Counts = {};
    let passed = 0;
    for (const t of tests.filter((x) => x.kind === kind)) {
      counts[t.region] = (counts[t.region] ?? 0) + 1;
      const rules = (date: string) => ruleSetOn(date, t.region === 'BR' ? 'brussels' : 'flanders');
      const result = { date: t.day, ...t.result };
      // The process evaluation is always recorded where the rules ask for one, so only the cut-offs decide.
      if (kind === 'exemption-test' ? moExemptionTestPassed(result, rules) : moTestOutcome(result, { correct: 1, total: 1 }, rules) === 'passed') passed += 1;
    }
    return { counts, passRate: sum(counts) ? passed / sum(counts) : 0 };
  };
  const nt2 = (withProtection: boolean) =>
    byRegion(db, sql`select c.region, count(distinct c.person_id)::int as n from nt2_conversations c where ${inYear(sql`c.starts_at`)} ${withProtection ? sql`` : sql`and not c.temporary_protection`} group by 1`);
  const single = async (query: ReturnType<typeof sql>) => (await queryRows<{ n: number }>(db.owner, query))[0]?.n ?? 0;
  return {
    signUps: await byRegion(db, sql`select p.region, count(*)::int as n from dossiers d join persons p on p.id = d.person_id where ${inYear(sql`d.signed_up_on`)} group by 1`),
    firstContracts: await byRegion(db, sql`select p.region, count(*)::int as n from dossiers d join persons p on p.id = d.person_id where ${inYear(sql`d.contract_signed_on`)} group by 1`),
    obligatedContracts: await single(sql`select count(*)::int as n from dossiers where ${inYear(sql`contract_signed_on`)} and (state #>> '{contract,obligated}')::boolean`),
    certificates: await certificates('civic-integration'),
    exemptionCertificates: await certificates('exemption'),
    suspensionCertificates: await certificates('suspension'),
    regularParticipation: await certificates('regular-participation'),
    handedOver: await journal('dossier.handed-over-to-enforcement'),
    diplomaRecognition: await journal('dossier.diploma-recognition-requested'),
    moCourses: await byRegion(db, sql`select region, count(*)::int as n from mo_courses where ${inYear(sql`starts_on`)} group by 1`),
    moStarters: await byRegion(db, sql`select p.region, count(*)::int as n from (select e.person_id, min(c.starts_on) as first from mo_enrolments e join mo_courses c on c.id = e.course_id group by 1) f
      join persons p on p.id = f.person_id where ${inYear(sql`f.first`)} group by 1`),
    moParticipantsPerCourse: await single(sql`select coalesce(round(avg(n) * 10)::int, 0) as n from (select count(*) as n from mo_enrolments e join mo_courses c on c.id = e.course_id where ${inYear(sql`c.starts_on`)} group by c.id) x`) / 10,
    exemptionTests: taken('exemption-test'),
    moTests: taken('test'),
    nt2Persons: await nt2(true),
    nt2PersonsWithoutTemporaryProtection: await nt2(false),
    nt2Conversations: await single(sql`select count(*)::int as n from nt2_conversations where ${inYear(sql`starts_at`)}`),
    nt2Advices: await single(sql`select count(*)::int as n from nt2_advices where ${inYear(sql`advised_on`)}`),
    dutchTests: await single(sql`select count(*)::int as n from nt2_tests where ${inYear(sql`taken_on`)}`),
    interpreterRequests: await single(sql`select count(*)::int as n from interpreting_requests where ${inYear(sql`created_at`)}`),
  };
}

/** Running contracts on a reference date (peildatum), obligated and entitled. */
export async function runningContracts(db: Database, on: string) {
  const rows = await queryRows<{ obligated: boolean; n: number }>(
    db.owner,
    sql`select coalesce((state #>> '{contract,obligated}')::boolean, false) as obligated, count(*)::int as n from dossiers
      where contract_signed_on <= ${on}::date and (closed_on is null or closed_on > ${on}::date) group by 1`,
  );
  return { obligated: rows.find((r) => r.obligated)?.n ?? 0, entitled: rows.find((r) => !r.obligated)?.n ?? 0 };
}

/** The table of published against generated for `year` (2022 or 2023 published figures; other years the 2023 ones). */
export async function calibrationTable(db: Database, year: number, scale: number): Promise<CalibrationRow[]> {
  const g = await generatedFigures(db, year);
  // Fig. 15 counts the contracts running on 21 February 2024, right after the 2023 report year.
  const running = year === 2023 ? await runningContracts(db, '2024-02-21') : null;
  const p: PublishedYear = year === 2022 ? PUBLISHED[2022] : PUBLISHED[2023];
  const row = (figure: string, published: number, generated: number): CalibrationRow => ({ figure, published, expected: Math.round(published * scale), generated });
  const regional = (figure: string, published: ByRegion, generated: Counts) => row(figure, total(published), sum(generated));
  return [
    regional('Sign-ups (Fig. 8)', p.signUps, g.signUps),
    regional('First contracts (Fig. 12)', p.firstContracts, g.firstContracts),
    row(`  of which obligated (Fig. 14: ${OBLIGATED_SHARE_2023.firstContracts * 100} per cent)`, Math.round(total(p.firstContracts) * OBLIGATED_SHARE_2023.firstContracts), g.obligatedContracts),
    regional('Civic-integration certificates (Fig. 38)', p.certificates, g.certificates),
    regional('Exemption certificates (Fig. 11)', p.exemptionCertificates, g.exemptionCertificates),
    regional('Suspension certificates (Fig. 37)', p.suspensionCertificates, g.suspensionCertificates),
    regional('Proofs of regular participation (Fig. 39)', p.regularParticipation, g.regularParticipation),
    regional('Handed to enforcement (Fig. 40)', p.handedOver, g.handedOver),
    regional('Diploma-recognition guidance (Fig. 36)', p.diplomaRecognition, g.diplomaRecognition),
    regional('MO courses started (Fig. 22)', p.moCourses, g.moCourses),
    regional('MO first-time starters (Fig. 25)', p.moStarters, g.moStarters),
    regional('MO exemption tests taken (Fig. 17)', p.exemptionTests, g.exemptionTests.counts),
    row('  passed, % (Fig. 19)', Math.round(p.exemptionTestPassRate * 100), Math.round(g.exemptionTests.passRate * 100)),
    regional('Standard MO tests taken (Fig. 20)', p.moTests, g.moTests.counts),
    row('  passed, % (Fig. 21)', Math.round(p.moTestPassRate * 100), Math.round(g.moTests.passRate * 100)),
    regional('Unique persons with an NT2 conversation (Fig. 41)', p.nt2Persons, g.nt2Persons),
    regional('  without temporary protection (Fig. 41)', p.nt2PersonsWithoutTemporaryProtection, g.nt2PersonsWithoutTemporaryProtection),
    // Fig. 42 and 46 are published for 2023 only.
    ...(year === 2022 ? [] : [row('NT2 conversations (Fig. 42)', NT2_CONVERSATIONS_2023['nt2-gesprek'] + NT2_CONVERSATIONS_2023.niveautest, g.nt2Conversations)]),
    row('NT2 advices (Fig. 43)', p.nt2Advices, g.nt2Advices),
    ...(year === 2022 ? [] : [row('Dutch tests in the conversations (Fig. 46)', Object.values(DUTCH_TESTS_2023).reduce((a, b) => a + b, 0), g.dutchTests)]),
    row('Interpreter and translation requests (Fig. 49)', p.interpreterRequests, g.interpreterRequests),
    ...(running
      ? [
          row('Running contracts on 21 February 2024 (Fig. 15)', total(RUNNING_CONTRACTS_2024_02_21.rechthebbend) + total(RUNNING_CONTRACTS_2024_02_21.verplicht), running.obligated + running.entitled),
          row('  of which obligated (Fig. 15)', total(RUNNING_CONTRACTS_2024_02_21.verplicht), running.obligated),
        ]
      : []),
  ].map((r) => (r.figure.includes('%') ? { ...r, expected: r.published } : r));
}

/** The calibration table as Markdown. */
export function calibrationMarkdown(rows: readonly CalibrationRow[], year: number, scale: number): string {
  const scaled = scale === 1 ? 'published' : `published × ${scale}`;
  return [
    `| ${year} | published | ${scaled} | generated |`,
    '|---|---:|---:|---:|',
    ...rows.map((r) => `| ${r.figure} | ${r.published.toLocaleString('en-US')} | ${r.expected.toLocaleString('en-US')} | ${r.generated.toLocaleString('en-US')} |`),
  ].join('\n');
}
