import { Column, Entity, PrimaryColumn } from 'typeorm';
import { instantColumn } from '../database/instant.transformer.js';

/** A client company that hires candidates; CLIENT users belong to one (users.company_id). */
@Entity({ name: 'companies' })
export class Company {
  @PrimaryColumn({ type: 'varchar', length: 36 })
  id!: string;

  @Column({ type: 'varchar', length: 200 })
  name!: string;

  @Column({ name: 'created_at', ...instantColumn })
  createdAt!: Date;
}
