import { Column, Entity, PrimaryColumn } from 'typeorm';
import { instantColumn } from '../database/instant.transformer.js';
import { decimalTransformer } from './decimal.transformer.js';

export const CONTRACT_STATUSES = ['draft', 'active', 'ended'] as const;
export type ContractStatus = (typeof CONTRACT_STATUSES)[number];

/** A placement: a candidate working for a client company through the agency. */
@Entity({ name: 'contracts' })
export class Contract {
  @PrimaryColumn({ type: 'varchar', length: 36 })
  id!: string;

  @Column({ type: 'varchar', length: 200 })
  title!: string;

  @Column({ name: 'candidate_id', type: 'varchar', length: 36 })
  candidateId!: string;

  @Column({ name: 'client_company_id', type: 'varchar', length: 36 })
  clientCompanyId!: string;

  /** Calendar days (`YYYY-MM-DD`), not instants: a contract starts on a day wherever you are. */
  @Column({ name: 'start_date', type: 'varchar', length: 10 })
  startDate!: string;

  @Column({ name: 'end_date', type: 'varchar', length: 10, nullable: true })
  endDate!: string | null;

  @Column({
    name: 'hourly_rate',
    type: 'decimal',
    precision: 12,
    scale: 2,
    transformer: decimalTransformer,
  })
  hourlyRate!: number;

  @Column({ type: 'varchar', length: 10 })
  status!: ContractStatus;

  @Column({ name: 'created_at', ...instantColumn })
  createdAt!: Date;

  @Column({ name: 'updated_at', ...instantColumn })
  updatedAt!: Date;
}
