import request from 'supertest';
import { DEMO_CONTRACTS } from '../../src/contracts/contracts.demo-seeder.js';
import { countRows, useSignedInApp } from '../support/fixtures.js';
import { changeSettings } from '../support/maintenance.js';
import { DEMO, DEMO_PASSWORD, login, withSession } from '../support/sessions.js';
import { startTestApp } from '../support/test-app.js';

function expectProblem(response: request.Response, status: number, field?: string): void {
  expect(response.status).toBe(status);
  expect(response.headers['content-type']).toMatch(/^application\/problem\+json/);
  if (field) expect(response.body.errors).toEqual([expect.objectContaining({ field })]);
}

describe('hardening against hostile requests (issue 8)', () => {
  const { t, as } = useSignedInApp({ env: { TRUST_PROXY: 'loopback' } });
  /** A valid new contract: a copy of a demo contract's fields. */
  const contract: Record<string, unknown> = {};
  beforeAll(async () => {
    const demo = await request(t.url)
      .get(`/api/contracts/${DEMO_CONTRACTS.warehouse}`)
      .set('Cookie', as.agency.cookie);
    const { title, candidateId, clientCompanyId, startDate, endDate, hourlyRate } = demo.body;
    Object.assign(contract, {
      title,
      candidateId,
      clientCompanyId,
      startDate,
      endDate,
      hourlyRate,
    });
  });
  const postContract = (body: unknown) =>
    request(t.url)
      .post('/api/contracts')
      .set(withSession(as.agency))
      .set('Content-Type', 'application/json')
      .send(typeof body === 'string' ? body : JSON.stringify(body));

  describe('item 4: the settings page renders event history as stored', () => {
    it('shows a message that looks like a date as text, and keeps answering 200', async () => {
      await changeSettings(t, {
        enabled: true,
        startsAt: new Date(t.clock.now().getTime() + 3_600_000).toISOString(),
        message: '2026-12-31T maintenance',
      });
      await changeSettings(t, { enabled: false });
      const page = await request(t.url)
        .get('/admin/connect/settings')
        .set('Cookie', as.admin.cookie);
      expect(page.status).toBe(200);
      expect(page.text).toContain('2026-12-31T maintenance');
    });
  });

  describe('item 5: the target after sign-in is a same-site path only', () => {
    it.each([
      ['/contracts', '/contracts'],
      ['//evil.example', '/'],
      ['/\\evil.example', '/'],
      ['%20//evil.example', '/'],
      ['https://evil.example', '/'],
      ['/%E3%80%80/evil.example', '/'], // an ideographic space is whitespace too
    ])('redirects a signed-in user from /login?next=%s to %s', async (next, target) => {
      const response = await request(t.url)
        .get(`/login?next=${next}`)
        .set('Cookie', as.agency.cookie);
      expect(response.status).toBe(303);
      expect(response.headers.location).toBe(target);
    });

    it.each(['%09', '%0A', '%0D'])(
      'refuses a next with %s (browsers strip it and would leave the site) with 400',
      async (control) => {
        const response = await request(t.url)
          .get(`/login?next=/${control}/evil.example`)
          .set('Cookie', as.agency.cookie);
        expect(response.status).toBe(400);
        expect(response.headers.location).toBeUndefined();
      },
    );
  });

  describe('item 6: login CSRF', () => {
    it.each([
      ['application/x-www-form-urlencoded', `email=${DEMO.agency}&password=${DEMO_PASSWORD}`],
      ['text/plain', JSON.stringify({ email: DEMO.agency, password: DEMO_PASSWORD })],
      [
        'multipart/form-data; boundary=x',
        '--x\r\nContent-Disposition: form-data; name="a"\r\n\r\nb\r\n--x--',
      ],
    ])('answers a %s body on the API with 415 and no session', async (type, body) => {
      const response = await request(t.url)
        .post('/api/auth/login')
        .set('Content-Type', type)
        .send(body);
      expectProblem(response, 415);
      expect(response.headers['set-cookie']).toBeUndefined();
    });

    it.each([
      ['Origin', 'https://evil.example'],
      ['Origin', 'null'],
      ['Sec-Fetch-Site', 'cross-site'],
    ])('refuses login, logout and activation with %s: %s (403)', async (header, value) => {
      const login403 = await request(t.url)
        .post('/api/auth/login')
        .set(header, value)
        .send({ email: DEMO.agency, password: DEMO_PASSWORD });
      expectProblem(login403, 403);
      expect(login403.headers['set-cookie']).toBeUndefined();
      const session = await login(t.url, DEMO.candidate);
      expectProblem(
        await request(t.url).post('/api/auth/logout').set(withSession(session)).set(header, value),
        403,
      );
      expect((await request(t.url).get('/api/auth/me').set('Cookie', session.cookie)).status).toBe(
        200,
      );
      expectProblem(
        await request(t.url)
          .post('/api/auth/activate')
          .set(header, value)
          .send({ token: 'x', password: 'a-long-password' }),
        403,
      );
    });

    it('accepts the same origin and same-origin fetch metadata', async () => {
      const response = await request(t.url)
        .post('/api/auth/login')
        .set('Origin', t.url)
        .set('Sec-Fetch-Site', 'same-origin')
        .send({ email: DEMO.agency, password: DEMO_PASSWORD });
      expect(response.status).toBe(200);
    });
  });

  describe('item 7: bodies and parameters that used to cause a 500', () => {
    it('refuses JSON nested thousands of levels deep with 400', async () => {
      const deep = '{"title":'.repeat(5000) + '1' + '}'.repeat(5000);
      expectProblem(await postContract(deep), 400);
      expectProblem(await postContract(`[${'['.repeat(3000)}${']'.repeat(3000)}]`), 400);
    });

    it('refuses too many keys with 400, and a body over the size cap with 413', async () => {
      const wide = Object.fromEntries(Array.from({ length: 3000 }, (_, i) => [`k${i}`, 1]));
      expectProblem(await postContract(wide), 400);
      expectProblem(await postContract({ ...contract, title: 'x'.repeat(200_000) }), 413);
    });

    it.each(['page=1e20', 'page=100001', 'pageSize=1e20', 'page=9007199254740993'])(
      'validates ?%s as a bounded whole number (400)',
      async (query) => {
        const response = await request(t.url)
          .get(`/api/contracts?${query}`)
          .set('Cookie', as.agency.cookie);
        expectProblem(response, 400, query.split('=')[0]);
      },
    );

    it.each([
      ['a NUL', 'Order\u0000picker'],
      ['an escape', 'Order\u001bpicker'],
      ['a lone high surrogate', 'Order\ud800picker'],
      ['a lone low surrogate', 'Order\udc00picker'],
    ])('refuses %s in a string field with 400, storing nothing', async (_what, title) => {
      const before = await countRows(t, 'contracts');
      expectProblem(await postContract({ ...contract, title }), 400, 'title');
      expect(await countRows(t, 'contracts')).toBe(before);
    });

    it('keeps tab, CR and LF in multi-line text', async () => {
      const response = await postContract({ ...contract, title: 'Line one\r\n\tline two' });
      expect(response.status).toBe(201);
      expect(response.body.title).toBe('Line one\r\n\tline two');
    });

    it.each([
      ['a NUL', '%00'],
      ['a trailing NUL', 'abc%00'],
      ['an encoded lone surrogate', '%ED%A0%80'],
      ['invalid UTF-8', '%FF'],
      ['300 characters', 'x'.repeat(300)],
    ])('answers a path id with %s with a 4xx problem', async (_what, id) => {
      const response = await request(t.url)
        .get(`/api/contracts/${id}`)
        .set('Cookie', as.agency.cookie);
      expect([400, 404]).toContain(response.status);
      expect(response.headers['content-type']).toMatch(/^application\/problem\+json/);
    });

    it('refuses a NUL in a query parameter with 400 naming it', async () => {
      const response = await request(t.url)
        .get('/api/contracts?page=1%00')
        .set('Cookie', as.agency.cookie);
      expectProblem(response, 400, 'page');
    });

    it('takes X-Forwarded-For only as an IP address', async () => {
      const send = (forwarded: string) =>
        request(t.url).post('/api/public/job-applications').set('X-Forwarded-For', forwarded).send({
          vacancyId: '00000000-0000-4000-8000-0000000e0001',
          name: 'Pat',
          email: 'pat@example.test',
          motivation: 'Hello',
        });
      const forged = await send('x'.repeat(500));
      expect(forged.status).toBe(201);
      const real = await send('203.0.113.9');
      expect(real.status).toBe(201);
      const rows = await t.dataSource.query<Array<{ id: string; client_address: string }>>(
        `SELECT id, client_address FROM job_applications WHERE id IN ('${forged.body.id}', '${real.body.id}')`,
      );
      const addressOf = (id: string) => rows.find((row) => row.id === id)?.client_address;
      expect(addressOf(forged.body.id)).toBe('unknown');
      expect(addressOf(real.body.id)).toBe('203.0.113.9');
    });
  });

  describe('item 9: unknown properties', () => {
    it.each(['__proto__', 'constructor', 'prototype', 'isAdmin'])(
      'refuses a body with %s (400) and stores nothing',
      async (key) => {
        const before = await countRows(t, 'contracts');
        const body = `{${JSON.stringify(contract).slice(1, -1)},"${key}":{"polluted":true}}`;
        const response = await postContract(body);
        expectProblem(response, 400);
        expect(response.body.errors[0]).toEqual({ field: key, reason: 'is not an allowed field' });
        expect(await countRows(t, 'contracts')).toBe(before);
        expect(({} as Record<string, unknown>).polluted).toBeUndefined();
      },
    );
  });

  describe('item 10: security headers on pages and API', () => {
    it.each(['/login', '/api/auth/me', '/api/public/vacancies'])(
      'sends them on %s',
      async (path) => {
        const response = await request(t.url).get(path);
        const csp = response.headers['content-security-policy'];
        expect(csp).toMatch(/script-src 'self'(;|$)/);
        expect(csp).toMatch(/script-src-attr 'none'/);
        expect(csp).toMatch(/frame-ancestors 'none'/);
        expect(response.headers['x-content-type-options']).toBe('nosniff');
        expect(response.headers['referrer-policy']).toBe('same-origin');
        expect(response.headers['strict-transport-security']).toBeUndefined();
      },
    );

    it('sends HSTS when cookies are Secure', async () => {
      const secure = await startTestApp({ env: { COOKIE_SECURE: 'true' } });
      try {
        const response = await request(secure.url).get('/login');
        expect(response.headers['strict-transport-security']).toMatch(/max-age=\d+/);
      } finally {
        await secure.close();
      }
    });
  });

  describe('item 11: secrets in the request log', () => {
    it('redacts token- and password-like query parameters and never logs a password', async () => {
      await request(t.url).get('/activate?token=s3cr3t-activation-token&lang=nl');
      await request(t.url).get('/api/public/vacancies?password=hunter2&api_key=k3y&page=1');
      await request(t.url)
        .post('/api/auth/login')
        .send({ email: DEMO.agency, password: 'wrong-but-secret' });
      const lines = JSON.stringify(t.logs);
      for (const secret of ['s3cr3t-activation-token', 'hunter2', 'k3y', 'wrong-but-secret']) {
        expect(lines).not.toContain(secret);
      }
      const urls = t.logs.map((line) => (line.req as { url?: string } | undefined)?.url);
      expect(urls).toContain('/activate?token=[redacted]&lang=nl');
      expect(urls).toContain('/api/public/vacancies?password=[redacted]&api_key=[redacted]&page=1');
    });
  });
});
