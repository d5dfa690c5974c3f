import { Column, Entity, PrimaryColumn } from 'typeorm';

/** The refusals of one window by one principal kind, summed over every instance's flushes. */
@Entity({ name: 'maintenance_refusal_counts' })
export class MaintenanceRefusalCountEntity {
  @PrimaryColumn({ name: 'window_id', type: 'varchar', length: 36 })
  windowId!: string;

  @PrimaryColumn({ name: 'principal_kind', type: 'varchar', length: 20 })
  principalKind!: string;

  @Column({ type: 'bigint', transformer: { to: (n: number) => n, from: (s: string) => Number(s) } })
  count!: number;
}
