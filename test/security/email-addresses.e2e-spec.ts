import request from 'supertest';
import { DEMO_FORM_ID, DEMO_VACANCIES } from '../../src/public-forms/public-forms.demo-seeder.js';
import { countRows, useSignedInApp } from '../support/fixtures.js';
import { withSession } from '../support/sessions.js';
import { recordFigure } from './figures.js';

/** Addresses the mailer would not send to as given (issue 16 item 6). */
const HOSTILE_ADDRESSES = [
  '"x\r\nbcc: victim@evil.example"@x.test',
  '"x"@x.test',
  '"a b"@x.test',
  'a\u0007b@x.test',
  'a\u001bb@x.test',
];

function expectFieldRefused(response: request.Response, field: string): void {
  expect(response.status).toBe(400);
  expect(response.headers['content-type']).toMatch(/^application\/problem\+json/);
  expect(response.body.errors).toContainEqual(expect.objectContaining({ field }));
}

describe('e-mail addresses the mailer would rewrite are refused with 400 (issue 16 item 6)', () => {
  const { t, as } = useSignedInApp({ env: { TRUST_PROXY: 'loopback' } });
  let tried = 0;
  afterAll(() => recordFigure('item 6: hostile e-mail addresses tried (4 entry points)', tried));

  it.each(HOSTILE_ADDRESSES)(
    'refuses %j at the invitation, the login and the public forms',
    async (email) => {
      const answers = {
        invite: await request(t.url)
          .post('/api/admin/users')
          .set(withSession(as.admin))
          .send({ email, displayName: 'Mallory', role: 'CANDIDATE' }),
        login: await request(t.url).post('/api/auth/login').send({ email, password: 'whatever' }),
        application: await request(t.url)
          .post('/api/public/job-applications')
          .set('X-Forwarded-For', `198.51.100.${tried + 1}`)
          .send({ vacancyId: DEMO_VACANCIES.developer, name: 'Mallory', email, motivation: 'Hi' }),
        form: await request(t.url)
          .post(`/api/public/forms/${DEMO_FORM_ID}/submissions`)
          .set('X-Forwarded-For', `198.51.100.${tried + 2}`)
          .send({ fields: { name: 'Mallory', email, message: 'Hi' } }),
      };
      tried += 4;
      expectFieldRefused(answers.invite, 'email');
      expectFieldRefused(answers.login, 'email');
      expectFieldRefused(answers.application, 'email');
      expectFieldRefused(answers.form, 'fields.email');
      expect(await countRows(t, `users WHERE display_name = 'Mallory'`)).toBe(0);
    },
  );

  it('still invites a plain address', async () => {
    const response = await request(t.url)
      .post('/api/admin/users')
      .set(withSession(as.admin))
      .send({ email: "o'brien+tag@example.test", displayName: 'Pat', role: 'CANDIDATE' });
    expect(response.status).toBe(201);
  });
});
