import request from 'supertest';
import { MaintenanceRefusalCounter } from '../../src/maintenance/index.js';
import { DEMO_FORM_ID, DEMO_VACANCIES } from '../../src/public-forms/public-forms.demo-seeder.js';
import { attemptLogin, countRows, useTestApp } from '../support/fixtures.js';
import { enterDowntime, expectRefusal } from '../support/maintenance.js';
import { DEMO, login, type LoggedIn } from '../support/sessions.js';

const application = {
  vacancyId: DEMO_VACANCIES.developer,
  name: 'Pat Public',
  email: 'pat@example.test',
  motivation: 'I like tools.',
};
const contact = {
  fields: { name: 'Pat Public', email: 'pat@example.test', message: 'Do you hire juniors?' },
};

/** Public visitors: vacancies, job applications and forms (R13). */
describe('public vacancies, job applications and forms', () => {
  const t = useTestApp({ env: { PUBLIC_SUBMISSIONS_PER_MINUTE: '3', TRUST_PROXY: 'loopback' } });
  const count = (table: string) => countRows(t, table);
  // Each test its own client address (trusted X-Forwarded-For from loopback), so the rate limit
  // only matters where it is tested.
  let address = 0;
  let candidate: LoggedIn;
  const from = () => ({ 'X-Forwarded-For': `203.0.113.${++address}` });

  beforeAll(async () => {
    candidate = await login(t.url, DEMO.candidate);
  });

  it('lists open vacancies only, paginated, without login', async () => {
    const response = await request(t.url).get('/api/public/vacancies');
    expect(response.status).toBe(200);
    expect(response.body.total).toBe(2);
    expect(response.body.items.map((v: { id: string }) => v.id)).not.toContain(
      DEMO_VACANCIES.closed,
    );
    expect(response.body.items[0]).toEqual({
      id: expect.any(String),
      title: expect.any(String),
      location: expect.any(String),
      description: expect.any(String),
      createdAt: expect.any(String),
    });
    expect((await request(t.url).get('/api/public/vacancies?pageSize=1')).body.items).toHaveLength(
      1,
    );
    expect((await request(t.url).get('/api/public/vacancies?page=-1')).status).toBe(400);
  });

  it('stores a job application (201) for an open vacancy', async () => {
    const response = await request(t.url)
      .post('/api/public/job-applications')
      .set(from())
      .send(application);
    expect(response.status).toBe(201);
    expect(response.body).toEqual({ id: expect.any(String), createdAt: expect.any(String) });
    const [row] = await t.dataSource.query(
      `SELECT vacancy_id, name, email, motivation, client_address FROM job_applications WHERE id = '${response.body.id}'`,
    );
    expect(row).toEqual({
      vacancy_id: DEMO_VACANCIES.developer,
      name: 'Pat Public',
      email: 'pat@example.test',
      motivation: 'I like tools.',
      client_address: `203.0.113.${address}`,
    });
  });

  it('refuses bad applications with 400 naming the field; nothing stored', async () => {
    const before = await count('job_applications');
    const cases: Array<[object, string]> = [
      [{ ...application, vacancyId: DEMO_VACANCIES.closed }, 'vacancyId'],
      [{ ...application, vacancyId: '00000000-0000-4000-8000-00000000beef' }, 'vacancyId'],
      [{ ...application, vacancyId: 'x' }, 'vacancyId'],
      [{ ...application, email: 'not-an-address' }, 'email'],
      [{ ...application, name: '' }, 'name'],
      [{ ...application, motivation: 'x'.repeat(4001) }, 'motivation'],
      [{ ...application, cv: 'attached' }, 'cv'],
    ];
    for (const [body, field] of cases) {
      const response = await request(t.url)
        .post('/api/public/job-applications')
        .set(from())
        .send(body);
      expect(response.status).toBe(400);
      expect(response.headers['content-type']).toMatch(/application\/problem\+json/);
      expect(response.body.errors.map((e: { field: string }) => e.field)).toContain(field);
    }
    expect(await count('job_applications')).toBe(before);
  });

  it('lists the public forms with their fields', async () => {
    const response = await request(t.url).get('/api/public/forms');
    expect(response.status).toBe(200);
    expect(response.body.total).toBe(1);
    expect(response.body.items[0]).toMatchObject({ id: DEMO_FORM_ID, title: 'Contact us' });
    expect(response.body.items[0].fields).toContainEqual({
      name: 'email',
      label: 'E-mail',
      type: 'email',
      required: true,
      maxLength: 320,
    });
  });

  it('stores a valid form submission (201)', async () => {
    const response = await request(t.url)
      .post(`/api/public/forms/${DEMO_FORM_ID}/submissions`)
      .set(from())
      .send({ fields: { ...contact.fields, phone: '  ' } });
    expect(response.status).toBe(201);
    const [row] = await t.dataSource.query(
      `SELECT form_id, fields FROM form_submissions WHERE id = '${response.body.id}'`,
    );
    expect(row.form_id).toBe(DEMO_FORM_ID);
    expect(JSON.parse(row.fields)).toEqual(contact.fields);
  });

  it('checks submissions against the form: required, unknown, length, type; 404 unknown form', async () => {
    const before = await count('form_submissions');
    const submit = (body: object) =>
      request(t.url).post(`/api/public/forms/${DEMO_FORM_ID}/submissions`).set(from()).send(body);
    const missing = await submit({ fields: { name: 'Pat' } });
    expect(missing.status).toBe(400);
    expect(missing.body.errors).toEqual(
      expect.arrayContaining([
        { field: 'fields.email', reason: 'is required' },
        { field: 'fields.message', reason: 'is required' },
      ]),
    );
    const cases: Array<[object, string]> = [
      [{ fields: { ...contact.fields, salary: '100k' } }, 'fields.salary'],
      [{ fields: { ...contact.fields, message: 'x'.repeat(2001) } }, 'fields.message'],
      [{ fields: { ...contact.fields, email: 'nope' } }, 'fields.email'],
      [{ fields: { ...contact.fields, name: 42 } }, 'fields.name'],
      [{ fields: 'all of them' }, 'fields'],
      [{ ...contact, extra: true }, 'extra'],
    ];
    for (const [body, field] of cases) {
      const response = await submit(body);
      expect(response.status).toBe(400);
      expect(response.body.errors.map((e: { field: string }) => e.field)).toContain(field);
    }
    const unknown = await request(t.url)
      .post('/api/public/forms/00000000-0000-4000-8000-00000000f00f/submissions')
      .set(from())
      .send(contact);
    expect(unknown.status).toBe(404);
    expect(await count('form_submissions')).toBe(before);
  });

  it('rate-limits submissions per client address: 429 problem with Retry-After; others unaffected', async () => {
    const address = { 'X-Forwarded-For': '198.51.100.7' };
    for (let i = 0; i < 2; i++) {
      const ok = await request(t.url)
        .post('/api/public/job-applications')
        .set(address)
        .send(application);
      expect(ok.status).toBe(201);
    }
    const third = await request(t.url)
      .post(`/api/public/forms/${DEMO_FORM_ID}/submissions`)
      .set(address)
      .send(contact);
    expect(third.status).toBe(201);
    const before = await count('job_applications');
    const refused = await request(t.url)
      .post('/api/public/job-applications')
      .set(address)
      .send(application);
    expect(refused.status).toBe(429);
    expect(refused.headers['content-type']).toMatch(/application\/problem\+json/);
    expect(Number(refused.headers['retry-after'])).toBeGreaterThan(0);
    expect(Number(refused.headers['retry-after'])).toBeLessThanOrEqual(60);
    expect(refused.body).toMatchObject({ status: 429 });
    expect(await count('job_applications')).toBe(before);
    const other = await request(t.url)
      .post('/api/public/job-applications')
      .set(from())
      .send(application);
    expect(other.status).toBe(201);
    t.clock.advance(61_000);
    const later = await request(t.url)
      .post('/api/public/job-applications')
      .set(address)
      .send(application);
    expect(later.status).toBe(201);
  });

  it('during downtime everything public keeps working for anonymous visitors (R13)', async () => {
    await enterDowntime(t);
    expect((await request(t.url).get('/api/public/vacancies')).status).toBe(200);
    expect((await request(t.url).get('/api/public/forms')).status).toBe(200);
    const before = { a: await count('job_applications'), s: await count('form_submissions') };
    const applied = await request(t.url)
      .post('/api/public/job-applications')
      .set(from())
      .send(application);
    expect(applied.status).toBe(201);
    const submitted = await request(t.url)
      .post(`/api/public/forms/${DEMO_FORM_ID}/submissions`)
      .set(from())
      .send(contact);
    expect(submitted.status).toBe(201);
    expect(await count('job_applications')).toBe(before.a + 1);
    expect(await count('form_submissions')).toBe(before.s + 1);
    // Validation still applies during downtime.
    const bad = await request(t.url).post('/api/public/job-applications').set(from()).send({});
    expect(bad.status).toBe(400);
  });

  it('during downtime a still signed-in regular user may use them too (R13 is for everybody)', async () => {
    expectRefusal(await request(t.url).get('/api/contracts').set('Cookie', candidate.cookie));
    const listed = await request(t.url)
      .get('/api/public/vacancies')
      .set('Cookie', candidate.cookie);
    expect(listed.status).toBe(200);
    const applied = await request(t.url)
      .post('/api/public/job-applications')
      .set('Cookie', candidate.cookie)
      .set(from())
      .send(application);
    expect(applied.status).toBe(201);
  });
});

