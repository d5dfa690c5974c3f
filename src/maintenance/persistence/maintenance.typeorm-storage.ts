import { randomUUID } from 'node:crypto';
import { EntityManager, IsNull, QueryFailedError, type DataSource } from 'typeorm';
import { MaintenanceEventEntity } from './maintenance-event.entity.js';
import { MaintenanceNoticeAckEntity } from './maintenance-notice-ack.entity.js';
import { MaintenanceRefusalCountEntity } from './maintenance-refusal-count.entity.js';
import { MaintenanceWindowEntity } from './maintenance-window.entity.js';
import {
  MaintenanceStorage,
  StaleVersionError,
  type FenceReading,
  type MaintenanceEventRecord,
  type MaintenanceWindowRecord,
  type NewMaintenanceEvent,
  type WindowFields,
} from './maintenance.storage.js';
import {
  MAINTENANCE_PRINCIPAL_KINDS,
  zeroByPrincipal,
  type RefusalsByPrincipal,
} from '../rules/maintenance.principal.js';

/**
 * Runs `work` in one database transaction. On SQLite the host passes its own runner, so that the
 * module's writes queue behind the host's (one connection); the default is `dataSource.transaction`.
 */
export type MaintenanceTransactionRunner = <T>(
  work: (manager: EntityManager) => Promise<T>,
) => Promise<T>;

/** A unique index said no: PostgreSQL 23505, SQLite SQLITE_CONSTRAINT_UNIQUE / PRIMARYKEY. */
export function isUniqueViolation(error: unknown): boolean {
  if (!(error instanceof QueryFailedError)) return false;
  const code = (error.driverError as { code?: unknown } | undefined)?.code;
  return (
    code === '23505' ||
    code === 'SQLITE_CONSTRAINT_UNIQUE' ||
    code === 'SQLITE_CONSTRAINT_PRIMARYKEY'
  );
}

function toRecord(row: MaintenanceWindowEntity): MaintenanceWindowRecord {
  return { ...row };
}

function toEvent(row: MaintenanceEventEntity): MaintenanceEventRecord {
  return {
    id: row.id,
    windowId: row.windowId,
    type: row.type,
    at: row.at,
    actor: row.actor,
    details: JSON.parse(row.details) as Record<string, unknown>,
  };
}

/** The open window and the database's clock in epoch ms (PostgreSQL clock_timestamp(), SQLite julianday('now')). */
const OPEN_WINDOW_WITH_DB_NOW = {
  // Also arms the check at COMMIT (migration 1764300516000-maintenance-commit-fence).
  postgres:
    'WITH armed AS (INSERT INTO maintenance_commit_fences DEFAULT VALUES) ' +
    'SELECT starts_at AS "startsAt", expected_end_at AS "expectedEndAt", ' +
    '(EXTRACT(EPOCH FROM clock_timestamp()) * 1000)::bigint AS "dbNow" ' +
    'FROM maintenance_windows WHERE turned_off_at IS NULL',
  sqlite:
    'SELECT starts_at AS "startsAt", expected_end_at AS "expectedEndAt", ' +
    'CAST((julianday(\'now\') - 2440587.5) * 86400000 AS INTEGER) AS "dbNow" ' +
    'FROM maintenance_windows WHERE turned_off_at IS NULL',
};

interface FenceRow {
  startsAt: string | number;
  expectedEndAt: string | number | null;
  dbNow: string | number;
}

/**
 * The default storage, on the host's DataSource (SQLite or PostgreSQL). Its writes run through
 * `runInTransaction`, so that a host that serialises transactions (SQLite) includes these.
 */
export class TypeOrmMaintenanceStorage extends MaintenanceStorage {
  private readonly runInTransaction: MaintenanceTransactionRunner;

  constructor(
    private readonly dataSource: DataSource,
    runInTransaction?: MaintenanceTransactionRunner,
  ) {
    super();
    this.runInTransaction = runInTransaction ?? ((work) => dataSource.transaction(work));
  }

  private get isPostgres(): boolean {
    return this.dataSource.options.type === 'postgres';
  }

