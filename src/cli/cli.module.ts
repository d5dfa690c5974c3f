import { Module, type DynamicModule } from '@nestjs/common';
import type { Clock } from '../common/clock.js';
import { ClockModule } from '../common/clock.module.js';
import type { AppConfig } from '../config/app-config.js';
import { ConfigModule } from '../config/config.module.js';
import { DatabaseModule } from '../database/database.module.js';
import { UserAdministrationModule } from '../users/users.module.js';
import { MAINTENANCE_COMMANDS, maintenanceModuleForCli } from './maintenance.commands.js';
import { USERS_COMMANDS } from './users.commands.js';

/**
 * The command line's application context: the same configuration, database and services as the
 * server, without HTTP, the scheduled jobs (ScheduleModule) or the demo data.
 */
@Module({})
export class CliModule {
  static forRoot({ config, clock }: { config: AppConfig; clock: Clock }): DynamicModule {
    return {
      module: CliModule,
      imports: [
        ConfigModule.forRoot(config),
        ClockModule.forRoot(clock),
        DatabaseModule.forRoot(),
        maintenanceModuleForCli(config, clock),
        UserAdministrationModule,
      ],
      providers: [...USERS_COMMANDS, ...MAINTENANCE_COMMANDS],
    };
  }
}
