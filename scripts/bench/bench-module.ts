import { ScheduleModule } from '@nestjs/schedule';
import { RateLimitModule } from '../../src/common/rate-limit/rate-limit.module.js';
import {
  Module,
  type DynamicModule,
  type ModuleMetadata,
  type Provider,
  type Type,
} from '@nestjs/common';
import { authGuards, AuthModule, type AuthModuleOptions } from '../../src/auth/auth.module.js';
import { ClockModule } from '../../src/common/clock.module.js';
import type { Clock } from '../../src/common/clock.js';
import { PageErrorRenderer } from '../../src/common/problem.filter.js';
import type { AppConfig } from '../../src/config/app-config.js';
import { ConfigModule } from '../../src/config/config.module.js';
import { DatabaseModule } from '../../src/database/database.module.js';
import { WriteFence } from '../../src/database/transactions.js';
import { DemoModule } from '../../src/demo/demo.module.js';
import { UsersModule } from '../../src/users/users.module.js';

/** A lockout as the bench plugs it in: its modules, its hook into the login, its guard (first). */
export interface Lockout {
  imports: NonNullable<ModuleMetadata['imports']>;
  /** The R15 check of Transactions.run; variants without this app's module write unfenced. */
  fence?: Type<WriteFence>;
  auth: AuthModuleOptions;
  providers: Provider[];
}

/** The write fence of the variants that do not have this app's maintenance module. */
class UnfencedWrites extends WriteFence {
  check(): Promise<void> {
    return Promise.resolve();
  }

  refusalAtCommit(error: unknown): unknown {
    return error;
  }
}

export const NO_LOCKOUT: Lockout = { imports: [], auth: {}, providers: [] };

/**
 * The identity core of the app (the measured route lives there) with one lockout or none. The
 * feature modules are left out of every variant: pages and contracts depend on the maintenance
 * module, so they cannot be in the others.
 */
@Module({})
export class BenchModule {
  static forRoot(config: AppConfig, clock: Clock, lockout: Lockout): DynamicModule {
    return {
      module: BenchModule,
      imports: [
        ConfigModule.forRoot(config),
        ClockModule.forRoot(clock),
        DatabaseModule.forRoot(lockout.fence ?? UnfencedWrites),
        RateLimitModule,
        // The module's timers live in the SchedulerRegistry; every variant gets it, as AppModule has it.
        ScheduleModule.forRoot(),
        ...lockout.imports,
        AuthModule.forRoot(lockout.auth),
        UsersModule,
        DemoModule,
      ],
      providers: [
        // The lockout's guard runs first, as in AppModule.
        ...lockout.providers,
        ...authGuards,
        // configureApp asks for one; the measured API routes never use it.
        { provide: PageErrorRenderer, useValue: { render: () => undefined } },
      ],
    };
  }
}
