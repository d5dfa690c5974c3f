import { readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { formatRoutePolicyTable, MaintenanceRoutePolicy } from '../../src/lockout/route-policy.js';
import { startTestApp, type TestApp } from '../support/test-app.js';

const SNAPSHOT = join(dirname(fileURLToPath(import.meta.url)), 'route-policy.snapshot.txt');

/**
 * Every route's policy during downtime (open to all / exempt roles only) and how it refuses, compared
 * with the committed snapshot: a new route or a changed policy fails here until the snapshot is
 * regenerated on purpose (UPDATE_ROUTE_SNAPSHOT=1, or `npm run routes > test/routes/route-policy.snapshot.txt`).
 */
describe('route policy during downtime (R13, R20)', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp({ env: { DEMO_DATA: 'false' } });
  });
  afterAll(async () => {
    await t.close();
  });

  it('matches the committed snapshot', () => {
    const table = formatRoutePolicyTable(t.app.get(MaintenanceRoutePolicy).rows());
    if (process.env.UPDATE_ROUTE_SNAPSHOT === '1') writeFileSync(SNAPSHOT, table);
    expect(table).toBe(readFileSync(SNAPSHOT, 'utf8'));
  });
});
