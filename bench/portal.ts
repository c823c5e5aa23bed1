/**
 * Newcomer portal benchmark (issue 6, "Measured in bench/"):
 *
 *   (1) what the first visit of each portal entry page downloads: gzip JavaScript and CSS, per portal
 *       language (the first page loads one language's catalogue); target at most 150 KB of JavaScript;
 *   (2) the time to render "my trajectory" for a dossier with a long history (about 130 dossier
 *       actions over two years, 30 portal tasks, a long access log): the portal API
 *       (GET /api/v1/portal/trajectory and the other pages' calls, one client after the other), and
 *       in Debian's Chromium at 360 px from navigation to the trajectory shown, on a fast local
 *       connection and on an emulated slow mobile connection, each load in a fresh browser context
 *       (a cold cache, as a cheap phone after a while).
 *
 *   BENCH_SUITE=portal npm run bench        (or: npx tsx bench/portal.ts)
 *
 * The portal is built first if portal/dist is missing (npm run build:portal). The dossier is made
 * through the staff API and the trajectory's own commands, like a case worker would; the newcomer's
 * session is started the way a correct e-mail code starts it (startPortalSession).
 *
 * Environment (all optional):
 *   BENCH_ONLY=pglite|postgres              default both
 *   BENCH_DATABASE_URL                      server (default postgres://root@127.0.0.1:5432/test); the database
 *                                           kruispunt_bench_portal is (re)created there and dropped at the end
 *   BENCH_PORTAL_REQUESTS=200               API requests per portal call measured
 *   BENCH_PORTAL_LOADS=5                    browser loads per network profile (0 = skip the browser part)
 *   CHROMIUM_PATH=/usr/bin/chromium         the browser (apt-get install chromium)
 *   BENCH_WRITE_RESULTS=1                   0 = do not update bench/RESULTS.md
 */
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { env } from 'node:process';
import { chromium } from 'playwright-core';
import { findLiveAccountById, startPortalSession } from '../server/src/modules/portal/portal-identity';
import { PORTAL_LOCALES } from '../server/src/modules/portal';
import { measurePages } from '../portal/bundle-size';
import { numberEnv } from './env';
import {
  api,
  cpuText,
  createUserAndSignIn,
  expectStatus,
  INTAKE_DEFAULTS,
  isMain,
  latencyTable,
  machineNote,
  measureResources,
  openSuiteDatabase,
  runDirectly,
  runSuite,
  startBenchServer,
  stats,
  suiteSection,
  type BenchKind,
  type LatencyRow,
  type Log,
  type RegisterCleanup,
  type SuiteRunOptions,
} from './support';

const DB_NAME = 'kruispunt_bench_portal';
const AGII = '00000000-0000-4000-8000-000000000001';
const ADMIN = { email: 'bench-admin@agii.test', password: 'bench admin password, long enough' };
const CASE_WORKER = { email: 'bench-portal-case-worker@agii.test', password: 'bench case worker password' };
const PORTAL_DIST = resolve('portal/dist');
const CHROMIUM = env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const JS_BUDGET_BYTES = 150 * 1024;
const DAY = 86_400_000;

// ---------------------------------------------------------------------------------------------
// (1) What the first page downloads

function ensurePortalBuilt(log: Log) {
  if (existsSync(resolve(PORTAL_DIST, 'index.html'))) return;
  log('portal/dist missing: npm run build:portal');
  execFileSync('npm', ['run', 'build:portal', '--silent'], { stdio: 'inherit' });
}

function bundleSection(): { table: string; verdict: string; worstJs: number } {
  const rows = PORTAL_LOCALES.flatMap((locale) => measurePages(PORTAL_DIST, { locale }).map((page) => ({ locale, page })));
  const kb = (bytes: number) => (bytes / 1024).toFixed(1);
  const table = [
    '| Entry page | Language | JavaScript gzip KB | CSS gzip KB | Total gzip KB | Files |',
    '|---|---|---|---|---|---|',
    ...rows.map(({ locale, page }) => `| ${page.page} | ${locale} | ${kb(page.jsGzipBytes)} | ${kb(page.cssGzipBytes)} | ${kb(page.totalGzipBytes)} | ${page.files.length} |`),
  ].join('\n');
  const worstJs = Math.max(...rows.map((r) => r.page.jsGzipBytes));
  const verdict = `- First page at most 150 KB of compressed JavaScript: worst language ${kb(worstJs)} KB → **${worstJs <= JS_BUDGET_BYTES ? 'MET' : 'NOT MET'}**`;
  return { table, verdict, worstJs };
}

