import { Column, Entity, PrimaryColumn } from 'typeorm';
import { instantColumn } from '../database/instant.transformer.js';

/** An application for a vacancy, sent without login (R13). */
@Entity({ name: 'job_applications' })
export class JobApplication {
  @PrimaryColumn({ type: 'varchar', length: 36 })
  id!: string;

  @Column({ name: 'vacancy_id', type: 'varchar', length: 36 })
  vacancyId!: string;

  @Column({ type: 'varchar', length: 200 })
  name!: string;

  @Column({ type: 'varchar', length: 320 })
  email!: string;

  @Column({ type: 'varchar', length: 4000, nullable: true })
  motivation!: string | null;

  /** Kept for abuse handling, like the rate limit that uses it. */
  @Column({ name: 'client_address', type: 'varchar', length: 64 })
  clientAddress!: string;

  @Column({ name: 'created_at', ...instantColumn })
  createdAt!: Date;
}
