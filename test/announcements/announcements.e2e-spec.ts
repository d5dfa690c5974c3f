import { SchedulerRegistry } from '@nestjs/schedule';
import { randomUUID } from 'node:crypto';
import request from 'supertest';
import {
  CLAIM_LEASE_MS,
  ANNOUNCEMENTS_INTERVAL,
  AnnouncementsJob,
  type AnnouncementRun,
} from '../../src/announcements/announcements.job.js';
import { formatInstant } from '../../src/pages/pages.time.js';
import { User } from '../../src/users/user.entity.js';
import { startSmtpSink, type ReceivedMail, type SmtpSink } from '../features/smtp-sink.js';
import { countRows } from '../support/fixtures.js';
import {
  changeSettings,
  getSettings,
  HOUR,
  MINUTE,
  put,
  scheduleWindow,
  turnOff,
} from '../support/maintenance.js';
import { DEMO, login, type LoggedIn } from '../support/sessions.js';
import {
  freshDatabase,
  startTestApp,
  testDatabaseKind,
  type TestApp,
  type TestDatabase,
} from '../support/test-app.js';
import { attachedCalendar, mailText, parseCalendar } from './support.js';

const PUBLIC_URL = 'https://staffing.example.test';
const PER_MINUTE = 10;
/** Active regular users added to the demo's three, so that one change needs more than a minute's mails. */
const EXTRA_USERS = 9;

