import {
  Inject,
  Injectable,
  Logger,
  type OnApplicationBootstrap,
  type OnModuleDestroy,
} from '@nestjs/common';
import { MAINTENANCE_OPTIONS, type ResolvedMaintenanceOptions } from './maintenance.options.js';
import { MaintenanceStateService } from './maintenance-state.service.js';
import { maintenanceState, type OpenWindow } from './maintenance.state.js';
import { MaintenanceStorage } from './maintenance.storage.js';
import { MaintenanceTimers, type CancelTimer } from './maintenance.timers.js';

const HOUR_MS = 3_600_000;

/** Whether a window has been active longer than the configured hours (the forgotten turn-off). */
export function isActiveTooLong(
  window: OpenWindow | null,
  now: Date,
  warningHours: number,
): boolean {
  if (!window || maintenanceState(window, now) !== 'active') return false;
  return now.getTime() - window.startsAt.getTime() > warningHours * HOUR_MS;
}

/**
 * Records `downtime-started` once per window (a timer at the start instant, plus the periodic
 * backstop that also re-reads the window) and warns every hour while downtime lasts too long.
 * Enforcement itself needs none of this: the guard compares the clock with the start.
 */
@Injectable()
export class MaintenanceScheduler implements OnApplicationBootstrap, OnModuleDestroy {
  private readonly logger = new Logger('Maintenance');
  private cancelInterval?: CancelTimer;
  private cancelStartTimer?: CancelTimer;
  private unsubscribe?: () => void;
  private lastWarning?: { windowId: string; at: number };
  private checks: Promise<void> = Promise.resolve();

  constructor(
    private readonly state: MaintenanceStateService,
    private readonly storage: MaintenanceStorage,
    private readonly timers: MaintenanceTimers,
    @Inject(MAINTENANCE_OPTIONS) private readonly options: ResolvedMaintenanceOptions,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    this.unsubscribe = this.state.subscribe((window) => this.armStartTimer(window));
    this.armStartTimer(this.state.window());
    this.cancelInterval = this.timers.every(this.options.refreshIntervalMs, async () => {
      await this.state.refresh();
      await this.runChecks();
    });
    await this.runChecks();
  }

  onModuleDestroy(): void {
    this.unsubscribe?.();
    this.cancelInterval?.();
    this.cancelStartTimer?.();
  }

  /** Does now what the timers do: record the start of downtime if due, and warn if it lasts too long. */
  runChecks(): Promise<void> {
    const run = this.checks.then(() => this.check());
    this.checks = run.catch(() => undefined);
    return run;
  }

  private async check(): Promise<void> {
    const window = this.state.window();
    const now = this.options.clock.now();
    if (!window || maintenanceState(window, now) !== 'active') return;
    if (!window.downtimeStartedAt) {
      const event = await this.storage.recordDowntimeStarted(window.id, now);
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
    if (last !== undefined && now.getTime() - last < HOUR_MS) return;
    this.lastWarning = { windowId: window.id, at: now.getTime() };
    this.logger.warn({
      event: 'maintenance.active-too-long',
      windowId: window.id,
      startsAt: window.startsAt.toISOString(),
      activeHours: Math.floor((now.getTime() - window.startsAt.getTime()) / HOUR_MS),
      warningHours: hours,
    });
  }

  private armStartTimer(window: OpenWindow | null): void {
    this.cancelStartTimer?.();
    this.cancelStartTimer = undefined;
    if (!window || window.downtimeStartedAt) return;
    const delay = window.startsAt.getTime() - this.options.clock.now().getTime();
    this.cancelStartTimer = this.timers.after(delay, () => this.runChecks());
  }
}
