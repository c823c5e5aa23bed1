/**
 * Shared pieces of the browser tests: the platform in-process on a fresh database, Debian's Chromium
 * driving the built web app (web/dist), and the helpers every test uses (labelled inputs, signing
 * in and out, switching language, axe-core, API calls from the page or from the test, users
 * created by the administrator, a phone-sized browser context, screenshots).
 */
import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { AxeBuilder } from '@axe-core/playwright';
import { chromium, type Browser, type BrowserContext, type BrowserContextOptions, type Locator, type Page } from 'playwright-core';
import { afterAll, beforeAll, expect } from 'vitest';
import { startKruispunt } from '../server/src/platform/server';

export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
/** The administrator the platform creates on first start. */
export const ADMIN = { email: 'admin@agii.test', password: 'correct horse battery' };

export interface E2eEnvironment {
  server: { url: string; close(): Promise<void> };
  browser: Browser;
  context: BrowserContext;
  page: Page;
  /** The server's address as the browser reaches it. */
  baseUrl: string;
  /** Closes the browser and the platform and removes the data directory. */
  close(): Promise<void>;
}

/**
 * Starts the platform on a fresh data directory (jobs off, the administrator above) and Chromium
 * with one Dutch (Belgian) page on it; `contextOptions` adds to the browser context's options, and
 * `env` to the platform's environment (or overrides it, e.g. PORT with KRUISPUNT_PUBLIC_URL when the
 * address must be known before the start, as an OpenID Connect provider's redirect URI).
 */
export async function startE2e(contextOptions: BrowserContextOptions = {}, env: Record<string, string> = {}): Promise<E2eEnvironment> {
  expect(existsSync(resolve('web/dist/index.html')), 'web/dist is built (npm run build:web)').toBe(true);
  expect(existsSync(CHROMIUM), `Chromium at ${CHROMIUM} (apt-get install chromium)`).toBe(true);
  const dataDir = await mkdtemp(join(tmpdir(), 'kruispunt-e2e-'));
  let server: E2eEnvironment['server'] | undefined;
  let browser: Browser | undefined;
  let context: BrowserContext | undefined;
  const close = async () => {
    await context?.close();
    await browser?.close();
    await server?.close();
    await rm(dataDir, { recursive: true, force: true });
  };
  try {
    server = await startKruispunt({
      PORT: '0',
      HOST: '127.0.0.1',
      KRUISPUNT_DATA_DIR: dataDir,
      KRUISPUNT_WEB_DIST: resolve('web/dist'),
      KRUISPUNT_ADMIN_EMAIL: ADMIN.email,
      KRUISPUNT_ADMIN_PASSWORD: ADMIN.password,
      KRUISPUNT_JOBS: 'off',
      LOG_LEVEL: 'silent',
      DATABASE_URL: process.env.DATABASE_URL,
      ...env,
    });
    const baseUrl = server.url.replace('//localhost:', '//127.0.0.1:');
    browser = await chromium.launch({
      executablePath: CHROMIUM,
      args: [
        '--headless',
        '--no-sandbox',
        '--disable-gpu',
        '--disable-quic',
        '--no-first-run',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
      ],
    });
    context = await browser.newContext({ locale: 'nl-BE', baseURL: baseUrl, viewport: { width: 1280, height: 900 }, ...contextOptions });
    context.setDefaultTimeout(15_000);
    const page = await context.newPage();
    return { server, browser, context, page, baseUrl, close };
  } catch (error) {
    await close();
    throw error;
  }
}

