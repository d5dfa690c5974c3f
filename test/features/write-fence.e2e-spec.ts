import request from 'supertest';
import { HoldingFence } from '../support/write-fence.js';
import { DEMO_CANDIDATE_ID, DEMO_CONTRACTS } from '../../src/contracts/contracts.demo-seeder.js';
import { DEMO_DECLARATIONS } from '../../src/declarations/declarations.demo-seeder.js';
import { DEMO_COMPANY_ID } from '../../src/users/identity.demo-seeder.js';
import {
  enterDowntime,
  expectRefusal,
  scheduleDowntime,
  scheduleInRealTime,
  turnOff,
  untilState,
} from '../support/maintenance.js';
import { countRows, useSignedInApp, type Who } from '../support/fixtures.js';
import { DEMO, withSession } from '../support/sessions.js';

const declaration = (periodStart: string) => ({
  contractId: DEMO_CONTRACTS.warehouse,
  periodStart,
  periodEnd: periodStart,
  hours: 8,
});

const contract = {
  title: 'Fence test',
  candidateId: DEMO_CANDIDATE_ID,
  clientCompanyId: DEMO_COMPANY_ID,
  startDate: '2026-05-01',
  hourlyRate: 20,
};

async function untilRealTimePasses(instant: Date): Promise<void> {
  while (Date.now() <= instant.getTime() + 200) await new Promise((r) => setTimeout(r, 50));
}

describe('R15: a regular user’s write that began before the start does not commit after it', () => {
  const hooks = new HoldingFence();
  const { t, as } = useSignedInApp({ override: hooks.override });
  afterEach(async () => {
    await turnOff(t);
  });

  /** Sends the request with a window starting in real time, holds its write across the start, then lets it go. */
  async function heldAcrossStart(send: () => request.Test): Promise<request.Response> {
    const { startsAt } = await scheduleInRealTime(t, 2500);
    const { reached, release } = hooks.arm();
    const pending = send().then((response) => response);
    await reached;
    await untilRealTimePasses(startsAt);
    release();
    return pending;
  }

  it('candidate: a declaration held across the start instant is rolled back and answered 503', async () => {
    const before = await countRows(t, 'declarations');
    const response = await heldAcrossStart(() =>
      request(t.url)
        .post('/api/declarations')
        .set(withSession(as.candidate))
        .send(declaration('2025-04-07')),
    );
    expectRefusal(response);
    expect(await countRows(t, 'declarations')).toBe(before);
  });

  it.each([
    {
      name: 'agency user: a contract change held across the start is rolled back',
      who: 'agency',
      path: `/api/contracts/${DEMO_CONTRACTS.forklift}`,
      change: { title: 'Changed too late' },
      stored: { table: 'contracts', id: DEMO_CONTRACTS.forklift, column: 'title' },
      unchanged: 'Forklift driver (weekends)',
    },
    {
      name: 'client: an approval held across the start is rolled back',
      who: 'client',
      path: `/api/declarations/${DEMO_DECLARATIONS.open}`,
      change: { status: 'approved' },
      stored: { table: 'declarations', id: DEMO_DECLARATIONS.open, column: 'status' },
      unchanged: 'submitted',
    },
  ] as const)('$name', async ({ who, path, change, stored, unchanged }) => {
    const response = await heldAcrossStart(() =>
      request(t.url).patch(path).set(withSession(as[who])).send(change),
    );
    expectRefusal(response);
    const [row] = await t.dataSource.query(
      `SELECT ${stored.column} AS value FROM ${stored.table} WHERE id = '${stored.id}'`,
    );
    expect(row.value).toBe(unchanged);
  });

  it('an exempt user’s write held across the start commits', async () => {
    const response = await heldAcrossStart(() =>
      request(t.url).post('/api/contracts').set(withSession(as.admin)).send(contract),
    );
    expect(response.status).toBe(201);
    expect(await countRows(t, `contracts WHERE id = '${response.body.id}'`)).toBe(1);
  });
});

describe('R7, R14: contracts and declarations before and during downtime, by role', () => {
  const { t, as } = useSignedInApp();

  it('while scheduled, every role reads and writes normally (R7)', async () => {
    await scheduleDowntime(t);
    await untilState(t, 'scheduled');
    let day = 1;
    for (const who of Object.keys(DEMO) as Who[]) {
      const list = await request(t.url).get('/api/contracts').set('Cookie', as[who].cookie);
      expect(list.status).toBe(200);
      expect(list.headers['maintenance-starts-at']).toEqual(expect.any(String));
      if (who === 'client') continue;
      const created = await request(t.url)
        .post('/api/declarations')
        .set(withSession(as[who]))
        .send(declaration(`2025-05-0${day++}`));
      expect(created.status).toBe(201);
    }
    const approve = await request(t.url)
      .patch(`/api/declarations/${DEMO_DECLARATIONS.open}`)
      .set(withSession(as.client))
      .send({ status: 'approved' });
    expect(approve.status).toBe(200);
  });

  it('during downtime, regular users get 503 for reads and writes, and nothing is saved (R14, R17)', async () => {
    await turnOff(t);
    await enterDowntime(t);
    const before = {
      contracts: await countRows(t, 'contracts'),
      declarations: await countRows(t, 'declarations'),
    };
    for (const who of ['agency', 'client', 'candidate'] as const) {
      expectRefusal(await request(t.url).get('/api/contracts').set('Cookie', as[who].cookie));
      expectRefusal(
        await request(t.url)
          .get(`/api/declarations/${DEMO_DECLARATIONS.approved}`)
          .set('Cookie', as[who].cookie),
      );
      expectRefusal(
        await request(t.url)
          .post('/api/declarations')
          .set(withSession(as[who]))
          .send(declaration('2025-05-20')),
      );
      expectRefusal(
        await request(t.url).post('/api/contracts').set(withSession(as[who])).send(contract),
      );
      expectRefusal(
        await request(t.url)
          .patch(`/api/contracts/${DEMO_CONTRACTS.forklift}`)
          .set(withSession(as[who]))
          .send({ title: 'During downtime' }),
      );
    }
    expect(await countRows(t, 'contracts')).toBe(before.contracts);
    expect(await countRows(t, 'declarations')).toBe(before.declarations);
  });

  it('during downtime, exempt users keep reading and writing (R16 API side)', async () => {
    for (const who of ['admin', 'consultant'] as const) {
      expect(
        (await request(t.url).get('/api/contracts').set('Cookie', as[who].cookie)).status,
      ).toBe(200);
      const created = await request(t.url)
        .post('/api/contracts')
        .set(withSession(as[who]))
        .send({ ...contract, title: `Year-end by ${who}` });
      expect(created.status).toBe(201);
      const activated = await request(t.url)
        .patch(`/api/contracts/${created.body.id}`)
        .set(withSession(as[who]))
        .send({ status: 'active' });
      expect(activated.body.status).toBe('active');
    }
  });
});
