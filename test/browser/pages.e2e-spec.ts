import { type Page } from 'playwright-core';
import request from 'supertest';
import {
  DEMO,
  fillLoginForm,
  newContext,
  signIn,
  signedInPage,
  startHarness,
  type BrowserHarness,
} from './support.js';

describe('pages (browser)', () => {
  let h: BrowserHarness;
  beforeAll(async () => {
    h = await startHarness();
  });
  afterAll(async () => {
    await h.close();
  });

  it('signs in through the login page and shows the start page with the modules', async () => {
    const page = await signedInPage(h, DEMO.agency);
    await expectHeading(page, 'Welcome, Anna Agency');
    const nav = page.getByRole('navigation', { name: 'Modules' });
    await nav.getByRole('link', { name: 'Contracts' }).waitFor();
    expect(await nav.getByRole('link', { name: 'Maintenance settings' }).count()).toBe(0);
    await page.context().close();
  });

  it('shows the ordinary error for wrong credentials', async () => {
    const context = await newContext(h);
    const page = await context.newPage();
    await signIn(page, DEMO.agency, 'wrong-password');
    await page
      .getByRole('alert')
      .getByText('The e-mail address or password is incorrect.')
      .waitFor();
    expect(new URL(page.url()).pathname).toBe('/login');
    await context.close();
  });

  it('sends an anonymous visitor of a signed-in page to the login page and back after sign-in', async () => {
    const context = await newContext(h);
    const page = await context.newPage();
    await page.goto('/contracts');
    expect(new URL(page.url()).pathname).toBe('/login');
    await fillLoginForm(page, DEMO.admin);
    await page.waitForURL((url) => url.pathname === '/contracts');
    await context.close();
  });

  it('speaks Dutch when the browser asks for it', async () => {
    const context = await newContext(h, { locale: 'nl-NL' });
    const page = await context.newPage();
    await page.goto('/login');
    await expectHeading(page, 'Aanmelden');
    expect(await page.getAttribute('html', 'lang')).toBe('nl');
    await context.close();
  });

  it('renders an HTML error page for an unknown page', async () => {
    const context = await newContext(h);
    const page = await context.newPage();
    await signIn(page, DEMO.admin);
    await page.waitForURL((url) => url.pathname === '/');
    const response = await page.goto('/no-such-page');
    expect(response?.status()).toBe(404);
    await page.getByText('This page does not exist.').waitFor();
    await context.close();
  });

  it('keeps the API answering problem+json', async () => {
    const response = await request(h.t.url).get('/api/auth/me');
    expect(response.status).toBe(401);
    expect(response.headers['content-type']).toContain('application/problem+json');
  });
});

async function expectHeading(page: Page, name: string): Promise<void> {
  await page.getByRole('heading', { level: 1, name }).waitFor();
}
