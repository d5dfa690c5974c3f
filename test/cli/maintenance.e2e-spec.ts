import { jest } from '@jest/globals';
import request from 'supertest';
import { readFileSync } from 'node:fs';
import { userInfo } from 'node:os';
import { eventually } from '../maintenance/support.js';
import { formatZoned } from '../../src/cli/cli-time.js';
import {
  changeSettings,
  expectRefusal,
  scheduleInRealTime,
  turnOff,
  untilState,
} from '../support/maintenance.js';
import { DEMO, login, withSession, type LoggedIn } from '../support/sessions.js';
import { startTestApp, testDatabaseKind, type TestApp } from '../support/test-app.js';
import { logLines, messageLines, runCli } from './support.js';

jest.setTimeout(180_000);

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const ZONE = 'Europe/Amsterdam';
const CLOCK =
  testDatabaseKind() === 'postgres'
    ? "the database's clock (PostgreSQL clock_timestamp())"
    : "this host's system clock, read through SQLite (the database is a local file)";
/** A string as a regular expression that matches just it. */
const literal = (text: string): string => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
const PACKAGE_VERSION = (
  JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as {
    version: string;
  }
).version;
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
    env = { DATABASE_URL: t.database.url, APP_TIMEZONE: ZONE };
    agency = await login(t.url, DEMO.agency);
  });
  afterAll(async () => {
    await t.close();
  });

  const status = async (hostClockSkewMs?: number) => {
    const run = await runCli(['maintenance', 'status', '--json'], env, hostClockSkewMs);
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
      activeTooLong: false,
      version: 0,
      now: expect.stringMatching(/^\d{4}-\d\d-\d\dT/),
      clock: CLOCK,
    });
  });

  it('R2: a start under 10 minutes ahead is refused (exit 1, the line says so); nothing changes', async () => {
    const soon = new Date(Date.now() + 5 * MINUTE).toISOString();
    const run = await runCli(['maintenance', 'schedule', '--starts-at', soon], env);
    expect(run.code).toBe(1);
    expect(messageLines(run.stderr)).toEqual([
      expect.stringMatching(/^refused: --starts-at: must be at least 10 minutes after/),
    ]);
    // A badly formed date is a usage error, like any other bad option.
    for (const args of [
      ['--starts-at', 'tomorrow'],
      ['--starts-at', new Date(Date.now() + HOUR).toISOString(), '--expected-end', '31-12-2030'],
    ]) {
      const bad = await runCli(['maintenance', 'schedule', ...args], env);
      expect(bad.code).toBe(2);
      expect(messageLines(bad.stderr)).toEqual([
        expect.stringMatching(/^error: --(starts-at|expected-end): must be an RFC 3339/),
      ]);
    }
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
    expect(run.stdout.split('\n')).toEqual([
      expect.stringMatching(
        `^Maintenance is scheduled: starts ${literal(formatZoned(startsAt, ZONE))} \\(in 00:1[45]:\\d\\d\\); expected end ${literal(formatZoned(end, ZONE))} \\(in 01:1[45]:\\d\\d\\)\\.$`,
      ),
      'Message: Year-end closing',
      expect.stringMatching(
        `^Now: [-\\d]{10} [:\\d]{8} ${ZONE} \\(GMT\\+1\\), by ${literal(CLOCK)}\\.$`,
      ),
      '',
    ]);
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
    expect(run.stdout.split('\n')[0]).toBe('Maintenance is off.');
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
        .map((event) =>
          expect.stringMatching(
            `^${literal(formatZoned(event.at, ZONE))}\t${event.type}\t${event.actor}\t\\{`,
          ),
        ),
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

  describe('with a window', () => {
    afterEach(async () => {
      if ((await status()).state !== 'off') await turnOff(t);
    });

    it("clock skew: a CLI whose host clock is an hour off reports the server's state, by the database's clock", async () => {
      // Scheduled 15 minutes ahead: a CLI an hour ahead must not call it active.
      const startsAt = new Date(Math.ceil((Date.now() + 15 * MINUTE) / 1000) * 1000);
      await changeSettings(t, { enabled: true, startsAt: startsAt.toISOString() });
      await untilState(t, 'scheduled');
      const ahead = await status(HOUR);
      expect(ahead).toMatchObject({ state: 'scheduled', clock: CLOCK });
      expect(ahead.secondsUntilStart).toBeGreaterThan(10 * 60);
      expect(ahead.secondsUntilStart).toBeLessThanOrEqual(15 * 60);
      await turnOff(t);

      // A start the server's (and the database's) real clock passes: a CLI an hour behind must call it active.
      const window = await scheduleInRealTime(t, 2000);
      await untilState(t, 'active');
      expectRefusal(await request(t.url).get('/api/contracts').set('Cookie', agency.cookie));
      const behind = await runCli(['maintenance', 'status'], env, -HOUR);
      expect(behind.code).toBe(0);
      const lines = behind.stdout.split('\n');
      expect(lines[0]).toMatch(
        new RegExp(
          `^Maintenance is ACTIVE since ${literal(formatZoned(window.startsAt, ZONE))}: regular users are locked out`,
        ),
      );
      expect(lines).toContainEqual(expect.stringMatching(`, by ${literal(CLOCK)}\\.$`));
      const json = await status(-HOUR);
      expect(json).toMatchObject({ state: 'active', secondsUntilStart: 0, clock: CLOCK });
      // "now" is the database's, not the child's hour-behind clock.
      expect(Math.abs(Date.parse(json.now as string) - Date.now())).toBeLessThan(5 * MINUTE);
      await turnOff(t);
    });

    it('update changes only what it is given and keeps the start; with a stale --if-version it exits 3 and changes nothing', async () => {
      const startsAt = new Date(Math.ceil((Date.now() + 30 * MINUTE) / 1000) * 1000);
      await changeSettings(t, {
        enabled: true,
        startsAt: startsAt.toISOString(),
        message: 'Before',
      });
      const before = await status();
      const end = new Date(startsAt.getTime() + HOUR);
      const endOnly = await runCli(
        ['maintenance', 'update', '--expected-end', end.toISOString()],
        env,
      );
      expect(endOnly.code).toBe(0);
      const messageOnly = await runCli(['maintenance', 'update', '--message', 'After'], env);
      expect(messageOnly.code).toBe(0);
      const after = await status();
      expect(after).toMatchObject({
        state: 'scheduled',
        startsAt: startsAt.toISOString(),
        expectedEndAt: end.toISOString(),
        message: 'After',
        version: (before.version as number) + 2,
      });

      const stale = await runCli(
        ['maintenance', 'update', '--message', 'Lost', '--if-version', String(before.version)],
        env,
      );
      expect(stale.code).toBe(3);
      expect(messageLines(stale.stderr)).toEqual([expect.stringMatching(/^refused: .*version/i)]);
      const current = await runCli(
        ['maintenance', 'update', '--message', 'Kept', '--if-version', String(after.version)],
        env,
      );
      expect(current.code).toBe(0);
      expect((await status()).message).toBe('Kept');

      for (const args of [[], ['--expected-end', 'soon']]) {
        const bad = await runCli(['maintenance', 'update', ...args], env);
        expect(bad.code).toBe(2);
      }
      await turnOff(t);
      const none = await runCli(['maintenance', 'update', '--message', 'x'], env);
      expect(none.code).toBe(1);
      expect(messageLines(none.stderr)).toEqual([expect.stringMatching(/^refused: no window/)]);
    });

    it('control characters in --message are refused as the API refuses them (exit 2, naming --message); nothing is stored or served', async () => {
      const admin = await login(t.url, DEMO.admin);
      const startsAt = new Date(Date.now() + HOUR).toISOString();
      const { version } = await status();
      // (NUL cannot reach a process through its arguments at all; the unit tests cover it.)
      for (const message of ['Back soon\u001b[2J\u001b[H', 'Back soon\u0007']) {
        const run = await runCli(
          ['maintenance', 'schedule', '--starts-at', startsAt, '--message', message],
          env,
        );
        expect(run.code).toBe(2);
        expect(messageLines(run.stderr)).toEqual([
          'error: --message: must not contain control characters or unpaired surrogates',
        ]);
        const api = await request(t.url)
          .put('/api/admin/connect/settings/maintenance')
          .set(withSession(admin))
          .send({ enabled: true, startsAt, message, version });
        expect(api.status).toBe(400);
      }
      expect(await status()).toMatchObject({ state: 'off', version });
      const served = await request(t.url).get('/api/maintenance/status');
      expect(served.text).not.toMatch(/\\u001b|\\u0007|Back soon/);
    });
  });

  it('help marks the required options and cites no rule numbers; --version prints the version', async () => {
    const schedule = await runCli(['maintenance', 'schedule', '--help'], env);
    expect(schedule.code).toBe(0);
    expect(schedule.stdout).toMatch(/^Usage: staffing maintenance schedule/);
    expect(schedule.stdout).toMatch(/--starts-at <time>\s+\(required\)/);
    expect(schedule.stdout).not.toMatch(/--message <text>\s+\(required\)/);
    for (const args of [
      ['--help'],
      ['maintenance', '--help'],
      ['maintenance', 'update', '--help'],
    ]) {
      const help = await runCli(args, env);
      expect(help.code).toBe(0);
      expect(help.stdout).not.toMatch(/\bR\d+\b/);
    }
    const version = await runCli(['--version'], env);
    expect(version).toMatchObject({ code: 0, stdout: `${PACKAGE_VERSION}\n` });
  });
});
