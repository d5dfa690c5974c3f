import request from 'supertest';
import { ProbeModule } from '../support/probe.module.js';
import { bearer, DEMO, DEMO_PASSWORD, login, withSession } from '../support/sessions.js';
import { startTestApp, type TestApp } from '../support/test-app.js';

const MINUTE = 60_000;

function expectProblem(response: request.Response, status: number): void {
  expect(response.status).toBe(status);
  expect(response.headers['content-type']).toMatch(/^application\/problem\+json/);
  expect(response.body).toMatchObject({
    status,
    type: expect.any(String),
    title: expect.any(String),
    detail: expect.any(String),
  });
}

describe('auth endpoints, sessions, CSRF and roles', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await startTestApp({ imports: [ProbeModule] });
  });
  afterAll(async () => {
    await t.close();
  });

  describe('POST /api/auth/login', () => {
    it('returns the user and a CSRF token and sets an HttpOnly, SameSite=Lax session cookie', async () => {
      const response = await request(t.url)
        .post('/api/auth/login')
        .send({ email: DEMO.agency, password: DEMO_PASSWORD });
      expect(response.status).toBe(200);
      expect(response.body).toEqual({
        user: {
          id: expect.any(String),
          email: DEMO.agency,
          displayName: 'Anna Agency',
          role: 'AGENCY_USER',
        },
        csrfToken: expect.stringMatching(/^[\w-]{40,}$/),
      });
      const cookie = ([] as string[]).concat(response.headers['set-cookie'])[0];
      expect(cookie).toMatch(/^sid=[\w-]{40,};/);
      expect(cookie).toMatch(/HttpOnly/);
      expect(cookie).toMatch(/SameSite=Lax/);
      expect(cookie).toMatch(/Path=\//);
      expect(cookie).not.toMatch(/Secure/);
    });

    it('matches the e-mail address case-insensitively', async () => {
      const response = await request(t.url)
        .post('/api/auth/login')
        .send({ email: 'Admin@DEMO.test', password: DEMO_PASSWORD });
      expect(response.status).toBe(200);
      expect(response.body.user.email).toBe(DEMO.admin);
    });

    it.each([
      ['a wrong password', { email: DEMO.client, password: 'wrong-password' }],
      ['an unknown account', { email: 'nobody@demo.test', password: DEMO_PASSWORD }],
      [
        'an invited account that has no password yet',
        { email: 'invited@demo.test', password: DEMO_PASSWORD },
      ],
    ])('answers 401 problem+json for %s, without a cookie', async (_case, body) => {
      const response = await request(t.url).post('/api/auth/login').send(body);
      expectProblem(response, 401);
      expect(response.headers['set-cookie']).toBeUndefined();
    });

    it('refuses a disabled account with 401', async () => {
      await t.dataSource.query(
        `UPDATE users SET status = 'disabled' WHERE email = 'consultant@demo.test'`,
      );
      try {
        expectProblem(
          await request(t.url)
            .post('/api/auth/login')
            .send({ email: DEMO.consultant, password: DEMO_PASSWORD }),
          401,
        );
      } finally {
        await t.dataSource.query(
          `UPDATE users SET status = 'active' WHERE email = 'consultant@demo.test'`,
        );
      }
    });

    it('lists each invalid field and refuses unknown fields (400)', async () => {
      const response = await request(t.url)
        .post('/api/auth/login')
        .send({ email: 'not-an-email', extra: 1 });
      expectProblem(response, 400);
      const fields = (response.body.errors as Array<{ field: string; reason: string }>).map(
        (e) => e.field,
      );
      expect(fields).toEqual(expect.arrayContaining(['email', 'password', 'extra']));
    });

    it('keeps only the hash of the session id in the database', async () => {
      const session = await login(t.url, DEMO.candidate);
      const id = session.cookie.slice('sid='.length);
      const rows: Array<{ id_hash: string }> = await t.dataSource.query(
        'SELECT id_hash FROM sessions',
      );
      expect(rows.length).toBeGreaterThan(0);
      expect(rows.some((row) => row.id_hash === id)).toBe(false);
    });

    it('replaces the session presented with the login (no session fixation)', async () => {
      const first = await login(t.url, DEMO.agency);
      const response = await request(t.url)
        .post('/api/auth/login')
        .set('Cookie', first.cookie)
        .send({ email: DEMO.agency, password: DEMO_PASSWORD });
      expect(response.status).toBe(200);
      expect((await request(t.url).get('/api/auth/me').set('Cookie', first.cookie)).status).toBe(
        401,
      );
    });
  });

  describe('GET /api/auth/me and POST /api/auth/logout', () => {
    it('returns the signed-in user', async () => {
      const session = await login(t.url, DEMO.client);
      const response = await request(t.url).get('/api/auth/me').set('Cookie', session.cookie);
      expect(response.status).toBe(200);
      expect(response.body).toEqual(session.user);
    });

    it('answers 401 without a session or with an unknown one', async () => {
      expectProblem(await request(t.url).get('/api/auth/me'), 401);
      expectProblem(await request(t.url).get('/api/auth/me').set('Cookie', 'sid=forged'), 401);
    });

    it('answers 403 to a machine client (the endpoint is for users)', async () => {
      expectProblem(
        await request(t.url).get('/api/auth/me').set(bearer('demo-backoffice-token')),
        403,
      );
    });

    it('logout destroys the session (204) and needs the CSRF token', async () => {
      const session = await login(t.url, DEMO.client);
      expectProblem(
        await request(t.url).post('/api/auth/logout').set('Cookie', session.cookie),
        403,
      );
      const response = await request(t.url).post('/api/auth/logout').set(withSession(session));
      expect(response.status).toBe(204);
      expect((await request(t.url).get('/api/auth/me').set('Cookie', session.cookie)).status).toBe(
        401,
      );
    });
  });

  describe('CSRF', () => {
    it('refuses a cookie-authenticated state change without or with a wrong X-CSRF-Token (403) and accepts the right one', async () => {
      const session = await login(t.url, DEMO.admin);
      expectProblem(
        await request(t.url).post('/api/test-probe/admin').set('Cookie', session.cookie).send({}),
        403,
      );
      expectProblem(
        await request(t.url)
          .post('/api/test-probe/admin')
          .set('Cookie', session.cookie)
          .set('X-CSRF-Token', 'wrong')
          .send({}),
        403,
      );
      const other = await login(t.url, DEMO.consultant);
      expectProblem(
        await request(t.url)
          .post('/api/test-probe/admin')
          .set('Cookie', session.cookie)
          .set('X-CSRF-Token', other.csrfToken)
          .send({}),
        403,
      );
      expect(
        (await request(t.url).post('/api/test-probe/admin').set(withSession(session)).send({}))
          .status,
      ).toBe(200);
    });

    it('does not ask for a token on reads, nor from bearer-token clients', async () => {
      const session = await login(t.url, DEMO.agency);
      expect(
        (await request(t.url).get('/api/test-probe/any-user').set('Cookie', session.cookie)).status,
      ).toBe(200);
      expect(
        (
          await request(t.url)
            .post('/api/test-probe/third-party')
            .set(bearer('demo-third-party-token'))
        ).status,
      ).toBe(200);
    });
  });

  describe('roles', () => {
    it('answers 401 to anonymous, 403 to a wrong role, 200 to an allowed role', async () => {
      expectProblem(await request(t.url).post('/api/test-probe/admin').send({}), 401);
      for (const email of [DEMO.agency, DEMO.client, DEMO.candidate]) {
        const session = await login(t.url, email);
        expectProblem(
          await request(t.url).post('/api/test-probe/admin').set(withSession(session)).send({}),
          403,
        );
      }
      for (const email of [DEMO.admin, DEMO.consultant]) {
        const session = await login(t.url, email);
        expect(
          (await request(t.url).post('/api/test-probe/admin').set(withSession(session)).send({}))
            .status,
        ).toBe(200);
      }
    });

    it('keeps integration routes to their kind: 401 without or with an unknown token, 403 for another kind or a user', async () => {
      expectProblem(await request(t.url).post('/api/test-probe/third-party'), 401);
      expectProblem(
        await request(t.url).post('/api/test-probe/third-party').set(bearer('unknown-token')),
        401,
      );
      expectProblem(
        await request(t.url)
          .post('/api/test-probe/third-party')
          .set(bearer('demo-backoffice-token')),
        403,
      );
      const session = await login(t.url, DEMO.admin);
      expectProblem(
        await request(t.url).post('/api/test-probe/third-party').set(withSession(session)),
        403,
      );
      expectProblem(
        await request(t.url).get('/api/test-probe/any-user').set(bearer('demo-third-party-token')),
        403,
      );
    });
  });

  describe('session expiry', () => {
    it('ends a session after the idle timeout', async () => {
      const session = await login(t.url, DEMO.agency);
      t.clock.advance(t.config.SESSION_IDLE_MINUTES * MINUTE - MINUTE);
      expect((await request(t.url).get('/api/auth/me').set('Cookie', session.cookie)).status).toBe(
        200,
      );
      t.clock.advance(t.config.SESSION_IDLE_MINUTES * MINUTE + 1);
      expect((await request(t.url).get('/api/auth/me').set('Cookie', session.cookie)).status).toBe(
        401,
      );
    });

    it('ends an active session at the absolute limit', async () => {
      const session = await login(t.url, DEMO.agency);
      const step = (t.config.SESSION_IDLE_MINUTES - 5) * MINUTE;
      const absolute = t.config.SESSION_ABSOLUTE_HOURS * 60 * MINUTE;
      let elapsed = 0;
      while (elapsed + step < absolute) {
        t.clock.advance(step);
        elapsed += step;
        expect(
          (await request(t.url).get('/api/auth/me').set('Cookie', session.cookie)).status,
        ).toBe(200);
      }
      t.clock.advance(absolute - elapsed);
      expect((await request(t.url).get('/api/auth/me').set('Cookie', session.cookie)).status).toBe(
        401,
      );
    });
  });
});

