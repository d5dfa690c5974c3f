import request from 'supertest';
import {
  DEMO_ACTIVATION_TOKEN,
  DEMO_INTEGRATION_CLIENTS,
  DEMO_INVITED_USER,
  DEMO_PASSWORD,
  DEMO_USERS,
} from '../../src/users/identity.demo-seeder.js';
import { useTestApp } from '../support/fixtures.js';

describe('the API document carries no working credentials (issue 15)', () => {
  const t = useTestApp();

  it('names no demo e-mail address, password or token, even with demo data on', async () => {
    const response = await request(t.url).get('/api/docs-json');
    expect(response.status).toBe(200);
    const document = response.text;
    const credentials = [
      DEMO_PASSWORD,
      DEMO_ACTIVATION_TOKEN,
      ...DEMO_INTEGRATION_CLIENTS.map((client) => client.token),
      ...[...DEMO_USERS, DEMO_INVITED_USER].map((user) => user.email),
    ];
    expect(credentials.filter((credential) => document.includes(credential))).toEqual([]);
  });
});
