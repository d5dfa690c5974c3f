import { Injectable, type OnModuleInit } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { Clock } from '../common/clock.js';
import { SYSTEM, Transactions } from '../database/transactions.js';

/**
 * The command line's clock: the database's, read once at start and carried forward by this host's
 * clock (for a command's few seconds the drift is nil). So a host whose clock is off still decides
 * what the servers decide.
 */
export class DatabaseClock extends Clock {
  private offsetMs = 0;
  private read: string | null = null;

  constructor(private readonly host: Clock) {
    super();
  }

  now(): Date {
    return new Date(this.host.now().getTime() + this.offsetMs);
  }

  /** Which clock `now()` follows, in words for the output. */
  get source(): string {
    return this.read ?? "this host's clock (the database was not asked)";
  }

  /** From now on, follow the database's clock, which read `databaseNow` a moment ago. */
  adopt(databaseNow: Date, source: string): void {
    this.offsetMs = databaseNow.getTime() - this.host.now().getTime();
    this.read = source;
  }
}

/**
 * Sets the clock from the database before anything decides with it (the lockout's checks run at
 * bootstrap). PostgreSQL: its `clock_timestamp()`. SQLite has no server: its `now` is the system
 * clock of this host, the one the servers on this file also use, and the output says so.
 */
@Injectable()
export class DatabaseClockSync implements OnModuleInit {
  constructor(
    private readonly clock: DatabaseClock,
    private readonly dataSource: DataSource,
    private readonly transactions: Transactions,
  ) {}

  async onModuleInit(): Promise<void> {
    const postgres = this.dataSource.options.type === 'postgres';
    const rows: Array<{ now: Date | string }> = await this.transactions.run(SYSTEM, (manager) =>
      manager.query(
        postgres
          ? 'SELECT clock_timestamp() AS now'
          : "SELECT strftime('%Y-%m-%dT%H:%M:%fZ', 'now') AS now",
      ),
    );
    this.clock.adopt(
      new Date(rows[0].now),
      postgres
        ? "the database's clock (PostgreSQL clock_timestamp())"
        : "this host's system clock, read through SQLite (the database is a local file)",
    );
  }
}
