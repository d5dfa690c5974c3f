import request from 'supertest';
import { MaintenanceScheduler } from '../../src/maintenance/testing.js';
import { useTestApp } from '../support/fixtures.js';
import {
  enterDowntime,
  getSettings,
  HOUR,
  MINUTE,
  put,
  schedule,
  scheduleDowntime,
  SETTINGS,
  turnOff,
  untilState,
} from '../support/maintenance.js';
import { bearer, DEMO, login, withSession, type LoggedIn } from '../support/sessions.js';
import { startTestApp, testDatabaseKind, type TestApp } from '../support/test-app.js';
import { eventually, LONG_SESSIONS } from './support.js';

const IMPACT = `${SETTINGS}/impact`;

interface Impact {
  at: string;
  signedIn: { total: number; byRole: Record<string, number> };
  notice: { acknowledged: number };
  refusals: {
    since: string;
    total: number;
    byPrincipal: { user: number; integration: number; anonymous: number };
  } | null;
}

async function impact(t: TestApp, admin: LoggedIn): Promise<Impact> {
  const response = await request(t.url).get(IMPACT).set('Cookie', admin.cookie);
  expect(response.status).toBe(200);
  return response.body as Impact;
}

const ack = (t: TestApp, who: LoggedIn, startsAt?: Date) =>
  request(t.url)
    .post('/api/maintenance/notice/ack')
    .set(withSession(who))
    .send(startsAt ? { startsAt: startsAt.toISOString() } : {});

/** Uses a session, so that its last use is now (the session service records it once a minute). */
async function use(t: TestApp, who: LoggedIn): Promise<void> {
  expect((await request(t.url).get('/api/auth/me').set('Cookie', who.cookie)).status).toBe(200);
}

async function events(t: TestApp, admin: LoggedIn) {
  const response = await request(t.url).get(`${SETTINGS}/events`).set('Cookie', admin.cookie);
  return response.body.items as Array<{ type: string; details: Record<string, unknown> }>;
}

describe('the impact of a window: signed in, confirmed, refused (issue 12)', () => {
  const t = useTestApp({ env: { ...LONG_SESSIONS, MAINTENANCE_REFUSAL_FLUSH_MS: '200' } });
  const as = {} as Record<
    'admin' | 'consultant' | 'agency' | 'agency2' | 'client' | 'candidate',
    LoggedIn
  >;

  beforeAll(async () => {
    as.admin = await login(t.url, DEMO.admin);
    as.consultant = await login(t.url, DEMO.consultant);
    as.agency = await login(t.url, DEMO.agency);
    as.agency2 = await login(t.url, DEMO.agency);
    as.client = await login(t.url, DEMO.client);
    as.candidate = await login(t.url, DEMO.candidate);
  });
  afterEach(async () => {
    if ((await getSettings(t, as.admin)).enabled) await turnOff(t, as.admin);
  });

  it('answers customer admins and consultants only: 401 anonymous, 403 regular roles', async () => {
    expect((await request(t.url).get(IMPACT)).status).toBe(401);
    for (const who of [as.agency, as.client, as.candidate]) {
      const response = await request(t.url).get(IMPACT).set('Cookie', who.cookie);
      expect(response.status).toBe(403);
      expect(response.headers['content-type']).toMatch(/^application\/problem\+json/);
    }
    for (const who of [as.admin, as.consultant]) await impact(t, who);
  });

  it('counts distinct regular users with a live session used in the last 15 minutes, by role; refusals null with no window', async () => {
    const before = t.clock.now().getTime();
    const now = await impact(t, as.admin);
    expect(Date.parse(now.at)).toBeGreaterThanOrEqual(before);
    expect(now).toEqual({
      at: expect.any(String),
      signedIn: { total: 3, byRole: { AGENCY_USER: 1, CLIENT: 1, CANDIDATE: 1 } },
      notice: { acknowledged: 0 },
      refusals: null,
    });

    // 16 minutes on, only the agency user and the client have used a session: the candidate's is idle.
    t.clock.set(new Date(t.clock.now().getTime() + 16 * MINUTE));
    await use(t, as.agency2);
    await use(t, as.client);
    await use(t, as.admin);
    expect((await impact(t, as.admin)).signedIn).toEqual({
      total: 2,
      byRole: { AGENCY_USER: 1, CLIENT: 1, CANDIDATE: 0 },
    });

    // A session that ended (signed out) does not count either, even if used a moment ago.
    await use(t, as.candidate);
    expect((await impact(t, as.admin)).signedIn.byRole.CANDIDATE).toBe(1);
    const out = await request(t.url).post('/api/auth/logout').set(withSession(as.candidate));
    expect(out.status).toBeLessThan(300);
    expect((await impact(t, as.admin)).signedIn).toEqual({
      total: 2,
      byRole: { AGENCY_USER: 1, CLIENT: 1, CANDIDATE: 0 },
    });
    as.candidate = await login(t.url, DEMO.candidate);
  });

  it('counts distinct users who confirmed the notice for the current start; a moved start starts again', async () => {
    const startsAt = await schedule(t, as.admin, 2 * HOUR);
    expect((await impact(t, as.admin)).refusals).toEqual({
      since: startsAt.toISOString(),
      total: 0,
      byPrincipal: { user: 0, integration: 0, anonymous: 0 },
    });
    // Two sessions of one user are one user.
    for (const who of [as.agency, as.agency2, as.client])
      expect((await ack(t, who)).status).toBe(204);
    expect((await impact(t, as.admin)).notice).toEqual({ acknowledged: 2 });
    // Exempt users get no notice: a close from them is not a confirmation.
    expect((await ack(t, as.consultant)).status).toBe(204);
    expect((await impact(t, as.admin)).notice).toEqual({ acknowledged: 2 });

    const { version } = await getSettings(t, as.admin);
    const moved = new Date(startsAt.getTime() + HOUR);
    expect(
      (await put(t, as.admin, { enabled: true, startsAt: moved.toISOString(), version })).status,
    ).toBe(200);
    expect((await impact(t, as.admin)).notice).toEqual({ acknowledged: 0 });
    // A close for the old start (a page that had not heard of the move) does not count.
    expect((await ack(t, as.candidate, startsAt)).status).toBe(204);
    expect((await impact(t, as.admin)).notice).toEqual({ acknowledged: 0 });
    expect((await ack(t, as.candidate, moved)).status).toBe(204);
    expect((await ack(t, as.client)).status).toBe(204);
    expect((await impact(t, as.admin)).notice).toEqual({ acknowledged: 2 });
  });

  it('counts the refusals of the open window since its start, by principal, and records the counts in the history', async () => {
    const { startsAt } = await scheduleDowntime(t, 11);
    t.clock.set(new Date(startsAt.getTime() - 2 * MINUTE));
    for (const who of [as.agency, as.client, as.candidate]) await use(t, who);
    t.clock.set(new Date(startsAt.getTime() + 1000));
    await untilState(t, 'active');
    await t.app.get(MaintenanceScheduler).runChecks();
    const started = (await events(t, as.admin)).find((event) => event.type === 'downtime-started');
    expect(started?.details).toMatchObject({
      signedIn: { total: 3, byRole: { AGENCY_USER: 1, CLIENT: 1, CANDIDATE: 1 } },
      acknowledged: 0,
    });

    const me = () => request(t.url).get('/api/auth/me');
    expect((await me().set('Cookie', as.agency.cookie)).status).toBe(503);
    expect((await me().set('Cookie', as.client.cookie)).status).toBe(503);
    expect((await me().set(bearer('demo-third-party-token'))).status).toBe(503);
    expect((await me()).status).toBe(503);
    // The admin keeps working during downtime and is not counted.
    await use(t, as.admin);
    const expected = {
      since: startsAt.toISOString(),
      total: 4,
      byPrincipal: { user: 2, integration: 1, anonymous: 1 },
    };
    await eventually(async () => {
      expect((await impact(t, as.admin)).refusals).toEqual(expected);
    }, 5000);
    expect((await impact(t, as.consultant)).refusals).toEqual(expected);

    await turnOff(t, as.admin);
    const off = (await events(t, as.admin)).find((event) => event.type === 'turned-off');
    expect(off?.details).toMatchObject({
      signedIn: { total: 3 },
      acknowledged: 0,
      refusals: { total: 4, byPrincipal: expected.byPrincipal },
    });
    expect((await impact(t, as.admin)).refusals).toBeNull();

    // The next window's counts start from zero at its own start.
    const next = await schedule(t, as.admin, HOUR);
    expect((await impact(t, as.admin)).refusals).toEqual({
      since: next.toISOString(),
      total: 0,
      byPrincipal: { user: 0, integration: 0, anonymous: 0 },
    });
  });
});

