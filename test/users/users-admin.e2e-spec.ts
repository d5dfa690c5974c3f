import request from 'supertest';
import { DEMO_COMPANY_ID } from '../../src/users/identity.demo-seeder.js';
import { startSmtpSink, type SmtpSink } from '../features/smtp-sink.js';
import { countRows } from '../support/fixtures.js';
import { enterDowntime, expectRefusal, turnOff } from '../support/maintenance.js';
import { DEMO, login, withSession, type LoggedIn } from '../support/sessions.js';
import { startTestApp, type TestApp } from '../support/test-app.js';
import { activate, activationLinkIn, untilMails, userLogLines, USERS } from './support.js';

const PUBLIC_URL = 'https://staffing.example.test';

describe('User administration API (/api/admin/users)', () => {
  let t: TestApp;
  let sink: SmtpSink;
  let admin: LoggedIn;
  let consultant: LoggedIn;

  beforeAll(async () => {
    sink = await startSmtpSink();
    t = await startTestApp({
      env: { SMTP_HOST: '127.0.0.1', SMTP_PORT: String(sink.port), PUBLIC_URL },
    });
    admin = await login(t.url, DEMO.admin);
    consultant = await login(t.url, DEMO.consultant);
  });
  afterAll(async () => {
    await t.close();
    await sink.close();
  });

  const create = (who: LoggedIn, body: Record<string, unknown>) =>
    request(t.url).post(USERS).set(withSession(who)).send(body);
  const patch = (who: LoggedIn, id: string, body: Record<string, unknown>) =>
    request(t.url).patch(`${USERS}/${id}`).set(withSession(who)).send(body);

  it('R1: anonymous gets 401, the other roles 403', async () => {
    expect((await request(t.url).get(USERS)).status).toBe(401);
    for (const who of [DEMO.agency, DEMO.client, DEMO.candidate]) {
      const session = await login(t.url, who);
      expect((await request(t.url).get(USERS).set('Cookie', session.cookie)).status).toBe(403);
      expect(
        (await create(session, { email: 'x@example.com', displayName: 'X', role: 'CANDIDATE' }))
          .status,
      ).toBe(403);
    }
  });

  it('invites a user: 201, an e-mail over SMTP whose link activates the account, one log line with the actor', async () => {
    const before = sink.messages.length;
    const response = await create(admin, {
      email: 'Noor@Example.com',
      displayName: 'Noor de Vries',
      role: 'AGENCY_USER',
    });
    expect(response.status).toBe(201);
    expect(response.body).toMatchObject({
      email: 'noor@example.com',
      displayName: 'Noor de Vries',
      role: 'AGENCY_USER',
      status: 'invited',
      companyId: null,
    });
    expect(JSON.stringify(response.body)).not.toMatch(/token|hash/i);
    await untilMails(sink.messages, before + 1);
    const mail = sink.messages[before];
    expect(mail.to).toEqual(['noor@example.com']);
    const link = activationLinkIn(mail);
    expect(link.origin + link.pathname).toBe(`${PUBLIC_URL}/activate`);
    expect((await activate(t, link)).status).toBe(200);
    const session = await login(t.url, 'noor@example.com', 'a-long-new-password');
    expect(session.user.role).toBe('AGENCY_USER');
    expect(userLogLines(t, 'user.created')).toEqual([
      expect.objectContaining({
        userId: response.body.id,
        actor: DEMO.admin,
        details: expect.objectContaining({
          role: 'AGENCY_USER',
          invitation: expect.objectContaining({ mailed: true }),
        }),
      }),
    ]);
    // One change, one line: the invitation is part of the creation.
    expect(userLogLines(t, 'user.invited')).toEqual([]);
  });

  it('409 for an e-mail already used (in any case), 400 for an unknown role, a CLIENT without a company, bad input; nothing changes', async () => {
    const users = await countRows(t, 'users');
    const taken = await create(consultant, {
      email: 'ADMIN@demo.test',
      displayName: 'Twin',
      role: 'CONSULTANT',
    });
    expect(taken.status).toBe(409);
    expect(taken.headers['content-type']).toMatch(/^application\/problem\+json/);
    const cases: Array<[Record<string, unknown>, string]> = [
      [{ email: 'a@example.com', displayName: 'A', role: 'KING' }, 'role'],
      [{ email: 'a@example.com', displayName: 'A', role: 'CLIENT' }, 'companyId'],
      [
        {
          email: 'a@example.com',
          displayName: 'A',
          role: 'CLIENT',
          companyId: '00000000-0000-4000-8000-00000000ffff',
        },
        'companyId',
      ],
      [{ email: 'not-an-email', displayName: 'A', role: 'CANDIDATE' }, 'email'],
      [{ email: 'a@example.com', displayName: '', role: 'CANDIDATE' }, 'displayName'],
      [
        { email: 'a@example.com', displayName: 'A', role: 'CANDIDATE', passwordHash: 'x' },
        'passwordHash',
      ],
    ];
    for (const [body, field] of cases) {
      const response = await create(admin, body);
      expect(response.status).toBe(400);
      expect(response.headers['content-type']).toMatch(/^application\/problem\+json/);
      expect(response.body.errors).toContainEqual(expect.objectContaining({ field }));
    }
    expect(await countRows(t, 'users')).toBe(users);
    const client = await create(admin, {
      email: 'c2@example.com',
      displayName: 'C',
      role: 'CLIENT',
      companyId: DEMO_COMPANY_ID,
    });
    expect(client.status).toBe(201);
    expect(client.body.companyId).toBe(DEMO_COMPANY_ID);
  });

  it('GET lists with filters and paging, never a hash or a token; bad parameters get 400', async () => {
    const all = await request(t.url)
      .get(USERS)
      .query({ pageSize: 100 })
      .set('Cookie', admin.cookie);
    expect(all.status).toBe(200);
    expect(all.body.total).toBe(all.body.items.length);
    expect(JSON.stringify(all.body)).not.toMatch(/passwordHash|activationToken|\$argon2/);
    const invited = await request(t.url)
      .get(USERS)
      .query({ status: 'invited' })
      .set('Cookie', admin.cookie);
    expect(invited.body.items.length).toBeGreaterThan(0);
    expect(invited.body.items.every((u: { status: string }) => u.status === 'invited')).toBe(true);
    const byRole = await request(t.url)
      .get(USERS)
      .query({ role: 'CLIENT' })
      .set('Cookie', admin.cookie);
    expect(byRole.body.items.map((u: { role: string }) => u.role)).toEqual(
      byRole.body.items.map(() => 'CLIENT'),
    );
    const search = await request(t.url).get(USERS).query({ q: 'ADA' }).set('Cookie', admin.cookie);
    expect(search.body.items.map((u: { email: string }) => u.email)).toEqual([DEMO.admin]);
    const wildcard = await request(t.url).get(USERS).query({ q: '%' }).set('Cookie', admin.cookie);
    expect(wildcard.body.total).toBe(0);
    const page = await request(t.url)
      .get(USERS)
      .query({ page: 2, pageSize: 2 })
      .set('Cookie', admin.cookie);
    expect(page.body.items).toEqual(all.body.items.slice(2, 4));
    for (const [query, field] of [
      [{ page: 0 }, 'page'],
      [{ pageSize: 101 }, 'pageSize'],
      [{ role: 'KING' }, 'role'],
      [{ status: 'gone' }, 'status'],
      [{ q: 'x'.repeat(201) }, 'q'],
    ] as const) {
      const response = await request(t.url).get(USERS).query(query).set('Cookie', admin.cookie);
      expect(response.status).toBe(400);
      expect(response.body.errors).toContainEqual(expect.objectContaining({ field }));
    }
  });

  it('disabling ends the sessions at once (next request 401) and the login; enabling lets the user sign in again', async () => {
    const agency = await login(t.url, DEMO.agency);
    expect((await request(t.url).get('/api/auth/me').set('Cookie', agency.cookie)).status).toBe(
      200,
    );
    const disabled = await patch(admin, agency.user.id, { status: 'disabled' });
    expect(disabled.status).toBe(200);
    expect(disabled.body.status).toBe('disabled');
    expect((await request(t.url).get('/api/auth/me').set('Cookie', agency.cookie)).status).toBe(
      401,
    );
    expect(await countRows(t, `sessions WHERE user_id = '${agency.user.id}'`)).toBe(0);
    await expect(login(t.url, DEMO.agency)).rejects.toThrow(/401/);
    expect(userLogLines(t, 'user.updated')).toContainEqual(
      expect.objectContaining({
        userId: agency.user.id,
        actor: DEMO.admin,
        details: { old: { status: 'active' }, new: { status: 'disabled' } },
      }),
    );
    expect((await patch(admin, agency.user.id, { status: 'active' })).body.status).toBe('active');
    await login(t.url, DEMO.agency);
  });

  it('the last active customer admin cannot be disabled or demoted (409); with a second admin it can', async () => {
    const adminId = admin.user.id;
    for (const body of [{ status: 'disabled' }, { role: 'CONSULTANT' }]) {
      const response = await patch(consultant, adminId, body);
      expect(response.status).toBe(409);
      expect(response.headers['content-type']).toMatch(/^application\/problem\+json/);
    }
    expect((await request(t.url).get('/api/auth/me').set('Cookie', admin.cookie)).body.role).toBe(
      'CUSTOMER_ADMIN',
    );
    const promoted = await patch(admin, consultant.user.id, { role: 'CUSTOMER_ADMIN' });
    expect(promoted.status).toBe(200);
    // Concurrently demoting both admins: at most one may succeed.
    const [a, b] = await Promise.all([
      patch(admin, adminId, { role: 'CONSULTANT' }),
      patch(admin, consultant.user.id, { role: 'CONSULTANT' }),
    ]);
    expect([a.status, b.status].sort()).toEqual([200, 409]);
    const admins = await request(t.url)
      .get(USERS)
      .query({ role: 'CUSTOMER_ADMIN', status: 'active' })
      .set('Cookie', consultant.cookie);
    expect(admins.body.total).toBe(1);
    // Back to the demo roles for the tests after this one.
    const demoted = a.status === 200 ? adminId : consultant.user.id;
    expect((await patch(consultant, demoted, { role: 'CUSTOMER_ADMIN' })).status).toBe(200);
    expect((await patch(admin, consultant.user.id, { role: 'CONSULTANT' })).status).toBe(200);
  });

  it('PATCH: 404 for an unknown user, 400 for a bad id or field, 409 for enabling an invited user', async () => {
    expect(
      (await patch(admin, '00000000-0000-4000-8000-00000000dead', { displayName: 'X' })).status,
    ).toBe(404);
    const badId = await patch(admin, 'nope', { displayName: 'X' });
    expect(badId.status).toBe(400);
    expect(badId.body.errors).toContainEqual(expect.objectContaining({ field: 'id' }));
    const invited = (
      await request(t.url).get(USERS).query({ q: 'invited@demo.test' }).set('Cookie', admin.cookie)
    ).body.items[0];
    expect((await patch(admin, invited.id, { status: 'active' })).status).toBe(409);
    expect((await patch(admin, invited.id, { status: 'gone' })).status).toBe(400);
    expect((await patch(admin, invited.id, { role: 'CLIENT' })).status).toBe(400);
    const renamed = await patch(admin, invited.id, { displayName: 'Ivo Invited-Renamed' });
    expect(renamed.body).toMatchObject({ displayName: 'Ivo Invited-Renamed', status: 'invited' });
  });

  it('POST :id/invitation sends a new link; the old token stops working; 409 for an active user', async () => {
    const before = sink.messages.length;
    const created = await create(admin, {
      email: 'resend@example.com',
      displayName: 'Re Send',
      role: 'CANDIDATE',
    });
    await untilMails(sink.messages, before + 1);
    const first = sink.messages[before];
    const count = sink.messages.length;
    const again = await request(t.url)
      .post(`${USERS}/${created.body.id}/invitation`)
      .set(withSession(consultant));
    expect(again.status).toBe(200);
    expect(userLogLines(t, 'user.invited')).toEqual([
      expect.objectContaining({
        userId: created.body.id,
        actor: DEMO.consultant,
        details: { invitation: expect.objectContaining({ mailed: true }) },
      }),
    ]);
    await untilMails(sink.messages, count + 1);
    const second = sink.messages[count];
    expect(activationLinkIn(second).toString()).not.toBe(activationLinkIn(first).toString());
    const old = await activate(t, activationLinkIn(first));
    expect(old.status).toBe(400);
    expect((await activate(t, activationLinkIn(second))).status).toBe(200);
    const active = await request(t.url)
      .post(`${USERS}/${created.body.id}/invitation`)
      .set(withSession(admin));
    expect(active.status).toBe(409);
  });

  it('during downtime: exempt-only — the admin keeps working, the others are refused', async () => {
    const agency = await login(t.url, DEMO.agency);
    await enterDowntime(t);
    expect((await request(t.url).get(USERS).set('Cookie', admin.cookie)).status).toBe(200);
    expectRefusal(await request(t.url).get(USERS).set('Cookie', agency.cookie));
    expectRefusal(await request(t.url).get(USERS));
    await turnOff(t);
  });
});
