import { Inject, Injectable } from '@nestjs/common';
import { MAINTENANCE_OPTIONS, type ResolvedMaintenanceOptions } from '../maintenance.options.js';
import { MaintenanceStorage } from '../persistence/maintenance.storage.js';
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
}
