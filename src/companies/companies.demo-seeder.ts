import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { Clock } from '../common/clock.js';
import { DemoSeeder, type DemoDataSeeder } from '../demo/demo-seeder.decorator.js';
import { DEMO_COMPANY_ID } from '../users/identity.demo-seeder.js';
import { Company } from './company.entity.js';
import { companyNameKey } from './company.rules.js';

export const DEMO_OTHER_COMPANY_ID = '00000000-0000-4000-8000-00000000c002';

export const DEMO_COMPANIES: ReadonlyArray<{ id: string; name: string }> = [
  { id: DEMO_COMPANY_ID, name: 'Acme Logistics' },
  { id: DEMO_OTHER_COMPANY_ID, name: 'Bolt Engineering' },
  { id: '00000000-0000-4000-8000-00000000c003', name: 'Canal Care' },
];

/** The demo client user works for the first company; the others give the scoping something to hide. */
@Injectable()
@DemoSeeder(10)
export class CompaniesDemoSeeder implements DemoDataSeeder {
  constructor(private readonly clock: Clock) {}

  async seed(manager: EntityManager): Promise<void> {
    if (await manager.existsBy(Company, { id: DEMO_COMPANY_ID })) return;
    const createdAt = this.clock.now();
    await manager.insert(
      Company,
      DEMO_COMPANIES.map((company) => ({
        ...company,
        nameKey: companyNameKey(company.name),
        active: true,
        createdAt,
      })),
    );
  }
}
