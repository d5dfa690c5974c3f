import type { INestApplication } from '@nestjs/common';
import type { AppConfig } from '../../src/config/app-config.js';
import type { Clock } from '../../src/common/clock.js';
import { maintenanceLockout } from '../../src/lockout/lockout.js';
import { LockoutWriteFence } from '../../src/lockout/lockout.write-fence.js';
import { MaintenanceChangeNotifier, MaintenanceStateService } from '../../src/maintenance/index.js';
import { PostgresNotifier, STARTS_AT_HEADER } from '../../src/maintenance/testing.js';
import type { Lockout } from './bench-module.js';

/*
 * Everything the bench knows of the maintenance module's insides, in this one file, so that a new
 * layout of the module is rewired here only.
 */

/** The response header that carries the scheduled start (R11). */
export const STARTS_AT = STARTS_AT_HEADER;

/** The settings API of Admin > Connect > Settings. */
export const SETTINGS_PATH = '/api/admin/connect/settings/maintenance';

/**
 * The public status route, anonymously: the probe of propagation. Cheap (it reads the snapshot), and a
 * real route, so it carries the headers whether a middleware or an interceptor sets them.
 */
export const STATUS_PATH = '/api/maintenance/status';

/** Where the module's code lives, to find its share of a CPU profile. */
export const MODULE_SOURCE = '/src/maintenance/';

/** The module wired exactly as AppModule wires it. */
export function thisModule(config: AppConfig, clock: Clock): Lockout {
  const lockout = maintenanceLockout(config, clock);
  return {
    imports: [lockout.module],
    auth: lockout.auth,
    providers: lockout.guards,
    fence: LockoutWriteFence,
  };
}

/** The LISTEN/NOTIFY channel of the instance, or null when it is not on PostgreSQL. */
export function notifyChannelOf(app: INestApplication): string | null {
  const notifier = app.get(MaintenanceChangeNotifier);
  return notifier instanceof PostgresNotifier ? notifier.channel : null;
}

/** Calls `listener` with the scheduled start (or null) each time the instance's snapshot changes. */
export function onSnapshotChange(
  app: INestApplication,
  listener: (startsAt: string | null) => void,
): void {
  app
    .get(MaintenanceStateService)
    .subscribe((window) => listener(window?.startsAt.toISOString() ?? null));
}
