import { Module, type DynamicModule } from '@nestjs/common';
import { authGuards, AuthModule } from './auth/auth.module.js';
import { ClockModule } from './common/clock.module.js';
import type { Clock } from './common/clock.js';
import type { AppConfig } from './config/app-config.js';
import { ConfigModule } from './config/config.module.js';
import { DatabaseModule } from './database/database.module.js';
import { DemoModule } from './demo/demo.module.js';
import { HealthModule } from './health/health.module.js';
import { UsersModule } from './users/users.module.js';

export interface AppModuleOptions {
  config: AppConfig;
  clock: Clock;
}

@Module({})
export class AppModule {
  static forRoot({ config, clock }: AppModuleOptions): DynamicModule {
    return {
      module: AppModule,
      imports: [
        ConfigModule.forRoot(config),
        ClockModule.forRoot(clock),
        DatabaseModule.forRoot(),
        AuthModule.forRoot(),
        UsersModule,
        HealthModule,
        DemoModule,
      ],
      // Global guards run in this order.
      providers: [...authGuards],
    };
  }
}
