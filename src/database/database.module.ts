import { Logger, Module, type DynamicModule, type Type } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { AppConfig } from '../config/app-config.js';
import { dataSourceOptions, parseDatabaseUrl, prepareDatabase } from './database-url.js';
import { MIGRATIONS } from './migrations.js';
import { TransactionQueue, Transactions, WriteFence } from './transactions.js';

/**
 * TypeORM on SQLite or PostgreSQL, with the migrations applied at start unless MIGRATIONS_RUN=false.
 * Global: every feature writes through its Transactions, whose R15 check is `fence`.
 */
@Module({})
export class DatabaseModule {
  static forRoot(fence: Type<WriteFence>): DynamicModule {
    return {
      module: DatabaseModule,
      global: true,
      providers: [TransactionQueue, Transactions, { provide: WriteFence, useClass: fence }],
      exports: [TransactionQueue, Transactions],
      imports: [
        TypeOrmModule.forRootAsync({
          inject: [AppConfig],
          useFactory: async (config: AppConfig) => {
            const target = parseDatabaseUrl(config.DATABASE_URL);
            await prepareDatabase(target);
            return {
              ...dataSourceOptions(target, { migrations: MIGRATIONS }),
              autoLoadEntities: true,
              // Run below, so that the names applied make one log line.
              migrationsRun: false,
              runMigrationsAtStart: config.MIGRATIONS_RUN,
              retryAttempts: 3,
              retryDelay: 1000,
            };
          },
          dataSourceFactory: async (options) => {
            const { runMigrationsAtStart, ...rest } = options as typeof options & {
              runMigrationsAtStart: boolean;
            };
            const dataSource = await new DataSource(rest).initialize();
            if (runMigrationsAtStart) {
              const applied = await dataSource.runMigrations();
              const line = { event: 'migrations applied', migrations: applied.map((m) => m.name) };
              // At every start that changed the schema; a start with nothing to apply is debug.
              if (applied.length > 0) new Logger('Database').log(line);
              else new Logger('Database').debug(line);
            }
            return dataSource;
          },
        }),
      ],
    };
  }
}
