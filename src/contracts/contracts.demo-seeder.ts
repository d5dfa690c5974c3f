import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { Clock } from '../common/clock.js';
import { DEMO_OTHER_COMPANY_ID } from '../companies/companies.demo-seeder.js';
import { DemoSeeder, type DemoDataSeeder } from '../demo/demo-seeder.decorator.js';
import { DEMO_COMPANY_ID, DEMO_USERS } from '../users/identity.demo-seeder.js';
import { Contract } from './contract.entity.js';

export const DEMO_CANDIDATE_ID = DEMO_USERS.find((user) => user.role === 'CANDIDATE')!.id;

/** Stable ids so that the declarations seeder and the tests can refer to them. */
export const DEMO_CONTRACTS = {
  /** Active, at the demo client's company. */
  warehouse: '00000000-0000-4000-8000-0000000c0001',
  /** Draft, at the demo client's company. */
  forklift: '00000000-0000-4000-8000-0000000c0002',
  /** Ended, at another company: the demo client must not see it. */
  lab: '00000000-0000-4000-8000-0000000c0003',
} as const;

@Injectable()
@DemoSeeder(11)
export class ContractsDemoSeeder implements DemoDataSeeder {
  constructor(private readonly clock: Clock) {}

  async seed(manager: EntityManager): Promise<void> {
    if (await manager.existsBy(Contract, { id: DEMO_CONTRACTS.warehouse })) return;
    const now = this.clock.now();
    const common = { candidateId: DEMO_CANDIDATE_ID, createdAt: now, updatedAt: now };
    await manager.insert(Contract, [
      {
        ...common,
        id: DEMO_CONTRACTS.warehouse,
        title: 'Warehouse operator',
        clientCompanyId: DEMO_COMPANY_ID,
        startDate: '2025-01-06',
        endDate: null,
        hourlyRate: 18.5,
        status: 'active',
      },
      {
        ...common,
        id: DEMO_CONTRACTS.forklift,
        title: 'Forklift driver (weekends)',
        clientCompanyId: DEMO_COMPANY_ID,
        startDate: '2026-03-01',
        endDate: '2026-08-31',
        hourlyRate: 21,
        status: 'draft',
      },
      {
        ...common,
        id: DEMO_CONTRACTS.lab,
        title: 'Lab assistant',
        clientCompanyId: DEMO_OTHER_COMPANY_ID,
        startDate: '2024-02-01',
        endDate: '2024-12-20',
        hourlyRate: 24.75,
        status: 'ended',
      },
    ]);
  }
}
