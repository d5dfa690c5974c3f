import request from 'supertest';
import { DEMO_COMPANY_ID } from '../../src/users/identity.demo-seeder.js';
import { enterDowntime, expectRefusal, turnOff } from '../support/maintenance.js';
import { DEMO, login, withSession, type LoggedIn } from '../support/sessions.js';
import { startTestApp, type TestApp } from '../support/test-app.js';
import { USERS } from '../users/support.js';

const COMPANIES = '/api/admin/companies';

describe('Company administration API (/api/admin/companies, issue 15)', () => {
  let t: TestApp;
  let admin: LoggedIn;
  let consultant: LoggedIn;

  beforeAll(async () => {
    t = await startTestApp();
    admin = await login(t.url, DEMO.admin);
    consultant = await login(t.url, DEMO.consultant);
  });
  afterAll(async () => {
    await t.close();
  });

  const create = (who: LoggedIn, body: unknown) =>
    request(t.url)
      .post(COMPANIES)
      .set(withSession(who))
      .send(body as object);
  const patch = (who: LoggedIn, id: string, body: unknown) =>
    request(t.url)
      .patch(`${COMPANIES}/${id}`)
      .set(withSession(who))
      .send(body as object);
  const inviteClient = (companyId?: string) =>
    request(t.url)
      .post(USERS)
      .set(withSession(admin))
      .send({
        email: `client-${Math.random().toString(36).slice(2)}@example.com`,
        displayName: 'A Client',
        role: 'CLIENT',
        ...(companyId ? { companyId } : {}),
      });

  it('R1: anonymous gets 401, agency users, clients and candidates 403', async () => {
    expect((await request(t.url).get(COMPANIES)).status).toBe(401);
    for (const who of [DEMO.agency, DEMO.client, DEMO.candidate]) {
      const session = await login(t.url, who);
      expect((await request(t.url).get(COMPANIES).set('Cookie', session.cookie)).status).toBe(403);
      expect((await create(session, { name: 'Sneaky B.V.' })).status).toBe(403);
      expect((await patch(session, DEMO_COMPANY_ID, { name: 'Mine' })).status).toBe(403);
    }
  });

  it('creates a company: 201 with its id, the name trimmed, active; listed; one log line with the actor', async () => {
    const response = await create(admin, { name: '  Zephyr Staffing B.V.  ' });
    expect(response.status).toBe(201);
    expect(response.body).toEqual({
      id: expect.stringMatching(/^[0-9a-f-]{36}$/),
      name: 'Zephyr Staffing B.V.',
      active: true,
      createdAt: expect.any(String),
    });
    const list = await request(t.url).get(COMPANIES).set('Cookie', consultant.cookie);
    expect(list.status).toBe(200);
    expect(list.body.items.map((company: { name: string }) => company.name)).toEqual([
      'Acme Logistics',
      'Bolt Engineering',
      'Canal Care',
      'Zephyr Staffing B.V.',
    ]);
    expect(list.body.total).toBe(4);
    const logged = t.logs.find((line) => line.event === 'company.created');
    expect(logged).toMatchObject({ actor: DEMO.admin, companyId: response.body.id });
  });

  it.each([
    ['missing', {}, 'is required'],
    ['empty', { name: '' }, 'is required'],
    ['blank', { name: '   ' }, 'is required'],
    ['too long', { name: 'x'.repeat(201) }, 'must be at most 200 characters long'],
    ['a tab', { name: 'Acme\tTwo' }, 'must not contain control characters'],
    ['a line break', { name: 'Acme\nTwo' }, 'must not contain control characters'],
    ['a C1 control', { name: 'Acme\u0085Two' }, 'must not contain control characters'],
    ['a number', { name: 42 }, 'must be a string'],
    ['an operator object', { name: { $gt: '' } }, 'must be a string'],
    ['an array', { name: ['Acme'] }, 'must be a string'],
  ])(
    'refuses a name that is %s: 400 problem+json naming the field',
    async (_case, body, reason) => {
      const response = await create(admin, body);
      expect(response.status).toBe(400);
      expect(response.headers['content-type']).toMatch(/^application\/problem\+json/);
      expect(response.body.errors).toContainEqual({ field: 'name', reason });
    },
  );

  it('refuses unknown fields, hostile bodies and a NUL, and creates nothing', async () => {
    const before = (await request(t.url).get(COMPANIES).set('Cookie', admin.cookie)).body.total;
    const extra = await create(admin, { name: 'Extra B.V.', active: false });
    expect(extra.status).toBe(400);
    expect(extra.body.errors).toContainEqual(expect.objectContaining({ field: 'active' }));
    const proto = await request(t.url)
      .post(COMPANIES)
      .set(withSession(admin))
      .set('Content-Type', 'application/json')
      .send('{"name":"Proto B.V.","__proto__":{"admin":true}}');
    expect(proto.status).toBe(400);
    expect((await create(admin, { name: 'Nul\u0000 B.V.' })).status).toBe(400);
    const after = (await request(t.url).get(COMPANIES).set('Cookie', admin.cookie)).body.total;
    expect(after).toBe(before);
  });

  it('names are unique whatever their case: 409 naming the field', async () => {
    const taken = await create(consultant, { name: 'ACME LOGISTICS' });
    expect(taken.status).toBe(409);
    expect(taken.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(taken.body).toMatchObject({ status: 409, field: 'name' });
  });

  it('concurrent creates of one name: exactly one 201, the others 409', async () => {
    const responses = await Promise.all(
      ['Race B.V.', 'race b.v.', 'RACE B.V.', 'Race B.V.'].map((name) => create(admin, { name })),
    );
    expect(responses.map((response) => response.status).sort()).toEqual([201, 409, 409, 409]);
  });

  it('renames (also in another case of its own name); a name of another company is 409', async () => {
    const { body: company } = await create(admin, { name: 'Rename Me' });
    const renamed = await patch(admin, company.id, { name: 'Renamed B.V.' });
    expect(renamed.status).toBe(200);
    expect(renamed.body).toMatchObject({ id: company.id, name: 'Renamed B.V.', active: true });
    expect((await patch(admin, company.id, { name: 'RENAMED b.v.' })).status).toBe(200);
    const taken = await patch(admin, company.id, { name: 'bolt engineering' });
    expect(taken.status).toBe(409);
    expect(taken.body.field).toBe('name');
    expect((await patch(admin, company.id, { name: ' ' })).status).toBe(400);
    expect((await patch(admin, company.id, { active: 'no' })).status).toBe(400);
  });

  it('a bad id is 400 naming it, an unknown one 404', async () => {
    const bad = await patch(admin, 'not-a-uuid', { name: 'X' });
    expect(bad.status).toBe(400);
    expect(bad.body.errors).toContainEqual(expect.objectContaining({ field: 'id' }));
    const unknown = await patch(admin, '00000000-0000-4000-8000-00000000ffff', { name: 'X' });
    expect(unknown.status).toBe(404);
  });

  it('deactivating a company with active users or open contracts is 409 naming them', async () => {
    const refused = await patch(admin, DEMO_COMPANY_ID, { active: false });
    expect(refused.status).toBe(409);
    expect(refused.body.detail).toBe(
      'This company still has 1 active or invited user and 2 open contracts; disable the users and end the contracts first.',
    );
    const { body: company } = await create(admin, { name: 'Has A Client B.V.' });
    expect((await inviteClient(company.id)).status).toBe(201);
    const withInvited = await patch(admin, company.id, { active: false });
    expect(withInvited.status).toBe(409);
    expect(withInvited.body.detail).toContain('1 active or invited user');
  });

  it('a CLIENT needs a company, and an active one: inviting into a deactivated company is refused', async () => {
    const without = await inviteClient();
    expect(without.status).toBe(400);
    expect(without.body.errors).toContainEqual({
      field: 'companyId',
      reason: 'is required for a CLIENT',
    });
    const { body: company } = await create(admin, { name: 'Onboarding B.V.' });
    const deactivated = await patch(consultant, company.id, { active: false });
    expect(deactivated.status).toBe(200);
    expect(deactivated.body.active).toBe(false);
    const refused = await inviteClient(company.id);
    expect(refused.status).toBe(400);
    expect(refused.body.errors).toContainEqual({
      field: 'companyId',
      reason: 'is a deactivated company',
    });
    expect((await patch(consultant, company.id, { active: true })).status).toBe(200);
    const invited = await inviteClient(company.id);
    expect(invited.status).toBe(201);
    expect(invited.body).toMatchObject({ role: 'CLIENT', companyId: company.id });
  });

  it('during downtime: exempt-only — the admin keeps working, the others are refused', async () => {
    const agency = await login(t.url, DEMO.agency);
    await enterDowntime(t);
    expect((await request(t.url).get(COMPANIES).set('Cookie', admin.cookie)).status).toBe(200);
    expectRefusal(await request(t.url).get(COMPANIES).set('Cookie', agency.cookie));
    await turnOff(t);
  });
});
