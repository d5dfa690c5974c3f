import request from 'supertest';
import { DEMO, login, withSession, type LoggedIn } from './sessions.js';
import type { TestApp } from './test-app.js';

const MINUTE = 60_000;

export const SETTINGS = '/api/admin/connect/settings/maintenance';

export interface ScheduledWindow {
  startsAt: Date;
  admin: LoggedIn;
}

/**
 * Changes the maintenance settings as the demo admin through the settings API, at their current
 * version (so `change` needs none); throws unless 200. Returns the admin's session.
 */
export async function changeSettings(
  t: TestApp,
  change: Record<string, unknown>,
): Promise<LoggedIn> {
  const admin = await login(t.url, DEMO.admin);
  const current = await request(t.url).get(SETTINGS).set('Cookie', admin.cookie);
  if (current.status !== 200) throw new Error(`GET settings: ${current.status}`);
  const response = await request(t.url)
    .put(SETTINGS)
    .set(withSession(admin))
    .send({ ...change, version: current.body.version });
  if (response.status !== 200)
    throw new Error(`PUT settings: ${response.status} ${JSON.stringify(response.body)}`);
  return admin;
}

/** Turns a window on (or moves it) as the demo admin, through the settings API; throws unless 200. */
export async function scheduleWindow(t: TestApp, startsAt: Date): Promise<ScheduledWindow> {
  const admin = await changeSettings(t, { enabled: true, startsAt: startsAt.toISOString() });
  return { startsAt, admin };
}

/** A window that starts `minutesAhead` (default 15) after the injected clock's now. */
export function scheduleDowntime(t: TestApp, minutesAhead = 15): Promise<ScheduledWindow> {
  return scheduleWindow(t, new Date(t.clock.now().getTime() + minutesAhead * MINUTE));
}

/** Schedules a window and moves the injected clock just past its start: downtime is on. */
export async function enterDowntime(t: TestApp): Promise<ScheduledWindow> {
  const window = await scheduleDowntime(t);
  t.clock.set(new Date(window.startsAt.getTime() + 1000));
  await untilState(t, 'active');
  return window;
}

/**
 * A window whose start is `msAhead` from now in REAL time, for tests where the database's clock
 * must pass the start (R15). The API wants the start 10 minutes after the injected clock, so the
 * clock is set back while scheduling and restored after.
 */
export async function scheduleInRealTime(t: TestApp, msAhead: number): Promise<ScheduledWindow> {
  const startsAt = new Date(Date.now() + msAhead);
  t.clock.set(new Date(startsAt.getTime() - 10 * MINUTE - 1000));
  try {
    return await scheduleWindow(t, startsAt);
  } finally {
    t.clock.set(new Date());
  }
}

/** Polls the public status endpoint until it reports `state` (the snapshot may take a moment). */
export async function untilState(
  t: TestApp,
  state: 'off' | 'scheduled' | 'active',
  timeoutMs = 5000,
): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const status = await request(t.url).get('/api/maintenance/status');
    if (status.body.state === state) return;
    if (Date.now() > deadline)
      throw new Error(`maintenance state is ${status.body.state}, expected ${state}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

/** Turns the window off as the demo admin; throws unless 200. */
export async function turnOff(t: TestApp): Promise<void> {
  await changeSettings(t, { enabled: false });
}

/** Asserts the R17 refusal of an API request. */
export function expectRefusal(response: request.Response): void {
  expect(response.status).toBe(503);
  expect(response.headers['content-type']).toMatch(/^application\/problem\+json/);
  expect(response.headers['retry-after']).toMatch(/^\d+$/);
  expect(response.headers['cache-control']).toMatch(/no-store/);
  expect(response.body).toMatchObject({ status: 503, startsAt: expect.any(String) });
}
