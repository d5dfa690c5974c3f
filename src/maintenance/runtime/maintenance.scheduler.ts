import {
  Inject,
  Injectable,
  Logger,
  type OnApplicationBootstrap,
  type OnModuleDestroy,
} from '@nestjs/common';
import { SchedulerRegistry } from '@nestjs/schedule';
import { MAINTENANCE_OPTIONS, type ResolvedMaintenanceOptions } from '../maintenance.options.js';
import { MaintenanceStorage } from '../persistence/maintenance.storage.js';
import {
  activeHours,
  isActiveTooLong,
  isWarningDue,
  maintenanceState,
  type OpenWindow,
} from '../rules/maintenance.state.js';
import { MaintenanceImpactService } from './maintenance-impact.service.js';
import { MaintenanceStateService } from './maintenance-state.service.js';

/** The SchedulerRegistry names of the module's timers. */
export const DOWNTIME_START_TIMEOUT = 'maintenance:downtime-start';
export const BACKSTOP_INTERVAL = 'maintenance:backstop';

/** setTimeout's limit; a later start is armed by a backstop tick once it comes within range. */
export const MAX_TIMER_DELAY_MS = 2_147_483_647;

/**
 * The scheduled job of the lockout, on @nestjs/schedule (the host imports ScheduleModule.forRoot()):
 * a named timeout at the start instant records `downtime-started` once per window, re-armed whenever
 * the snapshot changes; a named interval re-reads the window (the backstop), records the start if the
 * timeout was missed, and warns every hour while downtime lasts too long. The registry clears both
 * at shutdown. Enforcement needs none of this: the guard compares the clock with the start.
 */
@Injectable()
export class MaintenanceScheduler implements OnApplicationBootstrap, OnModuleDestroy {
  private readonly logger = new Logger('Maintenance');
  private unsubscribe?: () => void;
  private lastWarning?: { windowId: string; at: number };
  private checks: Promise<void> = Promise.resolve();

  constructor(
    private readonly state: MaintenanceStateService,
    private readonly storage: MaintenanceStorage,
    private readonly registry: SchedulerRegistry,
    private readonly impact: MaintenanceImpactService,
    @Inject(MAINTENANCE_OPTIONS) private readonly options: ResolvedMaintenanceOptions,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    this.unsubscribe = this.state.subscribe((window) => this.armStartTimeout(window));
    this.armStartTimeout(this.state.window());
    const backstop = setInterval(
      () => this.run(() => this.backstop()),
      this.options.refreshIntervalMs,
    );
    backstop.unref();
    this.registry.addInterval(BACKSTOP_INTERVAL, backstop);
    await this.runChecks();
  }

  /** The snapshot listener goes with the module; the registry clears the timers at shutdown. */
  onModuleDestroy(): void {
    this.unsubscribe?.();
  }

  /** Does now what the timers do: record the start of downtime if due, and warn if it lasts too long. */
  runChecks(): Promise<void> {
    const run = this.checks.then(() => this.check());
    this.checks = run.catch(() => undefined);
    return run;
  }

  private async backstop(): Promise<void> {
    await this.state.refresh();
    if (!this.registry.doesExist('timeout', DOWNTIME_START_TIMEOUT)) {
      this.armStartTimeout(this.state.window());
    }
    await this.runChecks();
  }

  private async check(): Promise<void> {
    const window = this.state.window();
    const now = this.options.clock.now();
    if (!window || maintenanceState(window, now) !== 'active') return;
    if (!window.downtimeStartedAt) {
      // Counted before the insert, which stays the one gate of exactly-once.
      const details = await this.impact.audienceDetails(window);
      const event = await this.storage.recordDowntimeStarted(window.id, now, details);
      if (event) {
        this.logger.log({
          event: 'maintenance.downtime-started',
          windowId: window.id,
          at: event.at.toISOString(),
          actor: event.actor,
          details: event.details,
        });
      }
      await this.state.refresh();
    }
    this.warnIfTooLong(window, now);
  }

  private warnIfTooLong(window: OpenWindow, now: Date): void {
    const hours = this.options.activeWarningHours;
    if (!isActiveTooLong(window, now, hours)) return;
    const last = this.lastWarning?.windowId === window.id ? this.lastWarning.at : undefined;
    if (!isWarningDue(last, now)) return;
    this.lastWarning = { windowId: window.id, at: now.getTime() };
    this.logger.warn({
      event: 'maintenance.active-too-long',
      windowId: window.id,
      startsAt: window.startsAt.toISOString(),
      activeHours: activeHours(window, now),
      warningHours: hours,
    });
  }

  /** One named timeout at the start of the open window; none without one, once recorded, or while beyond range. */
  private armStartTimeout(window: OpenWindow | null): void {
    if (this.registry.doesExist('timeout', DOWNTIME_START_TIMEOUT)) {
      this.registry.deleteTimeout(DOWNTIME_START_TIMEOUT);
    }
    if (!window || window.downtimeStartedAt) return;
    const delay = window.startsAt.getTime() - this.options.clock.now().getTime();
    if (delay > MAX_TIMER_DELAY_MS) return;
    const timeout = setTimeout(
      () => {
        this.registry.deleteTimeout(DOWNTIME_START_TIMEOUT);
        this.run(() => this.runChecks());
      },
      Math.max(0, delay),
    );
    timeout.unref();
    this.registry.addTimeout(DOWNTIME_START_TIMEOUT, timeout);
  }

  private run(task: () => Promise<void>): void {
    task().catch((error: unknown) =>
      this.logger.error({
        event: 'maintenance.timer-failed',
        error: error instanceof Error ? error.message : String(error),
      }),
    );
  }
}
