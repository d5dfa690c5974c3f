import { Module, type DynamicModule } from '@nestjs/common';
import { ScheduleModule } from '@nestjs/schedule';
import { ClockModule } from '../common/clock.module.js';
import type { AppConfig } from '../config/app-config.js';
import { CompanyAdministrationModule } from '../companies/companies.module.js';
import { ConfigModule } from '../config/config.module.js';
import { DatabaseModule } from '../database/database.module.js';
import { DemoInventoryModule } from '../demo/demo.module.js';
import { maintenanceLockout } from '../lockout/lockout.js';
import { LockoutWriteFence } from '../lockout/lockout.write-fence.js';
import { UserAdministrationModule } from '../users/users.module.js';
import { COMPANIES_COMMANDS } from './companies.commands.js';
import { DEMO_COMMANDS } from './demo.commands.js';
import { ProgramName } from './cli-command.js';
import { DatabaseClock, DatabaseClockSync } from './database-clock.js';
import { MAINTENANCE_COMMANDS } from './maintenance.commands.js';
import { USERS_COMMANDS } from './users.commands.js';

/**
 * The command line's application context: the same configuration, database and services as the
 * server, without HTTP, the alert jobs or the demo data; its clock is the database's.
 */
@Module({})
export class CliModule {
  static forRoot({ config, clock }: { config: AppConfig; clock: DatabaseClock }): DynamicModule {
    return {
      module: CliModule,
      imports: [
        ConfigModule.forRoot(config),
        ClockModule.forRoot(clock),
        DatabaseModule.forRoot(LockoutWriteFence),
        // The same lockout as the server (rules, events, NOTIFY); its timers need the registry.
        ScheduleModule.forRoot(),
        maintenanceLockout(config, clock).module,
        UserAdministrationModule,
        DemoInventoryModule,
        CompanyAdministrationModule,
      ],
      providers: [
        { provide: DatabaseClock, useValue: clock },
        DatabaseClockSync,
        ProgramName,
        ...USERS_COMMANDS,
        ...MAINTENANCE_COMMANDS,
        ...DEMO_COMMANDS,
        ...COMPANIES_COMMANDS,
      ],
    };
  }
}
