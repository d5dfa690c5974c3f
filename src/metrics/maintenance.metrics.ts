/** The maintenance metrics: computed at scrape time from the module's snapshot, counter and the clock. */
import { Injectable, type Provider } from '@nestjs/common';
import { Counter, Gauge, Registry } from 'prom-client';
import { Clock } from '../common/clock.js';
import {
  MAINTENANCE_STATES,
  MaintenanceRefusalCounter,
  MaintenanceStateService,
  secondsUntil,
} from '../maintenance/index.js';

const SECOND = 1000;

/** Registers the maintenance gauges; each is computed when Prometheus scrapes, from the snapshot and the clock. */
@Injectable()
export class MaintenanceMetrics {
  constructor(
    registry: Registry,
    state: MaintenanceStateService,
    clock: Clock,
    refusals: MaintenanceRefusalCounter,
  ) {
    const registers = [registry];
    const current = () => {
      const window = state.window();
      const now = clock.now();
      return { window, now, state: state.state(now) };
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

    // Times as Unix timestamps, so that rules compare them with time() (e.g. `time() - start > 12h`).
    const windowStart: Gauge = new Gauge({
      name: 'maintenance_window_start_timestamp_seconds',
      help: 'When the open maintenance window starts (or started), Unix seconds; present only while a window is open',
      registers,
      collect: () => {
        const { window } = current();
        if (window) windowStart.set(window.startsAt.getTime() / SECOND);
        else windowStart.remove();
      },
    });

    const windowEnd: Gauge = new Gauge({
      name: 'maintenance_window_expected_end_timestamp_seconds',
      help: 'The expected end of the open maintenance window, Unix seconds; present only while a window with an expected end is open',
      registers,
      collect: () => {
        const { window } = current();
        if (window?.expectedEndAt) windowEnd.set(window.expectedEndAt.getTime() / SECOND);
        else windowEnd.remove();
      },
    });

    const refused: Counter<'principal' | 'surface'> = new Counter({
      name: 'maintenance_refusals_total',
      help: 'Requests this instance refused because of downtime, by principal and surface',
      labelNames: ['principal', 'surface'],
      registers,
      collect: () => {
        // The counts live in the maintenance module; every scrape copies them.
        refused.reset();
        // Every principal kind and surface is present in the counts.
        for (const [principal, bySurface] of Object.entries(refusals.counts())) {
          for (const [surface, count] of Object.entries(bySurface)) {
            refused.inc({ principal, surface }, count);
          }
        }
      },
    });

    const snapshotAge: Gauge = new Gauge({
      name: 'maintenance_snapshot_age_seconds',
      help: 'Seconds since this instance last confirmed the maintenance window against the database',
      registers,
      collect: () => {
        const confirmedAt = state.confirmedAt();
        if (confirmedAt) snapshotAge.set((clock.now().getTime() - confirmedAt.getTime()) / SECOND);
        else snapshotAge.remove();
      },
    });
  }
}

/** The maintenance metrics and the sources they read. */
export const maintenanceMetricsProviders: Provider[] = [MaintenanceMetrics];
