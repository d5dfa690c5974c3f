import { Column, Entity, PrimaryColumn } from 'typeorm';
import { instantColumn } from '../database/instant.transformer.js';

/** A client company that hires candidates; CLIENT users belong to one (users.company_id). */
@Entity({ name: 'companies' })
export class Company {
  @PrimaryColumn({ type: 'varchar', length: 36 })
  id!: string;

  @Column({ type: 'varchar', length: 200 })
  name!: string;

  /** The name as compared for uniqueness (companyNameKey); unique in the database. */
  @Column({ name: 'name_key', type: 'varchar', length: 200 })
  nameKey!: string;

  /** A deactivated company takes no new clients (and is kept for its history). */
  @Column({ type: 'boolean', default: true })
  active!: boolean;

  @Column({ name: 'created_at', ...instantColumn })
  createdAt!: Date;
}
