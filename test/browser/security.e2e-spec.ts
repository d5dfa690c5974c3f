import type { Page } from 'playwright-core';
import { changeSettings } from '../support/maintenance.js';
import {
  DEMO,
  fillLoginForm,
  newContext,
  signedInPage,
  startHarness,
  type BrowserHarness,
} from './support.js';

/** Every Content-Security-Policy complaint the page logs from now on. */
function cspViolations(page: Page): string[] {
  const seen: string[] = [];
  page.on('console', (message) => {
    if (/Content Security Policy/i.test(message.text())) seen.push(message.text());
  });
  return seen;
}

describe('browser: redirect after sign-in and the pages under the CSP (issue 8)', () => {
  let h: BrowserHarness;
  beforeAll(async () => {
    h = await startHarness({ env: { DEMO_DATA: 'true' } });
  });
  afterAll(async () => {
    await h.close();
  });

  it.each([
    ['//evil.example', '/'],
    ['/\\evil.example', '/'],
    ['%20//evil.example', '/'],
    ['https://evil.example', '/'],
    ['/contracts', '/contracts'],
  ])(
    'after sign-in from /login?next=%s the browser stays on the site, at %s',
    async (next, path) => {
      const context = await newContext(h);
      const page = await context.newPage();
      await page.goto(`/login?next=${next}`);
      await fillLoginForm(page, DEMO.admin);
      await page.waitForURL((url) => url.pathname === path);
      expect(new URL(page.url()).origin).toBe(h.t.url);
      await context.close();
    },
  );

  it.each(['%09', '%0A', '%0D'])(
    'refuses /login?next=/%s/evil.example with 400 and stays on the site',
    async (control) => {
      const context = await newContext(h);
      const page = await context.newPage();
      const response = await page.goto(`/login?next=/${control}/evil.example`);
      expect(response?.status()).toBe(400);
      expect(new URL(page.url()).origin).toBe(h.t.url);
      await context.close();
    },
  );

  it.each(['/\t/evil.example', '/\n/evil.example', ' /\r/evil.example', '/\\evil.example'])(
    'the page script applies the same rule to a target %j it is handed',
    async (target) => {
      const context = await newContext(h);
      const page = await context.newPage();
      await page.goto('/login');
      await page.$eval('#login-form', (form, next) => form.setAttribute('data-next', next), target);
      await fillLoginForm(page, DEMO.admin);
      await page.waitForURL((url) => url.pathname === '/');
      expect(new URL(page.url()).origin).toBe(h.t.url);
      await context.close();
    },
  );

  it('serves every page without a CSP violation, and the CSP blocks inline script', async () => {
    await changeSettings(h.t, {
      enabled: true,
      startsAt: new Date(h.t.clock.now().getTime() + 3_600_000).toISOString(),
      message: '<script>alert(1)</script> 2026-12-31T maintenance',
    });
    const page = await signedInPage(h, DEMO.admin);
    const violations = cspViolations(page);
    for (const path of [
      '/',
      '/contracts',
      '/declarations',
      '/admin/connect/settings',
      '/maintenance',
      '/apply',
      '/activate?token=x',
    ]) {
      const response = await page.goto(path);
      expect(response?.headers()['content-security-policy']).toMatch(/script-src 'self'/);
      await page.waitForLoadState('load');
    }
    expect(violations).toEqual([]);
    await page.goto('/admin/connect/settings');
    await page.getByText('<script>alert(1)</script> 2026-12-31T maintenance').first().waitFor();
    const ranInline = await page.evaluate(async () => {
      const script = document.createElement('script');
      script.textContent = 'document.body.dataset.inline = "ran"';
      document.body.append(script);
      await new Promise((resolve) => setTimeout(resolve, 50));
      return document.body.dataset.inline ?? 'blocked';
    });
    expect(ranInline).toBe('blocked');
    expect(violations).toHaveLength(1);
    await page.context().close();
  });
});
