import { Injectable, Logger, type OnModuleDestroy } from '@nestjs/common';

export type CancelTimer = () => void;

/** setTimeout's limit; a later start is armed by a later refresh. */
export const MAX_TIMER_DELAY_MS = 2_147_483_647;

/**
 * Real timers behind a small injectable seam, so services can be unit-tested without fake globals
 * and every timer is cleared at shutdown. Timers never keep the process alive.
 */
@Injectable()
export class MaintenanceTimers implements OnModuleDestroy {
  private readonly logger = new Logger('Maintenance');
  private readonly active = new Set<CancelTimer>();

  every(intervalMs: number, task: () => Promise<void>): CancelTimer {
    const handle = setInterval(() => this.run(task), intervalMs);
    handle.unref();
    return this.track(() => clearInterval(handle));
  }

  /** Runs the task once after delayMs (not armed when the delay is beyond setTimeout's range). */
  after(delayMs: number, task: () => Promise<void>): CancelTimer {
    if (delayMs > MAX_TIMER_DELAY_MS) return () => undefined;
    const handle = setTimeout(
      () => {
        this.active.delete(cancel);
        this.run(task);
      },
      Math.max(0, delayMs),
    );
    handle.unref();
    const cancel = this.track(() => clearTimeout(handle));
    return cancel;
  }

  onModuleDestroy(): void {
    for (const cancel of this.active) cancel();
    this.active.clear();
  }

  private track(clear: () => void): CancelTimer {
    const cancel = (): void => {
      clear();
      this.active.delete(cancel);
    };
    this.active.add(cancel);
    return cancel;
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
