import request from 'supertest';
import { login } from '../support/sessions.js';
import {
  DEMO,
  MINUTE,
  moveClockToStart,
  scheduleIn,
  screenshot,
  signedInPage,
  startHarness,
  type BrowserHarness,
} from './support.js';

/** The local wall-clock value of a datetime-local field, e.g. "2027-07-01T14:00". */
function amsterdamInput(instant: Date): string {
  const parts = new Intl.DateTimeFormat('en-CA', {
    timeZone: 'Europe/Amsterdam',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
  }).formatToParts(instant);
  const get = (type: string): string => parts.find((part) => part.type === type)!.value;
  return `${get('year')}-${get('month')}-${get('day')}T${get('hour')}:${get('minute')}`;
}

describe('maintenance settings page (browser)', () => {
  let h: BrowserHarness;
  beforeAll(async () => {
    h = await startHarness();
  });
  afterAll(async () => {
    await h.close();
  });

  async function savedStart(): Promise<string> {
    const admin = await login(h.t.url, DEMO.admin);
    const response = await request(h.t.url)
      .get('/api/admin/connect/settings/maintenance')
      .set('Cookie', admin.cookie);
    return response.body.startsAt as string;
  }

  it('takes and shows times in Europe/Amsterdam, DST-correct, and shows the API validation errors (R2, R5)', async () => {
    const page = await signedInPage(h, DEMO.consultant);
    await page
      .getByRole('navigation', { name: 'Modules' })
      .getByRole('link', { name: 'Maintenance settings' })
      .click();
    await page.getByRole('heading', { name: 'Maintenance window', level: 1 }).waitFor();
    await page.getByText("Times are in the platform's time zone (Europe/Amsterdam).").waitFor();

    // The earliest allowed value is now + 10 minutes (rounded up to the minute), in Amsterdam time.
    // The page was rendered a moment ago: a minute may have turned since, so both values are right.
    const earliestAt = (now: number) =>
      amsterdamInput(new Date(Math.ceil((now + 10 * MINUTE) / MINUTE) * MINUTE));
    const now = h.t.clock.now().getTime();
    expect([earliestAt(now - 10_000), earliestAt(now)]).toContain(
      await page.getByLabel('Start').getAttribute('min'),
    );

    // Too soon: the API's message is shown and nothing is saved.
    await page.getByRole('switch', { name: 'Maintenance window on' }).check();
    await page
      .getByLabel('Start')
      .fill(amsterdamInput(new Date(h.t.clock.now().getTime() + 5 * MINUTE)));
    await page.getByRole('button', { name: 'Save' }).click();
    const errors = page.getByRole('alert');
    await errors
      .getByText(/startsAt: must be at least 10 minutes after the server's current time/)
      .waitFor();
    expect(await savedStart()).toBeNull();

    // Summer time (UTC+2) next year.
    const year = new Date(h.t.clock.now()).getUTCFullYear() + 1;
    await page.getByLabel('Start').fill(`${year}-07-01T14:00`);
    await page
      .getByLabel('Message for users (optional, at most 500 characters)')
      .fill('Year-end closing');
    await page.getByRole('button', { name: 'Save' }).click();
    await page.getByRole('status').getByText('Saved.').waitFor();
    expect(await savedStart()).toBe(`${year}-07-01T12:00:00.000Z`);
    expect(await page.getByLabel('Start').inputValue()).toBe(`${year}-07-01T14:00`);
    expect(await page.locator('[data-current-start]').textContent()).toContain('14:00 (GMT+2)');

    // Winter time (UTC+1): moving the start.
    await page.getByLabel('Start').fill(`${year}-01-15T14:00`);
    await page.getByRole('button', { name: 'Save' }).click();
    await page.getByRole('status').getByText('Saved.').waitFor();
    expect(await savedStart()).toBe(`${year}-01-15T13:00:00.000Z`);
    expect(await page.locator('[data-current-start]').textContent()).toContain('14:00 (GMT+1)');

    // The event history (R5), times in Amsterdam.
    const history = page.locator('#events-table');
    await history.getByRole('cell', { name: 'Moved' }).waitFor();
    await history.getByRole('cell', { name: 'Scheduled', exact: true }).waitFor();
    expect(await history.textContent()).toContain(`15-01-${year} 14:00`);
    expect(await history.textContent()).toContain(DEMO.consultant);

    // An expected end before the start: the API says why.
    await page.getByLabel('Expected end (optional)').fill(`${year}-01-15T12:00`);
    await page.getByRole('button', { name: 'Save' }).click();
    await errors.getByText('expectedEndAt: must be after startsAt').waitFor();
    await page.getByLabel('Expected end (optional)').fill(`${year}-01-15T20:00`);
    await page.getByRole('button', { name: 'Save' }).click();
    await page.getByRole('status').getByText('Saved.').waitFor();
    await screenshot(page, 'settings');

    // Turning it off.
    await page.getByRole('switch', { name: 'Maintenance window on' }).uncheck();
    await page.getByRole('button', { name: 'Save' }).click();
    await page.getByRole('status').getByText('Saved.').waitFor();
    expect(await savedStart()).toBeNull();
    await history.getByRole('cell', { name: 'Turned off' }).waitFor();
    await page.context().close();
  });

  it('shows the API validation errors in Dutch on the Dutch page', async () => {
    const page = await signedInPage(h, DEMO.admin, { locale: 'nl-NL' });
    await page.goto('/admin/connect/settings');
    await page.getByRole('switch').check();
    await page
      .locator('input[name="startsAt"]')
      .fill(amsterdamInput(new Date(h.t.clock.now().getTime() + 5 * MINUTE)));
    await page.locator('form button[type="submit"]').click();
    await page
      .getByRole('alert')
      .getByText(/startsAt: moet minstens 10 minuten na de huidige tijd van de server liggen/)
      .waitFor();
    expect(await savedStart()).toBeNull();
    await page.context().close();
  });

  it('is for customer admins and consultants only (R1)', async () => {
    const page = await signedInPage(h, DEMO.agency);
    const response = await page.goto('/admin/connect/settings');
    expect(response?.status()).toBe(403);
    await page.getByText('You do not have access to this page.').waitFor();
    await page.context().close();
  });
});

describe('forgotten turn-off warning (browser)', () => {
  let h: BrowserHarness;
  beforeAll(async () => {
    // A one-hour threshold, and sessions that outlive the clock jump.
    h = await startHarness({
      env: { MAINTENANCE_ACTIVE_WARNING_HOURS: '1', SESSION_IDLE_MINUTES: '600' },
    });
  });
  afterAll(async () => {
    await h.close();
  });

  it('warns exempt users when downtime has lasted longer than configured, not before', async () => {
    await scheduleIn(h.t, 15 * MINUTE);
    await moveClockToStart(h.t, 30 * MINUTE);
    const page = await signedInPage(h, DEMO.admin);
    await page.getByRole('status').filter({ hasText: 'Maintenance in progress' }).waitFor();
    expect(await page.locator('#maint-forgotten').isHidden()).toBe(true);
    await moveClockToStart(h.t, 61 * MINUTE);
    await page.reload();
    await page.getByRole('alert').getByText('Did someone forget to turn it off?').waitFor();
    await page.context().close();
  });
});
