import { DataSource } from 'typeorm';
import { SYSTEM, type Transactions } from '../../database/transactions.js';
import type { Clock } from '../clock.js';
import { counterRecord, RateLimitStorage, type CounterRecord } from './rate-limit.storage.js';

/** Expired rows are deleted at most this often per instance; a stale row is harmless meanwhile. */
const SWEEP_INTERVAL_MS = 60_000;

/**
 * Counters in the `rate_limit_counters` table. One upsert per hit: the row is the lock, so
 * concurrent hits on any instance each see their own total (SQLite and PostgreSQL both support
 * INSERT … ON CONFLICT … RETURNING).
 */
export class DatabaseRateLimitStorage extends RateLimitStorage {
  private lastSweepMs = 0;

  constructor(
    private readonly dataSource: DataSource,
    private readonly transactions: Transactions,
    private readonly clock: Clock,
  ) {
    super();
  }

  /** Every statement here writes, so it goes through Transactions (SQLite has one shared connection). */
  private write<T>(sql: string, parameters: unknown[]): Promise<T> {
    return this.transactions.run(SYSTEM, (manager) => manager.query<T>(sql, parameters));
  }

  /** `$n` on PostgreSQL, `?` on SQLite: values are passed in the order they appear. */
  private placeholder(position: number): string {
    return this.dataSource.options.type === 'postgres' ? `$${position}` : '?';
  }

  async increment(key: string, windowMs: number, limit: number): Promise<CounterRecord> {
    const now = this.clock.now().getTime();
    const expires = now + windowMs;
    const $ = [1, 2, 3, 4, 5].map((n) => this.placeholder(n));
    const rows = await this.write<Array<{ hits: number | string; expires_at: number | string }>>(
      `INSERT INTO rate_limit_counters (counter_key, hits, expires_at) VALUES (${$[0]}, 1, ${$[1]})
       ON CONFLICT (counter_key) DO UPDATE SET
         hits = CASE WHEN rate_limit_counters.expires_at <= ${$[2]} THEN 1 ELSE rate_limit_counters.hits + 1 END,
         expires_at = CASE WHEN rate_limit_counters.expires_at <= ${$[3]} THEN ${$[4]} ELSE rate_limit_counters.expires_at END
       RETURNING hits, expires_at`,
      [key, expires, now, now, expires],
    );
    await this.sweep(now);
    return counterRecord(Number(rows[0].hits), limit, Number(rows[0].expires_at), now);
  }

  async release(key: string): Promise<void> {
    await this.write(
      `UPDATE rate_limit_counters SET hits = hits - 1
       WHERE counter_key = ${this.placeholder(1)} AND hits > 0 AND expires_at > ${this.placeholder(2)}`,
      [key, this.clock.now().getTime()],
    );
  }

  private async sweep(now: number): Promise<void> {
    if (now - this.lastSweepMs < SWEEP_INTERVAL_MS) return;
    this.lastSweepMs = now;
    await this.write(`DELETE FROM rate_limit_counters WHERE expires_at <= ${this.placeholder(1)}`, [
      now,
    ]);
  }
}
