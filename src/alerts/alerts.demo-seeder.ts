import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { Clock } from '../common/clock.js';
import { DEMO_CANDIDATE_ID } from '../contracts/contracts.demo-seeder.js';
import { DemoSeeder, type DemoDataSeeder } from '../demo/demo-seeder.decorator.js';
import { SavedSearch } from './saved-search.entity.js';

export const DEMO_SAVED_SEARCH_ID = '00000000-0000-4000-8000-0000000a1001';

/** The demo candidate looks for developer jobs in Amsterdam; alerts start from the first start. */
@Injectable()
@DemoSeeder(14)
export class AlertsDemoSeeder implements DemoDataSeeder {
  constructor(private readonly clock: Clock) {}

  async seed(manager: EntityManager): Promise<void> {
    if (await manager.existsBy(SavedSearch, { id: DEMO_SAVED_SEARCH_ID })) return;
    const now = this.clock.now();
    await manager.insert(SavedSearch, {
      id: DEMO_SAVED_SEARCH_ID,
      userId: DEMO_CANDIDATE_ID,
      keyword: 'developer',
      location: 'Amsterdam',
      lastRunAt: now,
      createdAt: now,
    });
  }
}
