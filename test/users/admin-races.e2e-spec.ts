import request from 'supertest';
import { recordFigure } from '../security/figures.js';
import { startSmtpSink, type SmtpSink } from '../features/smtp-sink.js';
import { countRows } from '../support/fixtures.js';
import { DEMO, login, withSession, type LoggedIn } from '../support/sessions.js';
import { startTestApp, type TestApp } from '../support/test-app.js';
import { activate, activationLinkIn, untilMails, USERS } from './support.js';

/** Issue 16, items 1 and 5: concurrent admin changes never answer 500; disabling revokes invitations. */
describe('user administration under concurrency and re-enabling (issue 16)', () => {
  let t: TestApp;
  let sink: SmtpSink;
  /** Consultants administer users too, and are not among the admins changed here. */
  let actor: LoggedIn;

  beforeAll(async () => {
    sink = await startSmtpSink();
    t = await startTestApp({ env: { SMTP_HOST: '127.0.0.1', SMTP_PORT: String(sink.port) } });
    actor = await login(t.url, DEMO.consultant);
  });
  afterAll(async () => {
    await t.close();
    await sink.close();
  });

  const patch = (id: string, body: Record<string, unknown>) =>
    request(t.url).patch(`${USERS}/${id}`).set(withSession(actor)).send(body);

  it('item 1: four admins demoted or disabled at once, 10 rounds: only 200 or 409, one admin always stays', async () => {
    const admins = await Promise.all(
      [DEMO.admin, DEMO.agency, DEMO.candidate, DEMO.client].map(
        async (email) => (await login(t.url, email)).user.id,
      ),
    );
    const statuses: Record<number, number> = {};
    for (let round = 0; round < 10; round++) {
      await t.dataSource.query(
        `UPDATE users SET role = 'CUSTOMER_ADMIN', status = 'active', company_id = NULL WHERE id IN (${admins.map((id) => `'${id}'`).join(', ')})`,
      );
      const answers = await Promise.all(
        admins.map((id, i) => patch(id, i % 2 ? { status: 'disabled' } : { role: 'AGENCY_USER' })),
      );
      for (const answer of answers) statuses[answer.status] = (statuses[answer.status] ?? 0) + 1;
      expect(answers.map((answer) => answer.status).filter((s) => s !== 200 && s !== 409)).toEqual(
        [],
      );
      expect(await countRows(t, `users WHERE role = 'CUSTOMER_ADMIN' AND status = 'active'`)).toBe(
        1,
      );
    }
    recordFigure(
      'item 1: 4 admins changed at once × 10 rounds: answers by status',
      JSON.stringify(statuses),
    );
    expect(Object.keys(statuses).sort()).toEqual(['200', '409']);
    expect(statuses[200]).toBe(30);
  });

  it('item 5: disabling an invited user revokes the link; enabling does not bring it back', async () => {
    const before = sink.messages.length;
    const created = await request(t.url)
      .post(USERS)
      .set(withSession(actor))
      .send({ email: 'revoked@example.com', displayName: 'Re Voked', role: 'CANDIDATE' });
    expect(created.status).toBe(201);
    await untilMails(sink.messages, before + 1);
    const link = activationLinkIn(sink.messages[before]);
    expect((await patch(created.body.id, { status: 'disabled' })).status).toBe(200);
    const enabled = await patch(created.body.id, { status: 'active' });
    expect(enabled.body).toMatchObject({ status: 'invited', invitationExpiresAt: null });
    const old = await activate(t, link);
    expect(old.status).toBe(400);
    expect(old.body.errors).toEqual([expect.objectContaining({ field: 'token' })]);
    // A new invitation works as usual.
    const count = sink.messages.length;
    const again = await request(t.url)
      .post(`${USERS}/${created.body.id}/invitation`)
      .set(withSession(actor));
    expect(again.status).toBe(200);
    await untilMails(sink.messages, count + 1);
    expect((await activate(t, activationLinkIn(sink.messages[count]))).status).toBe(200);
  });
});
