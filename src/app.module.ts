import { Module, type DynamicModule } from '@nestjs/common';
import { ScheduleModule } from '@nestjs/schedule';
import { AlertsModule } from './alerts/alerts.module.js';
import { AnnouncementsModule } from './announcements/announcements.module.js';
import { ApiDocsModule } from './api-docs/api-docs.module.js';
import { authGuards, AuthModule } from './auth/auth.module.js';
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
import { maintenanceLockout } from './lockout/lockout.js';
import { LockoutWriteFence } from './lockout/lockout.write-fence.js';
import { RoutePolicyModule } from './lockout/route-policy.js';
import { MetricsModule } from './metrics/metrics.module.js';
import { PagesModule } from './pages/pages.module.js';
import { PublicFormsModule } from './public-forms/public-forms.module.js';
import { UsersModule } from './users/users.module.js';

export interface AppModuleOptions {
  config: AppConfig;
  clock: Clock;
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
        DatabaseModule.forRoot(LockoutWriteFence),
        RateLimitModule,
        lockout.module,
        RoutePolicyModule,
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
        AnnouncementsModule,
        IntegrationsModule,
        MetricsModule,
        ApiDocsModule,
      ],
      // Global guards run in this order.
      providers: [...lockout.guards, ...authGuards],
    };
  }
}
