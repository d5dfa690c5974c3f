import request from 'supertest';
import { recordFigure } from './figures.js';
import { DEMO, DEMO_PASSWORD } from '../support/sessions.js';
import { startTestApp, type TestApp } from '../support/test-app.js';

const LIMITS = {
  LOGIN_MAX_FAILURES_PER_ACCOUNT_ADDRESS: '5',
  LOGIN_MAX_FAILURES_PER_ADDRESS: '20',
  LOGIN_MAX_FAILURES_PER_ACCOUNT: '100',
  LOGIN_FAILURE_WINDOW_MINUTES: '15',
  TRUST_PROXY: 'loopback',
};
const MINUTE = 60_000;

/** One login attempt from `address` (through the trusted local proxy). */
function attempt(app: TestApp, email: string, password: string, address: string) {
  return request(app.url)
    .post('/api/auth/login')
    .set('X-Forwarded-For', address)
    .send({ email, password });
}

/** Fires all attempts at once and counts the answers by status. */
async function burst(
  attempts: Array<() => Promise<request.Response>>,
): Promise<{ byStatus: Record<number, number>; responses: request.Response[] }> {
  const responses = await Promise.all(attempts.map((send) => send()));
  const byStatus: Record<number, number> = {};
  for (const response of responses)
    byStatus[response.status] = (byStatus[response.status] ?? 0) + 1;
  return { byStatus, responses };
}

function expectThrottled(responses: request.Response[]): void {
  for (const response of responses.filter((r) => r.status === 429)) {
    expect(response.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(Number(response.headers['retry-after'])).toBeGreaterThan(0);
  }
}

describe('login throttling on one instance (items 1 and 2)', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp({ env: LIMITS });
  });
  afterAll(async () => {
    await t.close();
  });
  beforeEach(() => {
    t.clock.advance(16 * MINUTE); // every test starts in a fresh window
  });

  it('answers at most 5 of 40 concurrent wrong passwords for one account with 401, the rest 429 with Retry-After', async () => {
    const { byStatus, responses } = await burst(
      Array.from({ length: 40 }, () => () => attempt(t, DEMO.client, 'wrong', '198.51.100.1')),
    );
    recordFigure(
      'one instance, one account, 40 concurrent wrong passwords: 401s',
      byStatus[401] ?? 0,
    );
    expect(byStatus).toEqual({ 401: 5, 429: 35 });
    expectThrottled(responses);
  });

  it('answers at most 20 of 60 concurrent failures from one address with 401, the rest 429', async () => {
    const { byStatus, responses } = await burst(
      Array.from(
        { length: 60 },
        (_, i) => () => attempt(t, `nobody${i}@demo.test`, 'wrong', '198.51.100.2'),
      ),
    );
    recordFigure('one instance, one address, 60 concurrent failures: 401s', byStatus[401] ?? 0);
    expect(byStatus).toEqual({ 401: 20, 429: 40 });
    expectThrottled(responses);
  });

  it("lets the right password in from a clean address after 5 failures from an attacker's address, also during the attack", async () => {
    for (let i = 0; i < 5; i++) {
      expect((await attempt(t, DEMO.consultant, 'wrong', '203.0.113.66')).status).toBe(401);
    }
    expect((await attempt(t, DEMO.consultant, 'wrong', '203.0.113.66')).status).toBe(429);
    expect((await attempt(t, DEMO.consultant, DEMO_PASSWORD, '203.0.113.66')).status).toBe(429);
    expect((await attempt(t, DEMO.consultant, DEMO_PASSWORD, '192.0.2.10')).status).toBe(200);
  });

  it('does not let a successful login use up a failure slot', async () => {
    for (let i = 0; i < 4; i++) {
      expect((await attempt(t, DEMO.agency, 'wrong', '198.51.100.3')).status).toBe(401);
    }
    for (let i = 0; i < 3; i++) {
      expect((await attempt(t, DEMO.agency, DEMO_PASSWORD, '198.51.100.3')).status).toBe(200);
    }
    expect((await attempt(t, DEMO.agency, 'wrong', '198.51.100.3')).status).toBe(401);
    expect((await attempt(t, DEMO.agency, DEMO_PASSWORD, '198.51.100.3')).status).toBe(429);
    t.clock.advance(15 * MINUTE + 1000);
    expect((await attempt(t, DEMO.agency, DEMO_PASSWORD, '198.51.100.3')).status).toBe(200);
  });

  it('limits activation attempts per address like logins', async () => {
    const tries = await burst(
      Array.from(
        { length: 30 },
        (_, i) => () =>
          request(t.url)
            .post('/api/auth/activate')
            .set('X-Forwarded-For', '198.51.100.4')
            .send({ token: `guess-${i}`, password: 'a-long-password' }),
      ),
    );
    expect(tries.byStatus).toEqual({ 400: 20, 429: 10 });
    expectThrottled(tries.responses);
    const elsewhere = await request(t.url)
      .post('/api/auth/activate')
      .set('X-Forwarded-For', '198.51.100.5')
      .send({ token: 'guess', password: 'a-long-password' });
    expect(elsewhere.status).toBe(400);
  });
});

