import { Column, Entity, PrimaryColumn } from 'typeorm';
import { maintenanceInstant } from './maintenance.instant.js';

export const MAINTENANCE_EVENT_TYPES = [
  'scheduled',
  'rescheduled',
  'message-changed',
  'downtime-started',
  'turned-off',
] as const;
export type MaintenanceEventType = (typeof MAINTENANCE_EVENT_TYPES)[number];

/** The audit trail of R5, kept forever. `downtime-started` is unique per window (partial unique index). */
@Entity({ name: 'maintenance_events' })
export class MaintenanceEventEntity {
  @PrimaryColumn({ type: 'varchar', length: 36 })
  id!: string;

  @Column({ name: 'window_id', type: 'varchar', length: 36 })
  windowId!: string;

  @Column({ type: 'varchar', length: 30 })
  type!: MaintenanceEventType;

  @Column({ ...maintenanceInstant })
  at!: Date;

  /** The user who made the change, or `system`. */
  @Column({ type: 'varchar', length: 320 })
  actor!: string;

  /** JSON: the old and new values. */
  @Column({ type: 'text' })
  details!: string;
}
