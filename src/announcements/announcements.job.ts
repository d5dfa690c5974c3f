import { Injectable, Logger, type OnApplicationBootstrap } from '@nestjs/common';
import { SchedulerRegistry } from '@nestjs/schedule';
import { randomUUID } from 'node:crypto';
import { DataSource, In, type EntityManager } from 'typeorm';
import { Clock } from '../common/clock.js';
import type { Language } from '../common/language.js';
import { AppConfig } from '../config/app-config.js';
import { SYSTEM, Transactions } from '../database/transactions.js';
import { isUniqueViolation } from '../database/unique-violation.js';
import { REGULAR_ROLES } from '../lockout/lockout.js';
import { Mailer } from '../mail/mailer.js';
import { MaintenanceEventEntity, MaintenanceWindowEntity } from '../maintenance/records.js';
import { User } from '../users/user.entity.js';
import { composeAnnouncementMail } from './announcement-mail.js';
import { AnnouncementChange, AnnouncementDelivery, UserLanguage } from './announcement.entities.js';
import {
  announcementOf,
  sendAllowance,
  WINDOW_CHANGE_EVENTS,
  type AnnouncementProgress,
} from './announcement.rules.js';

/** The SchedulerRegistry name of the job's timer. */
export const ANNOUNCEMENTS_INTERVAL = 'announcements:send';

/** At most this many mails per batch, and events examined per run. */
const BATCH_SIZE = 50;
/** A claim lasts this long: an instance that dies mid-batch leaves rows that others take over then. */
export const CLAIM_LEASE_MS = 2 * 60_000;
/** A failed mail is tried again after this long. */
const RETRY_AFTER_MS = 60_000;
const INSERT_CHUNK = 100;

export interface ClaimedBatch {
  token: string;
  rows: AnnouncementDelivery[];
}

export interface AnnouncementRun {
  expanded: number;
  sent: number;
  failed: number;
}

/** The window's change events up to and including `event`, in the order the job examines them. */
async function sequenceOf(manager: EntityManager, event: MaintenanceEventEntity): Promise<number> {
  const earlier = await manager
    .getRepository(MaintenanceEventEntity)
    .createQueryBuilder('e')
    .where('e.window_id = :windowId', { windowId: event.windowId })
    .andWhere('e.type IN (:...types)', { types: WINDOW_CHANGE_EVENTS })
    .andWhere('(e.at < :at OR (e.at = :at AND e.id <= :id))', {
      at: event.at.getTime(),
      id: event.id,
    })
    .getCount();
  return earlier - 1;
}

/**
 * Announces maintenance windows by e-mail (issue 20). It reads the maintenance module's event
 * history: each window change not yet examined is expanded, in one transaction, into a change row
 * (keyed by the event, so one instance does it) and one outbox row per active regular user
 * (unique per change and user). Batches of the outbox are then claimed with one conditional UPDATE
 * (SKIP LOCKED on PostgreSQL; SQLite serialises writes), mailed, and marked sent one by one, within
 * a per-minute limit shared by every instance. A claim expires, so rows of an instance that died are
 * retried; a row marked sent is never claimed again. Runs on a named interval, never in a request.
 */
@Injectable()
export class AnnouncementsJob implements OnApplicationBootstrap {
  private readonly logger = new Logger('Announcements');
  private running?: Promise<AnnouncementRun>;

  constructor(
    private readonly dataSource: DataSource,
    private readonly transactions: Transactions,
    private readonly mailer: Mailer,
    private readonly clock: Clock,
    private readonly config: AppConfig,
    private readonly scheduler: SchedulerRegistry,
  ) {}

  onApplicationBootstrap(): void {
    if (!this.mailer.configured) {
      this.logger.warn({ event: 'announcements-disabled', reason: 'SMTP_HOST is not set' });
      return;
    }
    const timer = setInterval(() => {
      this.runOnce().catch((error: unknown) =>
        this.logger.error({ event: 'announcements-run-failed', error: String(error) }),
      );
    }, this.config.ANNOUNCEMENT_INTERVAL_MS);
    timer.unref();
    this.scheduler.addInterval(ANNOUNCEMENTS_INTERVAL, timer);
  }

