import { Column, Entity, PrimaryColumn } from 'typeorm';
import { maintenanceInstant } from './maintenance.instant.js';

/** R9: this login session has closed the notice for this start time. */
@Entity({ name: 'maintenance_notice_acks' })
export class MaintenanceNoticeAckEntity {
  /** SHA-256 of the session id (the session table keeps only the hash too). */
  @PrimaryColumn({ name: 'session_key_hash', type: 'varchar', length: 64 })
  sessionKeyHash!: string;

  @PrimaryColumn({ name: 'starts_at', ...maintenanceInstant })
  startsAt!: Date;

  @Column({ name: 'acked_at', ...maintenanceInstant })
  ackedAt!: Date;

  /** Who closed it (the principal's actor), so that a user's several sessions count once. */
  @Column({ type: 'varchar', length: 320, nullable: true })
  actor!: string | null;
}
