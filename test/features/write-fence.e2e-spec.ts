import { Injectable } from '@nestjs/common';
import request from 'supertest';
import type { EntityManager } from 'typeorm';
import { ContractWriteHooks } from '../../src/contracts/contract-writes.js';
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
import { DEMO, login, withSession, type LoggedIn } from '../support/sessions.js';
import { startTestApp, type TestApp } from '../support/test-app.js';

type Who = keyof typeof DEMO;

/** Holds the next contract/declaration write just before its commit, until released. */
@Injectable()
class HoldingHooks extends ContractWriteHooks {
  private hold?: { reached: () => void; release: Promise<void> };

  /** Arms the hold; resolves `reached` when a write is held, and lets it go on `release()`. */
  arm(): { reached: Promise<void>; release: () => void } {
    let reached!: () => void;
    let release!: () => void;
    const reachedPromise = new Promise<void>((resolve) => (reached = resolve));
    const releasePromise = new Promise<void>((resolve) => (release = resolve));
    this.hold = { reached, release: releasePromise };
    return { reached: reachedPromise, release };
  }

  override async beforeCommit(_manager: EntityManager): Promise<void> {
    const hold = this.hold;
    if (!hold) return;
    this.hold = undefined;
    hold.reached();
    await hold.release;
  }
}

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
  let t: TestApp;
  const hooks = new HoldingHooks();
  const as = {} as Record<Who, LoggedIn>;

  beforeAll(async () => {
    t = await startTestApp({
      override: (builder) => builder.overrideProvider(ContractWriteHooks).useValue(hooks),
    });
    for (const who of Object.keys(DEMO) as Who[]) as[who] = await login(t.url, DEMO[who]);
  });
  afterAll(async () => {
    await t.close();
  });

  const rows = async (sql: string) => Number((await t.dataSource.query(sql))[0].n);

  it('candidate: a declaration held across the start instant is rolled back and answered 503', async () => {
    const { startsAt } = await scheduleInRealTime(t, 2500);
    const before = await rows('SELECT COUNT(*) AS n FROM declarations');
    const { reached, release } = hooks.arm();
    const pending = request(t.url)
      .post('/api/declarations')
      .set(withSession(as.candidate))
      .send(declaration('2025-04-07'))
      .then((response) => response);
    await reached;
    await untilRealTimePasses(startsAt);
    release();
    expectRefusal(await pending);
    expect(await rows('SELECT COUNT(*) AS n FROM declarations')).toBe(before);
    await turnOff(t);
  });

  it('agency user: a contract change held across the start is rolled back', async () => {
    const { startsAt } = await scheduleInRealTime(t, 2500);
    const { reached, release } = hooks.arm();
    const pending = request(t.url)
      .patch(`/api/contracts/${DEMO_CONTRACTS.forklift}`)
      .set(withSession(as.agency))
      .send({ title: 'Changed too late' })
      .then((response) => response);
    await reached;
    await untilRealTimePasses(startsAt);
    release();
    expectRefusal(await pending);
    const [row] = await t.dataSource.query(
      `SELECT title FROM contracts WHERE id = '${DEMO_CONTRACTS.forklift}'`,
    );
    expect(row.title).toBe('Forklift driver (weekends)');
    await turnOff(t);
  });

  it('client: an approval held across the start is rolled back', async () => {
    const { startsAt } = await scheduleInRealTime(t, 2500);
    const { reached, release } = hooks.arm();
    const pending = request(t.url)
      .patch(`/api/declarations/${DEMO_DECLARATIONS.open}`)
      .set(withSession(as.client))
      .send({ status: 'approved' })
      .then((response) => response);
    await reached;
    await untilRealTimePasses(startsAt);
    release();
    expectRefusal(await pending);
    const [row] = await t.dataSource.query(
      `SELECT status FROM declarations WHERE id = '${DEMO_DECLARATIONS.open}'`,
    );
    expect(row.status).toBe('submitted');
    await turnOff(t);
  });

  it('an exempt user’s write held across the start commits', async () => {
    const { startsAt } = await scheduleInRealTime(t, 2500);
    const { reached, release } = hooks.arm();
    const pending = request(t.url)
      .post('/api/contracts')
      .set(withSession(as.admin))
      .send(contract)
      .then((response) => response);
    await reached;
    await untilRealTimePasses(startsAt);
    release();
    const response = await pending;
    expect(response.status).toBe(201);
    expect(await rows(`SELECT COUNT(*) AS n FROM contracts WHERE id = '${response.body.id}'`)).toBe(
      1,
    );
    await turnOff(t);
  });
});

describe('R7, R14: contracts and declarations before and during downtime, by role', () => {
  let t: TestApp;
  const as = {} as Record<Who, LoggedIn>;

  beforeAll(async () => {
    t = await startTestApp();
    for (const who of Object.keys(DEMO) as Who[]) as[who] = await login(t.url, DEMO[who]);
  });
  afterAll(async () => {
    await t.close();
  });

  const count = async (table: string) =>
    Number((await t.dataSource.query(`SELECT COUNT(*) AS n FROM ${table}`))[0].n);

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
      contracts: await count('contracts'),
      declarations: await count('declarations'),
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
    expect(await count('contracts')).toBe(before.contracts);
    expect(await count('declarations')).toBe(before.declarations);
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
