import request from 'supertest';
import { DEMO, login, withSession, type LoggedIn } from '../support/sessions.js';
import type { TestApp } from '../support/test-app.js';
import { useMaintenanceApp } from './support.js';
import { getSettings, HOUR, put, schedule } from '../support/maintenance.js';

const status = (t: TestApp, who?: LoggedIn) => {
  const call = request(t.url).get('/api/maintenance/status');
  return who ? call.set('Cookie', who.cookie) : call;
};
const ack = (t: TestApp, who: LoggedIn, body: Record<string, unknown> = {}) =>
  request(t.url).post('/api/maintenance/notice/ack').set(withSession(who)).send(body);

describe('status and the R9 notice (R8–R10)', () => {
  const { t, as: s } = useMaintenanceApp();

  it('says off when nothing is scheduled, to anybody', async () => {
    const response = await status(t);
    expect(response.status).toBe(200);
    expect(response.body).toMatchObject({
      state: 'off',
      startsAt: null,
      secondsUntilStart: null,
      noticeDue: false,
    });
  });

  it('R8/R10: gives everybody the start and the countdown; no notice while the start is more than 24 h away', async () => {
    const startsAt = await schedule(t, s.admin, 25 * HOUR, { message: 'Year-end closing' });
    for (const who of [s.agency, s.admin, undefined]) {
      const response = await status(t, who);
      expect(response.body).toMatchObject({
        state: 'scheduled',
        startsAt: startsAt.toISOString(),
        message: 'Year-end closing',
        noticeDue: false,
      });
      expect(response.body.secondsUntilStart).toBeGreaterThan(25 * 3600 - 5);
      expect(new Date(response.body.now).getTime()).toBeLessThanOrEqual(t.clock.now().getTime());
    }
    expect((await status(t, s.agency)).body.exempt).toBe(false);
    expect((await status(t, s.admin)).body.exempt).toBe(true);
  });

  it('R9: due for each regular user session once the start is at most 24 h away; not for exempt users or anonymous', async () => {
    await schedule(t, s.admin, 24 * HOUR);
    for (const who of [s.agency, s.client, s.candidate])
      expect((await status(t, who)).body.noticeDue).toBe(true);
    for (const who of [s.admin, s.consultant, undefined])
      expect((await status(t, who)).body.noticeDue).toBe(false);
  });

  it('R9: once closed it stays closed for that session (other tabs, reloads), not for another session; a moved start shows it again', async () => {
    const startsAt = await schedule(t, s.admin, 2 * HOUR);
    const otherSession = await login(t.url, DEMO.agency);
    expect((await ack(t, s.agency)).status).toBe(204);
    expect((await status(t, s.agency)).body.noticeDue).toBe(false);
    expect((await status(t, s.agency)).body.noticeDue).toBe(false);
    expect((await status(t, otherSession)).body.noticeDue).toBe(true);
    expect((await ack(t, s.agency)).status).toBe(204);

    const { version } = await getSettings(t, s.admin);
    const moved = new Date(startsAt.getTime() + HOUR);
    expect(
      (await put(t, s.admin, { enabled: true, startsAt: moved.toISOString(), version })).status,
    ).toBe(200);
    expect((await status(t, s.agency)).body.noticeDue).toBe(true);
    // A close for the old start (a page that had not yet heard of the move) does not hide the new one.
    expect((await ack(t, s.agency, { startsAt: startsAt.toISOString() })).status).toBe(204);
    expect((await status(t, s.agency)).body.noticeDue).toBe(true);
    expect((await ack(t, s.agency, { startsAt: moved.toISOString() })).status).toBe(204);
    expect((await status(t, s.agency)).body.noticeDue).toBe(false);
  });

  it('acknowledging needs a session and the CSRF token, and validates its body', async () => {
    await schedule(t, s.admin, 2 * HOUR);
    expect((await request(t.url).post('/api/maintenance/notice/ack').send({})).status).toBe(401);
    expect(
      (
        await request(t.url)
          .post('/api/maintenance/notice/ack')
          .set('Cookie', s.client.cookie)
          .send({})
      ).status,
    ).toBe(403);
    expect((await ack(t, s.client, { startsAt: 'now' })).status).toBe(400);
    expect((await ack(t, s.client, { other: 1 })).status).toBe(400);
    expect((await status(t, s.client)).body.noticeDue).toBe(true);
  });
});
