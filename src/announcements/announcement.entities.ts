import { Column, Entity, Index, PrimaryColumn } from 'typeorm';
import { instantColumn } from '../database/instant.transformer.js';

/**
 * One maintenance event the announcements job has examined (its primary key is the event's id, so
 * only one instance expands it). With a method, it is an announced change: a snapshot of the window
 * as announced, and one delivery per recipient, written in the same transaction.
 */
@Entity({ name: 'announcement_changes' })
@Index(['windowId', 'sequence'], { unique: true })
export class AnnouncementChange {
  @PrimaryColumn({ name: 'event_id', type: 'varchar', length: 36 })
  eventId!: string;

  @Column({ name: 'window_id', type: 'varchar', length: 36 })
  windowId!: string;

  /** PUBLISH or CANCEL; null when the event is not announced. */
  @Column({ type: 'varchar', length: 10, nullable: true })
  method!: 'PUBLISH' | 'CANCEL' | null;

  /** The iCalendar SEQUENCE of this change; null when not announced. */
  @Column({ type: 'integer', nullable: true })
  sequence!: number | null;

  @Column({ name: 'starts_at', ...instantColumn })
  startsAt!: Date;

  @Column({ name: 'expected_end_at', ...instantColumn, nullable: true })
  expectedEndAt!: Date | null;

  @Column({ type: 'varchar', length: 500, nullable: true })
  message!: string | null;

  @Column({ type: 'integer' })
  recipients!: number;

  @Column({ name: 'created_at', ...instantColumn })
  createdAt!: Date;
}

/** The outbox: one mail per recipient and change (unique), claimed by one instance at a time. */
@Entity({ name: 'announcement_deliveries' })
@Index(['eventId', 'userId'], { unique: true })
export class AnnouncementDelivery {
  @PrimaryColumn({ type: 'varchar', length: 36 })
  id!: string;

  @Column({ name: 'event_id', type: 'varchar', length: 36 })
  eventId!: string;

  @Column({ name: 'user_id', type: 'varchar', length: 36 })
  userId!: string;

  @Column({ type: 'varchar', length: 320 })
  email!: string;

  @Column({ type: 'varchar', length: 5 })
  language!: string;

  /** Set once the SMTP server accepted the mail; a sent row is never claimed again. */
  @Column({ name: 'sent_at', ...instantColumn, nullable: true })
  sentAt!: Date | null;

  /** A claim (or a failed attempt's back-off) lasts until then; afterwards any instance may claim. */
  @Column({ name: 'claimed_until', ...instantColumn, nullable: true })
  claimedUntil!: Date | null;

  @Column({ name: 'claim_token', type: 'varchar', length: 36, nullable: true })
  claimToken!: string | null;

  @Column({ type: 'integer', default: 0 })
  attempts!: number;

  /** The last failure (no secrets: the SMTP error's message); cleared once sent. */
  @Column({ name: 'last_error', type: 'varchar', length: 500, nullable: true })
  lastError!: string | null;
}

/** The language a user last used the platform in, so announcements reach them in it. */
@Entity({ name: 'user_languages' })
export class UserLanguage {
  @PrimaryColumn({ name: 'user_id', type: 'varchar', length: 36 })
  userId!: string;

  @Column({ type: 'varchar', length: 5 })
  language!: string;
}

export const ANNOUNCEMENT_ENTITIES = [AnnouncementChange, AnnouncementDelivery, UserLanguage];
