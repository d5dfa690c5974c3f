import { type Page } from 'playwright-core';
import request from 'supertest';
import {
  DEMO,
  MINUTE,
  HOUR,
  moveClockToStart,
  newContext,
  scheduleIn,
  screenshot,
  signIn,
  signedInPage,
  startHarness,
  type BrowserHarness,
} from './support.js';
import { turnOff } from '../support/maintenance.js';

/**
 * The app's clock starts each test at the next whole hour. Not a fixed date: the browser's own clock stays
 * real, and it drops a session cookie whose expiry (set from the app's clock) lies in its past.
 */
const BASE = new Date(Math.ceil(Date.now() / HOUR) * HOUR);

/** The page script asks for the status every 5 s; this leaves room for one poll and the answer. */
const POLL_WAIT = 8000;

/** Hours and minutes in Europe/Amsterdam, e.g. "09:11". */
function amsterdamTime(instant: Date): string {
  return new Intl.DateTimeFormat('en-GB', {
    timeZone: 'Europe/Amsterdam',
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
  }).format(instant);
}

describe('maintenance in the browser', () => {
  let h: BrowserHarness;
  beforeAll(async () => {
    h = await startHarness();
  });
  afterAll(async () => {
    await h.close();
  });
  beforeEach(async () => {
    h.t.clock.set(BASE);
    await turnOff(h.t);
  });

  describe('before the start (R8–R10)', () => {
    it('shows a regular user a countdown from the server clock that ticks and cannot be closed (R8)', async () => {
      await scheduleIn(h.t, 30 * HOUR, { message: 'Year-end closing' });
      const page = await signedInPage(h, DEMO.agency);
      const timer = page.getByRole('timer');
      await timer.waitFor();
      // 30 h on the server clock, whatever the browser's clock says (less the moment since scheduling).
      expect(await timer.textContent()).toMatch(/^1 d (06:00:00|05:59:[0-5]\d)$/);
      const first = await timer.textContent();
      await page.waitForFunction(
        (before) => document.querySelector('[role=timer]')?.textContent !== before,
        first,
        { timeout: 3000 },
      );
      const banner = page.locator('#maint-countdown');
      await banner.getByText('the platform is unavailable from').waitFor();
      expect(await banner.locator('button, a, [role=button]').count()).toBe(0);
      // More than 24 h ahead: no notice yet (R9).
      expect(await page.getByRole('dialog').count()).toBe(0);
      await screenshot(page, 'countdown');
      // The countdown is there on every page.
      await page
        .getByRole('navigation', { name: 'Modules' })
        .getByRole('link', { name: 'Contracts' })
        .click();
      await page.waitForURL((url) => url.pathname === '/contracts');
      await page.getByRole('timer').waitFor();
      await page.context().close();
    });

    it('shows the notice once per session: not after a reload, not in another tab, again when the start moves (R9)', async () => {
      await scheduleIn(h.t, 2 * HOUR);
      const page = await signedInPage(h, DEMO.candidate);
      const dialog = page.getByRole('dialog', { name: 'Planned maintenance' });
      await dialog.waitFor();
      expect(await dialog.textContent()).toContain('The platform will be unavailable from');
      // Focus moved into the dialog.
      expect(await page.evaluate(() => document.activeElement?.closest('dialog')?.id)).toBe(
        'maint-notice',
      );
      await screenshot(page, 'notice');
      const ack = page.waitForResponse((r) => r.url().endsWith('/api/maintenance/notice/ack'));
      await dialog.getByRole('button', { name: 'Understood' }).click();
      expect((await ack).status()).toBe(204);
      await dialog.waitFor({ state: 'hidden' });

      await reloadAndWaitForStatus(page);
      expect(await page.getByRole('dialog').count()).toBe(0);

      const other = await page.context().newPage();
      await other.goto('/declarations');
      await waitForStatus(other);
      expect(await other.getByRole('dialog').count()).toBe(0);
      await other.close();

      await scheduleIn(h.t, 3 * HOUR);
      await reloadAndWaitForStatus(page);
      await page.getByRole('dialog', { name: 'Planned maintenance' }).waitFor();
      await page.context().close();
    });

    it('shows the notice again in a page left open when the admin moves the start, without a reload (R9)', async () => {
      await scheduleIn(h.t, 30 * HOUR);
      const page = await signedInPage(h, DEMO.candidate);
      let navigations = 0;
      page.on('framenavigated', (frame) => {
        if (frame === page.mainFrame()) navigations += 1;
      });
      await waitForStatus(page);
      const dialog = page.getByRole('dialog', { name: 'Planned maintenance' });
      // More than 24 h ahead: no notice.
      expect(await dialog.count()).toBe(0);

      // The page polls the status every 5 s; nobody touches it.
      await scheduleIn(h.t, 20 * HOUR);
      await dialog.waitFor({ timeout: POLL_WAIT });
      expect(await dialog.textContent()).toContain(
        amsterdamTime(new Date(BASE.getTime() + 20 * HOUR)),
      );
      await dialog.getByRole('button', { name: 'Understood' }).click();
      await dialog.waitFor({ state: 'hidden' });

      // Seen for that start; moved again, it comes back.
      await scheduleIn(h.t, 10 * HOUR);
      await dialog.waitFor({ timeout: POLL_WAIT });
      expect(await dialog.textContent()).toContain(
        amsterdamTime(new Date(BASE.getTime() + 10 * HOUR)),
      );
      expect(navigations).toBe(0);
      await page.context().close();
    });

    it('closes the notice with Escape, and that counts as seen (R9)', async () => {
      await scheduleIn(h.t, 2 * HOUR);
      const page = await signedInPage(h, DEMO.client);
      const dialog = page.getByRole('dialog', { name: 'Planned maintenance' });
      await dialog.waitFor();
      const ack = page.waitForResponse((r) => r.url().endsWith('/api/maintenance/notice/ack'));
      await page.keyboard.press('Escape');
      await dialog.waitFor({ state: 'hidden' });
      expect((await ack).status()).toBe(204);
      await reloadAndWaitForStatus(page);
      expect(await page.getByRole('dialog').count()).toBe(0);
      await page.context().close();
    });

    it('turns the countdown urgent in the last five minutes, with an announcement', async () => {
      await scheduleIn(h.t, 11 * MINUTE);
      const page = await signedInPage(h, DEMO.agency);
      await page.getByRole('timer').waitFor();
      const banner = page.locator('#maint-countdown');
      expect(await banner.getAttribute('class')).not.toContain('urgent');
      await moveClockToStart(h.t, -4 * MINUTE);
      await reloadAndWaitForStatus(page);
      await page.waitForFunction(() =>
        document.querySelector('#maint-countdown')?.classList.contains('urgent'),
      );
      expect(await page.getByRole('timer').textContent()).toMatch(/^00:0[34]:\d\d$/);
      expect(await page.locator('#maint-announce').textContent()).toBe(
        'Maintenance starts in less than 5 minutes. Save your work now.',
      );
      expect(await page.locator('#maint-announce').getAttribute('aria-live')).toBe('assertive');
      expect(await banner.evaluate((el) => getComputedStyle(el).backgroundColor)).toBe(
        'rgb(138, 28, 28)',
      );
      await screenshot(page, 'countdown-urgent');
      await page.context().close();
    });

    it('shows exempt users the scheduled window in the header, without the notice (R10)', async () => {
      await scheduleIn(h.t, 2 * HOUR);
      const page = await signedInPage(h, DEMO.admin);
      await page.getByText('A maintenance window is scheduled').waitFor();
      await waitForStatus(page);
      expect(await page.getByRole('dialog').count()).toBe(0);
      expect(await page.getByRole('timer').count()).toBe(0);
      await page.context().close();
    });
  });

  describe('at and after the start (R12, R14, R16)', () => {
    // Windows here start 15 minutes ahead: moving the clock to the start then leaves a session that signed in
    // just before well within its 30 idle minutes, so the user is still signed in at the start.
    it('moves an open page of a regular user to the maintenance page by itself at the start', async () => {
      await scheduleIn(h.t, 11 * MINUTE, {
        message: 'Year-end closing of 2025.',
        expectedEndAt: new Date(BASE.getTime() + 5 * HOUR),
      });
      const page = await signedInPage(h, DEMO.agency);
      await dismissNotice(page);
      await moveClockToStart(h.t, -3000);
      await page.waitForURL((url) => url.pathname === '/maintenance', { timeout: 15000 });
      await page.getByRole('heading', { name: 'Maintenance in progress' }).waitFor();
      const info = page.locator('#maintenance-info');
      expect(await info.textContent()).toContain('Year-end closing of 2025.');
      // Shown in the platform's zone.
      const since = new Date(BASE.getTime() + 11 * MINUTE);
      expect(await info.locator('[data-since]').textContent()).toContain(amsterdamTime(since));
      const end = new Date(BASE.getTime() + 5 * HOUR);
      expect(await info.locator('[data-expected-end]').textContent()).toContain(amsterdamTime(end));
      await screenshot(page, 'maintenance-page');
      const direct = await request(h.t.url).get('/maintenance').set('Accept', 'text/html');
      expect(direct.status).toBe(503);
      await page.context().close();
    });

    it('sends a regular user who clicks a link after the start to the maintenance page (R14)', async () => {
      await scheduleIn(h.t, 15 * MINUTE);
      const page = await signedInPage(h, DEMO.client);
      await dismissNotice(page);
      await moveClockToStart(h.t, 1000);
      const navigation = page.waitForResponse((r) => new URL(r.url()).pathname === '/declarations');
      await page
        .getByRole('navigation', { name: 'Modules' })
        .getByRole('link', { name: 'Declarations' })
        .click();
      expect((await navigation).status()).toBe(303);
      await page.waitForURL((url) => url.pathname === '/maintenance');
      await page.context().close();
    });

    it('does not save the form a regular user submits after the start (R14)', async () => {
      await scheduleIn(h.t, 15 * MINUTE);
      const page = await signedInPage(h, DEMO.agency);
      await dismissNotice(page);
      await page.goto('/contracts');
      const before = await countContracts(h);
      await page.getByLabel('Title').fill('Night shift supervisor');
      await page.getByLabel('Start date').fill('2026-02-01');
      await page.getByLabel('Hourly rate (€)').fill('24.50');
      await moveClockToStart(h.t, 1000);
      const post = page.waitForResponse((r) => r.request().method() === 'POST');
      await page.getByRole('button', { name: 'Create contract' }).click();
      expect((await post).status()).toBe(303);
      await page.waitForURL((url) => url.pathname === '/maintenance');
      expect(await countContracts(h)).toBe(before);
    });

    it('saves the same form before the start', async () => {
      const page = await signedInPage(h, DEMO.agency);
      await page.goto('/contracts');
      const before = await countContracts(h);
      await page.getByLabel('Title').fill('Day shift supervisor');
      await page.getByLabel('Start date').fill('2026-02-01');
      await page.getByLabel('Hourly rate (€)').fill('24.50');
      await page.getByRole('button', { name: 'Create contract' }).click();
      await page.getByRole('status').getByText('Saved.').waitFor();
      expect(await countContracts(h)).toBe(before + 1);
      await page.getByRole('cell', { name: 'Day shift supervisor' }).waitFor();
      await page.context().close();
    });

    it('shows a locked-out regular user on the maintenance page no links into the app, only sign-out; exempt users keep them', async () => {
      await scheduleIn(h.t, 15 * MINUTE);
      const page = await signedInPage(h, DEMO.agency);
      await dismissNotice(page);
      await moveClockToStart(h.t, 1000);
      await page.goto('/contracts');
      await page.waitForURL((url) => url.pathname === '/maintenance');
      await page.getByRole('heading', { name: 'Maintenance in progress' }).waitFor();
      expect(await page.getByRole('navigation', { name: 'Modules' }).count()).toBe(0);
      // Neither the header (name included) nor the page offers a link that would bounce back here.
      expect(await page.getByRole('banner').getByRole('link').count()).toBe(0);
      expect(await page.getByRole('main').getByRole('link').count()).toBe(0);
      await page.getByRole('banner').getByText('Anna Agency').waitFor();
      await page.getByRole('button', { name: 'Sign out' }).click();
      await page.waitForURL((url) => url.pathname === '/login');
      expect((await page.context().cookies()).some((cookie) => cookie.name === 'sid')).toBe(false);
      await page.context().close();

      const admin = await signedInPage(h, DEMO.admin);
      await admin.goto('/maintenance');
      const nav = admin.getByRole('navigation', { name: 'Modules' });
      await nav.getByRole('link', { name: 'Contracts' }).waitFor();
      await nav.getByRole('link', { name: 'Maintenance settings' }).waitFor();
      await admin.context().close();
    });

    it('lands a regular user who signs in during downtime on the maintenance page (R12)', async () => {
      await scheduleIn(h.t, 15 * MINUTE);
      await moveClockToStart(h.t, 1000);
      const context = await newContext(h);
      const page = await context.newPage();
      await signIn(page, DEMO.candidate);
      await page.waitForURL((url) => url.pathname === '/maintenance');
      await page.getByRole('heading', { name: 'Maintenance in progress' }).waitFor();
      expect((await context.cookies()).some((cookie) => cookie.name === 'sid')).toBe(false);
      await context.close();
    });

    it('lets exempt users work with a banner that cannot be closed (R16)', async () => {
      await scheduleIn(h.t, 15 * MINUTE, { message: 'Year-end closing' });
      await moveClockToStart(h.t, 1000);
      const page = await signedInPage(h, DEMO.admin);
      const banner = page.getByRole('status').filter({ hasText: 'Maintenance in progress' });
      await banner.waitFor();
      expect(await banner.locator('button, [role=button]').count()).toBe(0);
      await page
        .getByRole('navigation', { name: 'Modules' })
        .getByRole('link', { name: 'Contracts' })
        .click();
      await page.waitForURL((url) => url.pathname === '/contracts');
      await page.getByRole('status').filter({ hasText: 'Maintenance in progress' }).waitFor();
      await page.goto('/');
      await page.getByRole('status').filter({ hasText: 'Maintenance in progress' }).waitFor();
      await screenshot(page, 'admin-banner');
      await page.context().close();
    });
  });

  describe('languages and layout', () => {
    it('shows the countdown and notice in Dutch', async () => {
      await scheduleIn(h.t, 2 * HOUR);
      const page = await signedInPage(h, DEMO.agency, { locale: 'nl-NL' });
      await page.getByRole('dialog', { name: 'Gepland onderhoud' }).waitFor();
      await page.getByRole('button', { name: 'Begrepen' }).click();
      expect(await page.locator('#maint-countdown').textContent()).toContain('Gepland onderhoud');
      expect(await page.getByRole('timer').getAttribute('aria-label')).toBe(
        'Tijd tot het onderhoud begint',
      );
      await page.getByRole('heading', { name: 'Welkom, Anna Agency' }).waitFor();
      await page.context().close();
    });

    it('fits a phone screen (375 px) with the countdown visible', async () => {
      await scheduleIn(h.t, 30 * HOUR);
      const page = await signedInPage(h, DEMO.candidate, { phone: true });
      await page.getByRole('timer').waitFor();
      expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(
        375,
      );
      const box = await page.getByRole('timer').boundingBox();
      expect(box && box.x + box.width).toBeLessThanOrEqual(375);
      await page.goto('/declarations');
      expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(
        375,
      );
      await screenshot(page, 'phone-declarations');
      await page.context().close();
    });
  });
});

async function countContracts(h: BrowserHarness): Promise<number> {
  const rows: Array<{ n: number | string }> = await h.t.dataSource.query(
    'SELECT COUNT(*) AS n FROM contracts',
  );
  return Number(rows[0].n);
}

async function dismissNotice(page: Page): Promise<void> {
  const dialog = page.getByRole('dialog', { name: 'Planned maintenance' });
  await dialog.waitFor();
  await dialog.getByRole('button', { name: 'Understood' }).click();
  await dialog.waitFor({ state: 'hidden' });
}

function waitForStatus(page: Page): Promise<unknown> {
  return page.waitForResponse((r) => r.url().endsWith('/api/maintenance/status'));
}

async function reloadAndWaitForStatus(page: Page): Promise<void> {
  const status = waitForStatus(page);
  await page.reload();
  await status;
  // Let the page act on the answer.
  await page.evaluate(() => new Promise((resolve) => requestAnimationFrame(resolve)));
}
