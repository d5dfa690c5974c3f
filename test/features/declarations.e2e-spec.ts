import request from 'supertest';
import { DEMO_CONTRACTS } from '../../src/contracts/contracts.demo-seeder.js';
import { DEMO_DECLARATIONS } from '../../src/declarations/declarations.demo-seeder.js';
import { countRows, useSignedInApp, type Who } from '../support/fixtures.js';
import { withSession } from '../support/sessions.js';

const week = {
  contractId: DEMO_CONTRACTS.warehouse,
  periodStart: '2025-02-03',
  periodEnd: '2025-02-09',
  hours: 36.5,
  amount: 8.8,
  note: 'Parking',
};

describe('declarations API (SPEC §5): CRUD, validation, scoping and status transitions', () => {
  const { t, as } = useSignedInApp();

  const get = (who: Who, path: string) => request(t.url).get(path).set('Cookie', as[who].cookie);
  const post = (who: Who, body: object) =>
    request(t.url).post('/api/declarations').set(withSession(as[who])).send(body);
  const patch = (who: Who, id: string, body: object) =>
    request(t.url).patch(`/api/declarations/${id}`).set(withSession(as[who])).send(body);
  const count = () => countRows(t, 'declarations');

  it('lists by the contract scope: the client sees only its company’s declarations', async () => {
    expect((await get('agency', '/api/declarations')).body.total).toBe(3);
    expect((await get('candidate', '/api/declarations')).body.total).toBe(3);
    const client = await get('client', '/api/declarations');
    expect(client.body.items.map((d: { id: string }) => d.id).sort()).toEqual(
      [DEMO_DECLARATIONS.open, DEMO_DECLARATIONS.approved].sort(),
    );
    expect((await get('client', `/api/declarations/${DEMO_DECLARATIONS.lab}`)).status).toBe(404);
    const filtered = await get('agency', `/api/declarations?contractId=${DEMO_CONTRACTS.lab}`);
    expect(filtered.body.items.map((d: { id: string }) => d.id)).toEqual([DEMO_DECLARATIONS.lab]);
    const paged = await get('agency', '/api/declarations?page=2&pageSize=2');
    expect(paged.body).toMatchObject({ total: 3, items: [expect.any(Object)] });
    expect((await get('agency', '/api/declarations?pageSize=0')).status).toBe(400);
    expect((await get('agency', '/api/declarations?contractId=x')).status).toBe(400);
  });

  it('the candidate declares on their own active contract; it starts submitted', async () => {
    const response = await post('candidate', week);
    expect(response.status).toBe(201);
    expect(response.body).toMatchObject({ ...week, status: 'submitted', decidedAt: null });
    expect((await get('client', `/api/declarations/${response.body.id}`)).status).toBe(200);
  });

  it('the agency and exempt roles may declare on behalf of the candidate; the client may not (403)', async () => {
    for (const who of ['agency', 'admin', 'consultant'] as const) {
      const response = await post(who, { ...week, note: `by ${who}` });
      expect(response.status).toBe(201);
    }
    const before = await count();
    expect((await post('client', week)).status).toBe(403);
    expect(await count()).toBe(before);
  });

  it('validates: dates, period order and length, bounds, contract state; names each field; saves nothing', async () => {
    const before = await count();
    const cases: Array<[object, string]> = [
      [{ ...week, periodStart: '2025-13-01' }, 'periodStart'],
      [{ ...week, periodEnd: 'soon' }, 'periodEnd'],
      [{ ...week, periodEnd: '2025-02-02' }, 'periodEnd'],
      [{ ...week, periodEnd: '2025-04-09' }, 'periodEnd'],
      [{ ...week, periodStart: '2024-12-30', periodEnd: '2025-01-05' }, 'periodStart'],
      [{ ...week, hours: -1 }, 'hours'],
      [{ ...week, hours: 7 * 24 + 1 }, 'hours'],
      [{ ...week, hours: 1.234 }, 'hours'],
      [{ ...week, hours: '38' }, 'hours'],
      [{ ...week, amount: -0.01 }, 'amount'],
      [{ ...week, amount: 1e9 }, 'amount'],
      [{ ...week, note: 'x'.repeat(1001) }, 'note'],
      [{ ...week, status: 'approved' }, 'status'],
      [{ ...week, contractId: 'abc' }, 'contractId'],
      [{ ...week, contractId: DEMO_CONTRACTS.forklift }, 'contractId'],
      [{ ...week, contractId: DEMO_CONTRACTS.lab }, 'contractId'],
    ];
    for (const [body, field] of cases) {
      const response = await post('candidate', body);
      expect(response.status).toBe(400);
      expect(response.body.errors.map((e: { field: string }) => e.field)).toContain(field);
    }
    const outOfPeriod = await post('agency', {
      ...week,
      contractId: DEMO_CONTRACTS.lab,
      periodStart: '2025-01-06',
      periodEnd: '2025-01-12',
    });
    expect(outOfPeriod.status).toBe(400);
    expect(await count()).toBe(before);
  });

  it('the client approves or rejects a submitted declaration; a decided one cannot change (409)', async () => {
    const created = await post('candidate', {
      ...week,
      periodStart: '2025-03-03',
      periodEnd: '2025-03-09',
    });
    const id = created.body.id as string;
    expect((await patch('candidate', id, { status: 'approved' })).status).toBe(403);
    expect((await patch('agency', id, { status: 'approved' })).status).toBe(403);
    expect((await patch('client', id, { hours: 1 })).status).toBe(403);
    expect((await patch('client', id, { status: 'submitted' })).status).toBe(400);
    expect((await patch('client', id, { status: 'done' })).status).toBe(400);
    const approved = await patch('client', id, { status: 'approved' });
    expect(approved.status).toBe(200);
    expect(approved.body).toMatchObject({ status: 'approved', decidedBy: as.client.user.id });
    expect(approved.body.decidedAt).toEqual(expect.any(String));
    expect((await patch('client', id, { status: 'rejected' })).status).toBe(409);
    expect((await patch('candidate', id, { hours: 10 })).status).toBe(409);
    expect((await get('agency', `/api/declarations/${id}`)).body).toMatchObject({
      status: 'approved',
      hours: 36.5,
    });
  });

  it('exempt roles decide too; the candidate edits hours while submitted, within bounds', async () => {
    const created = await post('candidate', {
      ...week,
      periodStart: '2025-03-10',
      periodEnd: '2025-03-10',
      hours: 8,
    });
    expect(created.status).toBe(201);
    const id = created.body.id as string;
    const edited = await patch('candidate', id, { hours: 7.5, amount: null, note: null });
    expect(edited.status).toBe(200);
    expect(edited.body).toMatchObject({
      hours: 7.5,
      amount: null,
      note: null,
      status: 'submitted',
    });
    const tooMany = await patch('candidate', id, { hours: 25 });
    expect(tooMany.status).toBe(400);
    expect(tooMany.body.errors[0].field).toBe('hours');
    expect((await patch('candidate', id, { contractId: DEMO_CONTRACTS.lab })).status).toBe(400);
    expect((await patch('consultant', id, { status: 'rejected' })).body.status).toBe('rejected');
  });

  it('404 for declarations outside the scope, before any permission check', async () => {
    expect((await patch('client', DEMO_DECLARATIONS.lab, { status: 'rejected' })).status).toBe(404);
    expect(
      (await get('client', '/api/declarations/00000000-0000-4000-8000-00000000dead')).status,
    ).toBe(404);
    const lab = await get('admin', `/api/declarations/${DEMO_DECLARATIONS.lab}`);
    expect(lab.body.status).toBe('approved');
  });
});
