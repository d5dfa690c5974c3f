import request from 'supertest';
import { DEMO, login, withSession, type LoggedIn } from './sessions.js';
import type { TestApp } from './test-app.js';

/** The one set of window-scheduling helpers: every test changes the setting through the settings API. */

export const MINUTE = 60_000;
export const HOUR = 60 * MINUTE;

export const SETTINGS = '/api/admin/connect/settings/maintenance';

export interface MaintenanceSettings {
  enabled: boolean;
  state: string;
  startsAt: string | null;
  expectedEndAt: string | null;
  message: string | null;
  version: number;
  updatedAt: string | null;
  updatedBy: string | null;
  activeTooLong: boolean;
  activeSince: string | null;
}

export interface ScheduledWindow {
  startsAt: Date;
  admin: LoggedIn;
}

export async function getSettings(t: TestApp, admin: LoggedIn): Promise<MaintenanceSettings> {
  const response = await request(t.url).get(SETTINGS).set('Cookie', admin.cookie);
  expect(response.status).toBe(200);
  return response.body as MaintenanceSettings;
}

/** The settings without the field that follows the clock. */
export async function stableSettings(t: TestApp, admin: LoggedIn) {
  const settings: Record<string, unknown> = { ...(await getSettings(t, admin)) };
  delete settings.earliestStartsAt;
  return settings;
}

/** A raw PUT of the settings, for asserting on the response itself. */
export function put(t: TestApp, admin: LoggedIn, body: Record<string, unknown>) {
  return request(t.url).put(SETTINGS).set(withSession(admin)).send(body);
}

/**
 * Changes the settings at their current version (so `change` needs none), as `admin` or else as the
 * demo admin signed in afresh; throws unless 200. Returns the admin's session.
 */
export async function changeSettings(
  t: TestApp,
  change: Record<string, unknown>,
  admin?: LoggedIn,
): Promise<LoggedIn> {
  const as = admin ?? (await login(t.url, DEMO.admin));
  const { version } = await getSettings(t, as);
  const response = await put(t, as, { ...change, version });
  if (response.status !== 200)
    throw new Error(`PUT settings: ${response.status} ${JSON.stringify(response.body)}`);
  return as;
}

/** Turns a window on (or moves it) at `startsAt`, with any other fields given. */
export async function scheduleWindow(
  t: TestApp,
  startsAt: Date,
  extra: Record<string, unknown> = {},
  admin?: LoggedIn,
): Promise<ScheduledWindow> {
  const as = await changeSettings(
    t,
    { enabled: true, startsAt: startsAt.toISOString(), ...extra },
    admin,
  );
  return { startsAt, admin: as };
}

/** Schedules a window `leadMs` after the app's clock (default one hour) and returns the start. */
export async function schedule(
  t: TestApp,
  admin: LoggedIn,
  leadMs = HOUR,
  extra: Record<string, unknown> = {},
): Promise<Date> {
  const startsAt = new Date(t.clock.now().getTime() + leadMs);
  await scheduleWindow(t, startsAt, extra, admin);
  return startsAt;
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
  // A minute of slack: on a loaded machine the PUT may reach the server seconds later.
  t.clock.set(new Date(startsAt.getTime() - 10 * MINUTE - MINUTE));
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

/** Turns the window off, as `admin` or as the demo admin; throws unless 200. */
export async function turnOff(t: TestApp, admin?: LoggedIn): Promise<void> {
  await changeSettings(t, { enabled: false }, admin);
}

/** Asserts the R17 refusal of an API request. */
export function expectRefusal(response: request.Response): void {
  expect(response.status).toBe(503);
  expect(response.headers['content-type']).toMatch(/^application\/problem\+json/);
  expect(response.headers['retry-after']).toMatch(/^\d+$/);
  expect(response.headers['cache-control']).toMatch(/no-store/);
  expect(response.body).toMatchObject({ status: 503, startsAt: expect.any(String) });
}
