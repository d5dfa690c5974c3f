import { Column, Entity, PrimaryColumn } from 'typeorm';
import { instantColumn } from '../database/instant.transformer.js';

export type VacancyStatus = 'open' | 'closed';

/** A job the agency advertises; anyone may apply while it is open. */
@Entity({ name: 'vacancies' })
export class Vacancy {
  @PrimaryColumn({ type: 'varchar', length: 36 })
  id!: string;

  @Column({ type: 'varchar', length: 200 })
  title!: string;

  @Column({ type: 'varchar', length: 200 })
  location!: string;

  @Column({ type: 'varchar', length: 4000 })
  description!: string;

  @Column({ type: 'varchar', length: 10 })
  status!: VacancyStatus;

  @Column({ name: 'created_at', ...instantColumn })
  createdAt!: Date;
}
