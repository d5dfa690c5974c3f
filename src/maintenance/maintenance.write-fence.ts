import { Inject, Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { isExempt } from './maintenance.decision.js';
import { maintenanceRefusal } from './maintenance.errors.js';
import {
  MAINTENANCE_OPTIONS,
  type MaintenancePrincipal,
  type ResolvedMaintenanceOptions,
} from './maintenance.options.js';

const OPEN_WINDOW_WITH_DB_NOW = {
  postgres:
    'SELECT starts_at AS "startsAt", expected_end_at AS "expectedEndAt", ' +
    '(EXTRACT(EPOCH FROM clock_timestamp()) * 1000)::bigint AS "dbNow" ' +
    'FROM maintenance_windows WHERE turned_off_at IS NULL',
  sqlite:
    'SELECT starts_at AS "startsAt", expected_end_at AS "expectedEndAt", ' +
    'CAST((julianday(\'now\') - 2440587.5) * 86400000 AS INTEGER) AS "dbNow" ' +
    'FROM maintenance_windows WHERE turned_off_at IS NULL',
};

interface Row {
  startsAt: string | number;
  expectedEndAt: string | number | null;
  dbNow: string | number;
}

/**
 * R15, the write fence: no write of a regular user commits after the start instant, even one whose
 * request passed the guard before it.
 *
 * Call `assertWritable(manager, principal)` inside the write's transaction, as its last statement
 * before commit. It reads the open window from the database within that transaction and compares
 * its start with the database's own clock (PostgreSQL `clock_timestamp()`, SQLite `julianday('now')`),
 * and also with the app's injected clock (the one the guard uses, so both always agree). If the
 * principal is not exempt and the start has passed, it throws the R17 refusal (503 problem+json);
 * let it propagate out of the transaction callback so that the transaction rolls back.
 *
 *     await dataSource.transaction(async (manager) => {
 *       await manager.save(contract);
 *       await fence.assertWritable(manager, principal);
 *     });
 */
@Injectable()
export class MaintenanceWriteFence {
  constructor(@Inject(MAINTENANCE_OPTIONS) private readonly options: ResolvedMaintenanceOptions) {}

  async assertWritable(manager: EntityManager, principal: MaintenancePrincipal): Promise<void> {
    if (isExempt(principal, this.options.exemptions)) return;
    const sql =
      manager.dataSource.options.type === 'postgres'
        ? OPEN_WINDOW_WITH_DB_NOW.postgres
        : OPEN_WINDOW_WITH_DB_NOW.sqlite;
    const rows = await manager.query<Row[]>(sql);
    const row = rows[0];
    if (!row) return;
    const startsAt = Number(row.startsAt);
    const appNow = this.options.clock.now();
    if (Math.max(Number(row.dbNow), appNow.getTime()) < startsAt) return;
    const expectedEndAt = row.expectedEndAt === null ? null : new Date(Number(row.expectedEndAt));
    throw maintenanceRefusal(
      { startsAt: new Date(startsAt), expectedEndAt },
      appNow,
      this.options.defaultRetryAfterSeconds,
    );
  }
}
