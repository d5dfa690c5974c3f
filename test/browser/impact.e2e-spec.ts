import request from 'supertest';
import { MaintenanceScheduler } from '../../src/maintenance/testing.js';
import { untilState } from '../support/maintenance.js';
import { bearer, login, withSession, type LoggedIn } from '../support/sessions.js';
import { LONG_SESSIONS } from '../maintenance/support.js';
import {
  DEMO,
  HOUR,
  MINUTE,
  moveClockToStart,
  newContext,
  scheduleIn,
  screenshot,
  signedInPage,
  startHarness,
  type BrowserHarness,
} from './support.js';

/** One poll of the page (10 s) and a flush, with room to spare. */
const LIVE_UPDATE_MS = 20_000;

describe('who the window affects, on the settings page (browser)', () => {
  let h: BrowserHarness;
  const regular = {} as Record<'agency' | 'client' | 'candidate', LoggedIn>;
  beforeAll(async () => {
    h = await startHarness({ env: { ...LONG_SESSIONS, MAINTENANCE_REFUSAL_FLUSH_MS: '200' } });
    regular.agency = await login(h.t.url, DEMO.agency);
    regular.client = await login(h.t.url, DEMO.client);
    regular.candidate = await login(h.t.url, DEMO.candidate);
  });
  afterAll(async () => {
    await h.close();
  });

  const ack = (who: LoggedIn) =>
    request(h.t.url).post('/api/maintenance/notice/ack').set(withSession(who)).send({});

  it('says who is signed in and who confirmed before the start, the refusals during downtime, and keeps it current', async () => {
    await scheduleIn(h.t, 2 * HOUR, { message: 'Year-end closing' });
    expect((await ack(regular.agency)).status).toBe(204);

    const page = await signedInPage(h, DEMO.admin);
    await page.goto('/admin/connect/settings');
    const line = page.locator('#impact');
    await line
      .getByText(
        'Right now 3 regular users are signed in (1 agency user, 1 client, 1 candidate); 1 has confirmed the notice.',
        { exact: true },
      )
      .waitFor();
    expect(await line.getAttribute('aria-live')).toBe('polite');
    await screenshot(page, 'impact');
    // Every change of the text is one announcement: count them.
    await page.evaluate(() => {
      const target = document.getElementById('impact')!;
      const seen = { changes: 0 };
      (window as unknown as { impactChanges: typeof seen }).impactChanges = seen;
      new MutationObserver((records) => (seen.changes += records.length)).observe(target, {
        childList: true,
        characterData: true,
        subtree: true,
      });
    });

    // The poll picks up a second confirmation without a reload.
    expect((await ack(regular.client)).status).toBe(204);
    await line
      .getByText(
        'Right now 3 regular users are signed in (1 agency user, 1 client, 1 candidate); 2 have confirmed the notice.',
        { exact: true },
      )
      .waitFor({ timeout: LIVE_UPDATE_MS });

    // Downtime: the line turns to the refusals. The regular users were active just before it.
    await moveClockToStart(h.t, -2 * MINUTE);
    for (const who of Object.values(regular)) {
      expect((await request(h.t.url).get('/api/auth/me').set('Cookie', who.cookie)).status).toBe(
        200,
      );
    }
    await moveClockToStart(h.t, 1000);
    await untilState(h.t, 'active');
    const me = () => request(h.t.url).get('/api/auth/me');
    expect((await me().set('Cookie', regular.agency.cookie)).status).toBe(503);
    expect((await me().set('Cookie', regular.candidate.cookie)).status).toBe(503);
    expect((await me().set(bearer('demo-third-party-token'))).status).toBe(503);
    const during =
      'Since the start: 3 refused requests (2 from users, 1 from third-party links, 0 from visitors not signed in).';
    await line.getByText(during, { exact: true }).waitFor({ timeout: LIVE_UPDATE_MS });
    // A poll that finds nothing new leaves the live region alone: two changes, two announcements.
    await page.waitForResponse((response) => response.url().endsWith('/maintenance/impact'), {
      timeout: LIVE_UPDATE_MS,
    });
    await line.getByText(during, { exact: true }).waitFor();
    expect(
      await page.evaluate(
        () => (window as unknown as { impactChanges: { changes: number } }).impactChanges.changes,
      ),
    ).toBe(2);

    // Rendered by the server too (no script needed), and in Dutch; the history keeps the counts at the start.
    await h.t.app.get(MaintenanceScheduler).runChecks();
    await page.reload();
    await line.getByText(during, { exact: true }).waitFor();
    const started = page.locator('#events-table tr').filter({ hasText: 'Downtime started' });
    await started.getByText('Regular users signed in: 3', { exact: true }).waitFor();
    await started.getByText('Confirmed the notice: 2', { exact: true }).waitFor();
    const dutch = await (await newContext(h, { locale: 'nl-NL' })).newPage();
    const consultant = await login(h.t.url, DEMO.consultant);
    await dutch
      .context()
      .addCookies([{ name: 'sid', value: consultant.cookie.split('=')[1], url: h.t.url }]);
    await dutch.goto('/admin/connect/settings');
    await dutch
      .locator('#impact')
      .getByText(
        'Sinds de start: 3 geweigerde verzoeken (2 van gebruikers, 1 van koppelingen van derden, 0 van bezoekers die niet zijn aangemeld).',
        { exact: true },
      )
      .waitFor();
  });
});
