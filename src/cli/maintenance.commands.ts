import { Injectable } from '@nestjs/common';
import { Command, Option, SubCommand } from 'nest-commander';
import { AppConfig } from '../config/app-config.js';
import {
  MaintenanceSettingsInput,
  MaintenanceSettingsService,
  secondsUntil,
} from '../maintenance/index.js';
import { cliActor, CliCommand, wholeNumber } from './cli-command.js';
import { refusedInTermsOf, validatedBy, type FlagNames } from './cli-flags.js';
import { CliRefusal, UsageError } from './cli-outcome.js';
import { textRow } from './cli-text.js';
import { formatZoned } from './cli-time.js';
import { DatabaseClock } from './database-clock.js';
import {
  describeMaintenanceStatus,
  type MaintenanceStatusJson,
} from './maintenance-status.text.js';

/** The option that sets each field of the settings API. */
const FLAGS: FlagNames = {
  startsAt: '--starts-at',
  expectedEndAt: '--expected-end',
  message: '--message',
  version: '--if-version',
};

const TIME = 'RFC 3339 with an offset, e.g. 2030-12-31T18:00:00+01:00';

/** Decorated so that its constructor's parameter types are emitted for the subclasses' injection. */
@Injectable()
abstract class MaintenanceCommand extends CliCommand {
  constructor(
    protected readonly settings: MaintenanceSettingsService,
    protected readonly input: MaintenanceSettingsInput,
    protected readonly config: AppConfig,
    protected readonly clock: DatabaseClock,
  ) {
    super();
  }

  protected async status(): Promise<MaintenanceStatusJson> {
    const current = await this.settings.settings();
    const now = this.clock.now();
    return {
      state: current.state as MaintenanceStatusJson['state'],
      startsAt: current.startsAt,
      expectedEndAt: current.expectedEndAt,
      message: current.message,
      secondsUntilStart: current.startsAt ? secondsUntil(new Date(current.startsAt), now) : null,
      activeSince: current.activeSince,
      activeTooLong: current.activeTooLong,
      version: current.version,
      now: now.toISOString(),
      clock: this.clock.source,
    };
  }

  protected async printStatus(json = false): Promise<void> {
    const status = await this.status();
    if (json) return this.printJson(status);
    const context = {
      zone: this.config.APP_TIMEZONE,
      activeWarningHours: this.config.MAINTENANCE_ACTIVE_WARNING_HOURS,
    };
    for (const line of describeMaintenanceStatus(status, context)) this.print(line);
  }

  /**
   * The same change as PUT on the settings API, with its rules and its version check (R6): based on
   * `version` when given, else on the version read just before.
   */
  protected async change(body: Record<string, unknown>, version?: number): Promise<void> {
    const basis = version ?? (await this.settings.settings()).version;
    const dto = await validatedBy(
      (input) => this.input.validate(input),
      { ...body, version: basis },
      FLAGS,
    );
    await refusedInTermsOf(FLAGS, () => this.input.update(dto, cliActor()));
  }
}

@SubCommand({
  name: 'status',
  description:
    'the state, by the database clock: start and expected end in the platform time zone, time left, message',
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
  description: 'schedule a window, or move its start; the start must be at least 10 minutes ahead',
})
export class MaintenanceScheduleCommand extends MaintenanceCommand {
  @Option({ flags: '--starts-at <time>', description: TIME, required: true })
  parseStartsAt(value: string): string {
    return value;
  }

  @Option({ flags: '--expected-end <time>', description: TIME })
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

interface UpdateOptions {
  expectedEnd?: string;
  message?: string;
  ifVersion?: number;
}

@SubCommand({
  name: 'update',
  description:
    'change the message or the expected end of the scheduled or active window; the start stays',
})
export class MaintenanceUpdateCommand extends MaintenanceCommand {
  @Option({ flags: '--expected-end <time>', description: TIME })
  parseExpectedEnd(value: string): string {
    return value;
  }

  @Option({ flags: '--message <text>', description: 'shown to users (at most 500 characters)' })
  parseMessage(value: string): string {
    return value;
  }

  @Option({
    flags: '--if-version <n>',
    description: 'only if the setting is still at this version (see status --json)',
  })
  parseIfVersion(value: string): number {
    return wholeNumber('--if-version', 0, Number.MAX_SAFE_INTEGER)(value);
  }

  async run(_args: string[], options: UpdateOptions): Promise<void> {
    if (options.message === undefined && options.expectedEnd === undefined) {
      throw new UsageError('give --message, --expected-end or both');
    }
    if (!(await this.settings.settings()).enabled) {
      throw new CliRefusal('no window is scheduled; "maintenance schedule" schedules one');
    }
    await this.change(
      {
        enabled: true,
        ...(options.expectedEnd === undefined ? {} : { expectedEndAt: options.expectedEnd }),
        ...(options.message === undefined ? {} : { message: options.message }),
      },
      options.ifVersion,
    );
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
      this.print(
        textRow([
          formatZoned(event.at, this.config.APP_TIMEZONE),
          event.type,
          event.actor,
          JSON.stringify(event.details),
        ]),
      );
    }
  }
}

@Command({
  name: 'maintenance',
  description: 'the maintenance window: the same rules and events as the settings page and API',
  subCommands: [
    MaintenanceStatusCommand,
    MaintenanceScheduleCommand,
    MaintenanceUpdateCommand,
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
  MaintenanceUpdateCommand,
  MaintenanceOffCommand,
  MaintenanceEventsCommand,
];
