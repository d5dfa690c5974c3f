import { Inject, Injectable } from '@nestjs/common';
import { MAINTENANCE_OPTIONS, type ResolvedMaintenanceOptions } from '../maintenance.options.js';
import { MaintenanceStorage } from '../persistence/maintenance.storage.js';
import { COMMIT_FENCE_SQLSTATE } from '../persistence/migrations/1764300516000-maintenance-commit-fence.js';
import { MaintenanceDowntimeError } from '../rules/maintenance.errors.js';
import { isExempt, type MaintenancePrincipal } from '../rules/maintenance.principal.js';

/**
 * R15, the write fence: no write of a regular user commits after the start instant, even one whose
 * request passed the guard before it.
 *
 * Call `assertWritable(transaction, principal)` inside the write's transaction, as its last statement
 * before commit (`transaction` is what the storage reads through: for the TypeORM storage, the
 * EntityManager). The storage reads the open window within that transaction together with the
 * database's own clock; the fence compares the start with that clock and with the app's injected
 * clock (the one the guard uses, so both always agree). If the principal is not exempt and the start
 * has passed, it throws MaintenanceDowntimeError; let it propagate so that the transaction rolls back.
 *
 *     await transactions.run(async (manager) => {
 *       await manager.save(contract);
 *       await fence.assertWritable(manager, principal);
 *     });
 */
@Injectable()
export class MaintenanceWriteFence {
  constructor(
    private readonly storage: MaintenanceStorage,
    @Inject(MAINTENANCE_OPTIONS) private readonly options: ResolvedMaintenanceOptions,
  ) {}

  async assertWritable(transaction: unknown, principal: MaintenancePrincipal): Promise<void> {
    if (isExempt(principal, this.options.exemptions)) return;
    const reading = await this.storage.readForFence(transaction);
    if (!reading) return;
    const appNow = this.options.clock.now();
    const latest = Math.max(reading.databaseNow.getTime(), appNow.getTime());
    if (latest < reading.startsAt.getTime()) return;
    throw new MaintenanceDowntimeError(reading, appNow);
  }

  /**
   * The R17 refusal when `error` is PostgreSQL's commit-time fence (the start passed between
   * `assertWritable` and COMMIT; the transaction was rolled back); else `error` itself. Map the
   * error of the write's transaction through this.
   */
  refusalAtCommit(error: unknown): unknown {
    const driverError = (error as { driverError?: { code?: unknown; detail?: unknown } })
      .driverError;
    if (driverError?.code !== COMMIT_FENCE_SQLSTATE || typeof driverError.detail !== 'string') {
      return error;
    }
    const [startsAt, expectedEndAt] = driverError.detail.split(',');
    const window = {
      startsAt: new Date(Number(startsAt)),
      expectedEndAt: expectedEndAt ? new Date(Number(expectedEndAt)) : null,
    };
    return new MaintenanceDowntimeError(window, this.options.clock.now());
  }
}
