import { Logger } from '@nestjs/common';
import { Command, SubCommand } from 'nest-commander';
import { SYSTEM, Transactions } from '../database/transactions.js';
import { DemoDataInventory } from '../demo/demo-data.inventory.js';
import { describeRemoval } from '../demo/demo-data.report.js';
import { cliActor, CliCommand } from './cli-command.js';

@SubCommand({
  name: 'remove',
  description:
    'delete the demo accounts, their sessions, the demo link tokens and the demo business data',
})
export class RemoveDemoDataCommand extends CliCommand {
  private readonly logger = new Logger('DemoData');

  constructor(
    private readonly inventory: DemoDataInventory,
    private readonly transactions: Transactions,
  ) {
    super();
  }

  async run(): Promise<void> {
    const removal = await this.transactions.run(SYSTEM, (manager) =>
      this.inventory.remove(manager),
    );
    this.logger.log({ event: 'demo-data.removed', actor: cliActor(), ...removal });
    this.print(describeRemoval(removal));
  }
}

@Command({
  name: 'demo',
  description: 'the demo data of development starts',
  subCommands: [RemoveDemoDataCommand],
})
export class DemoCommand extends CliCommand {
  run(): Promise<void> {
    return Promise.resolve(this.usage());
  }
}

export const DEMO_COMMANDS = [DemoCommand, RemoveDemoDataCommand];