/** Runs axe-core on the current page and fails on any serious or critical violation. */
export async function expectAccessible(page: Page, where: string): Promise<void> {
  const results = await new AxeBuilder({ page }).analyze();
  const serious = results.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.id} (${v.impact}): ${v.help} → ${v.nodes.map((n) => n.target.join(' ')).join(' | ')}`);
  expect(serious, `axe-core on ${where}`).toEqual([]);
}

/** An input by its exact label; Mantine adds " *" to the labels of required fields. */
export function field(scope: Pick<Page, 'getByLabel'>, label: string): Locator {
  const escaped = label.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  return scope.getByLabel(new RegExp(`^${escaped}( \\*)?$`));
}

/** Fills in the (Dutch) sign-in form and submits it. */
export async function signIn(page: Page, email: string, password: string): Promise<void> {
  await field(page, 'E-mailadres').fill(email);
  await field(page, 'Wachtwoord').fill(password);
  await page.getByRole('button', { name: 'Aanmelden' }).click();
}

/** Switches the web app's language with the language switch and waits until the page says it. */
export async function switchLanguage(page: Page, locale: 'nl' | 'en'): Promise<void> {
  await page.locator(`button[lang="${locale}"]:visible`).click();
  await expect.poll(() => page.evaluate(() => document.documentElement.lang)).toBe(locale);
}

/**
 * Starts the platform and the browser before the file's tests (`onReady` receives them) and
 * closes both after them.
 */
export function useE2e(onReady: (env: E2eEnvironment) => void, contextOptions: BrowserContextOptions = {}): void {
  let env: E2eEnvironment | undefined;
  beforeAll(async () => {
    env = await startE2e(contextOptions);
    onReady(env);
  });
  afterAll(async () => {
    await env?.close();
  });
}

/**
 * A phone: 360 CSS pixels wide (the narrowest screen the portal is made for), touch, and the page's
 * viewport meta honoured as on a phone.
 */
export const PHONE: BrowserContextOptions = {
  viewport: { width: 360, height: 740 },
  screen: { width: 360, height: 740 },
  isMobile: true,
  hasTouch: true,
  deviceScaleFactor: 2,
};

/** A new browser context like a phone (see PHONE) on the platform, Dutch (Belgian) unless `options` says otherwise. */
export async function newPhoneContext(env: E2eEnvironment, options: BrowserContextOptions = {}): Promise<BrowserContext> {
  const context = await env.browser.newContext({ locale: 'nl-BE', baseURL: env.baseUrl, timezoneId: 'Europe/Brussels', ...PHONE, ...options });
  context.setDefaultTimeout(15_000);
  return context;
}

/** The screenshots kept with the documentation. */
export const DOCS_SCREENSHOTS = resolve('docs/screenshots');

/**
 * Writes a full-page screenshot to docs/screenshots/<name>.png, at one image pixel per CSS pixel
 * (small files, also from a phone context with a device scale factor of 2). Overwritten on each run;
 * nothing reads it back.
 */
export async function keepScreenshot(page: Page, name: string): Promise<void> {
  await mkdir(DOCS_SCREENSHOTS, { recursive: true });
  await page.screenshot({ path: join(DOCS_SCREENSHOTS, `${name}.png`), fullPage: true, scale: 'css', animations: 'disabled', caret: 'hide' });
}

/** A client of the staff API from the test itself (not the page): signs in with a password and sends the bearer token. */
export interface StaffApi {
  userId: string;
  call<T = unknown>(method: string, path: string, body?: unknown, headers?: Record<string, string>): Promise<T>;
}

export async function staffApi(baseUrl: string, email: string, password: string): Promise<StaffApi> {
  const res = await fetch(`${baseUrl}/api/v1/session`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ email, password }) });
  if (!res.ok) throw new Error(`sign-in of ${email}: ${res.status} ${await res.text()}`);
  const session = (await res.json()) as { token: string; user: { id: string } };
  return {
    userId: session.user.id,
    async call<T>(method: string, path: string, body?: unknown, headers: Record<string, string> = {}): Promise<T> {
      const answer = await fetch(`${baseUrl}/api/v1${path}`, {
        method,
        headers: { authorization: `Bearer ${session.token}`, ...(body === undefined ? {} : { 'content-type': 'application/json' }), ...headers },
        body: body === undefined ? undefined : JSON.stringify(body),
      });
      const text = await answer.text();
      if (!answer.ok) throw new Error(`${method} ${path}: ${answer.status} ${text}`);
      return (text ? JSON.parse(text) : null) as T;
    },
  };
}

/** Set to a directory to keep screenshots of the pages the tests visit. */
const SCREENSHOTS = process.env.KRUISPUNT_E2E_SCREENSHOTS;

/** Keeps a full-page screenshot as `<name>.png` when KRUISPUNT_E2E_SCREENSHOTS names a directory. */
export async function screenshot(page: Page, name: string): Promise<void> {
  if (SCREENSHOTS) await page.screenshot({ path: join(SCREENSHOTS, `${name}.png`), fullPage: true });
}

/** A JSON request from inside the page, with the session cookie and CSRF token the web app uses. */
export async function apiCall<T>(page: Page, method: string, path: string, body?: unknown, headers: Record<string, string> = {}): Promise<T> {
  return page.evaluate(
    async ({ method, path, body, headers }) => {
      const csrf = document.cookie
        .split(';')
        .map((c) => c.trim().split('='))
        .find(([k]) => k === 'kp_csrf')?.[1];
      const res = await fetch(`/api/v1${path}`, {
        method,
        headers: { 'Content-Type': 'application/json', ...(csrf ? { 'X-CSRF-Token': decodeURIComponent(csrf) } : {}), ...headers },
        body: body === undefined ? undefined : JSON.stringify(body),
      });
      const text = await res.text();
      if (!res.ok) throw new Error(`${method} ${path}: ${res.status} ${text}`);
      return (text ? JSON.parse(text) : null) as T;
    },
    { method, path, body, headers },
  );
}

/** A day relative to today (the platform runs on the real clock here), as YYYY-MM-DD; negative is in the past. */
export function daysFromToday(days: number): string {
  return new Date(Date.now() + days * 86_400_000).toISOString().slice(0, 10);
}

/** Signs out with the header's button and waits for the sign-in page. */
export async function signOut(page: Page): Promise<void> {
  await page.getByRole('button', { name: 'Afmelden' }).click();
  await page.getByRole('heading', { name: 'Aanmelden bij Kruispunt' }).waitFor();
}

/** Opens the sign-in page, signs in as the administrator and waits for the user administration. */
export async function signInAsAdministrator(page: Page): Promise<void> {
  await page.goto('/sign-in');
  await signIn(page, ADMIN.email, ADMIN.password);
  await expect.poll(() => new URL(page.url()).pathname).toBe('/admin/users');
}

/** The id of the agency AGII (the platform's first organisation). */
export async function agiiId(page: Page): Promise<string> {
  const organisations = await apiCall<{ items: Array<{ id: string; code: string; kind: string }> }>(page, 'GET', '/organisations');
  return (organisations.items.find((o) => o.code === 'agii') ?? organisations.items.find((o) => o.kind === 'agency') ?? organisations.items[0]!).id;
}

/** The signed-in administrator creates a (Dutch-speaking) user with one role in an organisation. */
export async function createUser(page: Page, user: { email: string; name: string; password: string }, organisationId: string, role: string): Promise<void> {
  await apiCall(page, 'POST', '/users', { email: user.email, displayName: user.name, organisationId, roles: [role], password: user.password, locale: 'nl' });
}
