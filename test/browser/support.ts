import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import request from 'supertest';
import { HOUR, MINUTE, scheduleWindow } from '../support/maintenance.js';
import { DEMO, DEMO_PASSWORD } from '../support/sessions.js';
import { startTestApp, type StartTestAppOptions, type TestApp } from '../support/test-app.js';

export { DEMO, DEMO_PASSWORD };

const SCREENSHOTS = join(process.cwd(), 'docs', 'screenshots');

/** Debian's Chromium, headless, without anything that talks to the outside world. */
export function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
      '--disable-quic',
    ],
  });
}

export interface BrowserHarness {
  t: TestApp;
  browser: Browser;
  close(): Promise<void>;
}

/** The real app on SQLite (time moved by t.clock) and a browser to drive it. */
export async function startHarness(options: StartTestAppOptions = {}): Promise<BrowserHarness> {
  const t = await startTestApp(options);
  const browser = await launchBrowser();
  return {
    t,
    browser,
    close: async () => {
      await browser.close();
      await t.close();
    },
  };
}

export interface ContextOptions {
  locale?: string;
  /** Phone width (375 × 740) instead of desktop (1280 × 800). */
  phone?: boolean;
}

export function newContext(
  h: BrowserHarness,
  { locale = 'en-GB', phone = false }: ContextOptions = {},
): Promise<BrowserContext> {
  return h.browser.newContext({
    baseURL: h.t.url,
    locale,
    viewport: phone ? { width: 375, height: 740 } : { width: 1280, height: 800 },
    deviceScaleFactor: 1,
  });
}

/** Signs in through the login page, as a person would: type, click. */
export async function signIn(page: Page, email: string, password = DEMO_PASSWORD): Promise<void> {
  await page.goto('/login');
  await fillLoginForm(page, email, password);
}

/** Fills in and sends the login form already on screen. */
export async function fillLoginForm(
  page: Page,
  email: string,
  password = DEMO_PASSWORD,
): Promise<void> {
  await page.getByLabel(/e-mail/i).fill(email);
  await page.getByLabel(/password|wachtwoord/i).fill(password);
  await page.getByRole('button', { name: /sign in|aanmelden/i }).click();
}

/** A signed-in page for a demo user, waiting until the start page is shown. */
export async function signedInPage(
  h: BrowserHarness,
  email: string,
  options: ContextOptions = {},
): Promise<Page> {
  const context = await newContext(h, options);
  const page = await context.newPage();
  await signIn(page, email);
  await page.waitForURL((url) => url.pathname === '/');
  return page;
}

export async function screenshot(page: Page, name: string): Promise<void> {
  mkdirSync(SCREENSHOTS, { recursive: true });
  await page.screenshot({ path: join(SCREENSHOTS, `${name}.png`), fullPage: false });
}

export interface WindowDetails {
  expectedEndAt?: Date;
  message?: string;
}

/** Schedules a window starting `ms` from the app's now through the admin API, with a message and expected end if given. */
export async function scheduleIn(
  t: TestApp,
  ms: number,
  { message, expectedEndAt }: WindowDetails = {},
): Promise<void> {
  await scheduleWindow(t, new Date(t.clock.now().getTime() + ms), {
    ...(message ? { message } : {}),
    ...(expectedEndAt ? { expectedEndAt: expectedEndAt.toISOString() } : {}),
  });
}

/** Moves the app's clock to `ms` after the start of the open window (negative: before it). */
export async function moveClockToStart(t: TestApp, offsetMs = 0): Promise<void> {
  const status = await request(t.url).get('/api/maintenance/status');
  const startsAt = status.body.startsAt as string | null;
  if (!startsAt) throw new Error('no window scheduled');
  t.clock.set(new Date(Date.parse(startsAt) + offsetMs));
}

export { HOUR, MINUTE };
