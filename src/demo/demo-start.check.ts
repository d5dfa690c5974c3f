import { Injectable, Logger } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { AppConfig } from '../config/app-config.js';
import { DemoDataInventory } from './demo-data.inventory.js';
import { DEMO_REMOVE_COMMAND, productionRefusal } from './demo-data.report.js';

/**
 * A production start refuses a database that holds demo credentials (published in the README):
 * main.ts asks after the migrations and before listening.
 */
@Injectable()
export class DemoStartCheck {
  private readonly logger = new Logger('DemoData');

  constructor(
    private readonly inventory: DemoDataInventory,
    private readonly dataSource: DataSource,
    private readonly config: AppConfig,
  ) {}

  /** False, after logging one line of what was found and what removes it, when the start must stop. */
  async allowsStart(): Promise<boolean> {
    if (!this.config.isProduction) return true;
    const found = await this.inventory.credentials(this.dataSource.manager);
    const refusal = productionRefusal(found);
    if (!refusal) return true;
    this.logger.error({
      event: 'demo-data-refused',
      found,
      remedy: DEMO_REMOVE_COMMAND,
      msg: refusal,
    });
    return false;
  }
}