describe('COOKIE_SECURE', () => {
  it('marks the session cookie Secure when configured', async () => {
    const t = await startTestApp({ env: { COOKIE_SECURE: 'true' } });
    try {
      const response = await request(t.url)
        .post('/api/auth/login')
        .send({ email: DEMO.agency, password: DEMO_PASSWORD });
      expect(response.status).toBe(200);
      expect(([] as string[]).concat(response.headers['set-cookie'])[0]).toMatch(/; Secure/);
    } finally {
      await t.close();
    }
  });
});

describe('failed-login throttling', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await startTestApp({
      env: {
        LOGIN_MAX_FAILURES_PER_ACCOUNT_ADDRESS: '3',
        LOGIN_MAX_FAILURES_PER_ADDRESS: '5',
        LOGIN_FAILURE_WINDOW_MINUTES: '15',
      },
    });
  });
  afterAll(async () => {
    await t.close();
  });

  it('locks an account after too many failures (429 with Retry-After), even for the right password, until the window passes', async () => {
    for (let i = 0; i < 3; i++) {
      expect(
        (
          await request(t.url)
            .post('/api/auth/login')
            .send({ email: DEMO.client, password: 'wrong' })
        ).status,
      ).toBe(401);
    }
    const throttled = await request(t.url)
      .post('/api/auth/login')
      .send({ email: DEMO.client, password: DEMO_PASSWORD });
    expectProblem(throttled, 429);
    const retryAfter = Number(throttled.headers['retry-after']);
    expect(retryAfter).toBeGreaterThan(14 * 60);
    expect(retryAfter).toBeLessThanOrEqual(15 * 60);
    t.clock.advance(15 * MINUTE + 1000);
    expect(
      (
        await request(t.url)
          .post('/api/auth/login')
          .send({ email: DEMO.client, password: DEMO_PASSWORD })
      ).status,
    ).toBe(200);
  });

  it('limits failures per client address across accounts', async () => {
    t.clock.advance(16 * MINUTE);
    for (let i = 0; i < 5; i++) {
      await request(t.url)
        .post('/api/auth/login')
        .send({ email: `nobody${i}@demo.test`, password: 'wrong' });
    }
    expectProblem(
      await request(t.url)
        .post('/api/auth/login')
        .send({ email: DEMO.candidate, password: DEMO_PASSWORD }),
      429,
    );
  });
});
