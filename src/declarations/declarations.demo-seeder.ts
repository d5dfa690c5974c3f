import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { Clock } from '../common/clock.js';
import { DEMO_CONTRACTS } from '../contracts/contracts.demo-seeder.js';
import { DemoSeeder, type DemoDataSeeder } from '../demo/demo-seeder.decorator.js';
import { DEMO_USERS } from '../users/identity.demo-seeder.js';
import { Declaration } from './declaration.entity.js';

export const DEMO_DECLARATIONS = {
  /** Submitted, waiting for the demo client. */
  open: '00000000-0000-4000-8000-0000000d0001',
  approved: '00000000-0000-4000-8000-0000000d0002',
  /** On the contract at another company. */
  lab: '00000000-0000-4000-8000-0000000d0003',
} as const;

@Injectable()
@DemoSeeder(12)
export class DeclarationsDemoSeeder implements DemoDataSeeder {
  constructor(private readonly clock: Clock) {}

  async seed(manager: EntityManager): Promise<void> {
    if (await manager.existsBy(Declaration, { id: DEMO_DECLARATIONS.open })) return;
    const now = this.clock.now();
    const client = DEMO_USERS.find((user) => user.role === 'CLIENT')!;
    const common = { createdAt: now, updatedAt: now, decidedBy: null, decidedAt: null };
    await manager.insert(Declaration, [
      {
        ...common,
        id: DEMO_DECLARATIONS.open,
        contractId: DEMO_CONTRACTS.warehouse,
        periodStart: '2025-01-13',
        periodEnd: '2025-01-19',
        hours: 38,
        amount: 12.4,
        note: 'Travel by train on Monday',
        status: 'submitted',
      },
      {
        ...common,
        id: DEMO_DECLARATIONS.approved,
        contractId: DEMO_CONTRACTS.warehouse,
        periodStart: '2025-01-06',
        periodEnd: '2025-01-12',
        hours: 40,
        amount: null,
        note: null,
        status: 'approved',
        decidedBy: client.id,
        decidedAt: now,
      },
      {
        ...common,
        id: DEMO_DECLARATIONS.lab,
        contractId: DEMO_CONTRACTS.lab,
        periodStart: '2024-12-02',
        periodEnd: '2024-12-08',
        hours: 32,
        amount: null,
        note: null,
        status: 'approved',
      },
    ]);
  }
}