describe('the per-account ceiling against distributed guessing (item 2)', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp({ env: { ...LIMITS, LOGIN_MAX_FAILURES_PER_ACCOUNT: '12' } });
  });
  afterAll(async () => {
    await t.close();
  });

  it('refuses every address once the account had 12 failures from many addresses', async () => {
    for (let i = 0; i < 12; i++) {
      expect((await attempt(t, DEMO.candidate, 'wrong', `198.51.100.${10 + (i % 4)}`)).status).toBe(
        401,
      );
    }
    const clean = await attempt(t, DEMO.candidate, DEMO_PASSWORD, '192.0.2.77');
    expect(clean.status).toBe(429);
    expect(Number(clean.headers['retry-after'])).toBeGreaterThan(0);
    expect((await attempt(t, DEMO.client, DEMO_PASSWORD, '192.0.2.77')).status).toBe(200);
  });
});

/** Item 3: two instances on one database (and on one Redis when `redis` is set) count together. */
function twoInstances(label: string, env: Record<string, string>): void {
  describe(`two instances sharing ${label} (item 3)`, () => {
    let a: TestApp;
    let b: TestApp;
    beforeAll(async () => {
      a = await startTestApp({ env: { ...LIMITS, PUBLIC_SUBMISSIONS_PER_MINUTE: '4', ...env } });
      b = await startTestApp({
        env: { ...LIMITS, PUBLIC_SUBMISSIONS_PER_MINUTE: '4', ...env },
        database: a.database,
        clock: a.clock,
      });
    });
    afterAll(async () => {
      await b.close();
      await a.close();
    });

    it('answers at most 5 of 40 concurrent wrong passwords for one account with 401 across both', async () => {
      const { byStatus, responses } = await burst(
        Array.from(
          { length: 40 },
          (_, i) => () => attempt(i % 2 ? a : b, DEMO.admin, 'wrong', '198.51.100.20'),
        ),
      );
      recordFigure(
        `two instances (${label}), one account, 40 concurrent wrong passwords: 401s`,
        byStatus[401] ?? 0,
      );
      expect(byStatus).toEqual({ 401: 5, 429: 35 });
      expectThrottled(responses);
      // The counters are where the configuration says: Redis leaves the table empty.
      const [{ rows }] = await a.dataSource.query<Array<{ rows: string | number }>>(
        'SELECT COUNT(*) AS "rows" FROM rate_limit_counters',
      );
      if (env.REDIS_URL) expect(Number(rows)).toBe(0);
      else expect(Number(rows)).toBeGreaterThan(0);
    });

    it('answers at most 20 of 60 concurrent failures from one address with 401 across both', async () => {
      const { byStatus } = await burst(
        Array.from(
          { length: 60 },
          (_, i) => () => attempt(i % 2 ? a : b, `x${i}@demo.test`, 'wrong', '198.51.100.21'),
        ),
      );
      recordFigure(
        `two instances (${label}), one address, 60 concurrent failures: 401s`,
        byStatus[401] ?? 0,
      );
      expect(byStatus).toEqual({ 401: 20, 429: 40 });
    });

    it('limits public submissions per address across both', async () => {
      const { byStatus } = await burst(
        Array.from(
          { length: 12 },
          (_, i) => () =>
            request(i % 2 ? a.url : b.url)
              .post('/api/public/job-applications')
              .set('X-Forwarded-For', '198.51.100.22')
              .send({
                vacancyId: '00000000-0000-4000-8000-0000000e0001',
                name: `Pat ${i}`,
                email: `pat${i}@example.test`,
                motivation: 'Hello',
              }),
        ),
      );
      recordFigure(
        `two instances (${label}), 12 concurrent public submissions: 201s`,
        byStatus[201] ?? 0,
      );
      expect(byStatus).toEqual({ 201: 4, 429: 8 });
    });
  });
}

twoInstances('one database', {});
twoInstances('one Redis', {
  REDIS_URL: process.env.TEST_REDIS_URL ?? 'redis://127.0.0.1:6379',
  REDIS_KEY_PREFIX: `test-${process.pid}-${Date.now()}:`,
});
