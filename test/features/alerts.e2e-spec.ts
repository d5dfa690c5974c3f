import { SchedulerRegistry } from '@nestjs/schedule';
import request from 'supertest';
import { AlertsJob } from '../../src/alerts/alerts.job.js';
import { VacanciesService } from '../../src/public-forms/vacancies.service.js';
import { attemptLogin } from '../support/fixtures.js';
import { enterDowntime, expectRefusal } from '../support/maintenance.js';
import { DEMO, login, withSession, type LoggedIn } from '../support/sessions.js';
import { startTestApp, type TestApp } from '../support/test-app.js';
import { startSmtpSink, type SmtpSink } from './smtp-sink.js';

const PUBLIC_URL = 'https://staffing.example.test';

describe('R19: saved-search alert mails over SMTP, before and during downtime', () => {
  let t: TestApp;
  let sink: SmtpSink;
  let candidate: LoggedIn;
  let job: AlertsJob;
  let vacancies: VacanciesService;

  beforeAll(async () => {
    sink = await startSmtpSink();
    t = await startTestApp({
      env: {
        SMTP_HOST: '127.0.0.1',
        SMTP_PORT: String(sink.port),
        SMTP_FROM: 'Alerts <alerts@staffing.example.test>',
        PUBLIC_URL,
        // Never fires by itself during a test: the test runs the job.
        ALERTS_CRON: '0 0 1 1 *',
      },
    });
    job = t.app.get(AlertsJob);
    vacancies = t.app.get(VacanciesService);
    candidate = await login(t.url, DEMO.candidate);
  });
  afterAll(async () => {
    await t.close();
    await sink.close();
  });

  it('the job runs on ALERTS_CRON, registered with @nestjs/schedule', () => {
    const cron = t.app.get(SchedulerRegistry).getCronJob('saved-search-alerts');
    expect(cron.isActive).toBe(true);
    expect(cron.nextDate().toISO()).toMatch(/-01-01T00:00:00/);
  });

  it('before downtime: mails the new matching vacancies to the candidate, with links on PUBLIC_URL', async () => {
    t.clock.advance(60_000);
    const match = await vacancies.publish({
      title: 'Senior developer',
      location: 'Amsterdam-Zuid',
      description: 'TypeScript',
    });
    await vacancies.publish({
      title: 'Developer',
      location: 'Utrecht',
      description: 'Wrong place',
    });
    await vacancies.publish({ title: 'Chef', location: 'Amsterdam', description: 'Kitchen' });
    t.clock.advance(1000);
    const run = await job.runOnce();
    expect(run).toMatchObject({ mailed: 1, failed: 0 });
    expect(sink.messages).toHaveLength(1);
    const mail = sink.messages[0];
    expect(mail.to).toEqual([DEMO.candidate]);
    expect(mail.from).toBe('alerts@staffing.example.test');
    expect(mail.subject).toBe('1 new vacancy for developer, Amsterdam');
    expect(mail.text).toContain('Senior developer (Amsterdam-Zuid)');
    expect(mail.text).toContain(`${PUBLIC_URL}/apply?vacancyId=${match.id}`);
    expect(mail.text).toContain(`${PUBLIC_URL}/login`);
    expect(mail.text).not.toContain('Utrecht');
    expect(mail.text).not.toContain('Chef');
  });

  it('records the last run per saved search: a second run mails nothing again', async () => {
    t.clock.advance(60_000);
    const run = await job.runOnce();
    expect(run.mailed).toBe(0);
    expect(sink.messages).toHaveLength(1);
  });

  it('saved searches API: candidates keep their own; validated; other roles 403', async () => {
    const created = await request(t.url)
      .post('/api/alerts/saved-searches')
      .set(withSession(candidate))
      .send({ keyword: 'nurse' });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({ keyword: 'nurse', location: null });
    const list = await request(t.url)
      .get('/api/alerts/saved-searches')
      .set('Cookie', candidate.cookie);
    expect(list.body.total).toBe(2);
    for (const body of [
      {},
      { keyword: '' },
      { keyword: 'x'.repeat(101) },
      { keyword: 'a', radius: 5 },
    ]) {
      const bad = await request(t.url)
        .post('/api/alerts/saved-searches')
        .set(withSession(candidate))
        .send(body);
      expect(bad.status).toBe(400);
    }
    const agency = await login(t.url, DEMO.agency);
    expect(
      (await request(t.url).get('/api/alerts/saved-searches').set('Cookie', agency.cookie)).status,
    ).toBe(403);
    const removed = await request(t.url)
      .delete(`/api/alerts/saved-searches/${created.body.id}`)
      .set(withSession(candidate));
    expect(removed.status).toBe(204);
    const again = await request(t.url)
      .delete(`/api/alerts/saved-searches/${created.body.id}`)
      .set(withSession(candidate));
    expect(again.status).toBe(404);
  });

  it('during downtime: the job still mails (R19); its login link leads to R12 for the candidate', async () => {
    await enterDowntime(t);
    const match = await vacancies.publish({
      title: 'Backend developer',
      location: 'Amsterdam',
      description: 'Year-end is no reason to stop hiring',
    });
    t.clock.advance(1000);
    const run = await job.runOnce();
    expect(run).toMatchObject({ mailed: 1, failed: 0 });
    expect(sink.messages).toHaveLength(2);
    const mail = sink.messages[1];
    expect(mail.to).toEqual([DEMO.candidate]);
    expect(mail.subject).toBe('1 new vacancy for developer, Amsterdam');
    expect(mail.text).toContain(`${PUBLIC_URL}/apply?vacancyId=${match.id}`);
    expect(mail.text).toContain(`${PUBLIC_URL}/login`);
    expect(mail.text).not.toContain('Senior developer');
    expectRefusal(await attemptLogin(t, DEMO.candidate));
    expectRefusal(
      await request(t.url).get('/api/alerts/saved-searches').set('Cookie', candidate.cookie),
    );
  });
});

describe('alerts without SMTP', () => {
  it('an unreachable SMTP server gives the period back, so the next run retries', async () => {
    const sink = await startSmtpSink();
    const port = sink.port;
    await sink.close();
    const t = await startTestApp({
      env: { SMTP_HOST: '127.0.0.1', SMTP_PORT: String(port), ALERTS_CRON: '0 0 1 1 *' },
    });
    try {
      t.clock.advance(60_000);
      await t.app
        .get(VacanciesService)
        .publish({ title: 'Developer', location: 'Amsterdam', description: '-' });
      t.clock.advance(1000);
      const [before] = await t.dataSource.query('SELECT last_run_at FROM saved_searches');
      const run = await t.app.get(AlertsJob).runOnce();
      expect(run).toMatchObject({ mailed: 0, failed: 1 });
      const [after] = await t.dataSource.query('SELECT last_run_at FROM saved_searches');
      expect(Number(after.last_run_at)).toBe(Number(before.last_run_at));
    } finally {
      await t.close();
    }
  });
});
