import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { Transactions } from '../database/transactions.js';
import { maintenancePrincipalOf } from '../lockout/lockout.js';
import { MaintenanceWriteFence } from '../maintenance/index.js';
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
    private readonly transactions: Transactions,
    private readonly hooks: ContractWriteHooks,
    private readonly fence: MaintenanceWriteFence,
  ) {}

  run<T>(actor: Actor, work: (manager: EntityManager) => Promise<T>): Promise<T> {
    return this.transactions
      .run(async (manager) => {
        const result = await work(manager);
        await this.hooks.beforeCommit(manager);
        if (isRegularUser(actor))
          await this.fence.assertWritable(manager, maintenancePrincipalOf(actor));
        return result;
      })
      .catch((error: unknown) => {
        throw this.fence.refusalAtCommit(error);
      });
  }
}