  async latest(): Promise<MaintenanceWindowRecord | null> {
    const row = await this.dataSource.getRepository(MaintenanceWindowEntity).findOne({
      where: {},
      order: { version: 'DESC' },
    });
    return row ? toRecord(row) : null;
  }

  async open(
    baseVersion: number,
    fields: WindowFields,
    actor: string,
    at: Date,
    event: Omit<NewMaintenanceEvent, 'at' | 'actor'>,
  ): Promise<void> {
    await this.write(async (manager) => {
      const query = manager
        .getRepository(MaintenanceWindowEntity)
        .createQueryBuilder('w')
        .orderBy('w.version', 'DESC')
        .limit(1);
      // On PostgreSQL a concurrent turn-off of the latest window waits for us (or we for it), so the
      // version comparison cannot race; a concurrent second "open" is stopped by the one-open index.
      if (this.isPostgres) query.setLock('pessimistic_write');
      const latest = await query.getOne();
      if ((latest?.version ?? 0) !== baseVersion) throw new StaleVersionError();
      const id = randomUUID();
      await manager.insert(MaintenanceWindowEntity, {
        id,
        ...fields,
        createdBy: actor,
        turnedOffBy: null,
        turnedOffAt: null,
        version: baseVersion + 1,
        updatedAt: at,
        updatedBy: actor,
        downtimeStartedAt: null,
      });
      await this.insertEvent(manager, id, { ...event, at, actor });
    });
  }

  async change(
    id: string,
    baseVersion: number,
    changes: Partial<WindowFields> & { turnedOff?: boolean },
    actor: string,
    at: Date,
    event: Omit<NewMaintenanceEvent, 'at' | 'actor'>,
  ): Promise<void> {
    const { turnedOff, ...fields } = changes;
    await this.write(async (manager) => {
      const result = await manager.update(
        MaintenanceWindowEntity,
        { id, version: baseVersion, turnedOffAt: IsNull() },
        {
          ...fields,
          ...(turnedOff ? { turnedOffAt: at, turnedOffBy: actor } : {}),
          version: baseVersion + 1,
          updatedAt: at,
          updatedBy: actor,
        },
      );
      if (!result.affected) throw new StaleVersionError();
      await this.insertEvent(manager, id, { ...event, at, actor });
    });
  }

  async recordDowntimeStarted(
    windowId: string,
    now: Date,
    details: Record<string, unknown> = {},
  ): Promise<MaintenanceEventRecord | null> {
    try {
      return await this.runInTransaction(async (manager) => {
        // The conditional update is the gate (it also takes the write lock first, which SQLite needs):
        // a concurrent instance waits for the row and then finds downtime_started_at set. The unique
        // index on the event is the guarantee behind it.
        const result = await manager
          .createQueryBuilder()
          .update(MaintenanceWindowEntity)
          .set({ downtimeStartedAt: now })
          .where('id = :windowId', { windowId })
          .andWhere('downtime_started_at IS NULL')
          .andWhere('turned_off_at IS NULL')
          .andWhere('starts_at <= :now', { now: now.getTime() })
          .execute();
        if (!result.affected) return null;
        const window = await manager.findOneByOrFail(MaintenanceWindowEntity, { id: windowId });
        return this.insertEvent(manager, windowId, {
          type: 'downtime-started',
          at: window.startsAt,
          actor: 'system',
          details: {
            startsAt: window.startsAt.toISOString(),
            recordedAt: now.toISOString(),
            ...details,
          },
        });
      });
    } catch (error) {
      if (isUniqueViolation(error)) return null;
      throw error;
    }
  }

  async events(
    offset: number,
    limit: number,
  ): Promise<{ items: MaintenanceEventRecord[]; total: number }> {
    const [rows, total] = await this.dataSource.getRepository(MaintenanceEventEntity).findAndCount({
      order: { at: 'DESC', id: 'DESC' },
      skip: offset,
      take: limit,
    });
    return { items: rows.map(toEvent), total };
  }

