import { SchedulerRegistry } from '@nestjs/schedule';
import request from 'supertest';
import { MaintenanceRefusalCounter, MaintenanceStateService } from '../../src/maintenance/index.js';
import { BACKSTOP_INTERVAL, DOWNTIME_START_TIMEOUT } from '../../src/maintenance/testing.js';
import { ValidationPipe } from '@nestjs/common';
import { startLiftApp, widgetCalls, type LiftApp } from './lift-app.js';

/** The module's default routes: the lift host chooses none. */
const SETTINGS = '/maintenance/settings';
const MINUTE = 60_000;
const operator = { 'X-Role': 'operator' };
const clerk = { 'X-Role': 'clerk' };

/** The module in a second, minimal host (test/lift/lift-app.ts): guard, headers, settings rules, scheduled job. */
describe('the maintenance module lifted into another Nest app', () => {
  let lift: LiftApp;
  let startsAt: Date;

  beforeAll(async () => {
    lift = await startLiftApp();
  });
  afterAll(async () => {
    await lift.close();
  });

  const put = (headers: Record<string, string>, body: Record<string, unknown>) =>
    request(lift.url).put(SETTINGS).set(headers).send(body);

  describe('settings rules (R1, R2, R6) with the host’s admin role', () => {
    it('answers 401 to anonymous and 403 to other roles', async () => {
      expect((await request(lift.url).get(SETTINGS)).status).toBe(401);
      expect((await request(lift.url).get(SETTINGS).set(clerk)).status).toBe(403);
      expect((await request(lift.url).get(SETTINGS).set(operator)).status).toBe(200);
    });

    it('refuses a start under 10 minutes ahead and a year outside 1970–9999, naming the field', async () => {
      const soon = new Date(lift.clock.now().getTime() + 9 * MINUTE).toISOString();
      const tooSoon = await put(operator, { enabled: true, startsAt: soon, version: 0 });
      expect(tooSoon.status).toBe(400);
      expect(tooSoon.headers['content-type']).toMatch(/^application\/problem\+json/);
      expect(tooSoon.body.errors).toEqual([
        { field: 'startsAt', reason: expect.stringMatching(/at least 10 minutes/) },
      ]);
      const farFuture = await put(operator, {
        enabled: true,
        startsAt: '9999-12-31T23:30:00-01:00',
        version: 0,
      });
      expect(farFuture.status).toBe(400);
      expect(farFuture.body.errors).toEqual([
        { field: 'startsAt', reason: 'must fall in the UTC years 1970 to 9999' },
      ]);
      expect((await request(lift.url).get(SETTINGS).set(operator)).body.version).toBe(0);
    });

    it('schedules a window and refuses a change based on a stale version (409)', async () => {
      startsAt = new Date(lift.clock.now().getTime() + 30 * MINUTE);
      const scheduled = await put(operator, {
        enabled: true,
        startsAt: startsAt.toISOString(),
        version: 0,
      });
      expect(scheduled.status).toBe(200);
      expect(scheduled.body).toMatchObject({
        state: 'scheduled',
        startsAt: startsAt.toISOString(),
        version: 1,
        updatedBy: 'operator@lift.test',
      });
      const stale = await put(operator, { enabled: true, message: 'late', version: 0 });
      expect(stale.status).toBe(409);
      expect(stale.body.currentVersion).toBe(1);
    });
  });

  describe('before the start', () => {
    it('lets everybody through and puts the countdown headers on routed responses (R7, R11)', async () => {
      lift.clock.set(new Date(startsAt.getTime() - 100_500));
      const response = await request(lift.url).get('/api/widgets').set(clerk);
      expect(response.status).toBe(200);
      expect(response.headers['maintenance-starts-at']).toBe(startsAt.toISOString());
      expect(Number(response.headers['maintenance-countdown'])).toBeGreaterThanOrEqual(100);
      expect(Number(response.headers['maintenance-countdown'])).toBeLessThanOrEqual(102);
      const invalid = await put(operator, { enabled: 'yes', version: 1 });
      expect(invalid.status).toBe(400);
      expect(invalid.headers['maintenance-starts-at']).toBe(startsAt.toISOString());
    });

    it('arms the named start timeout and the backstop interval in the SchedulerRegistry', async () => {
      // The backstop re-reads the window: the snapshot is confirmed again after an interval.
      const state = lift.app.get(MaintenanceStateService);
      const confirmed = state.confirmedAt()!.getTime();
      await new Promise((resolve) => setTimeout(resolve, 300));
      expect(state.confirmedAt()!.getTime()).toBeGreaterThan(confirmed);
      const registry = lift.app.get(SchedulerRegistry);
      expect(registry.doesExist('timeout', DOWNTIME_START_TIMEOUT)).toBe(true);
      expect(registry.doesExist('interval', BACKSTOP_INTERVAL)).toBe(true);
    });
  });

  describe('during downtime', () => {
    beforeAll(() => {
      lift.clock.set(new Date(startsAt.getTime() + 1000));
      widgetCalls.api = widgetCalls.page = widgetCalls.open = 0;
    });

    it('refuses the host’s regular role on API routes with 503 problem+json, Retry-After and the headers', async () => {
      const response = await request(lift.url).get('/api/widgets').set(clerk);
      expect(response.status).toBe(503);
      expect(response.headers['content-type']).toMatch(/^application\/problem\+json/);
      expect(response.headers['retry-after']).toBe('120');
      expect(response.headers['cache-control']).toBe('no-store');
      expect(response.headers['maintenance-starts-at']).toBe(startsAt.toISOString());
      expect(response.headers['maintenance-countdown']).toBe('0');
      expect(response.body).toMatchObject({ status: 503, startsAt: startsAt.toISOString() });
      expect((await request(lift.url).get('/api/widgets')).status).toBe(503);
      expect((await request(lift.url).get('/api/widgets').set('X-Robot', 'crawler')).status).toBe(
        503,
      );
      expect(widgetCalls.api).toBe(0);
    });

    it('sends a refused page to the host’s page path (303)', async () => {
      const response = await request(lift.url).get('/widgets').set(clerk).redirects(0);
      expect(response.status).toBe(303);
      expect(response.headers.location).toBe('/down');
      expect(widgetCalls.page).toBe(0);
    });

    it('lets the host’s exempt role and integration kind through, and everybody on open routes', async () => {
      expect((await request(lift.url).get('/api/widgets').set(operator)).status).toBe(200);
      expect((await request(lift.url).get('/api/widgets').set('X-Robot', 'monitor')).status).toBe(
        200,
      );
      expect((await request(lift.url).get('/api/ping').set(clerk)).status).toBe(200);
      expect(widgetCalls).toEqual({ api: 2, page: 0, open: 1 });
    });

    it('counts the refusals by principal kind and surface', () => {
      const counts = lift.app.get(MaintenanceRefusalCounter).counts();
      expect(counts.user).toEqual({ api: 1, page: 1, login: 0 });
      expect(counts.anonymous).toEqual({ api: 1, page: 0, login: 0 });
      expect(counts.integration).toEqual({ api: 1, page: 0, login: 0 });
    });

    it('records downtime-started exactly once (the scheduled job’s backstop catches the moved clock)', async () => {
      const deadline = Date.now() + 5000;
      let types: string[] = [];
      while (Date.now() < deadline) {
        const events = await request(lift.url).get(`${SETTINGS}/events`).set(operator);
        types = (events.body.items as Array<{ type: string }>).map((event) => event.type);
        if (types.includes('downtime-started')) break;
        await new Promise((resolve) => setTimeout(resolve, 50));
      }
      await new Promise((resolve) => setTimeout(resolve, 300));
      const events = await request(lift.url).get(`${SETTINGS}/events`).set(operator);
      types = (events.body.items as Array<{ type: string }>).map((event) => event.type);
      expect(types.filter((type) => type === 'downtime-started')).toHaveLength(1);
      expect(lift.app.get(SchedulerRegistry).doesExist('timeout', DOWNTIME_START_TIMEOUT)).toBe(
        false,
      );
    });

    it('answers the public status to anyone (the host has no access guard to tell)', async () => {
      const status = await request(lift.url).get('/maintenance/status');
      expect(status.status).toBe(200);
      expect(status.body).toMatchObject({ state: 'active', exempt: false });
    });
  });
});

