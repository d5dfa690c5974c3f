import { Injectable, Logger, type OnApplicationBootstrap } from '@nestjs/common';
import { DiscoveryService } from '@nestjs/core';
import { SYSTEM, Transactions } from '../database/transactions.js';
import { AppConfig } from '../config/app-config.js';
import { DEMO_SEEDER, type DemoDataSeeder } from './demo-seeder.decorator.js';

/** Runs every @DemoSeeder at start when DEMO_DATA is on (never in production: see AppConfig). */
@Injectable()
export class DemoDataService implements OnApplicationBootstrap {
  private readonly logger = new Logger('DemoData');

  constructor(
    private readonly discovery: DiscoveryService,
    private readonly transactions: Transactions,
    private readonly config: AppConfig,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    if (!this.config.demoDataEnabled) return;
    const seeders = this.discovery
      .getProviders()
      .filter((wrapper) => wrapper.metatype && wrapper.instance)
      .map((wrapper) => ({
        order: Reflect.getMetadata(DEMO_SEEDER, wrapper.metatype!) as number | undefined,
        seeder: wrapper.instance as DemoDataSeeder,
      }))
      .filter(
        (entry): entry is { order: number; seeder: DemoDataSeeder } => entry.order !== undefined,
      )
      .sort((a, b) => a.order - b.order);
    for (const { seeder } of seeders) {
      await this.transactions.run(SYSTEM, (manager) => seeder.seed(manager));
    }
    this.logger.log({ event: 'demo-data-ready', seeders: seeders.length });
  }
}
