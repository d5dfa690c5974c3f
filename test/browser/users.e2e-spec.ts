import request from 'supertest';
import { UsersAdminService } from '../../src/users/users-admin.service.js';
import { startSmtpSink, type SmtpSink } from '../features/smtp-sink.js';
import { activate, activationLinkIn, untilMails } from '../users/support.js';
import { DEMO, screenshot, signedInPage, startHarness, type BrowserHarness } from './support.js';

describe('/admin/users page (browser)', () => {
  let h: BrowserHarness;
  let sink: SmtpSink;
  beforeAll(async () => {
    sink = await startSmtpSink();
    h = await startHarness({ env: { SMTP_HOST: '127.0.0.1', SMTP_PORT: String(sink.port) } });
  });
  afterAll(async () => {
    await h.close();
    await sink.close();
  });

  const row = (page: import('playwright-core').Page, email: string) =>
    page.locator(`#users-table tr[data-user="${email}"]`);

  it('an admin finds it in the navigation, lists and filters the users', async () => {
    const page = await signedInPage(h, DEMO.admin);
    await page
      .getByRole('navigation', { name: 'Modules' })
      .getByRole('link', { name: 'Users' })
      .click();
    await page.getByRole('heading', { name: 'Users', level: 1 }).waitFor();
    await row(page, DEMO.candidate).waitFor();
    expect(await page.locator('#users-table tbody tr').count()).toBe(6);

    await page.getByLabel('Status').selectOption('invited');
    await page.getByRole('button', { name: 'Filter' }).click();
    await page.waitForURL(/status=invited/);
    expect(await page.locator('#users-table tbody tr').count()).toBe(1);
    await row(page, 'invited@demo.test').locator('td[data-status="invited"]').waitFor();

    await page.getByLabel('Name or e-mail').fill('kim');
    await page.getByLabel('Status').selectOption('');
    await page.getByRole('button', { name: 'Filter' }).click();
    await page.waitForURL(/q=kim/);
    expect(await page.locator('#users-table tbody tr').count()).toBe(1);
    await row(page, DEMO.candidate).waitFor();
    await screenshot(page, 'admin-users');
    await page.context().close();
  });

  it('invites someone: the mail arrives with a working link; a CLIENT without a company shows the error', async () => {
    const page = await signedInPage(h, DEMO.consultant);
    await page.goto('/admin/users');
    const form = page.locator('form[aria-labelledby="users-invite"]');
    await form.getByLabel('E-mail address').fill('client.two@example.com');
    await form.getByLabel('Name').fill('Client Two');
    await form.getByLabel('Role').selectOption('CLIENT');
    await form.getByRole('button', { name: 'Send invitation' }).click();
    await page
      .locator('#form-errors .field-name', { hasText: /^companyId$/ })
      .first()
      .waitFor();
    // The typed values are kept.
    expect(await form.getByLabel('E-mail address').inputValue()).toBe('client.two@example.com');

    const before = sink.messages.length;
    await form.getByLabel('Role').selectOption('AGENCY_USER');
    await form.getByRole('button', { name: 'Send invitation' }).click();
    await page.getByRole('status').getByText('The invitation has been sent.').waitFor();
    await row(page, 'client.two@example.com').locator('td[data-status="invited"]').waitFor();
    await untilMails(sink.messages, before + 1);
    expect(sink.messages[before].to).toEqual(['client.two@example.com']);

    // Re-send: a new link; the first stops working.
    const first = activationLinkIn(sink.messages[before]);
    await row(page, 'client.two@example.com')
      .getByRole('button', { name: 'Send a new invitation' })
      .click();
    await page
      .getByRole('status')
      .getByText(/previous link no longer works/)
      .waitFor();
    await untilMails(sink.messages, before + 2);
    expect((await activate(h.t, first)).status).toBe(400);
    expect((await activate(h.t, activationLinkIn(sink.messages[before + 1]))).status).toBe(200);
    await page.context().close();
  });

  it('disabling signs the user out at once; enabling lets them back in', async () => {
    const agency = await signedInPage(h, DEMO.agency);
    const admin = await signedInPage(h, DEMO.admin);
    await admin.goto('/admin/users');
    await row(admin, DEMO.agency)
      .getByRole('button', { name: /^Disable/ })
      .click();
    await admin
      .getByRole('status')
      .getByText('The user has been disabled and signed out.')
      .waitFor();
    await row(admin, DEMO.agency).locator('td[data-status="disabled"]').waitFor();

    await agency.goto('/contracts');
    await agency.waitForURL((url) => url.pathname === '/login');

    await row(admin, DEMO.agency)
      .getByRole('button', { name: /^Enable/ })
      .click();
    await admin.getByRole('status').getByText('The user has been enabled.').waitFor();
    await row(admin, DEMO.agency).locator('td[data-status="active"]').waitFor();
    await agency.context().close();
    await admin.context().close();
  });

  it('the last active customer admin cannot be disabled: the page says why', async () => {
    const page = await signedInPage(h, DEMO.admin);
    await page.goto('/admin/users');
    await row(page, DEMO.admin)
      .getByRole('button', { name: /^Disable/ })
      .click();
    await page
      .locator('#form-errors')
      .getByText(/last active customer admin/)
      .waitFor();
    await row(page, DEMO.admin).locator('td[data-status="active"]').waitFor();
    await page.context().close();
  });

  it('in Dutch, on a phone; no inline script or event handler (strict CSP)', async () => {
    const page = await signedInPage(h, DEMO.consultant, { locale: 'nl-NL', phone: true });
    await page.goto('/admin/users');
    await page.getByRole('heading', { name: 'Gebruikers', level: 1 }).waitFor();
    await page.getByRole('button', { name: 'Uitnodiging versturen', exact: true }).waitFor();
    await row(page, DEMO.candidate).getByText('Kandidaat', { exact: true }).waitFor();
    const inline = await page.evaluate(() => ({
      scripts: [...document.scripts].filter((s) => !s.src && s.type !== 'application/json').length,
      handlers: [...document.querySelectorAll('*')].filter((element) =>
        [...element.attributes].some((attribute) => attribute.name.startsWith('on')),
      ).length,
    }));
    expect(inline).toEqual({ scripts: 0, handlers: 0 });
    await screenshot(page, 'admin-users-phone-nl');
    await page.context().close();
  });

  it('pages through a long list, keeping the filter', async () => {
    const users = h.t.app.get(UsersAdminService);
    for (let i = 1; i <= 52; i++) {
      const n = String(i).padStart(2, '0');
      await users.create(
        { email: `bulk${n}@example.com`, displayName: `Bulk ${n}`, role: 'CANDIDATE' },
        'test',
      );
    }
    const page = await signedInPage(h, DEMO.admin);
    await page.goto('/admin/users?q=bulk');
    await page.getByText('52 in total.').waitFor();
    expect(await page.locator('#users-table tbody tr').count()).toBe(50);
    expect(await page.getByRole('link', { name: 'Previous page' }).count()).toBe(0);
    await page.getByRole('link', { name: 'Next page' }).click();
    await page.waitForURL(/page=2/);
    expect(new URL(page.url()).searchParams.get('q')).toBe('bulk');
    expect(await page.locator('#users-table tbody tr').count()).toBe(2);
    await row(page, 'bulk52@example.com').waitFor();
    expect(await page.getByRole('link', { name: 'Next page' }).count()).toBe(0);
    await page.getByRole('link', { name: 'Previous page' }).waitFor();
    await page.context().close();
  });

  it('other roles get 403 and no navigation entry; anonymous visitors go to the login page', async () => {
    const page = await signedInPage(h, DEMO.candidate);
    expect(await page.getByRole('link', { name: 'Users' }).count()).toBe(0);
    const response = await page.goto('/admin/users');
    expect(response?.status()).toBe(403);
    await page.context().close();
    const anonymous = await request(h.t.url).get('/admin/users').set('Accept', 'text/html');
    expect(anonymous.status).toBe(303);
    expect(anonymous.headers.location).toMatch(/^\/login/);
  });
});
