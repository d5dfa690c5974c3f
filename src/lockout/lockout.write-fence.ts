import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { Principal } from '../auth/principal.js';
import { WriteFence } from '../database/transactions.js';
import { MaintenanceWriteFence } from '../maintenance/index.js';
import { maintenancePrincipalOf } from './lockout.js';

/** R15 for every write of the app: Transactions.run asks the maintenance module's fence. */
@Injectable()
export class LockoutWriteFence extends WriteFence {
  constructor(private readonly fence: MaintenanceWriteFence) {
    super();
  }

  check(manager: EntityManager, actor: Principal): Promise<void> {
    return this.fence.assertWritable(manager, maintenancePrincipalOf(actor));
  }

  refusalAtCommit(error: unknown): unknown {
    return this.fence.refusalAtCommit(error);
  }
}
