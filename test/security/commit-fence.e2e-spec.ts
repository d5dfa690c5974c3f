import { TransactionQueue } from '../../src/database/transactions.js';
import { MaintenanceWriteFence, type MaintenancePrincipal } from '../../src/maintenance/index.js';
import { countRows, useTestApp } from '../support/fixtures.js';
import { scheduleInRealTime, turnOff } from '../support/maintenance.js';
import { DEMO } from '../support/sessions.js';
import { freshDatabase } from '../support/test-app.js';

async function untilRealTimePasses(instant: Date): Promise<void> {
  while (Date.now() <= instant.getTime() + 200) await new Promise((r) => setTimeout(r, 50));
}

const agency: MaintenancePrincipal = {
  kind: 'user',
  role: 'AGENCY_USER',
  sessionId: null,
  actor: DEMO.agency,
};
const admin: MaintenancePrincipal = {
  kind: 'user',
  role: 'CUSTOMER_ADMIN',
  sessionId: null,
  actor: DEMO.admin,
};

/**
 * Issue 16 item 8 (R15 at COMMIT, PostgreSQL — the database behind the fence's last round trip;
 * on SQLite the check and COMMIT follow each other in-process, see the migration's comment).
 * The write's fence check passes before the start; its COMMIT comes after it.
 */
describe('the write fence at COMMIT (PostgreSQL, issue 16 item 8)', () => {
  process.env.TEST_POSTGRES_URL ??= 'postgres://postgres@127.0.0.1:5432/test';
  const t = useTestApp({ database: freshDatabase('postgres') });
  afterEach(async () => {
    await turnOff(t);
  });
  afterAll(async () => {
    await t.database.drop();
  });

  /** Inserts a company, passes the fence before the start, then holds COMMIT until after it. */
  async function commitAcrossStart(id: string, principal: MaintenancePrincipal): Promise<unknown> {
    const { startsAt } = await scheduleInRealTime(t, 1500);
    const fence = t.app.get(MaintenanceWriteFence);
    let passedFence = false;
    const outcome = await t.app
      .get(TransactionQueue)
      .run(async (manager) => {
        await manager.query(
          `INSERT INTO companies (id, name, created_at) VALUES ('${id}', 'Late', 0)`,
        );
        await fence.assertWritable(manager, principal);
        passedFence = true;
        await untilRealTimePasses(startsAt);
      })
      .then(
        () => 'committed',
        (error: unknown) => fence.refusalAtCommit(error),
      );
    expect(passedFence).toBe(true);
    return outcome;
  }

  it("a regular user's write is refused at COMMIT with the fence's refusal, and nothing is stored", async () => {
    const outcome = await commitAcrossStart('late-regular', agency);
    expect(outcome).toMatchObject({
      message: 'refused during maintenance downtime',
      window: { startsAt: expect.any(Date) },
    });
    expect(await countRows(t, `companies WHERE id = 'late-regular'`)).toBe(0);
    expect(await countRows(t, 'maintenance_commit_fences')).toBe(0);
  });

  it('an exempt user’s write commits (it never arms the check)', async () => {
    expect(await commitAcrossStart('late-exempt', admin)).toBe('committed');
    expect(await countRows(t, `companies WHERE id = 'late-exempt'`)).toBe(1);
  });
});
