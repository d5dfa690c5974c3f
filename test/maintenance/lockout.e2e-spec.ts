import request from 'supertest';
import { attemptLogin, useSignedInApp } from '../support/fixtures.js';
import { bearer, DEMO, login, withSession } from '../support/sessions.js';
import { hits, LONG_SESSIONS, MaintenanceProbeModule, resetHits } from './support.js';
import { getSettings, HOUR, put, schedule, turnOff } from '../support/maintenance.js';

const RFC3339_UTC = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?Z$/;

describe('the lockout (R7, R11–R14, R16, R17, R20)', () => {
  const { t, as: s } = useSignedInApp({ env: LONG_SESSIONS, imports: [MaintenanceProbeModule] });
  let startsAt: Date;

  describe('off', () => {
    it('sends no maintenance headers', async () => {
      const response = await request(t.url).get('/api/auth/me').set('Cookie', s.agency.cookie);
      expect(response.status).toBe(200);
      expect(response.headers['maintenance-starts-at']).toBeUndefined();
      expect(response.headers['maintenance-countdown']).toBeUndefined();
    });
  });

  describe('scheduled', () => {
    beforeAll(async () => {
      startsAt = await schedule(t, s.admin, HOUR, { message: 'Year-end closing' });
      resetHits();
    });

    it('R7: everybody keeps working until the start instant (seconds before it)', async () => {
      // The adjustable clock runs on in real time, so stay a few seconds clear of the start (the ms boundary is unit-tested).
      t.clock.set(new Date(startsAt.getTime() - 5_000));
      for (const who of [s.agency, s.client, s.candidate]) {
        expect(
          (await request(t.url).get('/api/mprobe/locked').set('Cookie', who.cookie)).status,
        ).toBe(200);
        expect(
          (await request(t.url).post('/api/mprobe/locked').set(withSession(who)).send({})).status,
        ).toBe(200);
      }
      expect((await request(t.url).get('/mprobe/page').set('Cookie', s.client.cookie)).status).toBe(
        200,
      );
      expect(
        (await request(t.url).post('/api/mprobe/third-party').set(bearer('demo-third-party-token')))
          .status,
      ).toBe(202);
      expect(hits.locked).toBe(6);
      t.clock.set(new Date(startsAt.getTime() - HOUR / 2));
    });

    it('R11: every routed response carries the start (RFC 3339 UTC) and the whole-second countdown, validation and handler errors included', async () => {
      t.clock.set(new Date(startsAt.getTime() - 90_500));
      const responses = await Promise.all([
        request(t.url).get('/api/auth/me').set('Cookie', s.agency.cookie),
        request(t.url).post('/api/auth/login').send({ email: 'nobody' }),
        request(t.url)
          .get('/api/contracts/00000000-0000-4000-8000-00000000ffff')
          .set('Cookie', s.agency.cookie),
        request(t.url).get('/health'),
        request(t.url).get('/api/maintenance/status'),
      ]);
      for (const response of responses) {
        expect(response.headers['maintenance-starts-at']).toBe(startsAt.toISOString());
        expect(response.headers['maintenance-starts-at']).toMatch(RFC3339_UTC);
        expect(Number(response.headers['maintenance-countdown'])).toBeGreaterThanOrEqual(90);
        expect(Number(response.headers['maintenance-countdown'])).toBeLessThanOrEqual(92);
      }
      expect(responses.map((r) => r.status)).toEqual([200, 400, 404, 200, 200]);
    });

    it('R11: what no handler is reached for goes without (unknown routes, refusals of later guards, CORS preflights)', async () => {
      // The interceptor runs only for routed requests that passed every guard (see README).
      const responses = await Promise.all([
        request(t.url).get('/api/no-such-route'),
        request(t.url).get('/api/auth/me'),
        request(t.url)
          .options('/api/contracts')
          .set('Origin', 'https://partner.example')
          .set('Access-Control-Request-Method', 'POST'),
      ]);
      expect(responses.map((r) => r.status)).toEqual([404, 401, 204]);
      for (const response of responses) {
        expect(response.headers['maintenance-starts-at']).toBeUndefined();
      }
    });

    it('R11: exposes the headers to CORS clients', async () => {
      const response = await request(t.url).get('/health').set('Origin', 'https://partner.example');
      expect(response.headers['access-control-expose-headers']).toContain('Maintenance-Starts-At');
      expect(response.headers['access-control-expose-headers']).toContain('Maintenance-Countdown');
    });
  });

  describe('active', () => {
    beforeAll(() => {
      t.clock.set(startsAt);
      resetHits();
    });

    it('R14: a signed-in regular user is stopped at the next API request, read or write, and nothing runs', async () => {
      for (const who of [s.agency, s.client, s.candidate]) {
        const read = await request(t.url).get('/api/auth/me').set('Cookie', who.cookie);
        expect(read.status).toBe(503);
        const write = await request(t.url)
          .post('/api/mprobe/locked')
          .set(withSession(who))
          .send({ save: 'me' });
        expect(write.status).toBe(503);
        const probe = await request(t.url).get('/api/mprobe/locked').set('Cookie', who.cookie);
        expect(probe.status).toBe(503);
      }
      expect(hits.locked).toBe(0);
    });

    it('R14: a page request is redirected (303) to the maintenance page', async () => {
      for (const who of [s.agency, s.client, s.candidate]) {
        const response = await request(t.url)
          .get('/mprobe/page')
          .set('Cookie', who.cookie)
          .redirects(0);
        expect(response.status).toBe(303);
        expect(response.headers.location).toBe('/maintenance');
        expect(response.headers['maintenance-countdown']).toBe('0');
      }
      const anonymous = await request(t.url).get('/mprobe/page').redirects(0);
      expect(anonymous.status).toBe(303);
      expect(hits.page).toBe(0);
    });

    it('R17: the refusal is problem+json with startsAt, Retry-After (default) and Cache-Control: no-store, plus the R11 headers', async () => {
      const response = await request(t.url).get('/api/auth/me').set('Cookie', s.agency.cookie);
      expect(response.status).toBe(503);
      expect(response.headers['content-type']).toContain('application/problem+json');
      expect(response.body).toMatchObject({
        type: expect.any(String),
        title: expect.any(String),
        status: 503,
        detail: expect.any(String),
        startsAt: startsAt.toISOString(),
      });
      expect(response.headers['retry-after']).toBe(
        String(t.config.MAINTENANCE_DEFAULT_RETRY_AFTER_SECONDS),
      );
      expect(response.headers['cache-control']).toBe('no-store');
      expect(response.headers['maintenance-starts-at']).toBe(startsAt.toISOString());
      expect(response.headers['maintenance-countdown']).toBe('0');
    });

    it('R17: Retry-After counts down to the expected end when one is set', async () => {
      const { version } = await getSettings(t, s.admin);
      const end = new Date(t.clock.now().getTime() + 2 * HOUR);
      expect(
        (await put(t, s.admin, { enabled: true, expectedEndAt: end.toISOString(), version }))
          .status,
      ).toBe(200);
      const response = await request(t.url).get('/api/auth/me').set('Cookie', s.client.cookie);
      expect(response.status).toBe(503);
      expect(Number(response.headers['retry-after'])).toBeGreaterThan(2 * 3600 - 5);
      expect(Number(response.headers['retry-after'])).toBeLessThanOrEqual(2 * 3600);
      expect(response.body.expectedEndAt).toBe(end.toISOString());
    });

    it('anonymous requests to locked routes get the same refusal; third-party links too (R18), the back office works', async () => {
      expect((await request(t.url).get('/api/auth/me')).status).toBe(503);
      expect((await request(t.url).get('/api/mprobe/locked')).status).toBe(503);
      const thirdParty = await request(t.url)
        .post('/api/mprobe/third-party')
        .set(bearer('demo-third-party-token'))
        .send({});
      expect(thirdParty.status).toBe(503);
      expect(thirdParty.headers['content-type']).toContain('application/problem+json');
      expect(
        (
          await request(t.url)
            .post('/api/mprobe/backoffice')
            .set(bearer('demo-backoffice-token'))
            .send({})
        ).status,
      ).toBe(202);
      expect(hits).toMatchObject({ locked: 0, thirdParty: 0, backoffice: 1 });
    });

    it('R16: exempt users work normally, read and write', async () => {
      for (const who of [s.admin, s.consultant]) {
        expect((await request(t.url).get('/api/auth/me').set('Cookie', who.cookie)).status).toBe(
          200,
        );
        expect(
          (await request(t.url).post('/api/mprobe/locked').set(withSession(who)).send({})).status,
        ).toBe(200);
        expect(
          (await request(t.url).get('/mprobe/page').set('Cookie', who.cookie).redirects(0)).status,
        ).toBe(200);
        const status = await request(t.url)
          .get('/api/maintenance/status')
          .set('Cookie', who.cookie);
        expect(status.body).toMatchObject({ state: 'active', exempt: true, secondsUntilStart: 0 });
      }
      expect(hits.locked).toBe(2);
      expect((await login(t.url, DEMO.admin)).user.role).toBe('CUSTOMER_ADMIN');
    });

    it('R12: a regular user with valid credentials gets no session but 503; wrong credentials still 401', async () => {
      for (const email of [DEMO.agency, DEMO.client, DEMO.candidate]) {
        const response = await attemptLogin(t, email);
        expect(response.status).toBe(503);
        expect(response.headers['content-type']).toContain('application/problem+json');
        expect(response.body.startsAt).toBe(startsAt.toISOString());
        expect(response.headers['set-cookie']).toBeUndefined();
        const wrong = await attemptLogin(t, email, 'wrong-password');
        expect(wrong.status).toBe(401);
      }
    });

    it('R13: login, logout, status, health, activation and @AllowDuringMaintenance routes stay open for everybody', async () => {
      expect((await request(t.url).get('/health')).status).toBe(200);
      expect((await request(t.url).get('/health/ready')).status).toBe(200);
      const status = await request(t.url).get('/api/maintenance/status');
      expect(status.status).toBe(200);
      expect(status.body).toMatchObject({
        state: 'active',
        startsAt: startsAt.toISOString(),
        secondsUntilStart: 0,
        noticeDue: false,
        exempt: false,
      });
      expect((await request(t.url).get('/api/mprobe/open')).status).toBe(200);
      const activation = await request(t.url)
        .post('/api/auth/activate')
        .send({ token: 'no-such-token', password: 'long-enough-pw' });
      expect(activation.status).toBe(400);
      const activated = await request(t.url)
        .post('/api/auth/activate')
        .send({ token: 'demo-activation-token', password: 'a-new-password' });
      expect(activated.status).toBe(200);
      const invitedLogin = await attemptLogin(t, 'invited@demo.test', 'a-new-password');
      expect(invitedLogin.status).toBe(503);
      const logout = await request(t.url).post('/api/auth/logout').set(withSession(s.candidate));
      expect(logout.status).toBe(204);
      expect(
        (await request(t.url).get('/api/auth/me').set('Cookie', s.candidate.cookie)).status,
      ).toBe(503);
    });

    describe('R20: no spelling of a path reaches a locked handler', () => {
      const spellings = [
        ['GET', '/API/MPROBE/LOCKED'],
        ['GET', '/Api/mprobe/Locked'],
        ['GET', '/api/mprobe/locked/'],
        ['GET', '//api/mprobe/locked'],
        ['GET', '/api//mprobe/locked'],
        ['GET', '/api/mprobe/x/%2e%2e/locked'],
        ['GET', '/api/mprobe/open/%2e%2e/locked'],
        ['GET', '/api/mprobe/%6cocked'],
        ['GET', '/api/mprobe/locked;jsessionid=1'],
        ['GET', '/api/mprobe/locked?x=/api/mprobe/open'],
        ['GET', '/api/mprobe/open/../locked'],
        ['HEAD', '/api/mprobe/locked'],
        ['HEAD', '/API/MPROBE/LOCKED/'],
        ['OPTIONS', '/api/mprobe/locked'],
        ['POST', '/API/mprobe/locked/'],
        ['GET', '/MPROBE/PAGE/'],
        ['HEAD', '/mprobe/page'],
      ] as const;

      it.each(spellings)('%s %s', async (method, path) => {
        resetHits();
        const response = await request(t.url)
          [method.toLowerCase() as 'get' | 'head' | 'options' | 'post'](path)
          .set(withSession(s.agency))
          .redirects(0);
        expect([303, 503, 404, 204]).toContain(response.status);
        expect(hits.locked + hits.page).toBe(0);
        if (response.status === 503) expect(response.headers['cache-control']).toBe('no-store');
      });

      it('the same spellings do reach the handler for an exempt user (so the paths above are real)', async () => {
        resetHits();
        for (const path of ['/API/MPROBE/LOCKED', '/api/mprobe/locked/']) {
          expect((await request(t.url).get(path).set('Cookie', s.admin.cookie)).status).toBe(200);
        }
        expect(hits.locked).toBe(2);
      });
    });

    it('after turning off, the same sessions work again (they were refused as themselves)', async () => {
      await turnOff(t, s.admin);
      for (const who of [s.agency, s.client]) {
        const response = await request(t.url).get('/api/auth/me').set('Cookie', who.cookie);
        expect(response.status).toBe(200);
        expect(response.headers['maintenance-starts-at']).toBeUndefined();
      }
    });
  });
});
