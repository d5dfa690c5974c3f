import { Column, Entity, PrimaryColumn } from 'typeorm';
import { instantColumn } from '../database/instant.transformer.js';

/** A candidate's saved search; the alerts job mails the new vacancies that match it. */
@Entity({ name: 'saved_searches' })
export class SavedSearch {
  @PrimaryColumn({ type: 'varchar', length: 36 })
  id!: string;

  @Column({ name: 'user_id', type: 'varchar', length: 36 })
  userId!: string;

  @Column({ type: 'varchar', length: 100, nullable: true })
  keyword!: string | null;

  @Column({ type: 'varchar', length: 100, nullable: true })
  location!: string | null;

  /** Vacancies created up to this instant have been considered; the next run starts after it. */
  @Column({ name: 'last_run_at', ...instantColumn })
  lastRunAt!: Date;

  @Column({ name: 'created_at', ...instantColumn })
  createdAt!: Date;
}
