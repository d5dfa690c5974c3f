import type { Principal } from '../../src/auth/principal.js';
import { SYSTEM, Transactions, type WriteActor } from '../../src/database/transactions.js';
import type { Role } from '../../src/users/role.js';
import { loginAll, useTestApp } from '../support/fixtures.js';
import { LONG_SESSIONS } from './support.js';
import { HOUR, schedule } from '../support/maintenance.js';

/** What the fence throws: the core's plain error, with the window that refuses the write. */
type FenceError = Error & { window: { startsAt: Date } };

const user = (role: Role): Principal =>
  ({
    kind: 'user',
    user: { role, email: `${role}@fence.test` },
    sessionId: 's',
    csrfToken: 'c',
  }) as Principal;
const integration = (kind: 'BACKOFFICE' | 'THIRD_PARTY'): Principal => ({
  kind: 'integration',
  client: { id: kind, name: kind, kind },
});
const agency = user('AGENCY_USER');
const candidate = user('CANDIDATE');
const admin = user('CUSTOMER_ADMIN');
const backoffice = integration('BACKOFFICE');
const thirdParty = integration('THIRD_PARTY');

/** R15 at the one write seam: Transactions.run asks the maintenance module's fence for every signed-in principal. */
describe('the R15 write fence in Transactions.run', () => {
  const t = useTestApp({ env: LONG_SESSIONS });

  /** A transaction of `actor` that writes a row; returns whether the row was committed. */
  async function write(
    actor: WriteActor,
    marker: string,
  ): Promise<{ committed: boolean; error?: FenceError }> {
    let error: FenceError | undefined;
    try {
      await t.app.get(Transactions).run(actor, async (manager) => {
        await manager.query(
          `UPDATE users SET display_name = '${marker}' WHERE email = 'agency@demo.test'`,
        );
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
    expect((await write(candidate, 'candidate')).committed).toBe(false);
    expect((await write(thirdParty, 'third-party')).committed).toBe(false);
  });

  it('lets exempt principals, anonymous visitors (R13) and the platform itself commit during downtime', async () => {
    expect((await write(admin, 'admin')).committed).toBe(true);
    expect((await write(backoffice, 'backoffice')).committed).toBe(true);
    expect((await write({ kind: 'anonymous' }, 'anonymous')).committed).toBe(true);
    expect((await write(SYSTEM, 'system')).committed).toBe(true);
  });
});