  async readForFence(transaction: unknown): Promise<FenceReading | null> {
    if (!(transaction instanceof EntityManager)) {
      throw new TypeError(
        'The TypeORM maintenance storage fences with the EntityManager of the write',
      );
    }
    const sql = this.isPostgres ? OPEN_WINDOW_WITH_DB_NOW.postgres : OPEN_WINDOW_WITH_DB_NOW.sqlite;
    const [row] = await transaction.query<FenceRow[]>(sql);
    if (!row) return null;
    return {
      startsAt: new Date(Number(row.startsAt)),
      expectedEndAt: row.expectedEndAt === null ? null : new Date(Number(row.expectedEndAt)),
      databaseNow: new Date(Number(row.dbNow)),
    };
  }

  async acknowledge(
    sessionKeyHash: string,
    startsAt: Date,
    at: Date,
    actor: string,
  ): Promise<void> {
    try {
      await this.runInTransaction((manager) =>
        manager.insert(MaintenanceNoticeAckEntity, {
          sessionKeyHash,
          startsAt,
          ackedAt: at,
          actor,
        }),
      );
    } catch (error) {
      // Another tab acknowledged the same notice first.
      if (!isUniqueViolation(error)) throw error;
    }
  }

  isAcknowledged(sessionKeyHash: string, startsAt: Date): Promise<boolean> {
    return this.dataSource
      .getRepository(MaintenanceNoticeAckEntity)
      .existsBy({ sessionKeyHash, startsAt });
  }

  async countAcknowledged(startsAt: Date): Promise<number> {
    // Acknowledgements from before the actor was kept count once per session.
    const row = await this.dataSource
      .getRepository(MaintenanceNoticeAckEntity)
      .createQueryBuilder('a')
      .select('COUNT(DISTINCT COALESCE(a.actor, a.session_key_hash))', 'n')
      .where('a.starts_at = :startsAt', { startsAt: startsAt.getTime() })
      .getRawOne<{ n: string | number }>();
    return Number(row?.n ?? 0);
  }

  async addRefusals(deltas: ReadonlyMap<string, RefusalsByPrincipal>): Promise<void> {
    const rows = [...deltas].flatMap(([windowId, byPrincipal]) =>
      MAINTENANCE_PRINCIPAL_KINDS.filter((kind) => byPrincipal[kind] > 0).map(
        (kind) => [windowId, kind, byPrincipal[kind]] as const,
      ),
    );
    if (rows.length === 0) return;
    const placeholder = this.isPostgres ? (index: number) => `$${index + 1}` : () => '?';
    const values = rows
      .map((_, row) => `(${[0, 1, 2].map((column) => placeholder(row * 3 + column)).join(', ')})`)
      .join(', ');
    // An upsert that adds: instances flushing at once each add their own delta.
    const sql =
      `INSERT INTO maintenance_refusal_counts (window_id, principal_kind, count) VALUES ${values} ` +
      'ON CONFLICT (window_id, principal_kind) DO UPDATE SET count = maintenance_refusal_counts.count + excluded.count';
    await this.runInTransaction((manager) => manager.query(sql, rows.flat()));
  }

  async refusals(windowId: string): Promise<RefusalsByPrincipal> {
    const rows = await this.dataSource
      .getRepository(MaintenanceRefusalCountEntity)
      .findBy({ windowId });
    const counts = zeroByPrincipal();
    for (const row of rows) {
      if (row.principalKind in counts)
        counts[row.principalKind as keyof RefusalsByPrincipal] = row.count;
    }
    return counts;
  }

  private async write(work: (manager: EntityManager) => Promise<void>): Promise<void> {
    try {
      await this.runInTransaction(work);
    } catch (error) {
      if (isUniqueViolation(error)) throw new StaleVersionError();
      throw error;
    }
  }

  private async insertEvent(
    manager: EntityManager,
    windowId: string,
    event: NewMaintenanceEvent,
  ): Promise<MaintenanceEventRecord> {
    const record = { id: randomUUID(), windowId, ...event };
    await manager.insert(MaintenanceEventEntity, {
      ...record,
      details: JSON.stringify(event.details),
    });
    return record;
  }
}
