import { SetMetadata } from '@nestjs/common';
import type { EntityManager } from 'typeorm';

export const DEMO_SEEDER = 'demo:seeder';

/** Puts demo rows in an empty database; must do nothing when its rows are already there. */
export interface DemoDataSeeder {
  seed(manager: EntityManager): Promise<void>;
}

/** Marks a provider as a demo data seeder; lower `order` runs first. */
export const DemoSeeder = (order: number): ClassDecorator => SetMetadata(DEMO_SEEDER, order);
