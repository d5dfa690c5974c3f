import { Injectable, Module, type DynamicModule, type Provider } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import { ScheduleModule } from '@nestjs/schedule';
import { Public } from './auth/auth.decorators.js';
import { AlertsModule } from './alerts/alerts.module.js';
import { ApiDocsModule } from './api-docs/api-docs.module.js';
import { authGuards, AuthModule, type AuthModuleOptions } from './auth/auth.module.js';
import { LoginAdmission } from './auth/login-admission.js';
import { principalOf, type Principal } from './auth/principal.js';
import { ClockModule } from './common/clock.module.js';
import { CorsModule } from './common/cors.module.js';
import { RateLimitModule } from './common/rate-limit/rate-limit.module.js';
import { CompaniesModule } from './companies/companies.module.js';
import type { Clock } from './common/clock.js';
import type { AppConfig } from './config/app-config.js';
import { ConfigModule } from './config/config.module.js';
import { ContractsModule } from './contracts/contracts.module.js';
import { DatabaseModule } from './database/database.module.js';
import { DeclarationsModule } from './declarations/declarations.module.js';
import { DemoModule } from './demo/demo.module.js';
import { HealthModule } from './health/health.module.js';
import { IntegrationsModule } from './integrations/integrations.module.js';
import { MaintenanceGuard } from './maintenance/maintenance.guard.js';
import { MaintenanceLoginAdmission } from './maintenance/maintenance.login-admission.js';
import { MaintenanceModule } from './maintenance/maintenance.module.js';
import { MetricsModule } from './metrics/metrics.module.js';
import type { MaintenancePrincipal } from './maintenance/maintenance.options.js';
import { PagesModule } from './pages/pages.module.js';
import { PublicFormsModule } from './public-forms/public-forms.module.js';
import type { PublicUser } from './users/user.entity.js';
import { UsersModule } from './users/users.module.js';

export interface AppModuleOptions {
  config: AppConfig;
  clock: Clock;
}

/** The app's principal as the maintenance module sees it. */
export function maintenancePrincipalOf(principal: Principal): MaintenancePrincipal {
  switch (principal.kind) {
    case 'user':
      return {
        kind: 'user',
        role: principal.user.role,
        sessionId: principal.sessionId,
        actor: principal.user.email,
      };
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
    this.maintenance.admit({ kind: 'user', role: user.role, sessionId: null, actor: user.email });
  }
}

/** The maintenance lockout wired to this app: its module, the login hook (R12) and its guard (first). */
export function maintenanceLockout(
  config: AppConfig,
  clock: Clock,
): { module: DynamicModule; auth: AuthModuleOptions; guards: Provider[] } {
  MaintenanceModule.makeStatusPublic(Public());
  const module = MaintenanceModule.forRoot({
    clock,
    getPrincipal: (request) => maintenancePrincipalOf(principalOf(request)),
    defaultRetryAfterSeconds: config.MAINTENANCE_DEFAULT_RETRY_AFTER_SECONDS,
    activeWarningHours: config.MAINTENANCE_ACTIVE_WARNING_HOURS,
    refreshIntervalMs: config.MAINTENANCE_REFRESH_INTERVAL_MS,
  });
  return {
    module,
    auth: { loginAdmission: MaintenanceLoginAdmissionAdapter, imports: [module] },
    guards: [{ provide: APP_GUARD, useClass: MaintenanceGuard }],
  };
}

@Module({})
export class AppModule {
  static forRoot({ config, clock }: AppModuleOptions): DynamicModule {
    const lockout = maintenanceLockout(config, clock);
    return {
      module: AppModule,
      imports: [
        ConfigModule.forRoot(config),
        ClockModule.forRoot(clock),
        DatabaseModule.forRoot(),
        RateLimitModule,
        lockout.module,
        CorsModule,
        AuthModule.forRoot(lockout.auth),
        UsersModule,
        HealthModule,
        DemoModule,
        PagesModule,
        ScheduleModule.forRoot(),
        CompaniesModule,
        ContractsModule,
        DeclarationsModule,
        PublicFormsModule,
        AlertsModule,
        IntegrationsModule,
        MetricsModule,
        ApiDocsModule,
      ],
      // Global guards run in this order.
      providers: [...lockout.guards, ...authGuards],
    };
  }
}