  /** Expands new window changes, then sends one batch; a run already under way is joined. */
  runOnce(): Promise<AnnouncementRun> {
    this.running ??= this.run().finally(() => (this.running = undefined));
    return this.running;
  }

  private async run(): Promise<AnnouncementRun> {
    const expanded = await this.expand();
    const batch = await this.claim();
    let sent = 0;
    for (const row of batch.rows) if (await this.deliver(batch.token, row)) sent += 1;
    const failed = batch.rows.length - sent;
    if (batch.rows.length > 0) this.logger.log({ event: 'announcements-sent', sent, failed });
    return { expanded, sent, failed };
  }

  /** Examines the window changes no instance has examined yet; returns how many it announced. */
  async expand(): Promise<number> {
    const events = await this.dataSource
      .getRepository(MaintenanceEventEntity)
      .createQueryBuilder('e')
      .leftJoin(AnnouncementChange, 'c', 'c.event_id = e.id')
      .where('c.event_id IS NULL')
      .andWhere('e.type IN (:...types)', { types: WINDOW_CHANGE_EVENTS })
      .orderBy('e.at', 'ASC')
      .addOrderBy('e.id', 'ASC')
      .limit(BATCH_SIZE)
      .getMany();
    let announced = 0;
    for (const event of events) {
      try {
        if (await this.transactions.run(SYSTEM, (manager) => this.expandOne(manager, event)))
          announced += 1;
      } catch (error) {
        // Another instance examined it first.
        if (!isUniqueViolation(error)) throw error;
      }
    }
    return announced;
  }

  private async expandOne(manager: EntityManager, event: MaintenanceEventEntity): Promise<boolean> {
    const window = await manager.findOneByOrFail(MaintenanceWindowEntity, { id: event.windowId });
    const details = JSON.parse(event.details) as Record<string, unknown>;
    const method = announcementOf({ type: event.type, details }, window.announce);
    const recipients = method
      ? await manager
          .getRepository(User)
          .createQueryBuilder('u')
          .leftJoin(UserLanguage, 'l', 'l.user_id = u.id')
          .select(['u.id AS "userId"', 'u.email AS "email"', 'l.language AS "language"'])
          .where('u.role IN (:...roles)', { roles: REGULAR_ROLES })
          .andWhere("u.status = 'active'")
          .orderBy('u.id')
          .getRawMany<{ userId: string; email: string; language: string | null }>()
      : [];
    await manager.insert(AnnouncementChange, {
      eventId: event.id,
      windowId: window.id,
      method,
      sequence: method ? await sequenceOf(manager, event) : null,
      startsAt: window.startsAt,
      expectedEndAt: window.expectedEndAt,
      message: window.message,
      recipients: recipients.length,
      createdAt: event.at,
    });
    for (let index = 0; index < recipients.length; index += INSERT_CHUNK) {
      await manager.insert(
        AnnouncementDelivery,
        recipients.slice(index, index + INSERT_CHUNK).map((recipient) => ({
          id: randomUUID(),
          eventId: event.id,
          userId: recipient.userId,
          email: recipient.email,
          language: recipient.language ?? this.config.DEFAULT_LANGUAGE,
          sentAt: null,
          claimedUntil: null,
          claimToken: null,
          attempts: 0,
          lastError: null,
        })),
      );
    }
    if (method) {
      this.logger.log({
        event: 'announcement-queued',
        windowId: window.id,
        maintenanceEventId: event.id,
        method,
        recipients: recipients.length,
      });
    }
    return method !== null;
  }

