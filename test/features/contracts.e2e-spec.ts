import request from 'supertest';
import { DEMO_OTHER_COMPANY_ID } from '../../src/companies/companies.demo-seeder.js';
import { DEMO_CANDIDATE_ID, DEMO_CONTRACTS } from '../../src/contracts/contracts.demo-seeder.js';
import { DEMO_COMPANY_ID } from '../../src/users/identity.demo-seeder.js';
import { countRows, useSignedInApp, type Who } from '../support/fixtures.js';
import { login, withSession } from '../support/sessions.js';

const validContract = {
  title: 'Order picker',
  candidateId: DEMO_CANDIDATE_ID,
  clientCompanyId: DEMO_COMPANY_ID,
  startDate: '2026-02-02',
  endDate: '2026-06-30',
  hourlyRate: 19.25,
};

describe('contracts API (SPEC §5): CRUD, validation and role scoping', () => {
  const { t, as } = useSignedInApp();

  const get = (who: Who, path: string) => request(t.url).get(path).set('Cookie', as[who].cookie);
  const post = (who: Who, path: string, body: object) =>
    request(t.url).post(path).set(withSession(as[who])).send(body);
  const patch = (who: Who, path: string, body: object) =>
    request(t.url).patch(path).set(withSession(as[who])).send(body);
  const count = () => countRows(t, 'contracts');

  it('lists by role: agency and exempt roles see all, the client its company, the candidate their own', async () => {
    for (const who of ['admin', 'consultant', 'agency'] as const) {
      const response = await get(who, '/api/contracts');
      expect(response.status).toBe(200);
      expect(response.body.total).toBe(3);
    }
    const client = await get('client', '/api/contracts');
    expect(client.body.items.map((c: { id: string }) => c.id).sort()).toEqual(
      [DEMO_CONTRACTS.warehouse, DEMO_CONTRACTS.forklift].sort(),
    );
    expect(
      client.body.items.every(
        (c: { clientCompanyId: string }) => c.clientCompanyId === DEMO_COMPANY_ID,
      ),
    ).toBe(true);
    const candidate = await get('candidate', '/api/contracts');
    expect(candidate.body.total).toBe(3);
    expect(candidate.body.items[0]).toMatchObject({
      candidateId: DEMO_CANDIDATE_ID,
      hourlyRate: expect.any(Number),
      startDate: expect.stringMatching(/^\d{4}-\d{2}-\d{2}$/),
    });
  });

  it('hides contracts outside the scope with 404, and needs a session (401)', async () => {
    expect((await get('client', `/api/contracts/${DEMO_CONTRACTS.lab}`)).status).toBe(404);
    expect((await get('agency', `/api/contracts/${DEMO_CONTRACTS.lab}`)).status).toBe(200);
    // A second candidate sees none of the demo candidate's contracts.
    await t.dataSource.query(
      `INSERT INTO users (id, email, display_name, role, status, password_hash, company_id, created_at)
       SELECT '00000000-0000-4000-8000-0000000000f5', 'other-candidate@demo.test', 'Otto Other', 'CANDIDATE', 'active', password_hash, NULL, created_at
       FROM users WHERE email = 'candidate@demo.test'`,
    );
    const other = await login(t.url, 'other-candidate@demo.test');
    const list = await request(t.url).get('/api/contracts').set('Cookie', other.cookie);
    expect(list.body).toEqual({ items: [], total: 0 });
    const one = await request(t.url)
      .get(`/api/contracts/${DEMO_CONTRACTS.warehouse}`)
      .set('Cookie', other.cookie);
    expect(one.status).toBe(404);
    expect(one.headers['content-type']).toMatch(/application\/problem\+json/);
    expect((await request(t.url).get('/api/contracts')).status).toBe(401);
  });

  it('paginates with validated page and pageSize', async () => {
    const first = await get('agency', '/api/contracts?page=1&pageSize=2');
    expect(first.body.items).toHaveLength(2);
    expect(first.body.total).toBe(3);
    const second = await get('agency', '/api/contracts?page=2&pageSize=2');
    expect(second.body.items).toHaveLength(1);
    expect(second.body.items[0].id).not.toBe(first.body.items[0].id);
    for (const query of ['page=0', 'pageSize=101', 'page=x', 'pageSize=1.5', 'sort=title']) {
      const bad = await get('agency', `/api/contracts?${query}`);
      expect(bad.status).toBe(400);
      expect(bad.body.errors[0].field).toBe(query.split('=')[0]);
    }
  });

  it('lets the agency and exempt roles create a contract (as draft)', async () => {
    for (const who of ['agency', 'admin', 'consultant'] as const) {
      const response = await post(who, '/api/contracts', { ...validContract, title: `By ${who}` });
      expect(response.status).toBe(201);
      expect(response.body).toMatchObject({
        ...validContract,
        title: `By ${who}`,
        status: 'draft',
      });
      const read = await get('client', `/api/contracts/${response.body.id}`);
      expect(read.status).toBe(200);
    }
  });

  it('refuses creation by clients and candidates (403) and saves nothing', async () => {
    const before = await count();
    for (const who of ['client', 'candidate'] as const) {
      const response = await post(who, '/api/contracts', validContract);
      expect(response.status).toBe(403);
    }
    expect(await count()).toBe(before);
  });

  it('validates the body: each bad field named in a 400, unknown fields refused, nothing saved', async () => {
    const before = await count();
    const cases: Array<[object, string]> = [
      [{ ...validContract, title: '' }, 'title'],
      [{ ...validContract, startDate: '2026-02-30' }, 'startDate'],
      [{ ...validContract, startDate: '02-02-2026' }, 'startDate'],
      [{ ...validContract, endDate: '2026-01-01' }, 'endDate'],
      [{ ...validContract, hourlyRate: 0 }, 'hourlyRate'],
      [{ ...validContract, hourlyRate: -5 }, 'hourlyRate'],
      [{ ...validContract, hourlyRate: 12.345 }, 'hourlyRate'],
      [{ ...validContract, hourlyRate: '20' }, 'hourlyRate'],
      [{ ...validContract, candidateId: 'nope' }, 'candidateId'],
      [{ ...validContract, candidateId: as.agency.user.id }, 'candidateId'],
      [
        { ...validContract, clientCompanyId: '00000000-0000-4000-8000-00000000ffff' },
        'clientCompanyId',
      ],
      [{ ...validContract, status: 'active' }, 'status'],
      [{ ...validContract, extra: 1 }, 'extra'],
    ];
    for (const [body, field] of cases) {
      const response = await post('agency', '/api/contracts', body);
      expect(response.status).toBe(400);
      expect(response.headers['content-type']).toMatch(/application\/problem\+json/);
      expect(response.body.errors.map((e: { field: string }) => e.field)).toContain(field);
    }
    const missing = await post('agency', '/api/contracts', {});
    expect(missing.body.errors.map((e: { field: string }) => e.field)).toEqual(
      expect.arrayContaining([
        'title',
        'candidateId',
        'clientCompanyId',
        'startDate',
        'hourlyRate',
      ]),
    );
    expect(await count()).toBe(before);
  });

  it('patches: agency changes fields and moves status forward only (draft → active → ended)', async () => {
    const created = await post('agency', '/api/contracts', validContract);
    const path = `/api/contracts/${created.body.id}`;
    const changed = await patch('agency', path, {
      title: 'Senior order picker',
      hourlyRate: 21,
      endDate: null,
    });
    expect(changed.status).toBe(200);
    expect(changed.body).toMatchObject({
      title: 'Senior order picker',
      hourlyRate: 21,
      endDate: null,
    });
    expect((await patch('agency', path, { status: 'active' })).body.status).toBe('active');
    const back = await patch('agency', path, { status: 'draft' });
    expect(back.status).toBe(409);
    expect((await patch('admin', path, { status: 'ended' })).body.status).toBe('ended');
    expect((await patch('agency', path, { status: 'active' })).status).toBe(409);
    expect((await get('agency', path)).body).toMatchObject({ status: 'ended', hourlyRate: 21 });
  });

  it('patch validation and permissions: 400 bad fields, 403 client/candidate, 404 out of scope', async () => {
    const path = `/api/contracts/${DEMO_CONTRACTS.forklift}`;
    for (const [body, field] of [
      [{ endDate: '2026-01-01' }, 'endDate'],
      [{ status: 'paused' }, 'status'],
      [{ hourlyRate: 0 }, 'hourlyRate'],
      [{ candidateId: DEMO_CANDIDATE_ID }, 'candidateId'],
    ] as Array<[object, string]>) {
      const response = await patch('agency', path, body);
      expect(response.status).toBe(400);
      expect(response.body.errors[0].field).toBe(field);
    }
    expect((await patch('client', path, { title: 'Mine now' })).status).toBe(403);
    expect((await patch('candidate', path, { hourlyRate: 99 })).status).toBe(403);
    expect(
      (await patch('client', `/api/contracts/${DEMO_CONTRACTS.lab}`, { title: 'x' })).status,
    ).toBe(404);
    expect(
      (await patch('agency', '/api/contracts/00000000-0000-4000-8000-00000000dead', { title: 'x' }))
        .status,
    ).toBe(404);
    const unchanged = await get('agency', path);
    expect(unchanged.body).toMatchObject({
      title: 'Forklift driver (weekends)',
      hourlyRate: 21,
      status: 'draft',
    });
  });

  it('needs the CSRF token for cookie-authenticated writes', async () => {
    const response = await request(t.url)
      .post('/api/contracts')
      .set('Cookie', as.agency.cookie)
      .send(validContract);
    expect(response.status).toBe(403);
  });

  it('a client of another company does not see this one', async () => {
    await t.dataSource.query(
      `INSERT INTO users (id, email, display_name, role, status, password_hash, company_id, created_at)
       SELECT '00000000-0000-4000-8000-0000000000f6', 'bolt-client@demo.test', 'Bo Bolt', 'CLIENT', 'active', password_hash, '${DEMO_OTHER_COMPANY_ID}', created_at
       FROM users WHERE email = 'client@demo.test'`,
    );
    const bolt = await login(t.url, 'bolt-client@demo.test');
    const list = await request(t.url).get('/api/contracts').set('Cookie', bolt.cookie);
    expect(list.body.items.map((c: { id: string }) => c.id)).toEqual([DEMO_CONTRACTS.lab]);
  });
});
