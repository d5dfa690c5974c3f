import { Column, Entity, PrimaryColumn } from 'typeorm';
import { instantColumn } from '../database/instant.transformer.js';

/** A message a third-party link (job board, ATS) sent us; stored as received. */
@Entity({ name: 'integration_messages' })
export class IntegrationMessage {
  @PrimaryColumn({ type: 'varchar', length: 36 })
  id!: string;

  @Column({ name: 'client_id', type: 'varchar', length: 36 })
  clientId!: string;

  @Column({ type: 'varchar', length: 100 })
  type!: string;

  @Column({ type: 'simple-json' })
  payload!: object;

  @Column({ name: 'received_at', ...instantColumn })
  receivedAt!: Date;
}
