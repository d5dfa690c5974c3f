import {
  Inject,
  Injectable,
  Logger,
  type BeforeApplicationShutdown,
  type OnApplicationBootstrap,
} from '@nestjs/common';
import { SchedulerRegistry } from '@nestjs/schedule';
import { MAINTENANCE_OPTIONS, type ResolvedMaintenanceOptions } from '../maintenance.options.js';
import { MaintenanceStorage } from '../persistence/maintenance.storage.js';
import { MAINTENANCE_PRINCIPAL_KINDS } from '../rules/maintenance.principal.js';
import type { OpenWindow } from '../rules/maintenance.state.js';
import { MaintenanceRefusalCounter } from './maintenance-refusal.counter.js';
import { MaintenanceStateService } from './maintenance-state.service.js';
import type { MaintenanceImpactView } from './maintenance.views.js';

/** The SchedulerRegistry name of the refusal flush. */
export const REFUSAL_FLUSH_INTERVAL = 'maintenance:refusal-flush';

/**
 * Who a window affects: signed-in regular users (from the host's audience), who closed the notice,
 * and the refusals of the open window across all instances. Each instance counts its refusals in
 * memory and flushes the deltas on a named interval (and at shutdown), so the shared figure lags by
 * at most the flush interval and a refused request never writes.
 */
@Injectable()
export class MaintenanceImpactService implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private readonly logger = new Logger('Maintenance');
  private flushing: Promise<void> = Promise.resolve();

  constructor(
    private readonly state: MaintenanceStateService,
    private readonly storage: MaintenanceStorage,
    private readonly refusals: MaintenanceRefusalCounter,
    private readonly registry: SchedulerRegistry,
    @Inject(MAINTENANCE_OPTIONS) private readonly options: ResolvedMaintenanceOptions,
  ) {}

  onApplicationBootstrap(): void {
    const interval = setInterval(() => {
      this.flush().catch((error: unknown) =>
        this.logger.error({
          event: 'maintenance.refusal-flush-failed',
          error: error instanceof Error ? error.message : String(error),
        }),
      );
    }, this.options.refusalFlushIntervalMs);
    interval.unref();
    this.registry.addInterval(REFUSAL_FLUSH_INTERVAL, interval);
  }

  /** The last refusals of this instance go to the database before it stops. */
  beforeApplicationShutdown(): Promise<void> {
    return this.flush();
  }

  /** Writes this instance's refusal deltas; one flush at a time, and a failed one is retried with the next. */
  flush(): Promise<void> {
    const run = this.flushing.then(async () => {
      const deltas = this.refusals.takePending();
      if (deltas.size === 0) return;
      try {
        await this.storage.addRefusals(deltas);
      } catch (error) {
        this.refusals.restorePending(deltas);
        throw error;
      }
    });
    this.flushing = run.catch(() => undefined);
    return run;
  }

  /** The counts now, for the open window (if any). */
  async impact(): Promise<MaintenanceImpactView> {
    const window = this.state.window();
    const now = this.options.clock.now();
    const [signedIn, acknowledged, refusals] = await Promise.all([
      this.options.audience.signedIn(now),
      window ? this.storage.countAcknowledged(window.startsAt) : Promise.resolve(0),
      window ? this.refusalsOf(window) : Promise.resolve(null),
    ]);
    return { at: now.toISOString(), signedIn, notice: { acknowledged }, refusals };
  }

  /** What the event history keeps of the impact at a change: who was signed in, who had confirmed. */
  async audienceDetails(window: OpenWindow): Promise<Record<string, unknown>> {
    const [signedIn, acknowledged] = await Promise.all([
      this.options.audience.signedIn(this.options.clock.now()),
      this.storage.countAcknowledged(window.startsAt),
    ]);
    return { signedIn, acknowledged };
  }

  /** The same, with the window's refusals (this instance's flushed first), for its turn-off. */
  async closingDetails(window: OpenWindow): Promise<Record<string, unknown>> {
    await this.flush();
    const [audience, refusals] = await Promise.all([
      this.audienceDetails(window),
      this.refusalsOf(window),
    ]);
    return { ...audience, refusals: { total: refusals.total, byPrincipal: refusals.byPrincipal } };
  }

  private async refusalsOf(
    window: OpenWindow,
  ): Promise<NonNullable<MaintenanceImpactView['refusals']>> {
    const byPrincipal = await this.storage.refusals(window.id);
    const total = MAINTENANCE_PRINCIPAL_KINDS.reduce((sum, kind) => sum + byPrincipal[kind], 0);
    return { since: window.startsAt.toISOString(), total, byPrincipal };
  }
}
