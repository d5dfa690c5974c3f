import { Injectable } from '@nestjs/common';
import { Command, Option, SubCommand } from 'nest-commander';
import { Clock } from '../common/clock.js';
import { AppConfig } from '../config/app-config.js';
import {
  MaintenanceSettingsInput,
  MaintenanceSettingsService,
  secondsUntil,
} from '../maintenance/index.js';
import { cliActor, CliCommand, wholeNumber } from './cli-command.js';
import {
  describeMaintenanceStatus,
  type MaintenanceStatusJson,
} from './maintenance-status.text.js';

/** Decorated so that its constructor's parameter types are emitted for the subclasses' injection. */
@Injectable()
abstract class MaintenanceCommand extends CliCommand {
  constructor(
    protected readonly settings: MaintenanceSettingsService,
    protected readonly input: MaintenanceSettingsInput,
    protected readonly config: AppConfig,
    protected readonly clock: Clock,
  ) {
    super();
  }

  protected async status(): Promise<MaintenanceStatusJson> {
    const current = await this.settings.settings();
    return {
      state: current.state as MaintenanceStatusJson['state'],
      startsAt: current.startsAt,
      expectedEndAt: current.expectedEndAt,
      message: current.message,
      secondsUntilStart: current.startsAt
        ? secondsUntil(new Date(current.startsAt), this.clock.now())
        : null,
      activeSince: current.activeSince,
      version: current.version,
    };
  }

  protected async printStatus(json = false): Promise<void> {
    const status = await this.status();
    if (json) return this.printJson(status);
    for (const line of describeMaintenanceStatus(
      status,
      this.clock.now(),
      this.config.APP_TIMEZONE,
    ))
      this.print(line);
  }

  /** The same change as PUT on the settings API (the same validation), at the current version. */
  protected async change(body: Record<string, unknown>): Promise<void> {
    const { version } = await this.settings.settings();
    await this.input.apply({ ...body, version }, cliActor());
  }
}

@SubCommand({
  name: 'status',
  description: 'the state, the start in APP_TIMEZONE, time left, message',
})
export class MaintenanceStatusCommand extends MaintenanceCommand {
  @Option({ flags: '--json', description: 'print JSON' })
  parseJson(): boolean {
    return true;
  }

  run(_args: string[], options: { json?: boolean }): Promise<void> {
    return this.printStatus(options.json);
  }
}

interface ScheduleOptions {
  startsAt: string;
  expectedEnd?: string;
  message?: string;
}

@SubCommand({
  name: 'schedule',
  description: 'schedule (or move) the window; the start must be at least 10 minutes ahead (R2)',
})
export class MaintenanceScheduleCommand extends MaintenanceCommand {
  @Option({
    flags: '--starts-at <time>',
    description: 'RFC 3339 with offset, e.g. 2030-12-31T18:00:00+01:00',
    required: true,
  })
  parseStartsAt(value: string): string {
    return value;
  }

  @Option({ flags: '--expected-end <time>', description: 'RFC 3339 with offset' })
  parseExpectedEnd(value: string): string {
    return value;
  }

  @Option({ flags: '--message <text>', description: 'shown to users (at most 500 characters)' })
  parseMessage(value: string): string {
    return value;
  }

  async run(_args: string[], options: ScheduleOptions): Promise<void> {
    await this.change({
      enabled: true,
      startsAt: options.startsAt,
      ...(options.expectedEnd === undefined ? {} : { expectedEndAt: options.expectedEnd }),
      ...(options.message === undefined ? {} : { message: options.message }),
    });
    await this.printStatus();
  }
}

@SubCommand({ name: 'off', description: 'turn maintenance off (before or during downtime)' })
export class MaintenanceOffCommand extends MaintenanceCommand {
  async run(): Promise<void> {
    await this.change({ enabled: false });
    await this.printStatus();
  }
}

@SubCommand({ name: 'events', description: 'the event history, newest first' })
export class MaintenanceEventsCommand extends MaintenanceCommand {
  @Option({ flags: '--json', description: 'print JSON' })
  parseJson(): boolean {
    return true;
  }

  @Option({ flags: '--limit <n>', description: 'how many (1-100, default 20)' })
  parseLimit(value: string): number {
    return wholeNumber('--limit', 1, 100)(value);
  }

  async run(_args: string[], options: { json?: boolean; limit?: number }): Promise<void> {
    const { items } = await this.settings.events(1, options.limit ?? 20);
    if (options.json) return this.printJson(items);
    for (const event of items) {
      this.print([event.at, event.type, event.actor, JSON.stringify(event.details)].join('\t'));
    }
  }
}

@Command({
  name: 'maintenance',
  description: 'the maintenance window: the same rules and events as the settings API',
  subCommands: [
    MaintenanceStatusCommand,
    MaintenanceScheduleCommand,
    MaintenanceOffCommand,
    MaintenanceEventsCommand,
  ],
})
export class MaintenanceGroupCommand extends CliCommand {
  run(): Promise<void> {
    return Promise.resolve(this.usage());
  }
}

export const MAINTENANCE_COMMANDS = [
  MaintenanceGroupCommand,
  MaintenanceStatusCommand,
  MaintenanceScheduleCommand,
  MaintenanceOffCommand,
  MaintenanceEventsCommand,
];
