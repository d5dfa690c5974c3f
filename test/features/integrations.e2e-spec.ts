import request from 'supertest';
import { DEMO_CONTRACTS } from '../../src/contracts/contracts.demo-seeder.js';
import { DEMO_DECLARATIONS } from '../../src/declarations/declarations.demo-seeder.js';
import { countRows, useTestApp } from '../support/fixtures.js';
import { enterDowntime, expectRefusal } from '../support/maintenance.js';
import { bearer, DEMO, login, withSession } from '../support/sessions.js';

const THIRD_PARTY = bearer('demo-third-party-token');
const BACKOFFICE = bearer('demo-backoffice-token');
const message = { type: 'candidate.applied', payload: { externalId: 'jb-42', name: 'Pat' } };

describe('R18: the third-party and back-office links, before and during downtime', () => {
  const t = useTestApp();
  let key = 0;
  const nextKey = () => `test-key-${++key}`;
  const count = (from: string) => countRows(t, from);
  const mutate = (idempotencyKey: string | undefined, body: object) => {
    const call = request(t.url).post('/api/backoffice/mutations').set(BACKOFFICE);
    return (idempotencyKey === undefined ? call : call.set('Idempotency-Key', idempotencyKey)).send(
      body,
    );
  };

  it('before downtime: a third-party message is stored (202)', async () => {
    const response = await request(t.url)
      .post('/api/integrations/messages')
      .set(THIRD_PARTY)
      .send(message);
    expect(response.status).toBe(202);
    expect(response.body).toEqual({ id: expect.any(String), receivedAt: expect.any(String) });
    const [row] = await t.dataSource.query(
      `SELECT client_id, type, payload FROM integration_messages WHERE id = '${response.body.id}'`,
    );
    expect(row.type).toBe('candidate.applied');
    expect(JSON.parse(row.payload)).toEqual(message.payload);
  });

  it('third-party messages: validated, and only for third-party tokens', async () => {
    const before = await count('integration_messages');
    for (const body of [
      { ...message, type: '' },
      { ...message, type: 'has spaces' },
      { ...message, payload: 'text' },
      { type: 'x' },
      { ...message, extra: 1 },
    ]) {
      const response = await request(t.url)
        .post('/api/integrations/messages')
        .set(THIRD_PARTY)
        .send(body);
      expect(response.status).toBe(400);
    }
    expect((await request(t.url).post('/api/integrations/messages').send(message)).status).toBe(
      401,
    );
    expect(
      (await request(t.url).post('/api/integrations/messages').set(BACKOFFICE).send(message))
        .status,
    ).toBe(403);
    const agency = await login(t.url, DEMO.agency);
    const asUser = await request(t.url)
      .post('/api/integrations/messages')
      .set(withSession(agency))
      .send(message);
    expect(asUser.status).toBe(403);
    expect(await count('integration_messages')).toBe(before);
  });

  it('back office: applies a contract change (202) and a declaration decision', async () => {
    const contract = await mutate(nextKey(), {
      entity: 'contract',
      id: DEMO_CONTRACTS.forklift,
      changes: { hourlyRate: 22.5, status: 'active' },
    });
    expect(contract.status).toBe(202);
    expect(contract.body).toMatchObject({
      entity: 'contract',
      id: DEMO_CONTRACTS.forklift,
      applied: { hourlyRate: 22.5, status: 'active' },
    });
    const [row] = await t.dataSource.query(
      `SELECT status FROM contracts WHERE id = '${DEMO_CONTRACTS.forklift}'`,
    );
    expect(row.status).toBe('active');
  });

  it('back office: the same key and body applies once; a replay answers the stored result', async () => {
    const idempotencyKey = nextKey();
    const body = { entity: 'declaration', id: DEMO_DECLARATIONS.open, changes: { hours: 39 } };
    const first = await mutate(idempotencyKey, body);
    expect(first.status).toBe(202);
    // Changed meanwhile by someone else: a replay must not apply hours: 39 again.
    await t.dataSource.query(
      `UPDATE declarations SET hours = 37 WHERE id = '${DEMO_DECLARATIONS.open}'`,
    );
    const again = await mutate(idempotencyKey, {
      changes: { hours: 39 },
      id: DEMO_DECLARATIONS.open,
      entity: 'declaration',
    });
    expect(again.status).toBe(202);
    expect(again.headers['idempotent-replayed']).toBe('true');
    expect(again.body).toEqual(first.body);
    const [row] = await t.dataSource.query(
      `SELECT hours FROM declarations WHERE id = '${DEMO_DECLARATIONS.open}'`,
    );
    expect(Number(row.hours)).toBe(37);
    expect(await count(`backoffice_mutations WHERE idempotency_key = '${idempotencyKey}'`)).toBe(1);
  });

  it('back office: the same key with a different body is refused with 422; nothing applied', async () => {
    const idempotencyKey = nextKey();
    await mutate(idempotencyKey, {
      entity: 'declaration',
      id: DEMO_DECLARATIONS.open,
      changes: { note: 'first' },
    });
    const other = await mutate(idempotencyKey, {
      entity: 'declaration',
      id: DEMO_DECLARATIONS.open,
      changes: { note: 'second' },
    });
    expect(other.status).toBe(422);
    expect(other.headers['content-type']).toMatch(/application\/problem\+json/);
    const [row] = await t.dataSource.query(
      `SELECT note FROM declarations WHERE id = '${DEMO_DECLARATIONS.open}'`,
    );
    expect(row.note).toBe('first');
  });

  it('back office: Idempotency-Key required and validated; changes validated; failures record no key', async () => {
    const body = { entity: 'contract', id: DEMO_CONTRACTS.warehouse, changes: { title: 'x' } };
    const missing = await mutate(undefined, body);
    expect(missing.status).toBe(400);
    expect(missing.body.errors[0].field).toBe('Idempotency-Key');
    expect((await mutate('x'.repeat(201), body)).status).toBe(400);
    expect((await mutate('bad key', body)).status).toBe(400);
    const before = await count('backoffice_mutations');
    const cases: Array<[object, string]> = [
      [{ ...body, entity: 'user' }, 'entity'],
      [{ ...body, id: 'x' }, 'id'],
      [{ ...body, changes: { hourlyRate: -1 } }, 'changes.hourlyRate'],
      [{ ...body, changes: { candidateId: DEMO_CONTRACTS.lab } }, 'changes.candidateId'],
      [{ ...body, changes: {} }, 'changes'],
      [{ ...body, extra: 1 }, 'extra'],
    ];
    const retryKey = nextKey();
    for (const [bad, field] of cases) {
      const response = await mutate(retryKey, bad);
      expect(response.status).toBe(400);
      expect(response.body.errors.map((e: { field: string }) => e.field)).toContain(field);
    }
    const unknown = await mutate(retryKey, { ...body, id: '00000000-0000-4000-8000-00000000dead' });
    expect(unknown.status).toBe(404);
    expect(await count('backoffice_mutations')).toBe(before);
    // The key of a failed call is free for the corrected one.
    expect((await mutate(retryKey, body)).status).toBe(202);
    expect(
      (
        await request(t.url)
          .post('/api/backoffice/mutations')
          .set(THIRD_PARTY)
          .set('Idempotency-Key', 'k-1')
          .send(body)
      ).status,
    ).toBe(403);
  });

  it('during downtime: third-party calls get R17 and nothing is stored or queued', async () => {
    await enterDowntime(t);
    const before = await count('integration_messages');
    for (let i = 0; i < 3; i++) {
      expectRefusal(
        await request(t.url).post('/api/integrations/messages').set(THIRD_PARTY).send(message),
      );
    }
    // Even an invalid body is refused the same way: the lockout answers before anything else.
    expectRefusal(
      await request(t.url).post('/api/integrations/messages').set(THIRD_PARTY).send({}),
    );
    expect(await count('integration_messages')).toBe(before);
  });

  it('during downtime: the back office keeps working, idempotently', async () => {
    const idempotencyKey = nextKey();
    const body = {
      entity: 'contract',
      id: DEMO_CONTRACTS.warehouse,
      changes: { title: 'Warehouse lead' },
    };
    const first = await mutate(idempotencyKey, body);
    expect(first.status).toBe(202);
    expect(first.body.applied.title).toBe('Warehouse lead');
    const replay = await mutate(idempotencyKey, body);
    expect(replay.status).toBe(202);
    expect(replay.headers['idempotent-replayed']).toBe('true');
    const decided = await mutate(nextKey(), {
      entity: 'declaration',
      id: DEMO_DECLARATIONS.open,
      changes: { status: 'approved' },
    });
    expect(decided.status).toBe(202);
    expect(decided.body.applied.status).toBe('approved');
  });
});