// ---------------------------------------------------------------------------------------------
// (2) A dossier with a long history

const iso = (ms: number) => new Date(ms).toISOString().slice(0, 10);

/** A person with two years of trajectory, made through the staff API; gives the person's and dossier's ids. */
async function longHistory(url: string, token: string, log: Log) {
  const today = Date.now();
  const base = today - 700 * DAY;
  const d = (offset: number) => iso(base + offset * DAY);
  const person = expectStatus(
    await api(url, 'POST', '/api/v1/persons', {
      token,
      body: { givenNames: 'Olena', familyName: 'Benchenko', birthDate: '1988-04-15', address: { street: 'Kerkstraat', houseNumber: '1', postalCode: '9300', municipalityNis: '41002' } },
    }),
    201,
    'person',
  ) as { id: string };
  let dossier = expectStatus(
    await api(url, 'POST', `/api/v1/persons/${person.id}/dossiers`, { token, body: { date: d(0), channel: 'invitation-letter', letterSentOn: d(-20) } }),
    201,
    'sign-up',
  ) as { id: string; version: number; state: { intake?: { targetGroupProposal: { group: string }; proposedProfileId: string } } };
  let actions = 1;
  const act = async (type: string, body: Record<string, unknown>) => {
    const r = await api(url, 'POST', `/api/v1/dossiers/${dossier.id}/actions/${type}`, { token, body, headers: { 'if-match': `"${dossier.version}"` } });
    dossier = expectStatus(r, 200, `${type} on ${String(body.date)}`) as typeof dossier;
    actions += 1;
  };
  await act('record-intake', {
    ...INTAKE_DEFAULTS,
    date: d(7),
    language: 'uk',
    education: { level: 'higher', diplomaAbroad: true },
    family: { partner: false, children: 1 },
    goals: ['werk vinden', 'diploma laten erkennen'],
    targetGroupFacts: { firstInscriptionDate: d(-60), register: 'foreigners', nationality: 'non-eu', residence: 'residence-over-3-months', firstResidenceTitle: true },
  });
  await act('decide-intake', { date: d(7), targetGroup: dossier.state.intake!.targetGroupProposal.group, profileId: dossier.state.intake!.proposedProfileId });
  await act('sign-contract', { date: d(14), signedOn: d(14) });
  await act('record-work-registration', { date: d(30), registeredOn: d(28) });
  await act('record-nt2-enrolment', { date: d(40), provider: 'CVO Bench' });
  // Two years of follow-up: the MO course attended week by week, the plan updated, situations,
  // NT2 results, participation hours and a suspension, interleaved by date.
  const events: Array<[number, string, Record<string, unknown>]> = [];
  for (let week = 0; week < 40; week++) {
    const day = 60 + week * 7;
    events.push([day, 'record-mo-course', { enrolledOn: d(55), attendedHours: Math.min(60, (week + 1) * 1.5), ...(week === 39 ? { completedOn: d(day), regularParticipation: true } : {}) }]);
  }
  for (let n = 0; n < 12; n++) {
    events.push([50 + n * 50, 'update-pip', { goals: ['werk vinden', `stap ${n + 1}`], steps: Array.from({ length: 5 }, (_, k) => ({ description: `actie ${n}.${k}`, dueOn: d(60 + n * 50 + k * 7), done: k < 2 })) }]);
    events.push([52 + n * 50, 'record-situation', { working: n % 3 === 2, studying: false, allowedToWork: true }]);
  }
  for (let n = 0; n < 6; n++) events.push([120 + n * 80, 'record-nt2-result', { oral: n > 3 ? 'A2' : 'A1', written: n > 4 ? 'A2' : 'A1' }]);
  for (let n = 0; n < 40; n++) events.push([350 + n * 7, 'record-participation', { activity: `Vrijwilligerswerk buurthuis, week ${n + 1}`, hours: 1 }]);
  events.push([345, 'record-mo-process-evaluation', { score: { correct: 8, total: 10 } }]);
  events.push([346, 'record-mo-test', { kind: 'test', core: { correct: 10, total: 11 }, practical: { correct: 25, total: 30 } }]);
  events.push([640, 'start-suspension', { kind: 'suspension', reason: 'sick-leave', proofReceivedOn: d(640), proof: 'medisch attest', from: d(640), to: d(670) }]);
  events.sort((a, b) => a[0] - b[0]);
  for (const [day, type, body] of events) await act(type, { date: d(day), ...body });
  log(`  dossier with a long history: ${actions} actions from ${d(0)} to ${d(events.at(-1)![0])}`);
  return { personId: person.id, dossierId: dossier.id, actions };
}

