import 'reflect-metadata';
import { formatRoutePolicyTable, MaintenanceRoutePolicy } from '../src/lockout/route-policy.js';
import { withThrowawayApp } from './throwaway-app.js';

/**
 * `npm run routes`: every route with its policy during downtime (`open` to all, or `exempt-only`)
 * and how a refusal is answered (503, or 303 to the maintenance page). The same table as
 * test/routes/route-policy.snapshot.txt. Boots the module tree on a throw-away SQLite database.
 */
await withThrowawayApp((app) => {
  process.stdout.write(formatRoutePolicyTable(app.get(MaintenanceRoutePolicy).rows()));
});
