import { Global, Module } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { AppConfig } from '../../config/app-config.js';
import { Transactions } from '../../database/transactions.js';
import { Clock } from '../clock.js';
import { DatabaseRateLimitStorage } from './database-rate-limit.storage.js';
import { RateLimitStorage } from './rate-limit.storage.js';
import { RedisRateLimitStorage } from './redis-rate-limit.storage.js';

/**
 * The shared counters behind every rate limit: Redis when REDIS_URL is set, else the database,
 * so that all instances count together. Global, so that any module's limiter can take it.
 */
@Global()
@Module({
  providers: [
    {
      provide: RateLimitStorage,
      inject: [AppConfig, DataSource, Transactions, Clock],
      useFactory: (
        config: AppConfig,
        dataSource: DataSource,
        transactions: Transactions,
        clock: Clock,
      ): RateLimitStorage =>
        config.REDIS_URL
          ? new RedisRateLimitStorage(config.REDIS_URL, config.REDIS_KEY_PREFIX, clock)
          : new DatabaseRateLimitStorage(dataSource, transactions, clock),
    },
  ],
  exports: [RateLimitStorage],
})
export class RateLimitModule {}