  /** Claims the next batch for this instance: unsent rows whose claim (if any) has expired. */
  async claim(): Promise<ClaimedBatch> {
    const token = randomUUID();
    const now = this.clock.now().getTime();
    const postgres = this.dataSource.options.type === 'postgres';
    const claimed = await this.transactions.run(SYSTEM, async (manager) => {
      // One claim at a time across instances (SQLite: the write lock), so the limit is counted once.
      if (postgres) await manager.query("SELECT pg_advisory_xact_lock(hashtext('announcements'))");
      // Mails sent in the last minute, and those claimed right now (about to be sent), count.
      const used = await manager
        .getRepository(AnnouncementDelivery)
        .createQueryBuilder('d')
        .where('d.sent_at > :since', { since: now - 60_000 })
        .orWhere('(d.claim_token IS NOT NULL AND d.claimed_until > :now)', { now })
        .getCount();
      const limit = sendAllowance(this.config.ANNOUNCEMENT_MAILS_PER_MINUTE, used, BATCH_SIZE);
      if (limit === 0) return false;
      const [p1, p2, p3, p4] = postgres ? ['$1', '$2', '$3', '$4'] : ['?', '?', '?', '?'];
      await manager.query(
        `UPDATE announcement_deliveries SET claim_token = ${p1}, claimed_until = ${p2}, attempts = attempts + 1 ` +
          'WHERE id IN (SELECT id FROM announcement_deliveries WHERE sent_at IS NULL ' +
          `AND (claimed_until IS NULL OR claimed_until <= ${p3}) ORDER BY id LIMIT ${p4}` +
          `${postgres ? ' FOR UPDATE SKIP LOCKED' : ''})`,
        [token, now + CLAIM_LEASE_MS, now, limit],
      );
      return true;
    });
    const rows = claimed
      ? await this.dataSource.getRepository(AnnouncementDelivery).findBy({ claimToken: token })
      : [];
    return { token, rows };
  }

  /** Mails one claimed row and marks it sent (or failed, to be retried later); true once sent. */
  async deliver(token: string, row: AnnouncementDelivery): Promise<boolean> {
    const change = await this.dataSource
      .getRepository(AnnouncementChange)
      .findOneByOrFail({ eventId: row.eventId });
    const mail = composeAnnouncementMail(
      row.email,
      {
        windowId: change.windowId,
        startsAt: change.startsAt,
        expectedEndAt: change.expectedEndAt,
        message: change.message,
        sequence: change.sequence ?? 0,
        changedAt: change.createdAt,
      },
      change.method ?? 'PUBLISH',
      row.language as Language,
      this.config.APP_TIMEZONE,
      this.config.PUBLIC_URL,
    );
    const mine = { id: row.id, claimToken: token };
    try {
      await this.mailer.send(mail);
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      await this.transactions.run(SYSTEM, (manager) =>
        manager.update(AnnouncementDelivery, mine, {
          claimToken: null,
          claimedUntil: new Date(this.clock.now().getTime() + RETRY_AFTER_MS),
          lastError: message.slice(0, 500),
        }),
      );
      this.logger.warn({ event: 'announcement-mail-failed', deliveryId: row.id, error: message });
      return false;
    }
    await this.transactions.run(SYSTEM, (manager) =>
      manager.update(AnnouncementDelivery, mine, {
        sentAt: this.clock.now(),
        claimToken: null,
        claimedUntil: null,
        lastError: null,
      }),
    );
    return true;
  }

  /** Rows of these changes, for progress: how many were sent and how many wait after a failure. */
  async progress(eventIds: readonly string[]): Promise<Map<string, AnnouncementProgress>> {
    const result = new Map<string, AnnouncementProgress>();
    if (eventIds.length === 0) return result;
    const rows = await this.dataSource
      .getRepository(AnnouncementDelivery)
      .createQueryBuilder('d')
      .select('d.event_id', 'eventId')
      .addSelect('COUNT(*)', 'recipients')
      .addSelect('SUM(CASE WHEN d.sent_at IS NOT NULL THEN 1 ELSE 0 END)', 'sent')
      .addSelect(
        'SUM(CASE WHEN d.sent_at IS NULL AND d.last_error IS NOT NULL THEN 1 ELSE 0 END)',
        'failed',
      )
      .where({ eventId: In([...eventIds]) })
      .groupBy('d.event_id')
      .getRawMany<{
        eventId: string;
        recipients: string | number;
        sent: string | number;
        failed: string | number;
      }>();
    for (const row of rows)
      result.set(row.eventId, {
        recipients: Number(row.recipients),
        sent: Number(row.sent),
        failed: Number(row.failed),
      });
    return result;
  }
}