describe('refusals on two instances of one database add up (issue 12)', () => {
  let a: TestApp;
  let b: TestApp;
  let admin: LoggedIn;
  let agency: LoggedIn;
  const env = {
    ...LONG_SESSIONS,
    ...(testDatabaseKind() === 'sqlite' ? { MAINTENANCE_REFRESH_INTERVAL_MS: '200' } : {}),
  };

  beforeAll(async () => {
    a = await startTestApp({ env: { ...env, MAINTENANCE_REFUSAL_FLUSH_MS: '200' } });
    // b flushes only at shutdown within this test: its refusals reach the database when it stops.
    b = await startTestApp({
      env: { ...env, MAINTENANCE_REFUSAL_FLUSH_MS: String(HOUR) },
      database: a.database,
      clock: a.clock,
    });
    admin = await login(a.url, DEMO.admin);
    agency = await login(a.url, DEMO.agency);
  });
  afterAll(async () => {
    await a.close();
  });

  it('each instance counts in memory and adds its deltas; the admin sees the sum', async () => {
    const { startsAt } = await enterDowntime(a);
    const meOn = (app: TestApp) => request(app.url).get('/api/auth/me');
    await eventually(async () => {
      expect((await meOn(b).set('Cookie', agency.cookie)).status).toBe(503);
    }, 5000);
    expect((await meOn(a).set('Cookie', agency.cookie)).status).toBe(503);
    expect((await meOn(a)).status).toBe(503);
    expect((await meOn(b).set(bearer('demo-third-party-token'))).status).toBe(503);

    await eventually(async () => {
      expect((await impact(a, admin)).refusals).toEqual({
        since: startsAt.toISOString(),
        total: 2,
        byPrincipal: { user: 1, integration: 0, anonymous: 1 },
      });
    }, 5000);
    await b.close();
    expect((await impact(a, admin)).refusals).toEqual({
      since: startsAt.toISOString(),
      total: 4,
      byPrincipal: { user: 2, integration: 1, anonymous: 1 },
    });
  });
});
