import request from 'supertest';
import { DEMO, DEMO_PASSWORD } from '../support/sessions.js';
import { startTestApp, type TestApp } from '../support/test-app.js';
import { recordFigure } from './figures.js';

/** The device cookie a login response set (name=value), if any. */
function deviceCookieOf(response: request.Response): string | undefined {
  const setCookie = ([] as string[]).concat(response.headers['set-cookie'] ?? []);
  return setCookie.map((c) => c.split(';')[0]).find((c) => c.startsWith('device='));
}

/** Issue 16 item 3: a distributed attacker fills the account's ceiling; a trusted device still signs in. */
describe('device cookies against distributed lockout (issue 16 item 3)', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp({
      env: {
        TRUST_PROXY: 'loopback',
        LOGIN_MAX_FAILURES_PER_ACCOUNT_ADDRESS: '5',
        LOGIN_MAX_FAILURES_PER_ADDRESS: '20',
        LOGIN_MAX_FAILURES_PER_ACCOUNT: '100',
      },
    });
  });
  afterAll(async () => {
    await t.close();
  });

  const attempt = (email: string, password: string, address: string, cookie?: string) => {
    const sent = request(t.url)
      .post('/api/auth/login')
      .set('X-Forwarded-For', address)
      .send({ email, password });
    return cookie ? sent.set('Cookie', cookie) : sent;
  };

  it('25 addresses × 6 wrong passwords lock out fresh browsers, not the consultant’s trusted one', async () => {
    const earlier = await attempt(DEMO.consultant, DEMO_PASSWORD, '192.0.2.50');
    expect(earlier.status).toBe(200);
    const trusted = deviceCookieOf(earlier);
    expect(trusted).toBeDefined();
    expect(
      ([] as string[]).concat(earlier.headers['set-cookie']).find((c) => c.startsWith('device=')),
    ).toMatch(/HttpOnly.*SameSite=Strict|SameSite=Strict.*HttpOnly/);
    const admin = deviceCookieOf(await attempt(DEMO.admin, DEMO_PASSWORD, '192.0.2.51'));

    const byStatus: Record<number, number> = {};
    for (let round = 0; round < 6; round++) {
      const answers = await Promise.all(
        Array.from({ length: 25 }, (_, i) =>
          attempt(DEMO.consultant, `wrong-${round}`, `203.0.113.${i + 1}`),
        ),
      );
      for (const answer of answers) byStatus[answer.status] = (byStatus[answer.status] ?? 0) + 1;
    }
    expect(Object.keys(byStatus).sort()).toEqual(['401', '429']);

    const fresh = await attempt(DEMO.consultant, DEMO_PASSWORD, '192.0.2.60');
    expect(fresh.status).toBe(429);
    const [name, value] = trusted!.split('=');
    const tampered = `${name}=${value.slice(0, -3)}${value.endsWith('AAA') ? 'BBB' : 'AAA'}`;
    const outcomes = {
      fresh: fresh.status,
      forged: (await attempt(DEMO.consultant, DEMO_PASSWORD, '192.0.2.60', tampered)).status,
      otherAccountsCookie: (await attempt(DEMO.consultant, DEMO_PASSWORD, '192.0.2.60', admin))
        .status,
      trusted: (await attempt(DEMO.consultant, DEMO_PASSWORD, '192.0.2.60', trusted)).status,
    };
    recordFigure(
      'item 3: 25 addresses × 6 wrong passwords: answers by status',
      JSON.stringify(byStatus),
    );
    recordFigure('item 3: right password afterwards, by browser', JSON.stringify(outcomes));
    expect(outcomes).toEqual({ fresh: 429, forged: 429, otherAccountsCookie: 429, trusted: 200 });
  });

  it('a trusted device has its own small budget: 5 failures, then 429 for it alone', async () => {
    const cookie = deviceCookieOf(await attempt(DEMO.agency, DEMO_PASSWORD, '192.0.2.70'));
    const other = deviceCookieOf(await attempt(DEMO.agency, DEMO_PASSWORD, '192.0.2.71'));
    for (let i = 0; i < 5; i++)
      expect((await attempt(DEMO.agency, 'wrong', '192.0.2.70', cookie)).status).toBe(401);
    expect((await attempt(DEMO.agency, DEMO_PASSWORD, '192.0.2.70', cookie)).status).toBe(429);
    expect((await attempt(DEMO.agency, DEMO_PASSWORD, '192.0.2.71', other)).status).toBe(200);
  });
});
