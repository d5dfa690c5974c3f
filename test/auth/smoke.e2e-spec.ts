import request from 'supertest';
import { startTestApp, type TestApp } from '../support/test-app.js';
import { DEMO, login } from '../support/sessions.js';

describe('smoke', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(async () => {
    await t.close();
  });

  it('logs in and reads me', async () => {
    const session = await login(t.url, DEMO.admin);
    const me = await request(t.url).get('/api/auth/me').set('Cookie', session.cookie);
    expect(me.status).toBe(200);
    expect(me.body.email).toBe(DEMO.admin);
  });
});
