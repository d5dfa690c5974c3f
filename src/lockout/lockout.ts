import { Injectable, type DynamicModule, type Provider } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import type { AuthModuleOptions } from '../auth/auth.module.js';
import { LoginAdmission } from '../auth/login-admission.js';
import { principalOf, type Principal } from '../auth/principal.js';
import type { Clock } from '../common/clock.js';
import type { AppConfig } from '../config/app-config.js';
import { TransactionQueue } from '../database/transactions.js';
import { DataSource } from 'typeorm';
import {
  MaintenanceGuard,
  MaintenanceLoginAdmission,
  MaintenanceModule,
  type MaintenanceExemptions,
  type MaintenancePrincipal,
} from '../maintenance/index.js';
import { ROLES, type Role } from '../users/role.js';
import type { PublicUser } from '../users/user.entity.js';
import { SessionAudience } from './lockout.audience.js';
import { LOCKOUT_MESSAGES } from './lockout.messages.js';

/** Who keeps working during downtime (R8): customer admins, consultants and the back office. */
export const LOCKOUT_EXEMPTIONS: MaintenanceExemptions = {
  roles: ['CUSTOMER_ADMIN', 'CONSULTANT'],
  integrationKinds: ['BACKOFFICE'],
};

/** The roles a window locks out, in the platform's order. */
export const REGULAR_ROLES: readonly Role[] = ROLES.filter(
  (role) => !LOCKOUT_EXEMPTIONS.roles.includes(role),
);

/** A signed-in user as the maintenance module sees them; the one place this mapping is written. */
export function maintenanceUser(user: PublicUser, sessionId: string | null): MaintenancePrincipal {
  return { kind: 'user', role: user.role, sessionId, actor: user.email };
}

/** The app's principal as the maintenance module sees it. */
export function maintenancePrincipalOf(principal: Principal): MaintenancePrincipal {
  switch (principal.kind) {
    case 'user':
      return maintenanceUser(principal.user, principal.sessionId);
    case 'integration':
      return { kind: 'integration', integrationKind: principal.client.kind };
    case 'anonymous':
      return { kind: 'anonymous' };
  }
}

/** R12: plugs the maintenance lockout into the login. */
@Injectable()
export class MaintenanceLoginAdmissionAdapter extends LoginAdmission {
  constructor(private readonly maintenance: MaintenanceLoginAdmission) {
    super();
  }

  admit(user: PublicUser): void {
    this.maintenance.admit(maintenanceUser(user, null));
  }
}

/**
 * The maintenance lockout wired to this app: its module (writes through the app's Transactions, so
 * SQLite serialises them with the app's), the login hook (R12) and its guard (to be first).
 */
export function maintenanceLockout(
  config: AppConfig,
  clock: Clock,
): { module: DynamicModule; auth: AuthModuleOptions; guards: Provider[] } {
  const module = MaintenanceModule.forRootAsync({
    routes: { settings: 'api/admin/connect/settings/maintenance', status: 'api/maintenance' },
    inject: [TransactionQueue, DataSource],
    useFactory: (transactions: TransactionQueue, dataSource: DataSource) => ({
      clock,
      getPrincipal: (request) => maintenancePrincipalOf(principalOf(request)),
      exemptions: LOCKOUT_EXEMPTIONS,
      messages: LOCKOUT_MESSAGES,
      pagePath: '/maintenance',
      runInTransaction: (work) => transactions.run(work),
      defaultRetryAfterSeconds: config.MAINTENANCE_DEFAULT_RETRY_AFTER_SECONDS,
      activeWarningHours: config.MAINTENANCE_ACTIVE_WARNING_HOURS,
      refreshIntervalMs: config.MAINTENANCE_REFRESH_INTERVAL_MS,
      audience: new SessionAudience(dataSource, config, REGULAR_ROLES),
      refusalFlushIntervalMs: config.MAINTENANCE_REFUSAL_FLUSH_MS,
    }),
  });
  return {
    module,
    auth: { loginAdmission: MaintenanceLoginAdmissionAdapter, imports: [module] },
    guards: [{ provide: APP_GUARD, useClass: MaintenanceGuard }],
  };
}
