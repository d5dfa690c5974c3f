import { DEMO, signedInPage, startHarness, type BrowserHarness } from './support.js';

describe('/admin/users page: companies and inviting a client into one (browser, issue 15)', () => {
  let h: BrowserHarness;
  beforeAll(async () => {
    h = await startHarness();
  });
  afterAll(async () => {
    await h.close();
  });

  it('the invitation form preselects no role: sent without one, the page names the field', async () => {
    const page = await signedInPage(h, DEMO.admin);
    await page.goto('/admin/users');
    const form = page.locator('form[aria-labelledby="users-invite"]');
    expect(await form.getByLabel('Role').inputValue()).toBe('');
    await form.getByLabel('E-mail address').fill('no.role@example.com');
    await form.getByLabel('Name', { exact: true }).fill('No Role');
    await form.getByRole('button', { name: 'Send invitation' }).click();
    await page.locator('#form-errors').getByText('role').waitFor();
    expect(await form.getByLabel('Role').inputValue()).toBe('');
    await page.context().close();
  });

  it('an admin creates a company, then invites a client into it', async () => {
    const page = await signedInPage(h, DEMO.consultant);
    await page.goto('/admin/users');
    const companies = page.locator('form[aria-labelledby="users-companies"]');
    await companies.getByLabel('Company name').fill('  Dijkstra Bouw B.V. ');
    await companies.getByRole('button', { name: 'Create company' }).click();
    await page.getByRole('status').getByText('The company has been created').waitFor();
    await page.locator('#companies-list').getByText('Dijkstra Bouw B.V.').waitFor();

    // The new company is offered in the invitation form; the role is still to be chosen.
    const form = page.locator('form[aria-labelledby="users-invite"]');
    const companyId = await form.getByLabel('Company (for a client)').inputValue();
    expect(
      await form.getByLabel('Company (for a client)').locator('option:checked').textContent(),
    ).toBe('Dijkstra Bouw B.V.');
    expect(await form.getByLabel('Role').inputValue()).toBe('');
    await form.getByLabel('E-mail address').fill('inge@dijkstra.example');
    await form.getByLabel('Name', { exact: true }).fill('Inge Dijkstra');
    await form.getByLabel('Role').selectOption('CLIENT');
    await form.getByRole('button', { name: 'Send invitation' }).click();
    await page.getByRole('status').getByText('The invitation has been sent.').waitFor();
    await page.locator('#users-table tr[data-user="inge@dijkstra.example"]').waitFor();
    const [user] = await h.t.dataSource.query(
      `SELECT role, company_id FROM users WHERE email = 'inge@dijkstra.example'`,
    );
    expect(user).toEqual({ role: 'CLIENT', company_id: companyId });
    await page.context().close();
  });

  it('a duplicate (in another case) or a blank name shows why, with the typed name kept', async () => {
    const page = await signedInPage(h, DEMO.admin);
    await page.goto('/admin/users');
    const companies = page.locator('form[aria-labelledby="users-companies"]');
    await companies.getByLabel('Company name').fill('dijkstra bouw b.v.');
    await companies.getByRole('button', { name: 'Create company' }).click();
    await page
      .locator('#form-errors')
      .getByText('A company with this name already exists.')
      .waitFor();
    expect(await companies.getByLabel('Company name').inputValue()).toBe('dijkstra bouw b.v.');
    await companies.getByLabel('Company name').fill('   ');
    await companies.getByRole('button', { name: 'Create company' }).click();
    // Each rule the blank name breaks is listed under the field's name.
    await page
      .locator('#form-errors .field-name', { hasText: /^name$/ })
      .first()
      .waitFor();
    await page.context().close();
  });
});
