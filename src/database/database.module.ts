import { Module, type DynamicModule } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { AppConfig } from '../config/app-config.js';
import { dataSourceOptions, parseDatabaseUrl, prepareDatabase } from './database-url.js';
import { MIGRATIONS } from './migrations.js';
import { isolateSqliteTransactions } from './sqlite-isolation.js';

/** TypeORM on SQLite or PostgreSQL, with the migrations applied at start unless MIGRATIONS_RUN=false. */
@Module({})
export class DatabaseModule {
  static forRoot(): DynamicModule {
    return {
      module: DatabaseModule,
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
          dataSourceFactory: async (options) => {
            const dataSource = await new DataSource(options!).initialize();
            isolateSqliteTransactions(dataSource);
            return dataSource;
          },
        }),
      ],
    };
  }
}
