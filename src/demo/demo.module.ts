import { Module } from '@nestjs/common';
import { DiscoveryModule } from '@nestjs/core';
import { TypeOrmModule } from '@nestjs/typeorm';
import { DemoDataInventory, DEMO_ENTITIES } from './demo-data.inventory.js';
import { DemoDataService } from './demo-data.service.js';
import { DemoStartCheck } from './demo-start.check.js';

/** Finding and removing demo data; also what the command line's `demo remove` needs. */
@Module({
  imports: [TypeOrmModule.forFeature(DEMO_ENTITIES)],
  providers: [DemoDataInventory],
  exports: [DemoDataInventory],
})
export class DemoInventoryModule {}

/** Seeding at start outside production, and the production start's refusal of demo data. */
@Module({
  imports: [DiscoveryModule, DemoInventoryModule],
  providers: [DemoDataService, DemoStartCheck],
})
export class DemoModule {}
