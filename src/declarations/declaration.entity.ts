import { Column, Entity, JoinColumn, ManyToOne, PrimaryColumn } from 'typeorm';
import { Contract } from '../contracts/contract.entity.js';
import { decimalTransformer } from '../contracts/decimal.transformer.js';
import { instantColumn } from '../database/instant.transformer.js';

export const DECLARATION_STATUSES = ['submitted', 'approved', 'rejected'] as const;
export type DeclarationStatus = (typeof DECLARATION_STATUSES)[number];

/** Hours worked (a timesheet) and optionally an expense amount, for one period of a contract. */
@Entity({ name: 'declarations' })
export class Declaration {
  @PrimaryColumn({ type: 'varchar', length: 36 })
  id!: string;

  @Column({ name: 'contract_id', type: 'varchar', length: 36 })
  contractId!: string;

  /** Joined for role scoping only (the scope is the contract's). */
  @ManyToOne(() => Contract, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'contract_id' })
  contract?: Contract;

  @Column({ name: 'period_start', type: 'varchar', length: 10 })
  periodStart!: string;

  @Column({ name: 'period_end', type: 'varchar', length: 10 })
  periodEnd!: string;

  @Column({ type: 'decimal', precision: 7, scale: 2, transformer: decimalTransformer })
  hours!: number;

  @Column({
    type: 'decimal',
    precision: 12,
    scale: 2,
    nullable: true,
    transformer: decimalTransformer,
  })
  amount!: number | null;

  @Column({ type: 'varchar', length: 1000, nullable: true })
  note!: string | null;

  @Column({ type: 'varchar', length: 10 })
  status!: DeclarationStatus;

  @Column({ name: 'decided_by', type: 'varchar', length: 36, nullable: true })
  decidedBy!: string | null;

  @Column({ name: 'decided_at', ...instantColumn, nullable: true })
  decidedAt!: Date | null;

  @Column({ name: 'created_at', ...instantColumn })
  createdAt!: Date;

  @Column({ name: 'updated_at', ...instantColumn })
  updatedAt!: Date;
}
