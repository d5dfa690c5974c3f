import request from 'supertest';
import { DEMO_FORM_ID } from '../../src/public-forms/public-forms.demo-seeder.js';
import { logEvents } from '../maintenance/support.js';
import { ownRedis, type OwnRedis } from '../support/redis-server.js';
import { DEMO, DEMO_PASSWORD, login } from '../support/sessions.js';
import { startTcpProxy, type TcpProxy } from '../support/tcp-proxy.js';
import {
  freshDatabase,
  startTestApp,
  type TestApp,
  type TestDatabase,
} from '../support/test-app.js';
import { recordFigure } from './figures.js';

/** Answers of 500 seen in this file (a figure; the expectations below make it 0). */
let internalErrors = 0;
afterAll(() =>
  recordFigure(
    'item 2: answers 500 while Redis or PostgreSQL was down (must be 0)',
    internalErrors,
  ),
);

/** Every answer here must be one of these: a dependency that is down never gives a 500. */
function expectUnavailable(response: request.Response): void {
  if (response.status === 500) internalErrors++;
  expect(response.status).toBe(503);
  expect(response.headers['content-type']).toMatch(/^application\/problem\+json/);
  expect(Number(response.headers['retry-after'])).toBeGreaterThan(0);
}

/** Polls until `check` holds (recovery happens in the background; never a fixed sleep). */
async function eventually(check: () => Promise<boolean>, what: string): Promise<void> {
  const deadline = Date.now() + 15_000;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`not within 15 s: ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

const loginAs = (t: TestApp, email: string, password = DEMO_PASSWORD, address = '192.0.2.1') =>
  request(t.url).post('/api/auth/login').set('X-Forwarded-For', address).send({ email, password });

describe('issue 16 item 2: Redis (the rate-limit store) down', () => {
  let redis: OwnRedis;
  let t: TestApp;
  const latencies: number[] = [];
  const timed = async (send: () => request.Test): Promise<request.Response> => {
    const started = performance.now();
    const response = await send();
    latencies.push(performance.now() - started);
    return response;
  };

  beforeAll(async () => {
    redis = await ownRedis();
    // Started while its Redis is not there yet: it must start anyway.
    t = await startTestApp({
      env: {
        REDIS_URL: redis.url,
        REDIS_KEY_PREFIX: `test-${process.pid}:`,
        TRUST_PROXY: 'loopback',
      },
    });
  });
  afterAll(async () => {
    await t.close();
    await redis.kill();
    recordFigure(
      'item 2: slowest answer while Redis was down (ms, not asserted)',
      Math.round(Math.max(...latencies)),
    );
  });

  async function expectRedisDown(): Promise<void> {
    const ready = await request(t.url).get('/health/ready');
    expectUnavailable(ready);
    expect(ready.body.down).toEqual(['redis']);
    expect(ready.body.details.database.status).toBe('up');
    for (const refused of [
      await timed(() => loginAs(t, DEMO.agency)),
      await timed(() => loginAs(t, DEMO.agency, 'wrong-password')),
      // A wrong password of an admin tells nothing either.
      await timed(() => loginAs(t, DEMO.admin, 'wrong-password')),
      await timed(() =>
        request(t.url)
          .post('/api/auth/activate')
          .send({ token: 'some-token', password: 'a-long-password' }),
      ),
      await timed(() =>
        request(t.url)
          .post(`/api/public/forms/${DEMO_FORM_ID}/submissions`)
          .send({ fields: { name: 'Pat', email: 'pat@example.test' } }),
      ),
    ]) {
      expectUnavailable(refused);
    }
    // Those who must be able to turn maintenance off still sign in (counted in the process).
    expect((await timed(() => loginAs(t, DEMO.admin))).status).toBe(200);
    expect((await timed(() => loginAs(t, DEMO.consultant))).status).toBe(200);
  }

  it('after a boot without Redis: the app started, said so in one warning line, and refuses with 503', async () => {
    expect(logEvents(t, 'rate-limit-store-down')).toHaveLength(1);
    expect(logEvents(t, 'rate-limit-store-down')[0]).toMatchObject({ level: 40 }); // pino's warn;
    await expectRedisDown();
  });

  it('recovers without a restart when Redis comes, and fails fast again when it is killed', async () => {
    await redis.start();
    await eventually(
      async () => (await request(t.url).get('/health/ready')).status === 200,
      'ready after Redis started',
    );
    expect((await loginAs(t, DEMO.agency)).status).toBe(200);
    await redis.kill();
    await eventually(
      async () => (await loginAs(t, DEMO.agency)).status === 503,
      'refused after Redis was killed',
    );
    await expectRedisDown();
    await redis.start();
    await eventually(async () => (await loginAs(t, DEMO.agency)).status === 200, 'recovered');
    expect((await request(t.url).get('/health/ready')).status).toBe(200);
  });
});

describe('issue 16 item 2: PostgreSQL down (the line to it cut)', () => {
  let proxy: TcpProxy;
  let database: TestDatabase;
  let t: TestApp;

  beforeAll(async () => {
    // Always PostgreSQL: a SQLite file inside the process has no connection to lose.
    process.env.TEST_POSTGRES_URL ??= 'postgres://postgres@127.0.0.1:5432/test';
    const postgres = new URL(process.env.TEST_POSTGRES_URL);
    database = freshDatabase('postgres');
    proxy = await startTcpProxy({ host: postgres.hostname, port: Number(postgres.port || 5432) });
    const url = new URL(database.url);
    url.port = String(proxy.port);
    t = await startTestApp({ database: { url: url.toString(), drop: () => Promise.resolve() } });
  });
  afterAll(async () => {
    await t.close();
    await proxy.close();
    await database.drop();
  });

  it('answers 503 with Retry-After (never 500) while it is down, readiness names it, and recovers without a restart', async () => {
    const agency = await login(t.url, DEMO.agency);
    proxy.cut();
    const answers = [
      await request(t.url).get('/api/contracts').set('Cookie', agency.cookie),
      await request(t.url).get('/api/auth/me').set('Cookie', agency.cookie),
      await loginAs(t, DEMO.client),
      await request(t.url).get('/api/public/forms'),
    ];
    for (const answer of answers) expectUnavailable(answer);
    const ready = await request(t.url).get('/health/ready');
    expectUnavailable(ready);
    expect(ready.body.down).toEqual(['database']);
    expect(logEvents(t, 'dependency-unavailable')).toContainEqual(
      expect.objectContaining({ dependency: 'database' }),
    );
    proxy.restore();
    await eventually(
      async () =>
        (await request(t.url).get('/api/contracts').set('Cookie', agency.cookie)).status === 200,
      'recovered',
    );
    expect((await request(t.url).get('/health/ready')).status).toBe(200);
  });
});
