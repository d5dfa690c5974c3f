/**
 * The maintenance metrics. Every import from the maintenance module of this folder is in this file,
 * so that it is the one place to rewire when that module changes.
 */
import { Inject, Injectable, Optional, type Provider } from '@nestjs/common';
import { Counter, Gauge, Registry } from 'prom-client';
import { Clock } from '../common/clock.js';
import { MaintenanceStateService } from '../maintenance/maintenance-state.service.js';
import {
  MAINTENANCE_STATES,
  maintenanceState,
  secondsUntil,
} from '../maintenance/maintenance.state.js';

export { AllowDuringMaintenance } from '../maintenance/maintenance.decorators.js';

export const REFUSAL_PRINCIPALS = ['user', 'integration', 'anonymous'] as const;
export const REFUSAL_SURFACES = ['api', 'page', 'login'] as const;
export type RefusalPrincipal = (typeof REFUSAL_PRINCIPALS)[number];
export type RefusalSurface = (typeof REFUSAL_SURFACES)[number];

/** How many requests this instance's lockout has refused since it started, by who and where. */
export interface MaintenanceRefusalCounts {
  refusals(principal: RefusalPrincipal, surface: RefusalSurface): number;
}

/** When this instance last confirmed its snapshot of the window against the database (null: never). */
export interface MaintenanceSnapshotConfirmation {
  confirmedAt(): Date | null;
}

/**
 * Bind these to the maintenance module's refusal counter and state service (`useExisting`) in
 * `maintenanceMetricsProviders`; a metric whose source is not bound is not exposed.
 */
export const MAINTENANCE_REFUSAL_COUNTS = Symbol('metrics:maintenance-refusal-counts');
export const MAINTENANCE_SNAPSHOT_CONFIRMATION = Symbol(
  'metrics:maintenance-snapshot-confirmation',
);

const SECOND = 1000;

/** Registers the maintenance gauges; each is computed when Prometheus scrapes, from the snapshot and the clock. */
@Injectable()
export class MaintenanceMetrics {
  constructor(
    registry: Registry,
    @Inject(MaintenanceStateService) state: Pick<MaintenanceStateService, 'window'>,
    clock: Clock,
    @Optional()
    @Inject(MAINTENANCE_REFUSAL_COUNTS)
    refusals: MaintenanceRefusalCounts | undefined,
    @Optional()
    @Inject(MAINTENANCE_SNAPSHOT_CONFIRMATION)
    snapshot: MaintenanceSnapshotConfirmation | undefined,
  ) {
    const registers = [registry];
    const current = () => {
      const window = state.window();
      const now = clock.now();
      return { window, now, state: maintenanceState(window, now) };
    };

    const stateGauge: Gauge<'state'> = new Gauge({
      name: 'maintenance_state',
      help: 'The maintenance state of this instance: 1 for the current state, 0 for the others',
      labelNames: ['state'],
      registers,
      collect: () => {
        const { state: at } = current();
        for (const name of MAINTENANCE_STATES) stateGauge.set({ state: name }, name === at ? 1 : 0);
      },
    });

    const untilStart: Gauge = new Gauge({
      name: 'maintenance_seconds_until_start',
      help: 'Whole seconds until downtime starts; present only while a window is scheduled',
      registers,
      collect: () => {
        const { window, now, state: at } = current();
        if (window && at === 'scheduled') untilStart.set(secondsUntil(window.startsAt, now));
        else untilStart.remove();
      },
    });

    const activeSeconds: Gauge = new Gauge({
      name: 'maintenance_active_seconds',
      help: 'Whole seconds since downtime started; 0 unless downtime is active',
      registers,
      collect: () => {
        const { window, now, state: at } = current();
        activeSeconds.set(
          window && at === 'active'
            ? Math.floor((now.getTime() - window.startsAt.getTime()) / SECOND)
            : 0,
        );
      },
    });

    if (refusals) {
      const refused: Counter<'principal' | 'surface'> = new Counter({
        name: 'maintenance_refusals_total',
        help: 'Requests this instance refused because of downtime, by principal and surface',
        labelNames: ['principal', 'surface'],
        registers,
        collect: () => {
          // The counts live in the maintenance module; every scrape copies them.
          refused.reset();
          for (const principal of REFUSAL_PRINCIPALS) {
            for (const surface of REFUSAL_SURFACES) {
              refused.inc({ principal, surface }, refusals.refusals(principal, surface));
            }
          }
        },
      });
    }

    if (snapshot) {
      const snapshotAge: Gauge = new Gauge({
        name: 'maintenance_snapshot_age_seconds',
        help: 'Seconds since this instance last confirmed the maintenance window against the database',
        registers,
        collect: () => {
          const confirmedAt = snapshot.confirmedAt();
          if (confirmedAt)
            snapshotAge.set((clock.now().getTime() - confirmedAt.getTime()) / SECOND);
          else snapshotAge.remove();
        },
      });
    }
  }
}

/** The maintenance metrics and the sources they read. */
export const maintenanceMetricsProviders: Provider[] = [MaintenanceMetrics];