async function givePortalTasks(url: string, token: string, dossierId: string, count: number) {
  for (let n = 0; n < count; n++) {
    expectStatus(
      await api(url, 'POST', `/api/v1/dossiers/${dossierId}/portal-tasks`, {
        token,
        body: { kind: n % 3 === 0 ? 'upload-participation-proof' : 'other', title: `Taak ${n + 1}`, dueDate: iso(Date.now() + (n + 3) * DAY) },
      }),
      201,
      'portal task',
    );
  }
}

const PORTAL_CALLS = ['/api/v1/portal/trajectory', '/api/v1/portal/appointments', '/api/v1/portal/tasks', '/api/v1/portal/documents', '/api/v1/portal/access-log'] as const;

async function apiLatency(url: string, cookie: string, path: string, requests: number): Promise<LatencyRow> {
  const measured = await measureResources(() => timedCalls(url, cookie, path, requests), { postgresCpu: false });
  const { value, peakRssMb, peakHeapMb } = measured;
  return { ...value, peakRssMb, peakHeapMb, cpu: cpuText(measured) };
}

async function timedCalls(url: string, cookie: string, path: string, requests: number) {
  const times: number[] = [];
  const statuses: number[] = [];
  const started = performance.now();
  for (let i = 0; i < requests + 5; i++) {
    const r = await api(url, 'GET', path, { headers: { cookie } });
    if (i >= 5) {
      times.push(r.ms);
      statuses.push(r.status);
    }
  }
  const seconds = (performance.now() - started) / 1000;
  const s = stats(times);
  const bad = statuses.filter((x) => x !== 200).length;
  if (bad) throw new Error(`${path}: ${bad} answers other than 200`);
  return { bench: `(2) API ${path.replace('/api/v1/portal', '')}, 1 client`, requests, seconds, perSecond: `${(requests / seconds).toFixed(1)} req/s`, p50: s.p50, p95: s.p95, max: s.max, statuses: `${requests} × 200`, check: '' };
}

/** Emulated slow mobile link (Chrome's "Slow 3G"-like): 400 ms round trip, about 400 kbit/s down. */
const SLOW = { offline: false, latency: 400, downloadThroughput: 50_000, uploadThroughput: 20_000 };

async function browserLoads(url: string, session: { token: string; csrfToken: string }, loads: number) {
  const browser = await chromium.launch({ executablePath: CHROMIUM, args: ['--no-sandbox'] });
  const results: Array<{ profile: string; times: number[]; bytes: number[] }> = [];
  try {
    for (const profile of ['local', 'slow mobile'] as const) {
      const times: number[] = [];
      const bytes: number[] = [];
      for (let i = 0; i < loads + 1; i++) {
        const context = await browser.newContext({ viewport: { width: 360, height: 740 }, isMobile: true, hasTouch: true, locale: 'uk-UA' });
        const host = new URL(url).hostname;
        await context.addCookies([
          { name: 'kp_portal', value: session.token, domain: host, path: '/', httpOnly: true, sameSite: 'Lax' },
          { name: 'kp_portal_csrf', value: session.csrfToken, domain: host, path: '/', sameSite: 'Strict' },
        ]);
        const page = await context.newPage();
        const cdp = await context.newCDPSession(page);
        await cdp.send('Network.enable');
        let transferred = 0;
        cdp.on('Network.loadingFinished', (e: { encodedDataLength: number }) => {
          transferred += e.encodedDataLength;
        });
        if (profile === 'slow mobile') await cdp.send('Network.emulateNetworkConditions', SLOW);
        const start = performance.now();
        await page.goto(`${url}/portal/`);
        await page.locator('.status-card').first().waitFor({ timeout: 120_000 });
        const ms = performance.now() - start;
        // The first load of each profile warms the server and the disk cache of the OS, not the browser's.
        if (i > 0) {
          times.push(ms);
          bytes.push(transferred);
        }
        await context.close();
      }
      results.push({ profile, times, bytes });
    }
  } finally {
    await browser.close();
  }
  return results;
}

// ---------------------------------------------------------------------------------------------