describe('R13, R12: account activation during downtime, then login', () => {
  const t = useTestApp();

  it('before downtime: a regular user logs in (R7)', async () => {
    const session = await login(t.url, DEMO.agency);
    expect(session.user.role).toBe('AGENCY_USER');
  });

  it('during downtime: the invited user activates (200), then logging in gets 503 without a session', async () => {
    await enterDowntime(t);
    const activated = await request(t.url)
      .post('/api/auth/activate')
      .send({ token: 'demo-activation-token', password: 'a-new-password' });
    expect(activated.status).toBe(200);
    expect(activated.body).toMatchObject({ email: 'invited@demo.test', role: 'AGENCY_USER' });
    const [row] = await t.dataSource.query(
      `SELECT status FROM users WHERE email = 'invited@demo.test'`,
    );
    expect(row.status).toBe('active');

    const refused = await attemptLogin(t, 'invited@demo.test', 'a-new-password');
    expectRefusal(refused);
    expect(refused.headers['set-cookie']).toBeUndefined();
    const wrong = await attemptLogin(t, 'invited@demo.test', 'wrong-password');
    expect(wrong.status).toBe(401);
  });

  it('during downtime: every regular role gets R12 at login; exempt roles get a session', async () => {
    for (const email of [DEMO.agency, DEMO.client, DEMO.candidate]) {
      const response = await attemptLogin(t, email);
      expectRefusal(response);
      expect(response.headers['set-cookie']).toBeUndefined();
    }
    for (const email of [DEMO.admin, DEMO.consultant]) {
      expect((await login(t.url, email)).user.email).toBe(email);
    }
    // The four R12 refusals of this block (the invited user's and these three), counted as logins.
    expect(t.app.get(MaintenanceRefusalCounter).counts().user.login).toBe(4);
  });
});
