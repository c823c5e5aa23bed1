/**
 * Shared pieces of the browser tests: the platform in-process on a fresh database, Debian's Chromium
 * driving the built web app (web/dist), and the helpers every test uses (labelled inputs, signing
 * in, switching language, axe-core).
 */
import { existsSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
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
 * with one Dutch (Belgian) page on it; `contextOptions` adds to the browser context's options.
 */
export async function startE2e(contextOptions: BrowserContextOptions = {}): Promise<E2eEnvironment> {
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
