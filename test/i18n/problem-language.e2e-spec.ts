import request from 'supertest';
import { DEMO, login, withSession } from '../support/sessions.js';
import { startTestApp, type TestApp } from '../support/test-app.js';

const HOUR = 3_600_000;

/** SPEC §6: messages in Dutch and English (Accept-Language, then DEFAULT_LANGUAGE). */
describe('maintenance messages in the client’s language', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await startTestApp({ env: { DEFAULT_LANGUAGE: 'en' } });
  });
  afterAll(async () => {
    await t.close();
  });

  it('answers a too-early start in Dutch or English, naming the same field', async () => {
    const admin = await login(t.url, DEMO.admin);
    const body = {
      enabled: true,
      startsAt: new Date(t.clock.now().getTime() + 60_000).toISOString(),
      version: 0,
    };
    const dutch = await request(t.url)
      .put('/api/admin/connect/settings/maintenance')
      .set(withSession(admin))
      .set('Accept-Language', 'nl-NL,nl;q=0.9,en;q=0.5')
      .send(body);
    expect(dutch.status).toBe(400);
    expect(dutch.body.errors).toEqual([
      { field: 'startsAt', reason: expect.stringMatching(/^moet minstens 10 minuten/) },
    ]);
    const english = await request(t.url)
      .put('/api/admin/connect/settings/maintenance')
      .set(withSession(admin))
      .send(body);
    expect(english.body.errors).toEqual([
      { field: 'startsAt', reason: expect.stringMatching(/^must be at least 10 minutes/) },
    ]);
  });

  it('refuses a regular user during downtime in the language asked for (R17)', async () => {
    const admin = await login(t.url, DEMO.admin);
    const agency = await login(t.url, DEMO.agency);
    const startsAt = new Date(t.clock.now().getTime() + HOUR);
    const scheduled = await request(t.url)
      .put('/api/admin/connect/settings/maintenance')
      .set(withSession(admin))
      .send({ enabled: true, startsAt: startsAt.toISOString(), version: 0 });
    expect(scheduled.status).toBe(200);
    t.clock.set(new Date(startsAt.getTime() + 1000));

    const dutch = await request(t.url)
      .get('/api/contracts')
      .set('Cookie', agency.cookie)
      .set('Accept-Language', 'nl');
    expect(dutch.status).toBe(503);
    expect(dutch.body).toMatchObject({
      title: 'Niet beschikbaar wegens onderhoud',
      startsAt: startsAt.toISOString(),
    });
    expect(dutch.body.detail).toMatch(/niet beschikbaar wegens onderhoud/);

    const english = await request(t.url)
      .get('/api/contracts')
      .set('Cookie', agency.cookie)
      .set('Accept-Language', 'de, en;q=0.8');
    expect(english.body.title).toBe('Service unavailable for maintenance');
    const fallback = await request(t.url)
      .get('/api/contracts')
      .set('Cookie', agency.cookie)
      .set('Accept-Language', 'fr');
    expect(fallback.body.title).toBe('Service unavailable for maintenance');
  });
});