export async function runPortalBench(options: SuiteRunOptions): Promise<string> {
  const { kind, log } = options;
  const requests = numberEnv('BENCH_PORTAL_REQUESTS', 200);
  const loads = numberEnv('BENCH_PORTAL_LOADS', 5);
  const baseUrl = env.BENCH_DATABASE_URL || 'postgres://root@127.0.0.1:5432/test';
  log(`== Portal (${kind}) ==`);
  ensurePortalBuilt(log);
  const bundle = bundleSection();
  log(`  (1) first page, worst language: ${(bundle.worstJs / 1024).toFixed(1)} KB of gzip JavaScript`);

  const { db, label: dbLabel, version } = await openSuiteDatabase({ kind, baseUrl, name: DB_NAME, log, onCleanup: options.onCleanup });
  const { kp, url } = await startBenchServer(db, kind, ADMIN, options.onCleanup);
  const token = await createUserAndSignIn(url, ADMIN, { ...CASE_WORKER, displayName: 'Bench trajectbegeleider', organisationId: AGII, roles: ['case-worker'] }, 'create case worker');
  const history = await longHistory(url, token, log);
  await givePortalTasks(url, token, history.dossierId, 30);
  // Staff reads fill the access log the newcomer will page through.
  for (let i = 0; i < 100; i++) expectStatus(await api(url, 'GET', `/api/v1/persons/${history.personId}`, { token }), 200, 'person read');
  const linked = expectStatus(
    await api(url, 'POST', `/api/v1/persons/${history.personId}/portal-account`, { token, body: { email: 'olena.bench@example.org', locale: 'uk' } }),
    201,
    'portal account',
  ) as { id: string };
  const account = await findLiveAccountById(kp.db, linked.id);
  const session = await startPortalSession(kp.db, account!, 'email-code', { now: new Date(), userAgent: 'bench', ip: null });
  const cookie = `kp_portal=${session.token}; kp_portal_csrf=${session.csrfToken}`;

  const rows: LatencyRow[] = [];
  for (const path of PORTAL_CALLS) {
    const row = await apiLatency(url, cookie, path, requests);
    rows.push(row);
    log(`  ${row.bench}: p50 ${row.p50.toFixed(1)} ms, p95 ${row.p95.toFixed(1)} ms, max ${row.max.toFixed(1)} ms`);
  }
  let browserLines: string[] = [];
  if (loads > 0 && existsSync(CHROMIUM)) {
    const results = await browserLoads(url, session, loads);
    browserLines = results.map((r) => {
      const s = stats(r.times);
      return `- Chromium at 360 px, ${r.profile}${r.profile === 'slow mobile' ? ' (400 ms round trip, 400 kbit/s down)' : ''}: "my trajectory" shown after p50 ${s.p50.toFixed(0)} ms, max ${s.max.toFixed(0)} ms over ${r.times.length} cold loads; ${(stats(r.bytes).p50 / 1024).toFixed(0)} KB transferred per load`;
    });
    for (const l of browserLines) log(`  ${l.slice(2)}`);
  } else {
    browserLines = [`- Browser part skipped (${loads > 0 ? `no Chromium at ${CHROMIUM}` : 'BENCH_PORTAL_LOADS=0'})`];
  }
  await kp.close().catch(() => undefined);

  const table = latencyTable(rows, 1);
  const verdict = [
    'Targets:',
    bundle.verdict,
    '- "My trajectory" for a dossier with a long history: figures below (the issue sets no number; the portal API answers are reported with p95).',
  ].join('\n');
  const notes = [
    `- Database: ${dbLabel}; ${version}`,
    machineNote(),
    `- The dossier: ${history.actions} dossier actions over two years (MO course week by week, personal plan, situations, NT2 results, participation hours, a suspension), 30 portal tasks, 100 staff reads in the access log; the newcomer's language Ukrainian.`,
    ...browserLines,
    '',
    'What the first page downloads (gzip, per portal language; the catalogue of the chosen language only):',
    '',
    bundle.table,
  ];
  return suiteSection(`Portal (${kind})`, table, verdict, notes);
}

/** Entry point for run.ts (BENCH_SUITE) and for running this file directly. */
export async function mainPortal(kinds: BenchKind[], log: Log, register: RegisterCleanup, drain: () => Promise<void>): Promise<void> {
  await runSuite('portal', runPortalBench, kinds, log, register, drain);
}

if (isMain(import.meta.url)) runDirectly(mainPortal, ['postgres', 'pglite']);
