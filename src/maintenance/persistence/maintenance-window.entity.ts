import { Column, Entity, PrimaryColumn } from 'typeorm';
import { maintenanceInstant } from './maintenance.instant.js';

/**
 * One maintenance window. Turning it off ends it (history is kept); turning maintenance on again
 * creates a new one. At most one is open (turned_off_at IS NULL): a partial unique index says so.
 */
@Entity({ name: 'maintenance_windows' })
export class MaintenanceWindowEntity {
  @PrimaryColumn({ type: 'varchar', length: 36 })
  id!: string;

  @Column({ name: 'starts_at', ...maintenanceInstant })
  startsAt!: Date;

  @Column({ name: 'expected_end_at', ...maintenanceInstant, nullable: true })
  expectedEndAt!: Date | null;

  @Column({ type: 'varchar', length: 500, nullable: true })
  message!: string | null;

  @Column({ name: 'created_by', type: 'varchar', length: 320 })
  createdBy!: string;

  @Column({ name: 'turned_off_by', type: 'varchar', length: 320, nullable: true })
  turnedOffBy!: string | null;

  @Column({ name: 'turned_off_at', ...maintenanceInstant, nullable: true })
  turnedOffAt!: Date | null;

  /** Optimistic locking (R6); also the version of the whole setting while this is the latest window. */
  @Column({ type: 'integer' })
  version!: number;

  @Column({ name: 'updated_at', ...maintenanceInstant })
  updatedAt!: Date;

  @Column({ name: 'updated_by', type: 'varchar', length: 320 })
  updatedBy!: string;

  /** The host announces this window's changes to its users (by e-mail); the module only keeps the flag. */
  @Column({ type: 'boolean', default: false })
  announce!: boolean;

  /** Set once, by whichever instance records the downtime-started event first. */
  @Column({ name: 'downtime_started_at', ...maintenanceInstant, nullable: true })
  downtimeStartedAt!: Date | null;
}
