import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import { MaintenanceWriteFence } from '../maintenance/maintenance.write-fence.js';
import { isRegularUser, type Actor } from './contract-access.js';

/**
 * A seam just before a contract or declaration write commits. It does nothing in the app; the R15
 * test overrides it to hold a write open across the start of downtime.
 */
@Injectable()
export class ContractWriteHooks {
  beforeCommit(_manager: EntityManager): Promise<void> {
    return Promise.resolve();
  }
}

/**
 * Runs contract and declaration writes in one transaction each. A regular user's write re-checks
 * the maintenance window just before commit, on the database's clock (R15): if downtime started
 * meanwhile, the fence throws the R14/R17 refusal and the transaction rolls back.
 */
@Injectable()
export class ContractWrites {
  constructor(
    private readonly dataSource: DataSource,
    private readonly hooks: ContractWriteHooks,
    private readonly fence: MaintenanceWriteFence,
  ) {}

  run<T>(actor: Actor, work: (manager: EntityManager) => Promise<T>): Promise<T> {
    return this.dataSource.transaction(async (manager) => {
      const result = await work(manager);
      await this.hooks.beforeCommit(manager);
      if (isRegularUser(actor)) {
        await this.fence.assertWritable(manager, {
          kind: 'user',
          role: actor.user.role,
          sessionId: actor.sessionId,
          actor: actor.user.email,
        });
      }
      return result;
    });
  }
}
