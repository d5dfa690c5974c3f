import { jest } from '@jest/globals';
import request from 'supertest';
import { userInfo } from 'node:os';
import { eventually } from '../maintenance/support.js';
import { expectRefusal, untilState } from '../support/maintenance.js';
import { DEMO, login, type LoggedIn } from '../support/sessions.js';
import { startTestApp, testDatabaseKind, type TestApp } from '../support/test-app.js';
import { logLines, messageLines, runCli } from './support.js';

jest.setTimeout(180_000);

const MINUTE = 60_000;
const ACTOR = `cli:${userInfo().username}`;

describe('CLI: maintenance (a child process; the running server enforces what it changes)', () => {
  let t: TestApp;
  let env: Record<string, string>;
  let agency: LoggedIn;

  beforeAll(async () => {
    // SQLite: the server's backstop re-read (every 200 ms here) is what carries the change. PostgreSQL:
    // the backstop is an hour away, so only the CLI's NOTIFY can reach the server within the test.
    const refresh = testDatabaseKind() === 'sqlite' ? '200' : '3600000';
    t = await startTestApp({ env: { MAINTENANCE_REFRESH_INTERVAL_MS: refresh } });
    env = { DATABASE_URL: t.database.url, APP_TIMEZONE: 'Europe/Amsterdam' };
    agency = await login(t.url, DEMO.agency);
  });
  afterAll(async () => {
    await t.close();
  });

  const status = async () => {
    const run = await runCli(['maintenance', 'status', '--json'], env);
    expect(run.code).toBe(0);
    return JSON.parse(run.stdout) as Record<string, unknown>;
  };

  it('status --json while off; starts no scheduled jobs (stderr stays empty) and exits by itself', async () => {
    // Without SMTP the alert job logs "alerts-disabled" when it starts: the command line starts no jobs.
    const run = await runCli(['maintenance', 'status', '--json'], env);
    expect(run.code).toBe(0);
    expect(run.stderr).toBe('');
    expect(await status()).toEqual({
      state: 'off',
      startsAt: null,
      expectedEndAt: null,
      message: null,
      secondsUntilStart: null,
      activeSince: null,
      version: 0,
    });
  });

  it('R2: a start under 10 minutes ahead is refused (exit 1, the line says so); nothing changes', async () => {
    const soon = new Date(Date.now() + 5 * MINUTE).toISOString();
    const run = await runCli(['maintenance', 'schedule', '--starts-at', soon], env);
    expect(run.code).toBe(1);
    expect(messageLines(run.stderr)).toEqual([
      expect.stringMatching(/^refused: startsAt: must be at least 10 minutes after/),
    ]);
    const bad = await runCli(['maintenance', 'schedule', '--starts-at', 'tomorrow'], env);
    expect(bad.code).toBe(1);
    expect(messageLines(bad.stderr)).toEqual([
      expect.stringMatching(/^refused: startsAt: must be an RFC 3339/),
    ]);
    expect((await status()).version).toBe(0);
  });

  it('schedule: the server sees it, and enforces it at the start', async () => {
    const startsAt = new Date(Math.ceil((Date.now() + 15 * MINUTE) / 1000) * 1000);
    const end = new Date(startsAt.getTime() + 60 * MINUTE);
    const run = await runCli(
      [
        'maintenance',
        'schedule',
        '--starts-at',
        startsAt.toISOString(),
        '--expected-end',
        end.toISOString(),
        '--message',
        'Year-end closing',
      ],
      env,
    );
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(
      /^Maintenance is scheduled: starts .+ \(GMT\+1\) \(in 00:1[45]:\d\d\); expected end .+\.\nMessage: Year-end closing\n$/,
    );
    expect(logLines(run.stderr)).toContainEqual(
      expect.objectContaining({ event: 'maintenance.scheduled', actor: ACTOR }),
    );
    await untilState(t, 'scheduled');
    const json = await status();
    expect(json).toMatchObject({
      state: 'scheduled',
      startsAt: startsAt.toISOString(),
      expectedEndAt: end.toISOString(),
      message: 'Year-end closing',
      activeSince: null,
      version: 1,
    });
    expect(json.secondsUntilStart).toBeGreaterThan(13 * 60);
    expect(json.secondsUntilStart).toBeLessThanOrEqual(15 * 60);
    // The server's clock passes the start: the running instance refuses regular users.
    t.clock.set(new Date(startsAt.getTime() + 1000));
    await untilState(t, 'active');
    expectRefusal(await request(t.url).get('/api/contracts').set('Cookie', agency.cookie));
  });

  it('off: every running instance lets regular users back in', async () => {
    // The CLI's own clock is real time, before the start: it reads the window as scheduled, and turns it off.
    const run = await runCli(['maintenance', 'off'], env);
    expect(run.code).toBe(0);
    expect(run.stdout).toBe('Maintenance is off.\n');
    await eventually(async () => {
      expect((await request(t.url).get('/api/contracts').set('Cookie', agency.cookie)).status).toBe(
        200,
      );
    }, 5000);
    t.clock.set(new Date());
  });

  interface EventLine {
    id: string;
    type: string;
    actor: string;
    at: string;
  }

  it('events --json: the same history as the settings API, newest first, with the CLI as the actor', async () => {
    const run = await runCli(['maintenance', 'events', '--json'], env);
    expect(run.code).toBe(0);
    const events = JSON.parse(run.stdout) as EventLine[];
    const admin = await login(t.url, DEMO.admin);
    const api = await request(t.url)
      .get('/api/admin/connect/settings/maintenance/events')
      .set('Cookie', admin.cookie);
    expect(events).toEqual(api.body.items);
    const times = events.map((event) => Date.parse(event.at));
    expect(times).toEqual([...times].sort((a, b) => b - a));
    // (A downtime-started event by "system" may sit among them, at the server's moved clock.)
    expect(events.filter((event) => event.actor === ACTOR).map((event) => event.type)).toEqual([
      'turned-off',
      'scheduled',
    ]);
  });

  it('events --limit N and the plain form (one event per line); a bad limit is a usage error', async () => {
    const all = JSON.parse(
      (await runCli(['maintenance', 'events', '--json'], env)).stdout,
    ) as EventLine[];
    const limited = await runCli(['maintenance', 'events', '--json', '--limit', '1'], env);
    expect(JSON.parse(limited.stdout)).toEqual(all.slice(0, 1));
    const plain = await runCli(['maintenance', 'events', '--limit', '2'], env);
    expect(plain.stdout.trim().split('\n')).toEqual(
      all
        .slice(0, 2)
        .map((event) => expect.stringMatching(`^${event.at}\t${event.type}\t${event.actor}\t\\{`)),
    );
    for (const limit of ['0', 'abc', '101']) {
      const bad = await runCli(['maintenance', 'events', '--limit', limit], env);
      expect(bad.code).toBe(2);
      expect(messageLines(bad.stderr)).toEqual([
        'error: --limit must be a whole number from 1 to 100',
      ]);
    }
  });

  it('a usage error exits 2: schedule without --starts-at', async () => {
    const run = await runCli(['maintenance', 'schedule'], env);
    expect(run.code).toBe(2);
    expect(messageLines(run.stderr)).toEqual([
      "error: required option '--starts-at <time>' not specified",
    ]);
  });
});
