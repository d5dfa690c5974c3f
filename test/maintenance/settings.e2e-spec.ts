import request from 'supertest';
import { MaintenanceScheduler } from '../../src/maintenance/testing.js';
import { loginAll } from '../support/fixtures.js';
import { bearer, withSession } from '../support/sessions.js';
import { startTestApp } from '../support/test-app.js';
import { LONG_SESSIONS, logEvents, useMaintenanceApp } from './support.js';
import {
  getSettings,
  HOUR,
  MINUTE,
  put,
  schedule,
  SETTINGS,
  stableSettings,
  turnOff,
} from '../support/maintenance.js';

describe('maintenance settings API (R1–R6)', () => {
  const { t, as: s } = useMaintenanceApp();

  describe('R1: only customer admins and consultants', () => {
    it('lets both read and change the setting', async () => {
      for (const who of [s.admin, s.consultant]) {
        expect((await request(t.url).get(SETTINGS).set('Cookie', who.cookie)).status).toBe(200);
        expect(
          (await request(t.url).get(`${SETTINGS}/events`).set('Cookie', who.cookie)).status,
        ).toBe(200);
      }
      const { version } = await getSettings(t, s.consultant);
      const start = new Date(t.clock.now().getTime() + HOUR).toISOString();
      const response = await put(t, s.consultant, { enabled: true, startsAt: start, version });
      expect(response.status).toBe(200);
      expect(response.body.updatedBy).toBe('consultant@demo.test');
    });

    it('gives every other user 403 on read, write and events, and changes nothing', async () => {
      const before = await stableSettings(t, s.admin);
      for (const who of [s.agency, s.client, s.candidate]) {
        expect((await request(t.url).get(SETTINGS).set('Cookie', who.cookie)).status).toBe(403);
        expect(
          (await request(t.url).get(`${SETTINGS}/events`).set('Cookie', who.cookie)).status,
        ).toBe(403);
        const write = await put(t, who, {
          enabled: true,
          startsAt: new Date(t.clock.now().getTime() + HOUR).toISOString(),
          version: before.version,
        });
        expect(write.status).toBe(403);
        expect(write.headers['content-type']).toContain('application/problem+json');
      }
      for (const token of ['demo-backoffice-token', 'demo-third-party-token']) {
        expect((await request(t.url).get(SETTINGS).set(bearer(token))).status).toBe(403);
      }
      expect(await stableSettings(t, s.admin)).toEqual(before);
    });

    it('gives anonymous 401', async () => {
      expect((await request(t.url).get(SETTINGS)).status).toBe(401);
      expect((await request(t.url).put(SETTINGS).send({ enabled: false, version: 0 })).status).toBe(
        401,
      );
      expect((await request(t.url).get(`${SETTINGS}/events`)).status).toBe(401);
    });
  });

  describe('R2: the start', () => {
    const attempt = async (startsAt: unknown) => {
      const { version } = await getSettings(t, s.admin);
      return put(t, s.admin, { enabled: true, startsAt, version });
    };

    it('refuses 9:59 ahead and accepts 10:00 ahead of the server clock', async () => {
      const soon = await attempt(
        new Date(t.clock.now().getTime() + 9 * MINUTE + 59_000).toISOString(),
      );
      expect(soon.status).toBe(400);
      expect(soon.body.errors).toEqual([
        { field: 'startsAt', reason: expect.stringContaining('at least 10 minutes') },
      ]);
      // A little slack for the request's own travel time: the server's clock moves on meanwhile.
      const ok = await attempt(
        new Date(t.clock.now().getTime() + 10 * MINUTE + 2_000).toISOString(),
      );
      expect(ok.status).toBe(200);
      expect(ok.body.state).toBe('scheduled');
    });

    it('accepts a start a year ahead', async () => {
      const response = await attempt(
        new Date(t.clock.now().getTime() + 365 * 24 * HOUR).toISOString(),
      );
      expect(response.status).toBe(200);
    });

    it.each([
      [
        'in the past',
        () => new Date(t.clock.now().getTime() - HOUR).toISOString(),
        'at least 10 minutes',
      ],
      ['without a UTC offset', () => '2031-01-05T18:00:00', 'UTC offset'],
      ['unparsable', () => 'tomorrow at six', 'RFC 3339'],
      ['missing', () => undefined, 'required'],
    ])('refuses a start %s with a reason, and changes nothing', async (_label, value, reason) => {
      const before = await stableSettings(t, s.admin);
      const response = await attempt(value());
      expect(response.status).toBe(400);
      expect(response.headers['content-type']).toContain('application/problem+json');
      expect(response.body.errors[0].field).toBe('startsAt');
      expect(response.body.errors[0].reason).toContain(reason);
      expect(await stableSettings(t, s.admin)).toEqual(before);
    });

    it.each([
      ['a start in UTC year 10000', { startsAt: '9999-12-31T23:30:00-01:00' }, 'startsAt'],
      ['a start before 1970 in UTC', { startsAt: '1970-01-01T00:30:00+01:00' }, 'startsAt'],
      [
        'an expected end in UTC year 10000',
        { startsAt: '9999-01-01T00:00:00Z', expectedEndAt: '+010000-01-01T00:00:00Z' },
        'expectedEndAt',
      ],
    ])(
      'refuses %s with a 400 naming the field, and changes nothing',
      async (_label, fields, field) => {
        const before = await stableSettings(t, s.admin);
        const { version } = await getSettings(t, s.admin);
        const response = await put(t, s.admin, { enabled: true, ...fields, version });
        expect(response.status).toBe(400);
        expect(response.headers['content-type']).toContain('application/problem+json');
        expect(response.body.errors).toEqual([{ field, reason: expect.any(String) }]);
        expect(await stableSettings(t, s.admin)).toEqual(before);
      },
    );

    it('returns the extreme instants it accepts so that they read back unchanged', async () => {
      const { version } = await getSettings(t, s.admin);
      const first = await put(t, s.admin, {
        enabled: true,
        startsAt: '9999-12-31T23:00:00-00:59',
        expectedEndAt: '9999-12-31T23:59:59.999Z',
        version,
      });
      expect(first.status).toBe(200);
      expect(first.body).toMatchObject({
        startsAt: '9999-12-31T23:59:00.000Z',
        expectedEndAt: '9999-12-31T23:59:59.999Z',
      });
      const again = await put(t, s.admin, {
        enabled: true,
        startsAt: first.body.startsAt,
        expectedEndAt: first.body.expectedEndAt,
        version: first.body.version,
      });
      expect(again.status).toBe(200);
      expect(again.body).toMatchObject({
        startsAt: first.body.startsAt,
        expectedEndAt: first.body.expectedEndAt,
        version: first.body.version,
      });
    });

    it('refuses an expected end before the start, a too long message and unknown fields', async () => {
      const { version } = await getSettings(t, s.admin);
      const start = new Date(t.clock.now().getTime() + HOUR);
      const end = await put(t, s.admin, {
        enabled: true,
        startsAt: start.toISOString(),
        expectedEndAt: new Date(start.getTime() - 1).toISOString(),
        version,
      });
      expect(end.status).toBe(400);
      expect(end.body.errors[0].field).toBe('expectedEndAt');
      const long = await put(t, s.admin, {
        enabled: true,
        startsAt: start.toISOString(),
        message: 'x'.repeat(501),
        version,
      });
      expect(long.status).toBe(400);
      expect(long.body.errors[0].field).toBe('message');
      const unknown = await put(t, s.admin, {
        enabled: true,
        startsAt: start.toISOString(),
        version,
        state: 'active',
      });
      expect(unknown.status).toBe(400);
      expect(unknown.body.errors[0].field).toBe('state');
      expect((await getSettings(t, s.admin)).enabled).toBe(false);
    });
  });

  describe('R3: transitions', () => {
    it('moves the start while scheduled (R2 again) and turns it off', async () => {
      await schedule(t, s.admin, 2 * HOUR);
      let { version } = await getSettings(t, s.admin);
      const tooSoon = await put(t, s.admin, {
        enabled: true,
        startsAt: new Date(t.clock.now().getTime() + 5 * MINUTE).toISOString(),
        version,
      });
      expect(tooSoon.status).toBe(400);
      const later = new Date(t.clock.now().getTime() + 3 * HOUR);
      const moved = await put(t, s.admin, {
        enabled: true,
        startsAt: later.toISOString(),
        version,
      });
      expect(moved.status).toBe(200);
      expect(moved.body.startsAt).toBe(later.toISOString());
      ({ version } = moved.body);
      const off = await put(t, s.admin, { enabled: false, version });
      expect(off.status).toBe(200);
      expect(off.body).toMatchObject({ enabled: false, state: 'off', startsAt: null });
    });

    it('keeps a start that is close by when only the message changes', async () => {
      const start = await schedule(t, s.admin, 11 * MINUTE);
      t.clock.advance(5 * MINUTE);
      const { version } = await getSettings(t, s.admin);
      const response = await put(t, s.admin, { enabled: true, message: 'Nearly there', version });
      expect(response.status).toBe(200);
      expect(response.body).toMatchObject({
        startsAt: start.toISOString(),
        message: 'Nearly there',
      });
    });

    it('once active, refuses moving the start but edits the message and the expected end, and turns off', async () => {
      const start = await schedule(t, s.admin, HOUR);
      t.clock.advance(HOUR);
      let settings = await getSettings(t, s.admin);
      expect(settings.state).toBe('active');
      const move = await put(t, s.admin, {
        enabled: true,
        startsAt: new Date(t.clock.now().getTime() + 2 * HOUR).toISOString(),
        version: settings.version,
      });
      expect(move.status).toBe(400);
      expect(move.body.errors[0]).toEqual({
        field: 'startsAt',
        reason: expect.stringContaining('cannot be changed once downtime has started'),
      });
      const end = new Date(t.clock.now().getTime() + 3 * HOUR).toISOString();
      const edit = await put(t, s.admin, {
        enabled: true,
        startsAt: start.toISOString(),
        message: 'Closing the books',
        expectedEndAt: end,
        version: settings.version,
      });
      expect(edit.status).toBe(200);
      expect(edit.body).toMatchObject({
        state: 'active',
        message: 'Closing the books',
        expectedEndAt: end,
        startsAt: start.toISOString(),
      });
      settings = await getSettings(t, s.admin);
      const off = await put(t, s.admin, { enabled: false, version: settings.version });
      expect(off.status).toBe(200);
      expect(off.body.state).toBe('off');
    });
  });

  describe('R4: no automatic end', () => {
    it('stays active long past the expected end, and warns when it lasts too long', async () => {
      const start = await schedule(t, s.admin, HOUR, {
        expectedEndAt: new Date(t.clock.now().getTime() + 2 * HOUR).toISOString(),
      });
      t.clock.set(new Date(start.getTime() + 30 * 24 * HOUR));
      await t.app.get(MaintenanceScheduler).runChecks();
      const settings = await getSettings(t, s.admin);
      expect(settings).toMatchObject({
        enabled: true,
        state: 'active',
        activeSince: start.toISOString(),
        activeTooLong: true,
      });
      expect((await request(t.url).get('/api/auth/me').set('Cookie', s.agency.cookie)).status).toBe(
        503,
      );
    });
  });

  describe('R5: events', () => {
    it('records every change and the start of downtime, newest first, with actor and old/new values, and logs each', async () => {
      const logsBefore = t.logs.length;
      const start = await schedule(t, s.admin, HOUR, { message: 'First' });
      let { version } = await getSettings(t, s.admin);
      const moved = new Date(start.getTime() + HOUR);
      expect(
        (await put(t, s.admin, { enabled: true, startsAt: moved.toISOString(), version })).status,
      ).toBe(200);
      ({ version } = await getSettings(t, s.consultant));
      expect(
        (await put(t, s.consultant, { enabled: true, message: 'Second', version })).status,
      ).toBe(200);
      t.clock.set(moved);
      await t.app.get(MaintenanceScheduler).runChecks();
      ({ version } = await getSettings(t, s.admin));
      expect((await put(t, s.admin, { enabled: false, version })).status).toBe(200);

      const events = await request(t.url)
        .get(`${SETTINGS}/events?pageSize=5`)
        .set('Cookie', s.admin.cookie);
      expect(events.status).toBe(200);
      const items = events.body.items as Array<Record<string, unknown>>;
      expect(items.slice(0, 5).map((event) => event.type)).toEqual([
        'turned-off',
        'downtime-started',
        'message-changed',
        'rescheduled',
        'scheduled',
      ]);
      const [off, started, message, rescheduled, scheduled] = items;
      expect(scheduled).toMatchObject({
        actor: 'admin@demo.test',
        details: { new: { startsAt: start.toISOString(), message: 'First', expectedEndAt: null } },
      });
      expect(rescheduled).toMatchObject({
        actor: 'admin@demo.test',
        details: { old: { startsAt: start.toISOString() }, new: { startsAt: moved.toISOString() } },
      });
      expect(message).toMatchObject({
        actor: 'consultant@demo.test',
        details: { old: { message: 'First' }, new: { message: 'Second' } },
      });
      expect(started).toMatchObject({ actor: 'system', at: moved.toISOString() });
      expect(off).toMatchObject({
        actor: 'admin@demo.test',
        details: { old: { startsAt: moved.toISOString(), message: 'Second', state: 'active' } },
      });
      expect(new Set(items.slice(0, 5).map((event) => event.windowId)).size).toBe(1);

      const lines = t.logs
        .slice(logsBefore)
        .filter((line) => String(line.event).startsWith('maintenance.'));
      expect(lines.map((line) => line.event)).toEqual([
        'maintenance.scheduled',
        'maintenance.rescheduled',
        'maintenance.message-changed',
        'maintenance.downtime-started',
        'maintenance.turned-off',
      ]);
      expect(lines[1]).toMatchObject({
        actor: 'admin@demo.test',
        details: { new: { startsAt: moved.toISOString() } },
      });
    });

    it('paginates with a total and validates the page parameters', async () => {
      const all = await request(t.url)
        .get(`${SETTINGS}/events?page=1&pageSize=100`)
        .set('Cookie', s.admin.cookie);
      const total = all.body.total as number;
      expect(total).toBeGreaterThanOrEqual(5);
      const second = await request(t.url)
        .get(`${SETTINGS}/events?page=2&pageSize=2`)
        .set('Cookie', s.admin.cookie);
      expect(second.body).toMatchObject({ total, page: 2, pageSize: 2 });
      expect(second.body.items).toEqual(all.body.items.slice(2, 4));
      for (const query of [
        'page=0',
        'page=1e20',
        'page=100001',
        'pageSize=101',
        'page=abc',
        'pageSize=1.5',
        'sort=at',
      ]) {
        const bad = await request(t.url)
          .get(`${SETTINGS}/events?${query}`)
          .set('Cookie', s.admin.cookie);
        expect(bad.status).toBe(400);
      }
    });

    it('logs a downtime-started line only once however often the check runs', async () => {
      const start = await schedule(t, s.admin, HOUR);
      t.clock.set(start);
      const scheduler = t.app.get(MaintenanceScheduler);
      await Promise.all([scheduler.runChecks(), scheduler.runChecks(), scheduler.runChecks()]);
      await scheduler.runChecks();
      const windowId = (
        await request(t.url).get(`${SETTINGS}/events?pageSize=1`).set('Cookie', s.admin.cookie)
      ).body.items[0].windowId;
      expect(
        logEvents(t, 'maintenance.downtime-started').filter((line) => line.windowId === windowId),
      ).toHaveLength(1);
    });
  });

  describe('R6: optimistic locking', () => {
    it('refuses a change based on a stale version with 409 and keeps the other change', async () => {
      const { version } = await getSettings(t, s.admin);
      const first = await put(t, s.admin, {
        enabled: true,
        startsAt: new Date(t.clock.now().getTime() + HOUR).toISOString(),
        message: 'admin',
        version,
      });
      expect(first.status).toBe(200);
      const second = await put(t, s.consultant, {
        enabled: true,
        startsAt: new Date(t.clock.now().getTime() + 2 * HOUR).toISOString(),
        message: 'consultant',
        version,
      });
      expect(second.status).toBe(409);
      expect(second.headers['content-type']).toContain('application/problem+json');
      expect((await getSettings(t, s.admin)).message).toBe('admin');
    });

    it('lets exactly one of two simultaneous changes win', async () => {
      const { version } = await getSettings(t, s.admin);
      const start = new Date(t.clock.now().getTime() + HOUR).toISOString();
      const results = await Promise.all([
        put(t, s.admin, { enabled: true, startsAt: start, message: 'a', version }),
        put(t, s.consultant, { enabled: true, startsAt: start, message: 'b', version }),
      ]);
      expect(results.map((r) => r.status).sort()).toEqual([200, 409]);
      const after = await getSettings(t, s.admin);
      expect(after.version).toBe(version + 1);
      const { version: v2 } = after;
      const offs = await Promise.all([
        put(t, s.admin, { enabled: false, version: v2 }),
        put(t, s.consultant, { enabled: true, message: 'c', version: v2 }),
      ]);
      expect(offs.map((r) => r.status).sort()).toEqual([200, 409]);
    });

    it('uses version 0 when there never was a window, and a new window after turning off', async () => {
      const fresh = await startTestApp({ env: LONG_SESSIONS });
      try {
        const admin = (await loginAll(fresh)).admin;
        expect((await getSettings(fresh, admin)).version).toBe(0);
        expect(
          (
            await put(fresh, admin, {
              enabled: true,
              startsAt: new Date(fresh.clock.now().getTime() + HOUR).toISOString(),
              version: 1,
            })
          ).status,
        ).toBe(409);
        await schedule(fresh, admin);
        await turnOff(fresh, admin);
        const off = await getSettings(fresh, admin);
        expect(off).toMatchObject({ enabled: false, version: 2, updatedBy: 'admin@demo.test' });
        await schedule(fresh, admin);
        expect((await getSettings(fresh, admin)).version).toBe(3);
      } finally {
        await fresh.close();
      }
    });
  });

  it('needs the CSRF token for a change by session', async () => {
    const response = await request(t.url)
      .put(SETTINGS)
      .set('Cookie', s.admin.cookie)
      .send({ enabled: false, version: 0 });
    expect(response.status).toBe(403);
    expect(withSession(s.admin)['X-CSRF-Token']).toBeTruthy();
  });
});
