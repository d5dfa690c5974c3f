import request from 'supertest';
import { login } from '../support/sessions.js';
import { startTestApp, type TestApp } from '../support/test-app.js';

const TOKEN = 'demo-activation-token';

describe('POST /api/auth/activate', () => {
  let t: TestApp;

  beforeEach(async () => {
    t = await startTestApp();
  });
  afterEach(async () => {
    await t.close();
  });

  it('activates an invited account once; the token cannot be used again', async () => {
    const response = await request(t.url)
      .post('/api/auth/activate')
      .send({ token: TOKEN, password: 'a-new-password' });
    expect(response.status).toBe(200);
    expect(response.body).toMatchObject({ email: 'invited@demo.test', role: 'AGENCY_USER' });
    const session = await login(t.url, 'invited@demo.test', 'a-new-password');
    expect(session.user.email).toBe('invited@demo.test');

    const again = await request(t.url)
      .post('/api/auth/activate')
      .send({ token: TOKEN, password: 'another-password' });
    expect(again.status).toBe(400);
    expect(again.body.errors).toEqual([
      { field: 'token', reason: expect.stringContaining('already been used') },
    ]);
    await expect(login(t.url, 'invited@demo.test', 'another-password')).rejects.toThrow(/401/);
  });

  it('refuses an expired token and changes nothing', async () => {
    t.clock.advance(366 * 24 * 3_600_000);
    const response = await request(t.url)
      .post('/api/auth/activate')
      .send({ token: TOKEN, password: 'a-new-password' });
    expect(response.status).toBe(400);
    expect(response.headers['content-type']).toMatch(/application\/problem\+json/);
    expect(response.body.errors).toEqual([
      { field: 'token', reason: expect.stringContaining('expired') },
    ]);
    const [row] = await t.dataSource.query(
      `SELECT status FROM users WHERE email = 'invited@demo.test'`,
    );
    expect(row.status).toBe('invited');
  });

  it('refuses an unknown token, and a too-short password before looking at the token', async () => {
    const unknown = await request(t.url)
      .post('/api/auth/activate')
      .send({ token: 'nope', password: 'a-new-password' });
    expect(unknown.status).toBe(400);
    expect(unknown.body.errors[0].field).toBe('token');
    const short = await request(t.url)
      .post('/api/auth/activate')
      .send({ token: TOKEN, password: 'short' });
    expect(short.status).toBe(400);
    expect(short.body.errors).toEqual([
      { field: 'password', reason: expect.stringContaining('at least 10') },
    ]);
    const [row] = await t.dataSource.query(
      `SELECT status FROM users WHERE email = 'invited@demo.test'`,
    );
    expect(row.status).toBe('invited');
  });
});
