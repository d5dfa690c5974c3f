import { Column, Entity, PrimaryColumn } from 'typeorm';
import { instantColumn } from '../database/instant.transformer.js';

export const INTEGRATION_KINDS = ['THIRD_PARTY', 'BACKOFFICE'] as const;
export type IntegrationKind = (typeof INTEGRATION_KINDS)[number];

/** A machine client that calls the API with `Authorization: Bearer <token>`. */
@Entity({ name: 'integration_clients' })
export class IntegrationClient {
  @PrimaryColumn({ type: 'varchar', length: 36 })
  id!: string;

  @Column({ type: 'varchar', length: 200 })
  name!: string;

  @Column({ type: 'varchar', length: 20 })
  kind!: IntegrationKind;

  @Column({ name: 'token_hash', type: 'varchar', length: 64, unique: true })
  tokenHash!: string;

  @Column({ type: 'boolean', default: true })
  enabled!: boolean;

  @Column({ name: 'created_at', ...instantColumn })
  createdAt!: Date;
}
