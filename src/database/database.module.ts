import { Module, type DynamicModule, type Type } from '@nestjs/common';
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
              migrationsRun: config.MIGRATIONS_RUN,
              retryAttempts: 3,
              retryDelay: 1000,
            };
          },
          dataSourceFactory: (options) => new DataSource(options!).initialize(),
        }),
      ],
    };
  }
}
