import { type Page } from 'playwright-core';
import { turnOff } from '../support/maintenance.js';
import {
  DEMO,
  HOUR,
  MINUTE,
  moveClockToStart,
  scheduleIn,
  screenshot,
  signedInPage,
  startHarness,
  type BrowserHarness,
} from './support.js';

/** A whole hour ahead, as in the other browser specs: the browser's own clock stays real. */
const BASE = new Date(Math.ceil(Date.now() / HOUR) * HOUR);

async function dismissNotice(page: Page): Promise<void> {
  const dialog = page.getByRole('dialog', { name: 'Planned maintenance' });
  await dialog.waitFor();
  await dialog.getByRole('button', { name: 'Understood' }).click();
  await dialog.waitFor({ state: 'hidden' });
}

async function typeDeclaration(page: Page): Promise<void> {
  await page.goto('/declarations');
  await page.getByLabel('Hours').fill('37.5');
  await page.getByLabel('Note').fill('Week 52, night shifts');
}

const draftKeys = (page: Page): Promise<string[]> =>
  page.evaluate(() => Object.keys(localStorage).filter((key) => key.startsWith('draft:')));

describe('drafts survive the lockout, and the maintenance page returns the user (issue 20)', () => {
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

  it('keeps what was typed when the page moves to /maintenance, returns to the page after the turn-off and offers it back', async () => {
    await scheduleIn(h.t, 11 * MINUTE);
    const page = await signedInPage(h, DEMO.candidate);
    await dismissNotice(page);
    await typeDeclaration(page);
    await moveClockToStart(h.t, -3000);
    await page.waitForURL((url) => url.pathname === '/maintenance', { timeout: 15000 });
    expect(await draftKeys(page)).toEqual([
      expect.stringMatching(/^draft:[0-9a-f]{24}:declaration-new$/),
    ]);
    // Nothing about it reached the server: the key holds no user id.
    expect((await draftKeys(page))[0]).not.toContain(DEMO.candidate);

    await turnOff(h.t);
    await page.waitForURL((url) => url.pathname === '/declarations', { timeout: 15000 });
    const offer = page.locator('.draft-offer');
    await offer.getByText(/^You had unsaved changes from \d+ \w+, \d\d:\d\d\.$/).waitFor();
    // Nothing is filled in or sent by itself.
    expect(await page.getByLabel('Hours').inputValue()).toBe('');
    await screenshot(page, 'draft-restore');
    await offer.getByRole('button', { name: 'Restore' }).click();
    expect(await page.getByLabel('Hours').inputValue()).toBe('37.5');
    expect(await page.getByLabel('Note').inputValue()).toBe('Week 52, night shifts');
    expect(await offer.count()).toBe(0);
    await page.context().close();
  });

  it('a submit refused at the start keeps the draft; sign-out clears it', async () => {
    await scheduleIn(h.t, 15 * MINUTE);
    const page = await signedInPage(h, DEMO.candidate);
    await dismissNotice(page);
    await typeDeclaration(page);
    await moveClockToStart(h.t, 1000);
    const post = page.waitForResponse((r) => r.request().method() === 'POST');
    await page.getByRole('button', { name: 'Submit declaration' }).click();
    expect((await post).status()).toBe(303);
    await page.waitForURL((url) => url.pathname === '/maintenance');
    expect(await draftKeys(page)).toHaveLength(1);

    await turnOff(h.t);
    await page.waitForURL((url) => url.pathname === '/declarations', { timeout: 15000 });
    await page.locator('.draft-offer').waitFor();
    await page.getByRole('button', { name: 'Sign out' }).click();
    await page.waitForURL((url) => url.pathname === '/login');
    expect(await draftKeys(page)).toEqual([]);
    await page.context().close();
  });

  it('says once, politely, in the last 5 minutes that there are unsaved changes', async () => {
    await scheduleIn(h.t, 15 * MINUTE);
    const page = await signedInPage(h, DEMO.candidate);
    await dismissNotice(page);
    await typeDeclaration(page);
    const warning = page.locator('#draft-warning');
    expect(await warning.getAttribute('aria-live')).toBe('polite');
    expect(await warning.textContent()).toBe('');
    await moveClockToStart(h.t, -4 * MINUTE);
    // The page learns the new time at its next status poll.
    await warning.getByText('You have unsaved changes — save now.').waitFor({ timeout: 15000 });
    const changes = await page.evaluate(
      () =>
        new Promise<number>((resolve) => {
          let count = 0;
          const target = document.querySelector('#draft-warning')!;
          new MutationObserver(() => (count += 1)).observe(target, {
            childList: true,
            characterData: true,
            subtree: true,
          });
          setTimeout(() => resolve(count), 6000);
        }),
    );
    expect(changes).toBe(0);
    await page.context().close();
  });

  it('a successful save clears the draft', async () => {
    const page = await signedInPage(h, DEMO.candidate);
    await typeDeclaration(page);
    await page.getByLabel('First day').fill('2026-01-05');
    await page.getByLabel('Last day').fill('2026-01-11');
    await page.getByRole('button', { name: 'Submit declaration' }).click();
    await page.getByRole('status').getByText('Saved.').waitFor();
    expect(await draftKeys(page)).toEqual([]);
    await page.context().close();
  });
});