/** Whatever pipe the host uses (none, or a plain one), the module validates its own input. */
describe.each([
  ['no pipe', undefined],
  ['a plain ValidationPipe', new ValidationPipe()],
])('the module’s own validation in a host with %s', (_, pipe) => {
  let lift: LiftApp;

  beforeAll(async () => {
    lift = await startLiftApp(pipe);
  });
  afterAll(async () => {
    await lift.close();
  });

  const expectFieldProblem = (response: request.Response, field: string) => {
    expect(response.status).toBe(400);
    expect(response.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(response.body).toMatchObject({ status: 400, type: '/problems/validation' });
    expect(response.body.errors).toEqual(
      expect.arrayContaining([{ field, reason: expect.any(String) }]),
    );
  };
  const put = (body: string) =>
    request(lift.url)
      .put(SETTINGS)
      .set(operator)
      .set('Content-Type', 'application/json')
      .send(body);

  it.each([
    ['an object message', { enabled: true, message: { a: 1 }, version: 0 }, 'message'],
    ['a numeric start', { enabled: true, startsAt: 5, version: 0 }, 'startsAt'],
    ['a text version', { enabled: false, version: 'zero' }, 'version'],
    ['an unknown field', { enabled: false, version: 0, drop: 'table' }, 'drop'],
  ])('answers a PUT with %s with 400 naming the field', async (_label, body, field) => {
    expectFieldProblem(await put(JSON.stringify(body)), field);
  });

  it('answers a JSON body that is no object with 400 problem+json', async () => {
    // (Express's JSON parser refuses bare strings and null itself, before any route.)
    for (const body of ['[1,2]', '[]', '[{"enabled":false,"version":0}]']) {
      const response = await put(body);
      expect(response.status).toBe(400);
      expect(response.headers['content-type']).toMatch(/^application\/problem\+json/);
    }
  });

  it.each([
    ['page=abc', 'page'],
    ['pageSize=0', 'pageSize'],
    ['page=1&page=2', 'page'],
    ['sort=up', 'sort'],
  ])('answers events?%s with 400 naming the field', async (query, field) => {
    expectFieldProblem(
      await request(lift.url).get(`${SETTINGS}/events?${query}`).set(operator),
      field,
    );
  });

  it('answers an acknowledgement with an object start with 400 naming the field', async () => {
    const response = await request(lift.url)
      .post('/maintenance/notice/ack')
      .set(clerk)
      .send({ startsAt: { now: true } });
    expectFieldProblem(response, 'startsAt');
  });
});
