import { Transactions } from '../../src/database/transactions.js';
import { MaintenanceWriteFence, type MaintenancePrincipal } from '../../src/maintenance/index.js';

/** What the fence throws: the core's plain error, with the window that refuses the write. */
type FenceError = Error & { window: { startsAt: Date } };
import { loginAll, useTestApp } from '../support/fixtures.js';
import { LONG_SESSIONS } from './support.js';
import { HOUR, schedule } from '../support/maintenance.js';

const agency: MaintenancePrincipal = {
  kind: 'user',
  role: 'AGENCY_USER',
  sessionId: 's',
  actor: 'a',
};
const admin: MaintenancePrincipal = {
  kind: 'user',
  role: 'CUSTOMER_ADMIN',
  sessionId: 's',
  actor: 'a',
};
const backoffice: MaintenancePrincipal = { kind: 'integration', integrationKind: 'BACKOFFICE' };

describe('the R15 write fence', () => {
  const t = useTestApp({ env: LONG_SESSIONS });
  let fence: MaintenanceWriteFence;

  beforeAll(() => {
    fence = t.app.get(MaintenanceWriteFence);
  });

  /** A transaction that writes a row and then asks the fence; returns whether the row was committed. */
  async function write(
    principal: MaintenancePrincipal,
    marker: string,
  ): Promise<{ committed: boolean; error?: FenceError }> {
    let error: FenceError | undefined;
    try {
      await t.app.get(Transactions).run(async (manager) => {
        await manager.query(
          `UPDATE users SET display_name = '${marker}' WHERE email = 'agency@demo.test'`,
        );
        await fence.assertWritable(manager, principal);
      });
    } catch (caught) {
      error = caught as FenceError;
    }
    const rows = await t.dataSource.query<Array<{ name: string }>>(
      "SELECT display_name AS name FROM users WHERE email = 'agency@demo.test'",
    );
    return { committed: rows[0].name === marker, error };
  }

  it('lets writes commit without a window and before the start', async () => {
    expect((await write(agency, 'none')).committed).toBe(true);
    const s = await loginAll(t);
    await schedule(t, s.admin, HOUR);
    expect((await write(agency, 'scheduled')).committed).toBe(true);
  });

  it("rolls back a regular user's write once the start has passed by the database's clock, naming the window", async () => {
    // Move the stored start into the database's past: the app's clock says "scheduled", the database's does not.
    const start = Date.now() - 1000;
    await t.dataSource.query(
      `UPDATE maintenance_windows SET starts_at = ${start} WHERE turned_off_at IS NULL`,
    );
    const result = await write(agency, 'late');
    expect(result.committed).toBe(false);
    expect(result.error).toBeInstanceOf(Error);
    expect(result.error?.window.startsAt.getTime()).toBe(start);
  });

  it('rolls back once the start has passed by the app clock too', async () => {
    await t.dataSource.query(
      `UPDATE maintenance_windows SET starts_at = ${t.clock.now().getTime() + HOUR} WHERE turned_off_at IS NULL`,
    );
    expect((await write(agency, 'before')).committed).toBe(true);
    t.clock.advance(HOUR);
    expect((await write(agency, 'after')).committed).toBe(false);
  });

  it('lets exempt principals commit during downtime', async () => {
    expect((await write(admin, 'admin')).committed).toBe(true);
    expect((await write(backoffice, 'backoffice')).committed).toBe(true);
  });
});
