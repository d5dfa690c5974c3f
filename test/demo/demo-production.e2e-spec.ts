import { jest } from '@jest/globals';
import request from 'supertest';
import { DEMO_REMOVE_COMMAND } from '../../src/demo/demo-data.report.js';
import {
  DEMO_ACTIVATION_TOKEN,
  DEMO_INTEGRATION_CLIENTS,
  DEMO_PASSWORD,
  DEMO_USERS,
} from '../../src/users/identity.demo-seeder.js';
import { logLines, messageLines, runCli } from '../cli/support.js';
import { login, bearer } from '../support/sessions.js';
import { freshDatabase, type TestDatabase } from '../support/test-app.js';
import { startServer, type ServerProcess, type ServerStart } from './server-process.js';

jest.setTimeout(600_000);

function listening(start: ServerStart): ServerProcess {
  if (start.kind !== 'listening') {
    throw new Error(
      `the server exited (${start.code}): ${JSON.stringify(start.logs)} ${start.stderr}`,
    );
  }
  return start.server;
}

/** Every demo credential the README publishes, tried against a running server. */
async function demoCredentialStatuses(url: string): Promise<Record<string, number>> {
  const statuses: Record<string, number> = {};
  for (const user of DEMO_USERS) {
    const response = await request(url)
      .post('/api/auth/login')
      .send({ email: user.email, password: DEMO_PASSWORD });
    statuses[user.email] = response.status;
  }
  for (const client of DEMO_INTEGRATION_CLIENTS) {
    const path =
      client.kind === 'BACKOFFICE' ? '/api/backoffice/mutations' : '/api/integrations/messages';
    const response = await request(url).post(path).set(bearer(client.token)).send({});
    statuses[client.token] = response.status;
  }
  const activation = await request(url)
    .post('/api/auth/activate')
    .send({ token: DEMO_ACTIVATION_TOKEN, password: 'a-long-new-password' });
  statuses[DEMO_ACTIVATION_TOKEN] = activation.status;
  return statuses;
}

describe('demo data never reaches production (the built server and CLI as child processes)', () => {
  let database: TestDatabase;
  const env = (nodeEnv: string) => ({
    DATABASE_URL: database.url,
    NODE_ENV: nodeEnv,
    LOG_LEVEL: 'info',
    // Production requires the device cookies' key; a test value, not a secret.
    DEVICE_COOKIE_SECRET: 'test-only-device-cookie-key-0123456789abcdef',
  });

  beforeAll(() => {
    database = freshDatabase();
  });
  afterAll(async () => {
    await database.drop();
  });

  it('a production start after a development start refuses: exit 1, one line with the counts and the command', async () => {
    const development = listening(await startServer(env('development')));
    // A signed-in demo user leaves a session behind.
    await login(development.url, DEMO_USERS[0].email);
    await development.stop();

    const production = await startServer(env('production'));
    expect(production.kind).toBe('exited');
    if (production.kind !== 'exited') return;
    expect(production.code).toBe(1);
    const refusals = production.logs.filter((line) => line.level === 50);
    expect(refusals).toHaveLength(1);
    expect(refusals[0]).toMatchObject({
      event: 'demo-data-refused',
      found: { accounts: 6, sessions: 1, linkTokens: 3 },
      remedy: DEMO_REMOVE_COMMAND,
    });
    expect(refusals[0].msg).toContain(DEMO_REMOVE_COMMAND);
    expect(JSON.stringify(production.logs)).not.toMatch(/demo-password|demo-[a-z-]+-token/);
  });

  it('`demo remove` deletes the demo data, says what went, and a second run has nothing to remove', async () => {
    const first = await runCli(['demo', 'remove'], env('production'));
    expect(first.code).toBe(0);
    expect(messageLines(first.stderr)).toEqual([]);
    expect(first.stdout).toMatch(/^removed .*2 link tokens, 6 accounts, 3 companies$/m);
    const removed = logLines(first.stderr).find((line) => line.event === 'demo-data.removed');
    expect(removed).toMatchObject({
      removed: { accounts: 6, sessions: 1, 'link tokens': 2, contracts: 3, companies: 3 },
      keptCompanies: 0,
    });

    const second = await runCli(['demo', 'remove'], env('production'));
    expect(second.code).toBe(0);
    expect(second.stdout.trim()).toBe('nothing to remove');
  });

  it('then the production start succeeds and every demo credential is refused', async () => {
    const production = listening(await startServer(env('production')));
    try {
      const statuses = await demoCredentialStatuses(production.url);
      expect(statuses).toEqual({
        ...Object.fromEntries(DEMO_USERS.map((user) => [user.email, 401])),
        ...Object.fromEntries(DEMO_INTEGRATION_CLIENTS.map((client) => [client.token, 401])),
        [DEMO_ACTIVATION_TOKEN]: 400,
      });
    } finally {
      await production.stop();
    }
  });
});