describe('announcements by e-mail with an iCalendar entry (issue 20)', () => {
  let sink: SmtpSink;
  let database: TestDatabase;
  let a: TestApp;
  let b: TestApp;
  let admin: LoggedIn;
  let recipients: string[];

  const env = () => ({
    SMTP_HOST: '127.0.0.1',
    SMTP_PORT: String(sink.port),
    PUBLIC_URL,
    ANNOUNCEMENT_MAILS_PER_MINUTE: String(PER_MINUTE),
    // Never fires by itself during the test: the test runs the job.
    ANNOUNCEMENT_INTERVAL_MS: String(24 * HOUR),
    SESSION_IDLE_MINUTES: '100000',
    SESSION_ABSOLUTE_HOURS: '100000',
  });

  /**
   * Runs the job on both instances (at once on PostgreSQL; SQLite, which runs one instance in
   * production, in turn) until nothing is left, a minute apart (the limit).
   */
  const runBoth = () =>
    testDatabaseKind() === 'postgres'
      ? Promise.all([a, b].map((t) => t.app.get(AnnouncementsJob).runOnce()))
      : [a, b].reduce(
          async (runs, t) => [...(await runs), await t.app.get(AnnouncementsJob).runOnce()],
          Promise.resolve([] as AnnouncementRun[]),
        );

  async function drain(): Promise<void> {
    for (let round = 0; round < 10; round += 1) {
      const runs = await runBoth();
      if (runs.every((run) => run.expanded === 0 && run.sent === 0) && round > 0) return;
      a.clock.advance(MINUTE + 1000);
    }
  }

  const mailsSince = (from: number): ReceivedMail[] => sink.messages.slice(from);
  const byRecipient = (mails: ReceivedMail[]) => mails.map((mail) => mail.to.join(',')).sort();

  beforeAll(async () => {
    sink = await startSmtpSink();
    database = freshDatabase();
    a = await startTestApp({ env: env(), database });
    b = await startTestApp({ env: env(), database, clock: a.clock });
    const users = a.dataSource.getRepository(User);
    const extra = Array.from({ length: EXTRA_USERS }, (_, i) => `worker${i}@demo.test`);
    await users.insert([
      ...extra.map((email) => ({
        id: randomUUID(),
        email,
        displayName: email,
        role: 'CANDIDATE' as const,
        status: 'active' as const,
        passwordHash: null,
        companyId: null,
        activationTokenHash: null,
        activationExpiresAt: null,
        createdAt: a.clock.now(),
      })),
      {
        id: randomUUID(),
        email: 'gone@demo.test',
        displayName: 'Gone',
        role: 'AGENCY_USER' as const,
        status: 'disabled' as const,
        passwordHash: null,
        companyId: null,
        activationTokenHash: null,
        activationExpiresAt: null,
        createdAt: a.clock.now(),
      },
    ]);
    recipients = [DEMO.agency, DEMO.client, DEMO.candidate, ...extra].sort();
    admin = await login(a.url, DEMO.admin);
    // The candidate reads the platform in Dutch: the announcement follows.
    const candidate = await login(a.url, DEMO.candidate);
    await request(a.url)
      .get('/api/auth/me')
      .set({ Cookie: candidate.cookie, 'Accept-Language': 'nl' });
    for (let i = 0; i < 50 && (await countRows(a, 'user_languages')) === 0; i += 1)
      await new Promise((resolve) => setTimeout(resolve, 20));
  });
  afterAll(async () => {
    await b.close();
    await a.close();
    await database.drop();
    await sink.close();
  });

  let uid: string;
  let startsAt: Date;

  it('the job runs on a named interval of @nestjs/schedule', () => {
    expect(a.app.get(SchedulerRegistry).doesExist('interval', ANNOUNCEMENTS_INTERVAL)).toBe(true);
  });

  it('a window scheduled without announce is not announced', async () => {
    await scheduleWindow(a, new Date(a.clock.now().getTime() + HOUR), {}, admin);
    await drain();
    expect(sink.messages).toHaveLength(0);
    await turnOff(a, admin);
    a.clock.advance(1000);
    await drain();
    expect(sink.messages).toHaveLength(0);
  });

  it('scheduling with announce: the settings answer at once; every active regular user gets one mail, each once across two instances, within the per-minute limit', async () => {
    startsAt = new Date(a.clock.now().getTime() + 2 * HOUR);
    startsAt.setUTCSeconds(0, 0);
    const endsAt = new Date(startsAt.getTime() + 3 * HOUR);
    const { version } = await getSettings(a, admin);
    const response = await put(a, admin, {
      enabled: true,
      startsAt: startsAt.toISOString(),
      expectedEndAt: endsAt.toISOString(),
      announce: true,
      version,
    });
    expect(response.status).toBe(200);
    expect(response.body.announce).toBe(true);
    // Nothing is sent in the request: the job does it.
    expect(sink.messages).toHaveLength(0);

    const first = await runBoth();
    expect(first.reduce((sum, run) => sum + run.sent, 0)).toBe(PER_MINUTE);
    await drain();
    const mails = mailsSince(0);
    expect(byRecipient(mails)).toEqual(recipients);

    const english = mails.find((mail) => mail.to[0] === DEMO.agency)!;
    // The start in the platform's zone, in the recipient's language, with what stops and what works.
    expect(english.subject).toBe(
      `Planned maintenance: the platform is unavailable from ${formatInstant(startsAt, a.config.APP_TIMEZONE, 'en')}`,
    );
    expect(await mailText(english)).toContain('What will not work');
    expect(await mailText(english)).toContain('account activation');
    expect(await mailText(english)).toContain('saved-search alert e-mails');
    expect(await mailText(english)).toContain('503 with Retry-After');
    const dutch = mails.find((mail) => mail.to[0] === DEMO.candidate)!;
    expect(dutch.subject).toBe(
      `Gepland onderhoud: het platform is niet beschikbaar vanaf ${formatInstant(startsAt, a.config.APP_TIMEZONE, 'nl')}`,
    );
    expect(await mailText(dutch)).toContain('Wat blijft werken');

    const calendar = await attachedCalendar(english);
    expect(calendar.method).toBe('PUBLISH');
    expect(calendar.events).toHaveLength(1);
    expect(calendar.events[0]).toMatchObject({ sequence: 0, start: startsAt, end: endsAt });
    uid = calendar.events[0].uid;
    expect(uid).toMatch(/^maintenance-[0-9a-f-]{36}@staffing\.example\.test$/);
    // The same entry for everyone: UID and SEQUENCE do not depend on the recipient.
    expect((await attachedCalendar(dutch)).events[0]).toMatchObject({ uid, sequence: 0 });
  });

  it('a moved start is announced again with the same UID and a raised SEQUENCE', async () => {
    const before = sink.messages.length;
    a.clock.advance(1000);
    startsAt = new Date(startsAt.getTime() + HOUR);
    await scheduleWindow(a, startsAt, {}, admin);
    await drain();
    const mails = mailsSince(before);
    expect(byRecipient(mails)).toEqual(recipients);
    const calendar = await attachedCalendar(mails[0]);
    expect(calendar.method).toBe('PUBLISH');
    expect(calendar.events[0]).toMatchObject({ uid, sequence: 1, start: startsAt });
  });

  it('editing only the message announces nothing', async () => {
    const before = sink.messages.length;
    a.clock.advance(1000);
    await changeSettings(a, { enabled: true, message: 'New database' }, admin);
    await drain();
    expect(sink.messages).toHaveLength(before);
  });

  it('the calendar feed is public, cacheable, free of personal data, and parses', async () => {
    const feed = await request(a.url).get('/api/maintenance/window.ics').buffer(true);
    expect(feed.status).toBe(200);
    expect(feed.headers['content-type']).toMatch(/^text\/calendar/);
    expect(feed.headers['cache-control']).toBe('public, max-age=300');
    const text = feed.text;
    expect(text).not.toMatch(/@demo\.test/);
    const calendar = parseCalendar(text);
    expect(calendar.method).toBe('PUBLISH');
    // The message edit is a change too: the feed's SEQUENCE counts it.
    expect(calendar.events).toEqual([
      expect.objectContaining({ uid, sequence: 2, start: startsAt, description: 'New database' }),
    ]);
    const again = await request(a.url)
      .get('/api/maintenance/window.ics')
      .set('If-None-Match', feed.headers.etag);
    expect(again.status).toBe(304);
  });

  it('turning the window off before its start sends a CANCEL with a raised SEQUENCE', async () => {
    const before = sink.messages.length;
    a.clock.advance(1000);
    await turnOff(a, admin);
    await drain();
    const mails = mailsSince(before);
    expect(byRecipient(mails)).toEqual(recipients);
    expect(mails[0].subject).toMatch(/^Cancelled: the maintenance planned from/);
    const calendar = await attachedCalendar(mails[0]);
    expect(calendar.method).toBe('CANCEL');
    expect(calendar.events[0]).toMatchObject({ uid, sequence: 3, status: 'CANCELLED' });
    const feed = await request(a.url).get('/api/maintenance/window.ics').buffer(true);
    expect(parseCalendar(feed.text).events).toEqual([]);
  });

  it('an instance that dies mid-batch leaves its rows to others once its claim expires; none is sent twice', async () => {
    const crashing = await startTestApp({ env: env(), database, clock: a.clock });
    const before = sink.messages.length;
    a.clock.advance(2 * MINUTE);
    await scheduleWindow(a, new Date(a.clock.now().getTime() + HOUR), { announce: true }, admin);
    const job = crashing.app.get(AnnouncementsJob);
    expect(await job.expand()).toBe(1);
    const batch = await job.claim();
    expect(batch.rows).toHaveLength(PER_MINUTE);
    for (const row of batch.rows.slice(0, 3))
      expect(await job.deliver(batch.token, row)).toBe(true);
    await crashing.close();
    expect(sink.messages.length - before).toBe(3);

    // Within the lease the claimed rows stay untouched; the rest go out within the limit.
    a.clock.advance(MINUTE + 1000);
    await a.app.get(AnnouncementsJob).runOnce();
    expect(sink.messages.length - before).toBe(3 + (recipients.length - PER_MINUTE));
    a.clock.advance(CLAIM_LEASE_MS);
    await drain();
    expect(byRecipient(mailsSince(before))).toEqual(recipients);
  });

  it('a failing SMTP server: the mails are retried, and the settings page shows the progress', async () => {
    const closed = await startSmtpSink();
    await closed.close();
    const broken = await startTestApp({
      env: { ...env(), SMTP_PORT: String(closed.port) },
      database,
      clock: a.clock,
    });
    const before = sink.messages.length;
    a.clock.advance(2 * MINUTE);
    await changeSettings(
      a,
      { enabled: true, startsAt: new Date(a.clock.now().getTime() + 2 * HOUR).toISOString() },
      admin,
    );
    const run = await broken.app.get(AnnouncementsJob).runOnce();
    await broken.close();
    expect(run).toMatchObject({ expanded: 1, sent: 0, failed: PER_MINUTE });
    const page = async () =>
      (await request(a.url).get('/admin/connect/settings').set('Cookie', admin.cookie)).text;
    expect(await page()).toContain(
      `announced to 0 of ${recipients.length} users; ${PER_MINUTE} failed (retrying)`,
    );
    expect(sink.messages).toHaveLength(before);

    a.clock.advance(MINUTE + 1000);
    await drain();
    expect(byRecipient(mailsSince(before))).toEqual(recipients);
    expect(await page()).toContain(
      `announced to ${recipients.length} of ${recipients.length} users`,
    );
    expect(await page()).not.toContain('failed (retrying)');
  });

  it('validates the flag like every other field', async () => {
    const { version } = await getSettings(a, admin);
    const response = await put(a, admin, { enabled: true, announce: 'yes', version });
    expect(response.status).toBe(400);
    expect(response.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(JSON.stringify(response.body)).toContain('announce');
  });
});
